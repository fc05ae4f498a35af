"""URLs of the events app, included from cms/urls.py before Wagtail's catch-all.

- /api/v1/…  the public JSON API (events/api.py); anything else under /api/ a JSON 404
- …/*.ics    calendar feeds and downloads of the calendar pages: Wagtail's page serving only
  matches paths ending in "/", so these are handed to it with the slash added.
"""

from django.urls import include, re_path

from events import api, views

urlpatterns = [
    re_path(r"^api/v1/", include("events.api_urls")),
    re_path(r"^api(?:/(?P<path>.*))?$", api.unknown_path, name="api_unknown"),
    re_path(r"^(?P<path>(?:[\w-]+/)+[\w.-]+\.ics)$", views.serve_ics, name="events_ics"),
]
