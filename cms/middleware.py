"""Content Security Policy for Lernhafen.

The public site runs under the strict policy in settings.CONTENT_SECURITY_POLICY. The Wagtail
admin sets style attributes from its own scripts (widths of panels, previews), so admin responses
additionally allow inline *styles* – never inline scripts.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils.cache import cc_delim_re

ADMIN_STYLE_UPDATE = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}


class LernhafenCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(reverse("wagtailadmin_home")) and parts.update is None:
            parts.update = ADMIN_STYLE_UPDATE
        return parts


class PathLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without `Vary: Accept-Language`.

    The language is the URL's prefix alone: with `prefix_default_language=False` an address
    without one is German whatever the browser asks for (and admin users choose theirs in their
    account). Django still adds the Vary header to those answers, which would make every shared
    cache keep one copy per browser language of the same German page.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if response.has_header("Vary"):
            kept = [
                value.strip()
                for value in cc_delim_re.split(response["Vary"])
                if value.strip() and value.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
