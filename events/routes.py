"""Sub-page routes of the calendar pages – the URLconf of /kalender/ and /kalender/<workshop>/.

The page models name these lists by dotted path (`subpage_routes`), as Django names its
ROOT_URLCONF, so models import no view and views may import models. Wagtail calls a route as a
method of the page – (page, request, …) – and `page_view` hands it to a view that takes the
request first, as Django views do.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.urls import path

from events import feeds, views
from events.models import WorkshopPage


def page_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def route(page, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return view(request, page, *args, **kwargs)

    return route


def workshop_feed(request: HttpRequest, page: WorkshopPage) -> HttpResponse:
    return feeds.feed(request, page.get_parent().specific, workshop=page)


EVENT_INDEX_ROUTES = [
    path("", page_view(views.calendar), name="calendar"),
    path("feed.ics/", page_view(feeds.feed), name="feed"),
    path("stadtteil/<slug:district_slug>/feed.ics/", page_view(feeds.feed), name="district_feed"),
    path("kurs/<slug:course_slug>/feed.ics/", page_view(feeds.feed), name="course_feed"),
    path("abmelden/<str:token>/", page_view(views.cancel_registration), name="cancel"),
]

WORKSHOP_ROUTES = [
    path("", page_view(views.workshop), name="detail"),
    path("termin/<int:session_id>/", page_view(views.session_detail), name="session"),
    path("termin/<int:session_id>/termin.ics/", page_view(views.session_ics), name="session_ics"),
    path("anmeldung/<str:token>/", page_view(views.confirmation), name="confirmation"),
    path("feed.ics/", page_view(workshop_feed), name="feed"),
]
