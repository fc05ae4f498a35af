"""GET filter forms of the catalogue and the tutorial list: shareable URLs, no JavaScript."""

from __future__ import annotations

from django import forms

from courses.digcomp import LEVEL_GROUPS
from courses.models import DigCompArea, DigitalService, Topic
from courses.models.pages import AUDIENCES, DELIVERY_FORMATS

INVALID_CHOICE = "Diese Auswahl gibt es nicht. Bitte wählen Sie einen Eintrag aus der Liste."
QUERY_TOO_LONG = "Bitte geben Sie höchstens %(limit_value)d Zeichen ein."


def _choice(label: str, choices, empty: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", empty), *choices],
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


class CourseFilterForm(forms.Form):
    q = forms.CharField(
        label="Suchbegriff",
        required=False,
        max_length=100,
        help_text="Zum Beispiel „WLAN“ oder „Passwort“.",
        error_messages={"max_length": QUERY_TOO_LONG},
    )
    zielgruppe = _choice("Zielgruppe", AUDIENCES, "Alle Zielgruppen")
    thema = _choice("Thema", [], "Alle Themen")
    stufe = _choice("Stufe", [(key, label) for key, label, _levels in LEVEL_GROUPS], "Alle Stufen")
    bereich = _choice("Kompetenzbereich (DigComp)", [], "Alle Bereiche")
    format = _choice("Format", DELIVERY_FORMATS, "Alle Formate")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [
            ("", "Alle Themen"),
            *Topic.objects.values_list("slug", "name"),
        ]
        self.fields["bereich"].choices = [
            ("", "Alle Bereiche"),
            *(
                (str(number), name)
                for number, name in DigCompArea.objects.values_list("number", "name")
            ),
        ]

    def valid_filters(self) -> dict[str, str]:
        """The filters that passed validation; a wrong value is reported and ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value and name not in self.errors}


class TutorialFilterForm(forms.Form):
    q = forms.CharField(
        label="Suchbegriff",
        required=False,
        max_length=100,
        help_text="Zum Beispiel „Termin“ oder „WLAN“.",
        error_messages={"max_length": QUERY_TOO_LONG},
    )
    angebot = _choice("Digitales Angebot", [], "Alle Angebote")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["angebot"].choices = [
            ("", "Alle Angebote"),
            *DigitalService.objects.filter(tutorials__isnull=False)
            .distinct()
            .values_list("slug", "name"),
        ]

    valid_filters = CourseFilterForm.valid_filters
