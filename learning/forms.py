"""Forms of the learning app: public forms carry the honeypot field bots fill in."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms.forms import HONEYPOT_FIELD, HoneypotInput
from cms.validators import PlainTextFormMixin
from courses.models import CoursePage
from learning import h5p, services


class PublicForm(PlainTextFormMixin, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Bitte dieses Feld leer lassen"), required=False, widget=HoneypotInput()
        )

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


class RestoreForm(PublicForm):
    code = forms.CharField(
        label=_("Ihr Lernpass-Code"),
        max_length=20,
        help_text=_("Zwölf Zeichen, z. B. ABCD-EFGH-JKMN. Groß- und Kleinschreibung ist egal."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                # learning.js fills it from a link's #code=… (QR code); never from the query.
                "data-code-from-fragment": "",
            }
        ),
        error_messages={"required": _("Bitte geben Sie Ihren Lernpass-Code ein.")},
    )

    def clean_code(self) -> str:
        code = services.normalize_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("Ein Lernpass-Code hat zwölf Buchstaben und Ziffern, z. B. ABCD-EFGH-JKMN.")
            )
        return code


NICKNAME = re.compile(r"^[\w .\-]{2,30}$")


class JoinForm(PublicForm):
    join_code = forms.CharField(
        label=_("Code der Lerngruppe"),
        max_length=12,
        help_text=_("Den Code bekommen Sie von Ihrer Lehrkraft, z. B. ABCD-2345."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "data-code-from-fragment": ""}
        ),
        error_messages={"required": _("Bitte geben Sie den Code der Lerngruppe ein.")},
    )
    nickname = forms.CharField(
        label=_("Ihr Spitzname"),
        max_length=30,
        help_text=_(
            "Bitte nicht Ihr echter Name – z. B. „Blauer Wal“. Ihre Lehrkraft sieht nur "
            "diesen Spitznamen."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": _("Bitte wählen Sie einen Spitznamen.")},
    )

    def clean_nickname(self) -> str:
        nickname = " ".join(self.cleaned_data["nickname"].split())
        if not NICKNAME.match(nickname):
            raise forms.ValidationError(
                _(
                    "Der Spitzname braucht %(min)s bis %(max)s Zeichen: Buchstaben, Ziffern, "
                    "Leerzeichen, Punkt oder Bindestrich."
                )
                % {"min": 2, "max": 30}
            )
        return nickname


class GroupForm(PlainTextFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name der Lerngruppe"),
        max_length=80,
        help_text=_("Zum Beispiel „Klasse 7b – Informatik“."),
        error_messages={"required": _("Bitte geben Sie der Lerngruppe einen Namen.")},
    )
    courses = forms.ModelMultipleChoiceField(
        label=_("Kurse der Lerngruppe"),
        queryset=CoursePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Für diese Kurse sehen Sie, wer welche Lektion erledigt hat."),
        error_messages={"required": _("Bitte wählen Sie mindestens einen Kurs.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["courses"].queryset = CoursePage.objects.live().order_by("title")


class CertificateForm(PlainTextFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Ihr Name auf der Urkunde"),
        max_length=80,
        help_text=_("Der Name erscheint nur auf Ihrer Urkunde. Wir speichern ihn nicht."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Bitte geben Sie den Namen für die Urkunde ein.")},
    )


class H5PContentForm(WagtailAdminModelForm):
    """Admin form of the snippet: the uploaded package is checked before anything is saved."""

    package = forms.FileField(
        label="H5P-Datei (.h5p)",
        required=False,
        help_text="Laden Sie eine .h5p-Datei hoch, wie H5P sie zum Herunterladen anbietet. Sie "
        "wird vor dem Speichern geprüft; ist etwas nicht in Ordnung, steht hier, was zu tun "
        "ist. Neue Bibliotheken darf nur installieren, wer die Berechtigung dazu hat.",
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = "Leer lassen, um den Titel aus dem Paket zu übernehmen."
        self.checked: h5p.CheckedPackage | None = None

    def clean_package(self):
        upload = self.cleaned_data.get("package")
        if self.instance.pk:
            if upload:
                raise forms.ValidationError(
                    "Ein neues Paket legen Sie bitte als neue interaktive Übung an."
                )
            return None
        if not upload:
            raise forms.ValidationError("Bitte wählen Sie eine .h5p-Datei aus.")
        if upload.size > h5p.settings.LERNHAFEN_H5P_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                "Die Datei ist zu groß für ein H5P-Paket (höchstens "
                f"{h5p.settings.LERNHAFEN_H5P_MAX_UPLOAD_SIZE // (1024 * 1024)} MB). Bitte "
                "verkleinern Sie große Videos oder Bilder und exportieren Sie das Paket neu."
            )
        try:
            self.checked = h5p.check_package(upload.read())
        except h5p.PackageRejected as exc:
            raise forms.ValidationError(exc.message) from None
        user = getattr(self, "for_user", None)
        may_install = bool(user and user.has_perm(h5p.INSTALL_PERMISSION))
        if h5p.libraries_to_install(self.checked) and not may_install:
            raise forms.ValidationError(
                "Das Paket bringt neue H5P-Bibliotheken mit. Sie dürfen keine Bibliotheken "
                "installieren; bitte wenden Sie sich an die Administration."
            )
        return None

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and self.checked and not (cleaned.get("title") or "").strip():
            cleaned["title"] = self.checked.title
        return cleaned

    def save(self, commit=True):
        if self.instance.pk or self.checked is None:
            return super().save(commit=commit)
        user = getattr(self, "for_user", None)
        try:
            content = h5p.install_package(
                self.checked,
                title=self.cleaned_data.get("title") or "",
                user=user,
                may_install_libraries=bool(user and user.has_perm(h5p.INSTALL_PERMISSION)),
            )
        except h5p.PackageRejected as exc:  # a race: someone installed meanwhile
            raise forms.ValidationError(exc.message) from None
        self.instance = content
        return content
