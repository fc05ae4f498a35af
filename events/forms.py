"""The registration form of a session page (the calendar's filters are in events.filters)."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cms.validators import PlainTextFormMixin
from events.models import Session
from events.services import MESSAGES, seats_message, validate_registration

HONEYPOT_FIELD = "website"
NAME_MAX = 120
NEEDS_MAX = 500


def consent_label(retention_days: int) -> str:
    return ngettext(
        "Ich bin einverstanden, dass die Stadt meine Angaben für diese Anmeldung speichert. "
        "Sie werden %(days)s Tag nach dem Termin gelöscht.",
        "Ich bin einverstanden, dass die Stadt meine Angaben für diese Anmeldung speichert. "
        "Sie werden %(days)s Tage nach dem Termin gelöscht.",
        retention_days,
    ) % {"days": retention_days}


class RegistrationForm(PlainTextFormMixin, forms.Form):
    """Field parsing and widgets; the booking rules and their messages are
    events.services.validate_registration's, run in clean(). The form adds only what the
    service cannot see: the consent tick box and the honeypot."""

    name = forms.CharField(
        label=gettext_lazy("Ihr Name"),
        max_length=NAME_MAX,
        error_messages={"required": MESSAGES["name"]},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.CharField(
        label=gettext_lazy("E-Mail-Adresse"),
        required=False,
        max_length=254,
        help_text=gettext_lazy("Dann schicken wir Ihnen die Bestätigung mit Kalendereintrag."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefonnummer"),
        required=False,
        max_length=40,
        help_text=gettext_lazy(
            "Wenn Sie keine E-Mail-Adresse haben: Wir rufen Sie an, falls sich etwas ändert."
        ),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    seats = forms.IntegerField(
        label=gettext_lazy("Anzahl der Plätze"),
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    accessibility_needs = forms.CharField(
        label=gettext_lazy("Brauchen Sie Unterstützung vor Ort?"),
        required=False,
        max_length=NEEDS_MAX,
        help_text=gettext_lazy("z. B. Rollstuhl, Hörgerät, große Schrift, Begleitperson."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    privacy_consent = forms.BooleanField(
        label=lazy(consent_label, str)(30),
        error_messages={"required": MESSAGES["privacy"]},
    )
    website = forms.CharField(
        label=gettext_lazy("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, session: Session, retention_days: int = 30, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        message = seats_message(session)
        seats = self.fields["seats"]
        seats.widget.attrs.update({"min": 1, "max": session.group_limit})
        seats.error_messages.update({"required": message, "invalid": message})
        if session.group_limit <= 1:
            seats.widget = forms.HiddenInput()
        else:
            seats.help_text = ngettext(
                "Für eine Schulklasse oder Gruppe können Sie bis zu %(limit)s Platz auf einmal "
                "buchen.",
                "Für eine Schulklasse oder Gruppe können Sie bis zu %(limit)s Plätze auf einmal "
                "buchen.",
                session.group_limit,
            ) % {"limit": session.group_limit}
        self.fields["privacy_consent"].label = consent_label(retention_days)
        self.fields["name"].error_messages["max_length"] = _(
            "Bitte kürzen Sie den Namen auf höchstens %(max)s Zeichen."
        ) % {"max": NAME_MAX}
        self.fields["accessibility_needs"].error_messages["max_length"] = _(
            "Bitte fassen Sie sich kürzer (höchstens %(max)s Zeichen)."
        ) % {"max": NEEDS_MAX}
        self.fields["email"].error_messages["max_length"] = MESSAGES["email"]
        self.fields["phone"].error_messages["max_length"] = MESSAGES["phone"]

    def clean(self):
        """Parse errors stay with their field; the booking rules are the service's own."""
        data = super().clean()
        try:
            validate_registration(
                self.session,
                name=data.get("name") or "",
                email=data.get("email") or "",
                phone=data.get("phone") or "",
                seats=data.get("seats"),
            )
        except forms.ValidationError as error:
            for name, messages in error.message_dict.items():
                if name not in self.errors:
                    self.add_error(name, messages)
        return data
