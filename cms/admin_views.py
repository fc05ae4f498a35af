"""Admin views of the cms app: the form submission list with German exports, the editor guide."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.views import SubmissionsListView

from cms.exports import GermanSpreadsheetExportMixin


class FormSubmissionsListView(GermanSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's "Formulareingänge" of a FormPage, exported as cms.exports describes."""

    def get_filename(self) -> str:
        return f"{self.form_page.slug}-eingaenge-{timezone.localdate():%Y-%m-%d}"


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The editor guide ("Redaktionshandbuch"): how this site's content works, in plain German."""

    page_title = "Redaktionshandbuch"
    header_icon = "help"
    template_name = "cms/admin/editor_guide.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review_months"] = settings.LERNHAFEN_TUTORIAL_REVIEW_MONTHS
        return context
