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
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.i18n import LocalizedModelChoiceField
from cms.validators import validate_sane_date
from courses.models import DigitalService
from events.models import District, Session, SessionLanguage
from events.models.pages import Audience

# Lazy, in the visitor's language; the example date is not part of the translation.
DATE_MESSAGE = lazy(
    lambda: _("Bitte geben Sie ein Datum wie %(example)s an.") % {"example": "24.12.2026"}, str
)()


def local_day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class CalendarFilterForm(forms.Form):
    """The filters' form: checks that the period does not end before it begins."""

    def clean(self):
        data = super().clean()
        start, end = data.get("von"), data.get("bis")
        if start and end and end < start:
            self.add_error("bis", _("Das Ende des Zeitraums muss nach dem Anfang liegen."))
        return data


class CheckboxFilter(django_filters.Filter):
    """A single checkbox: ticked filters, unticked shows everything."""

    field_class = forms.BooleanField


def _date_filter(label, method: str) -> django_filters.DateFilter:
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
        label=gettext_lazy("Stadtteil"),
        field_name="venue__district",
        queryset=District.objects.originals(),
        to_field_name="slug",
        empty_label=gettext_lazy("Alle Stadtteile"),
    )
    zielgruppe = django_filters.ChoiceFilter(
        label=gettext_lazy("Für wen"),
        field_name="workshop__audience",
        # "Alle Interessierten" is not a choice: those workshops are in every list anyway.
        choices=[choice for choice in Audience.choices if choice[0] != Audience.ALLE],
        empty_label=gettext_lazy("Alle"),
    )
    thema = LocalizedModelChoiceFilter(
        label=gettext_lazy("Thema"),
        field_name="workshop__digital_service",
        queryset=DigitalService.objects.originals().filter(workshops__isnull=False).distinct(),
        to_field_name="slug",
        empty_label=gettext_lazy("Alle Themen"),
    )
    sprache = django_filters.ChoiceFilter(
        label=gettext_lazy("Sprache"),
        field_name="language",
        choices=SessionLanguage.choices,
        empty_label=gettext_lazy("Alle Sprachen"),
    )
    von = _date_filter(gettext_lazy("Von"), "filter_from")
    bis = _date_filter(gettext_lazy("Bis"), "filter_until")
    frei = CheckboxFilter(label=gettext_lazy("nur mit freien Plätzen"), method="filter_free")

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
