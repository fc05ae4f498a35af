"""Forms of the workspace. Dates and times are entered in Europe/Berlin and stored in UTC."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from cms.validators import DATE_RANGE_MESSAGE, PlainTextFormMixin, validate_sane_date
from events.models import (
    Attendance,
    LotseProfile,
    Registration,
    Room,
    SessionLanguage,
    SessionSeries,
)
from events.services import series_starts
from events.workspace import permissions


class Repeat(models.TextChoices):
    """How a series repeats; the value is the start of its RRULE (see SeriesForm.build_series)."""

    WEEKLY = "WEEKLY;INTERVAL=1", "jede Woche am selben Wochentag"
    FORTNIGHTLY = "WEEKLY;INTERVAL=2", "alle zwei Wochen am selben Wochentag"
    MONTHLY = "MONTHLY;BYSETPOS", "jeden Monat am selben Wochentag (z. B. jeden 2. Dienstag)"


class AttendanceMark(models.TextChoices):
    """The attendance radio buttons of a registration; OPEN removes a recorded mark."""

    OPEN = "", "offen"
    ATTENDED = Attendance.ATTENDED, "teilgenommen"
    NO_SHOW = Attendance.NO_SHOW, "nicht erschienen"


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def local_datetime(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def parse_dates(text: str) -> list[date]:
    """Dates one per line (or separated by commas), as 14.04.2026 or 2026-04-14."""
    days = []
    for item in re.split(r"[\s,;]+", text.strip()):
        if not item:
            continue
        for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
            try:
                day = datetime.strptime(item, pattern).date()
            except ValueError:
                continue
            try:
                validate_sane_date(day)
            except forms.ValidationError:
                raise forms.ValidationError(f"„{item}“: {DATE_RANGE_MESSAGE}") from None
            days.append(day)
            break
        else:
            raise forms.ValidationError(
                f"„{item}“ ist kein Datum. Bitte schreiben Sie je Zeile ein Datum wie 14.04.2026."
            )
    return sorted(set(days))


class LotsenField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        profile = getattr(obj, "lotse_profile", None)
        return profile.display_name if profile else (obj.get_full_name() or obj.get_username())


def lotsen_queryset(user):
    """People who can be assigned: Lotsen of the districts this user may plan for."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, lotse_profile__districts__in=permissions.districts_for(user)
        )
        .select_related("lotse_profile")
        .distinct()
        .order_by("lotse_profile__display_name")
    )


class PlaceFieldsMixin(PlainTextFormMixin, forms.Form):
    venue = forms.ModelChoiceField(label="Ort", queryset=None, empty_label="Bitte wählen")
    room = forms.ModelChoiceField(
        label="Raum",
        queryset=None,
        required=False,
        empty_label="Ganzer Ort (kein bestimmter Raum)",
        help_text="Die Räume jedes Ortes pflegt die Koordination. Fehlt ein Raum, sagen Sie ihr "
        "bitte Bescheid.",
    )
    capacity = forms.IntegerField(label="Plätze", min_value=1, max_value=200, initial=8)
    group_limit = forms.IntegerField(
        label="Höchstens Plätze pro Anmeldung",
        min_value=1,
        max_value=200,
        initial=1,
        help_text="1 für Einzelpersonen; z. B. 30, wenn eine Lehrkraft eine Klasse anmeldet.",
    )
    language = forms.ChoiceField(
        label="Sprache",
        choices=SessionLanguage.choices,
        initial=SessionLanguage.DE,
        required=False,  # German when left out (older bookmarks and scripts send none)
        help_text="In welcher Sprache der Termin stattfindet. Der Kalender zeigt es an und lässt "
        "danach filtern.",
    )
    digitallotsen = LotsenField(
        label="Digitallotsen",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Wer den Termin betreut. Ohne Auswahl erscheint er bei „Termine ohne Lotse“.",
    )

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or SessionLanguage.DE

    def setup_place(self, user) -> None:
        venues = permissions.venues_for(user)
        self.fields["venue"].queryset = venues
        self.fields["digitallotsen"].queryset = lotsen_queryset(user)
        rooms = Room.objects.filter(venue__in=venues).select_related("venue")
        self.fields["room"].queryset = rooms
        # Grouped by venue, so the list reads well without JavaScript.
        grouped: dict[str, list] = {}
        for room in rooms.order_by("venue__name", "venue_id", "name"):
            grouped.setdefault(str(room.venue), []).append((room.pk, room.name))
        self.fields["room"].widget.choices = [
            ("", self.fields["room"].empty_label),
            *grouped.items(),
        ]

    def clean(self):
        cleaned = super().clean()
        venue, room = cleaned.get("venue"), cleaned.get("room")
        if venue and room and room.venue_id != venue.pk:
            self.add_error(
                "room",
                f"„{room.name}“ gehört zu {room.venue.name}, nicht zu {venue.name}. Bitte wählen "
                "Sie einen Raum dieses Ortes.",
            )
        capacity, group_limit = cleaned.get("capacity"), cleaned.get("group_limit")
        if capacity and group_limit and group_limit > capacity:
            self.add_error(
                "group_limit",
                "Pro Anmeldung können nicht mehr Plätze gebucht werden, als es insgesamt gibt.",
            )
        return cleaned


