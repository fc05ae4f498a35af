"""wagtail-localize's admin routes that need more than Wagtail's admin login, served first.

cms/urls.py routes these three paths here, before the admin's own URLs; each keeps the
package's view and adds what this site needs (tests/security/test_translation_admin.py):

- the snippet API behind the translation editor's snippet choosers listed every row of any
  snippet model to anyone with admin access (a Digitallotse could read other districts' profiles
  and registrations by name): it lists only the rows the model's permission policy lets the
  user change;
- the translations report lists every page's translation status: for editors only (someone
  who may change some page);
- the PO upload answered a file without wagtail-localize's header with a server error: it now
  says the file is not a PO file of this translation and changes nothing.
"""

from __future__ import annotations

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access, user_has_any_page_permission
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation, report, snippets_api
from wagtail_localize.views.edit_translation import user_can_edit_instance

# A PO file of one page is a few hundred kilobytes at most.
MAX_PO_BYTES = 2 * 1024 * 1024


class ScopedSnippetViewSet(snippets_api.SnippetViewSet):
    def get_queryset(self):
        model = self.get_model()
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is None:
            return model._default_manager.none()
        return viewset.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change"]
        )


snippet_listing = require_admin_access(ScopedSnippetViewSet.as_view({"get": "list"}))
snippet_detail = require_admin_access(ScopedSnippetViewSet.as_view({"get": "retrieve"}))


class EditorsTranslationsReportView(report.TranslationsReportView):
    def dispatch(self, request, *args, **kwargs):
        if not user_has_any_page_permission(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


translations_report = require_admin_access(EditorsTranslationsReportView.as_view())
translations_report_results = require_admin_access(
    EditorsTranslationsReportView.as_view(results_only=True)
)


def _is_po_file_of(upload, translation: Translation) -> bool:
    if upload is None or upload.size > MAX_PO_BYTES:
        return False
    try:
        text = upload.read().decode("utf-8")
        # polib reads a path when given one: only ever give it the contents (they have a newline).
        po = polib.pofile("\n" + text) if text.strip() else None
    except (UnicodeDecodeError, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return po is not None and po.metadata.get("X-WagtailLocalize-TranslationID") == str(
        translation.uuid
    )


@require_admin_access
def upload_pofile(request, translation_id: int):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    if request.method == "POST" and not _is_po_file_of(request.FILES.get("file"), translation):
        messages.error(
            request,
            _(
                "Diese Datei ist keine PO-Datei dieser Übersetzung. Bitte laden Sie die Datei "
                "hoch, die Sie hier heruntergeladen und übersetzt haben."
            ),
        )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("wagtailadmin_home")
        return redirect(next_url)
    return edit_translation.upload_pofile(request, translation_id)
