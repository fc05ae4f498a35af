"""The calendar's filters as a django-filter FilterSet.

The GET parameters are the shareable addresses of the calendar (/kalender/?stadtteil=…&frei=on)
and stay as they are; invalid values are reported next to their field.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import F, QuerySet
from django.utils import timezone

from cms.i18n import LocalizedModelChoiceField
from cms.validators import validate_sane_date
from courses.models import DigitalService
from events.models import District, Session
from events.models.pages import Audience

DATE_MESSAGE = "Bitte geben Sie ein Datum wie 24.12.2026 an."


def local_day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class CalendarFilterForm(forms.Form):
    """The filters' form: checks that the period does not end before it begins."""

    def clean(self):
        data = super().clean()
        start, end = data.get("von"), data.get("bis")
        if start and end and end < start:
            self.add_error("bis", "Das Ende des Zeitraums muss nach dem Anfang liegen.")
        return data


class CheckboxFilter(django_filters.Filter):
    """A single checkbox: ticked filters, unticked shows everything."""

    field_class = forms.BooleanField


def _date_filter(label: str, method: str) -> django_filters.DateFilter:
    return django_filters.DateFilter(
        label=label,
        method=method,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        validators=[validate_sane_date],
        error_messages={"invalid": DATE_MESSAGE},
    )


class LocalizedModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = LocalizedModelChoiceField


class CalendarFilter(django_filters.FilterSet):
    stadtteil = LocalizedModelChoiceFilter(
        label="Stadtteil",
        field_name="venue__district",
        queryset=District.objects.originals(),
        to_field_name="slug",
        empty_label="Alle Stadtteile",
    )
    zielgruppe = django_filters.ChoiceFilter(
        label="Für wen",
        field_name="workshop__audience",
        # "Alle Interessierten" is not a choice: those workshops are in every list anyway.
        choices=[choice for choice in Audience.choices if choice[0] != Audience.ALLE],
        empty_label="Alle",
    )
    thema = LocalizedModelChoiceFilter(
        label="Thema",
        field_name="workshop__digital_service",
        queryset=DigitalService.objects.originals().filter(workshops__isnull=False).distinct(),
        to_field_name="slug",
        empty_label="Alle Themen",
    )
    von = _date_filter("Von", "filter_from")
    bis = _date_filter("Bis", "filter_until")
    frei = CheckboxFilter(label="nur mit freien Plätzen", method="filter_free")

    class Meta:
        model = Session
        fields: list[str] = []
        form = CalendarFilterForm

    def filter_from(self, sessions: QuerySet, name: str, day) -> QuerySet:
        return sessions.filter(end__gte=local_day_start(day))

    def filter_until(self, sessions: QuerySet, name: str, day) -> QuerySet:
        return sessions.filter(start__lt=local_day_start(day + timedelta(days=1)))

    def filter_free(self, sessions: QuerySet, name: str, ticked: bool) -> QuerySet:
        if not ticked:
            return sessions
        return sessions.filter(status=Session.Status.SCHEDULED, booked_seats__lt=F("capacity"))

    @property
    def sessions(self) -> QuerySet:
        """The filtered sessions; all of them while a filter value is invalid."""
        if self.is_bound and not self.is_valid():
            return self.queryset
        return self.qs
