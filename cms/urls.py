from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import localize_admin, views
from cms.sitemaps import TranslatedPagesSitemap

urlpatterns = [
    # Before Wagtail's own: the same form and mails, with a rate limit (cms/views.py).
    path(
        "admin/password_reset/",
        views.RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/logout/", views.PostOnlyLogoutView.as_view(), name="wagtailadmin_logout"),
    # wagtail-localize's routes that need a permission or input check (cms/localize_admin.py).
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        localize_admin.upload_pofile,
    ),
    path("admin/localize/reports/translations/", localize_admin.translations_report),
    path(
        "admin/localize/reports/translations/results/",
        localize_admin.translations_report_results,
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/",
        localize_admin.snippet_listing,
    ),
    path(
        "admin/localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        localize_admin.snippet_detail,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    # Every language's pages, each with its translations as hreflang alternates (cms/sitemaps.py).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedPagesSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz/", views.healthz, name="healthz"),
    # The API is outside the language prefixes: one address for every client.
    path("", include("events.urls")),
]

if settings.DEBUG or settings.LERNHAFEN_SERVE_MEDIA:
    # In production the web server in front serves MEDIA_ROOT; see README "Betrieb".
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", views.media, name="media")]

# What visitors read, in their language: German at the addresses it always had, the other
# languages under /en/, /tr/, /ar/, /uk/ and Leichte Sprache under /de-x-ls/. The prefix is the
# whole language choice (no cookie), so a cached page is one page in one language.
urlpatterns += i18n_patterns(
    path("suche/", views.search, name="search"),
    path("darstellung/", views.display_settings, name="display_settings"),
    path("", include("events.ics_urls")),
    path("lernen/", include("learning.urls")),
    # Wagtail's page serving catches everything else, so it comes last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
