"""The registration form of a session page (the calendar's filters are in events.filters)."""

from __future__ import annotations

from django import forms

from cms.validators import PlainTextFormMixin
from events.models import Session
from events.services import MESSAGES, seats_message, validate_registration

HONEYPOT_FIELD = "website"


class RegistrationForm(PlainTextFormMixin, forms.Form):
    """Field parsing and widgets; the booking rules and their messages are
    events.services.validate_registration's, run in clean(). The form adds only what the
    service cannot see: the consent tick box and the honeypot."""

    name = forms.CharField(
        label="Ihr Name",
        max_length=120,
        error_messages={"required": MESSAGES["name"]},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.CharField(
        label="E-Mail-Adresse",
        required=False,
        max_length=254,
        help_text="Dann schicken wir Ihnen die Bestätigung mit Kalendereintrag.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Telefonnummer",
        required=False,
        max_length=40,
        help_text="Wenn Sie keine E-Mail-Adresse haben: Wir rufen Sie an, falls sich etwas ändert.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    seats = forms.IntegerField(
        label="Anzahl der Plätze",
        initial=1,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    accessibility_needs = forms.CharField(
        label="Brauchen Sie Unterstützung vor Ort?",
        required=False,
        max_length=500,
        help_text="z. B. Rollstuhl, Hörgerät, große Schrift, Begleitperson.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Bitte fassen Sie sich kürzer (höchstens 500 Zeichen)."},
    )
    privacy_consent = forms.BooleanField(
        label="Ich bin einverstanden, dass die Stadt meine Angaben für diese Anmeldung "
        "speichert. Sie werden 30 Tage nach dem Termin gelöscht.",
        error_messages={"required": MESSAGES["privacy"]},
    )
    website = forms.CharField(
        label="Bitte dieses Feld leer lassen",
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
            seats.help_text = (
                f"Für eine Schulklasse oder Gruppe können Sie bis zu {session.group_limit} "
                "Plätze auf einmal buchen."
            )
        self.fields["privacy_consent"].label = (
            "Ich bin einverstanden, dass die Stadt meine Angaben für diese Anmeldung speichert. "
            f"Sie werden {retention_days} Tage nach dem Termin gelöscht."
        )
        self.fields["name"].error_messages["max_length"] = (
            "Bitte kürzen Sie den Namen auf höchstens 120 Zeichen."
        )
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
