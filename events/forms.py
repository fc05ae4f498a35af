"""Forms of the calendar: the registration (shared by the page and the JSON API) and filters."""

from __future__ import annotations

from datetime import date

from django import forms

from cms.validators import PlainTextFormMixin, validate_sane_date
from courses.models import DigitalService
from events.models import District, Session
from events.models.pages import AUDIENCE_CHOICES
from events.services import MESSAGES, seats_message, validate_registration

HONEYPOT_FIELD = "website"


class RegistrationForm(PlainTextFormMixin, forms.Form):
    """Field parsing and messages; the booking rules themselves live in events.services."""

    name = forms.CharField(
        label="Ihr Name",
        max_length=120,
        error_messages={"required": MESSAGES["name"]},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="E-Mail-Adresse",
        required=False,
        max_length=254,
        help_text="Dann schicken wir Ihnen die Bestätigung mit Kalendereintrag.",
        error_messages={"invalid": MESSAGES["email"]},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Telefonnummer",
        required=False,
        max_length=40,
        help_text="Wenn Sie keine E-Mail-Adresse haben: Wir rufen Sie an, falls sich etwas ändert.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    seats = forms.IntegerField(
        label="Anzahl der Plätze",
        min_value=1,
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
        seats.max_value = session.group_limit
        seats.widget.attrs.update({"min": 1, "max": session.group_limit})
        seats.error_messages.update(
            {"required": message, "invalid": message, "min_value": message, "max_value": message}
        )
        seats.validators = []
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


MONTH_FORMAT = "%Y-%m"


class CalendarFilterForm(forms.Form):
    """GET filters of the calendar; invalid values are reported next to their field."""

    stadtteil = forms.ModelChoiceField(
        label="Stadtteil",
        queryset=District.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Alle Stadtteile",
    )
    zielgruppe = forms.ChoiceField(
        label="Für wen",
        choices=[("", "Alle"), *AUDIENCE_CHOICES[1:]],
        required=False,
    )
    thema = forms.ModelChoiceField(
        label="Thema",
        queryset=DigitalService.objects.filter(workshops__isnull=False).distinct(),
        to_field_name="slug",
        required=False,
        empty_label="Alle Themen",
    )
    von = forms.DateField(
        label="Von",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Bitte geben Sie ein Datum wie 24.12.2026 an."},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        validators=[validate_sane_date],
    )
    bis = forms.DateField(
        label="Bis",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Bitte geben Sie ein Datum wie 24.12.2026 an."},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        validators=[validate_sane_date],
    )
    frei = forms.BooleanField(label="nur mit freien Plätzen", required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("von"), data.get("bis")
        if start and end and end < start:
            self.add_error("bis", "Das Ende des Zeitraums muss nach dem Anfang liegen.")
        return data


def parse_month(value: str | None, today: date) -> date:
    """First day of the month `YYYY-MM`; the current month for missing or odd values."""
    from datetime import datetime

    try:
        month = datetime.strptime(value or "", MONTH_FORMAT).date()
    except ValueError:
        return today.replace(day=1)
    if not 2000 <= month.year <= 2100:
        return today.replace(day=1)
    return month
