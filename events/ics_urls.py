"""…/*.ics: calendar feeds and downloads of the calendar pages, in every language prefix.

Wagtail's page serving only matches paths ending in "/", so these are handed to it with the
slash added (events.views.serve_ics).
"""

from django.urls import re_path

from events import views

urlpatterns = [
    re_path(r"^(?P<path>(?:[\w-]+/)+[\w.-]+\.ics)$", views.serve_ics, name="events_ics"),
]
