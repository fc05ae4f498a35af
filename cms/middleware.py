"""Content Security Policy for Lernhafen.

The public site runs under the strict policy in settings.CONTENT_SECURITY_POLICY. The Wagtail
admin sets style attributes from its own scripts (widths of panels, previews), so admin responses
additionally allow inline *styles* – never inline scripts.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

ADMIN_STYLE_UPDATE = {"style-src": ["'unsafe-inline'"], "img-src": ["blob:"]}


class LernhafenCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(reverse("wagtailadmin_home")) and parts.update is None:
            parts.update = ADMIN_STYLE_UPDATE
        return parts
