"""Admin wiring of the calendar and the hooks events answers (see cms/hooks.py).

Every snippet view, chooser and bulk action of these models asks the permission policies of
events/permissions.py (registered first, below), through cms.scoped_admin.ScopedSnippetViewSet.
Sessions, series and registrations are read-only there: creating, editing and copying a session
or series leads to the Digitallotsen workspace, whose services check conflicts, ask for approval
and tell registrants; registrations are written only by events.services.

- lernhafen_home_sections: „Nächste Termine“ on the home page (order 10)
- lernhafen_related_workshops: sessions near a course or tutorial page (courses/hooks.py), and
  on a course page the links to subscribe to the course's feed
- lernhafen_seed_demo (order 20), lernhafen_purge_personal_data
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms.hooks import HOME_SECTIONS, PURGE_PERSONAL_DATA, SEED_DEMO
from cms.scoped_admin import ScopedSnippetViewSet
from events import feeds, services, views
from events.models import District, Registration, Session, SessionSeries, Venue
from events.permissions import POLICIES
from events.workspace import permissions as scope

# Before any viewset registers (it would create a fallback policy otherwise).
for _model, _policy in POLICIES.items():
    register_permission_policy(_model, _policy)

RELATED_WORKSHOPS = "lernhafen_related_workshops"


def _to_workspace(url_name: str, find=None):
    """A snippet URL that leads to the workspace form, after the workspace's own scope check."""

    def view(request, pk=None):
        args = []
        if pk is not None:
            try:
                object_id = int(unquote(str(pk)))
            except ValueError as error:
                raise Http404 from error
            args = [find(request.user, object_id).pk]
        else:
            scope.require_workspace(request.user)
        return redirect(reverse(f"events_workspace:{url_name}", args=args))

    return view


class SessionFilterSet(WagtailFilterSet):
    class Meta:
        model = Session
        fields = ["status", "language", "venue__district", "workshop"]


class SessionViewSet(ScopedSnippetViewSet):
    model = Session
    menu_label = "Termine"
    icon = "date"
    list_display = ["__str__", "venue", "capacity", "language", "status"]
    filterset_class = SessionFilterSet
    ordering = ["start"]
    inspect_view_enabled = True

    @property
    def add_view(self):
        return _to_workspace("session_create")

    @property
    def edit_view(self):
        return _to_workspace("session_edit", scope.session_or_404)

    @property
    def copy_view(self):
        return _to_workspace("session_duplicate", scope.session_or_404)


class SessionSeriesViewSet(ScopedSnippetViewSet):
    model = SessionSeries
    menu_label = "Terminreihen"
    icon = "repeat"
    list_display = ["__str__", "venue", "first_start"]
    inspect_view_enabled = True

    @property
    def add_view(self):
        return _to_workspace("series_create")

    @property
    def copy_view(self):
        return _to_workspace("series_duplicate", scope.series_or_404)


class RegistrationViewSet(ScopedSnippetViewSet):
    model = Registration
    menu_label = "Anmeldungen"
    icon = "group"
    list_display = ["__str__", "reference", "session", "seats", "language", "created_at"]
    list_filter = ["status", "language"]
    # Whoever takes a cancellation by phone finds the booking by its reference number.
    search_fields = ["reference", "name"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_queryset(self, request):
        # The "Termin" column prints Session.__str__ (workshop title): join it, not one query a row.
        return Registration.objects.select_related("session__workshop")


class DistrictViewSet(ScopedSnippetViewSet):
    model = District
    menu_label = "Stadtteile"
    icon = "site"


class VenueViewSet(ScopedSnippetViewSet):
    model = Venue
    menu_label = "Veranstaltungsorte"
    icon = "home"
    list_display = ["name", "district", "step_free_access"]


class EventsViewSetGroup(SnippetViewSetGroup):
    menu_label = "Workshops"
    menu_icon = "date"
    menu_order = 250
    items = (
        SessionViewSet,
        SessionSeriesViewSet,
        RegistrationViewSet,
        VenueViewSet,
        DistrictViewSet,
    )


register_snippet(EventsViewSetGroup)


@hooks.register(HOME_SECTIONS)
def next_sessions_section(request, page):
    sessions = views.next_sessions()
    if not sessions:
        return None
    calendar = sessions[0].localized_workshop.get_parent()
    return {
        "template": "events/home_section.html",
        "context": {"sessions": sessions, "calendar": calendar},
        "order": 10,
    }


@hooks.register(RELATED_WORKSHOPS)
def related_workshops(request, page):
    sessions = views.related_sessions(page)
    if not sessions:
        return None
    return {
        "template": "events/related_sessions.html",
        "context": {
            "sessions": sessions,
            "days": views.group_by_day(sessions),
            "course_feed": feeds.course_feed_links(request, page, sessions),
        },
    }


@hooks.register(SEED_DEMO, order=20)
def seed_demo(demo):
    # Imported on demand: the demo content is only needed by `seed_demo`, not by every request.
    from events.demo import seed_events

    seed_events(demo)


@hooks.register(PURGE_PERSONAL_DATA)
def purge_registrations(now):
    return services.purge_registrations(now)


from events.workspace import admin_hooks  # noqa: E402,F401