class SessionForm(PlaceFieldsMixin):
    error_fields = {"start": "start_time", "end": "end_time"}  # service errors → form fields
    workshop = forms.ModelChoiceField(label="Workshop", queryset=None, empty_label="Bitte wählen")
    day = forms.DateField(label="Datum", widget=DATE_INPUT, validators=[validate_sane_date])
    start_time = forms.TimeField(label="Beginn (Uhrzeit)", widget=TIME_INPUT)
    end_time = forms.TimeField(label="Ende (Uhrzeit)", widget=TIME_INPUT)
    field_order = [
        "workshop",
        "day",
        "start_time",
        "end_time",
        "venue",
        "room",
        "capacity",
        "group_limit",
        "language",
        "digitallotsen",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = permissions.workshops_for(user)
        self.setup_place(user)

    @classmethod
    def initial_for(cls, session) -> dict:
        start, end = timezone.localtime(session.start), timezone.localtime(session.end)
        return {
            "workshop": session.workshop_id,
            "day": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "venue": session.venue_id,
            "room": session.venue_room_id,
            "capacity": session.capacity,
            "group_limit": session.group_limit,
            "language": session.language,
            "digitallotsen": [user.pk for user in session.digitallotsen.all()],
        }

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and start and end:
            if end <= start:
                self.add_error("end_time", "Das Ende muss nach dem Beginn liegen.")
            else:
                cleaned["start"] = local_datetime(day, start)
                cleaned["end"] = local_datetime(day, end)
        return cleaned


class SeriesForm(PlaceFieldsMixin):
    error_fields = {"start": "start_time", "first_start": "first_day"}
    workshop = forms.ModelChoiceField(label="Workshop", queryset=None, empty_label="Bitte wählen")
    first_day = forms.DateField(
        label="Erster Termin", widget=DATE_INPUT, validators=[validate_sane_date]
    )
    start_time = forms.TimeField(label="Beginn (Uhrzeit)", widget=TIME_INPUT)
    end_time = forms.TimeField(label="Ende (Uhrzeit)", widget=TIME_INPUT)
    repeat = forms.ChoiceField(
        label="Wiederholung",
        choices=Repeat.choices,
        widget=forms.RadioSelect,
        initial=Repeat.WEEKLY,
    )
    count = forms.IntegerField(label="Anzahl der Termine", min_value=2, max_value=52, initial=4)
    skip = forms.CharField(
        label="Ausfallende Tage",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Je Zeile ein Datum wie 24.12.2026 (z. B. Feiertage, Ferien).",
    )
    field_order = [
        "workshop",
        "first_day",
        "start_time",
        "end_time",
        "repeat",
        "count",
        "skip",
        "venue",
        "room",
        "capacity",
        "group_limit",
        "language",
        "digitallotsen",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workshop"].queryset = permissions.workshops_for(user)
        self.setup_place(user)

    def clean_skip(self) -> list[date]:
        days = parse_dates(self.cleaned_data.get("skip", ""))
        if len(days) > 52:
            raise forms.ValidationError("Bitte geben Sie höchstens 52 ausfallende Tage an.")
        return days

    def clean(self):
        cleaned = super().clean()
        day, start, end = (
            cleaned.get("first_day"),
            cleaned.get("start_time"),
            cleaned.get("end_time"),
        )
        if day and start and end and end <= start:
            self.add_error("end_time", "Das Ende muss nach dem Beginn liegen.")
        return cleaned

    def build_series(self) -> SessionSeries:
        data = self.cleaned_data
        first_start = local_datetime(data["first_day"], data["start_time"])
        minutes = int(
            (
                datetime.combine(date.min, data["end_time"])
                - datetime.combine(date.min, data["start_time"])
            )
            / timedelta(minutes=1)
        )
        weekday = WEEKDAYS[data["first_day"].weekday()]
        if data["repeat"] == Repeat.MONTHLY:
            nth = (data["first_day"].day - 1) // 7 + 1
            rule = f"FREQ=MONTHLY;BYDAY={nth}{weekday}"
        else:
            rule = f"FREQ={data['repeat']};BYDAY={weekday}"
        series = SessionSeries(
            workshop=data["workshop"],
            first_start=first_start,
            duration_minutes=minutes,
            rrule=f"{rule};COUNT={data['count'] + len(data['skip'])}",
            exdates="\n".join(day.isoformat() for day in data["skip"]),
            venue=data["venue"],
            room=data["room"].name if data["room"] else "",
            venue_room=data["room"],
            capacity=data["capacity"],
            group_limit=data["group_limit"],
            language=data["language"],
        )
        # "Anzahl der Termine" counts the dates that take place: skipped days do not use one up.
        try:
            starts = series_starts(series)[: data["count"]]
        except ValueError as exc:
            raise forms.ValidationError({"count": str(exc)}) from None
        if not starts:
            raise forms.ValidationError({"skip": "An diesen Tagen findet kein Termin statt."})
        series.rrule = f"{rule};UNTIL={timezone.localtime(starts[-1]):%Y%m%d}T235959Z"
        return series


class DuplicateSessionForm(PlainTextFormMixin, forms.Form):
    dates = forms.CharField(
        label="Neue Daten",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Je Zeile ein Datum wie 14.04.2026. Uhrzeit, Ort, Plätze und Digitallotsen "
        "werden übernommen.",
    )

    def clean_dates(self) -> list[date]:
        days = parse_dates(self.cleaned_data["dates"])
        if not days:
            raise forms.ValidationError("Bitte geben Sie mindestens ein Datum an.")
        if len(days) > 52:
            raise forms.ValidationError("Bitte geben Sie höchstens 52 Daten auf einmal an.")
        return days


class DuplicateSeriesForm(forms.Form):
    first_day = forms.DateField(
        label="Neuer erster Termin",
        widget=DATE_INPUT,
        validators=[validate_sane_date],
        help_text="Die Reihe beginnt an diesem Tag neu, mit gleich vielen Terminen.",
    )


class OnBehalfForm(PlainTextFormMixin, forms.Form):
    name = forms.CharField(
        label="Name", max_length=120, error_messages={"required": "Bitte geben Sie den Namen an."}
    )
    phone = forms.CharField(label="Telefonnummer", max_length=40, required=False)
    email = forms.EmailField(
        label="E-Mail-Adresse (freiwillig)",
        required=False,
        help_text="Nur mit Adresse bekommt die Person eine Bestätigung.",
    )
    seats = forms.IntegerField(label="Plätze", min_value=1, max_value=200, initial=1)
    accessibility_needs = forms.CharField(
        label="Unterstützungsbedarf (freiwillig)",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    language = forms.ChoiceField(
        label="Sprache der E-Mails",
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        help_text="In dieser Sprache bekommt die Person Bestätigung und Erinnerung.",
    )


class MessageForm(PlainTextFormMixin, forms.Form):
    subject = forms.CharField(label="Betreff", max_length=120)
    body = forms.CharField(
        label="Nachricht", max_length=4000, widget=forms.Textarea(attrs={"rows": 8})
    )

    def clean_subject(self) -> str:
        # A mail header cannot hold a line break: Django would refuse every single mail.
        subject = self.cleaned_data["subject"]
        if "\n" in subject or "\r" in subject:
            raise forms.ValidationError("Der Betreff darf nur aus einer Zeile bestehen.")
        return subject


class ReviewForm(PlainTextFormMixin, forms.Form):
    comment = forms.CharField(
        label="Anmerkung (bei Ablehnung bitte den Grund)",
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ProfileForm(forms.ModelForm):
    """What a Lotse keeps up to date themselves; districts are assigned by Koordination."""

    class Meta:
        model = LotseProfile
        fields = [
            "display_name",
            "topics",
            "phone",
            "email",
            "contact_public",
            "languages",
            "availability_note",
        ]
        widgets = {"topics": forms.CheckboxSelectMultiple}


def attendance_marks(data, registrations: list[Registration]) -> dict[int, str]:
    """Read the attendance radio buttons (name "anwesenheit-<registration id>")."""
    valid = set(AttendanceMark.values)
    marks = {}
    for registration in registrations:
        value = data.get(f"anwesenheit-{registration.pk}")
        if value is not None and value in valid:
            marks[registration.pk] = value
    return marks
