from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views

urlpatterns = [
    # Before Wagtail's own: the same form and mails, with a rate limit (cms/views.py).
    path(
        "admin/password_reset/",
        views.RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/logout/", views.PostOnlyLogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("suche/", views.search, name="search"),
    path("darstellung/", views.display_settings, name="display_settings"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", views.healthz, name="healthz"),
    path("", include("events.urls")),
    path("lernen/", include("learning.urls")),
]

if settings.DEBUG or settings.LERNHAFEN_SERVE_MEDIA:
    # In production the web server in front serves MEDIA_ROOT; see README "Betrieb".
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", views.media, name="media")]

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]
