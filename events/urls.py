"""URLs of the events app, included from cms/urls.py before Wagtail's catch-all.

- /api/v1/…  the public JSON API (events/api.py); anything else under /api/ a JSON 404

The API sits outside the language prefixes (cms/urls.py): one address for every client. The
.ics downloads are in events/ics_urls.py, inside them.
"""

from django.urls import include, re_path

from events import api

urlpatterns = [
    re_path(r"^api/v1/", include("events.api_urls")),
    re_path(r"^api(?:/(?P<path>.*))?$", api.unknown_path, name="api_unknown"),
]
