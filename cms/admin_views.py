"""Admin views of the general site that Wagtail's generic views do not cover: the form
submission list with German exports, the editor guide, restoring a revision of a scheduled page."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import Page

from cms import services
from cms.choices import ScheduledChange
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


def _when(moment) -> str:
    return format_date(timezone.localtime(moment), "d.m.Y, H:i") + " Uhr"


def restore_revision_of_scheduled_page(
    request: HttpRequest, page: Page, revision_id: int
) -> HttpResponse:
    """Ask what happens to the scheduled change before an old revision is restored."""
    revision = get_object_or_404(page.revisions, id=revision_id)
    scheduled = page.scheduled_revision
    perms = page.permissions_for_user(request.user)
    choices = {
        ScheduledChange.KEEP: perms.can_publish(),
        ScheduledChange.CANCEL: perms.can_unschedule(),
    }
    error = ""
    if request.method == "POST":
        choice = request.POST.get("geplante_aenderung", "")
        if choice not in choices:
            error = "Bitte wählen Sie, was mit der geplanten Änderung geschehen soll."
        elif not choices[choice]:
            raise PermissionDenied
        else:
            services.restore_revision(
                page, revision, request.user, keep_schedule=choice == ScheduledChange.KEEP
            )
            if choice == ScheduledChange.KEEP:
                message = (
                    f"Die Version vom {_when(revision.created_at)} ist wiederhergestellt und "
                    f"ersetzt die geplante Änderung: Sie wird wie geplant am "
                    f"{_when(scheduled.approved_go_live_at)} veröffentlicht. Die bisher geplante "
                    "Fassung finden Sie weiter im Verlauf."
                )
            else:
                message = (
                    f"Die Version vom {_when(revision.created_at)} ist als Entwurf "
                    f"wiederhergestellt. Die für {_when(scheduled.approved_go_live_at)} geplante "
                    "Veröffentlichung ist aufgehoben; die geplante Fassung finden Sie weiter im "
                    "Verlauf. Veröffentlichen Sie den Entwurf, wenn er fertig ist."
                )
            messages.success(request, message)
            return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "cms/admin/restore_scheduled_revision.html",
        {
            "page": page,
            "revision_when": _when(revision.created_at),
            "scheduled_when": _when(scheduled.approved_go_live_at),
            "can_keep": choices[ScheduledChange.KEEP],
            "can_cancel": choices[ScheduledChange.CANCEL],
            "keep": ScheduledChange.KEEP,
            "cancel": ScheduledChange.CANCEL,
            "error": error,
            "history_url": reverse("wagtailadmin_pages:history", args=[page.pk]),
        },
        status=400 if error else 200,
    )
