"""Admin views of the cms app: the form submission list with German exports, the editor guide."""

from __future__ import annotations

from django.utils import timezone
from wagtail.contrib.forms.views import SubmissionsListView

from cms.exports import GermanSpreadsheetExportMixin


class FormSubmissionsListView(GermanSpreadsheetExportMixin, SubmissionsListView):
    """Wagtail's "Formulareingänge" of a FormPage, exported as cms.exports describes."""

    def get_filename(self) -> str:
        return f"{self.form_page.slug}-eingaenge-{timezone.localdate():%Y-%m-%d}"
