"""GET filters of the catalogue and the tutorial list (django-filter, STYLE.md §15).

The addresses are shareable and work without JavaScript: ``/kurse/?zielgruppe=seniors&klasse=7``.
A wrong value is reported next to its field and ignored; the other filters still apply.
"""

from __future__ import annotations

import re

import django_filters
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, ngettext_lazy

from cms.i18n import localized
from courses.choices import Audience, DeliveryFormat, LevelGroup
from courses.models import (
    CoursePage,
    DigCompArea,
    DigitalService,
    Topic,
    TutorialPage,
    TutorialStep,
)

INVALID_CHOICE = gettext_lazy(
    "Diese Auswahl gibt es nicht. Bitte wählen Sie einen Eintrag aus der Liste."
)
# Django fills in the number when the message is shown; "limit_value" picks the plural form.
QUERY_TOO_LONG = ngettext_lazy(
    "Bitte geben Sie höchstens %(limit_value)d Zeichen ein.",
    "Bitte geben Sie höchstens %(limit_value)d Zeichen ein.",
    "limit_value",
)
GRADES = range(1, 14)


def _choice_filter(
    label: str | Promise, choices, empty_label: str | Promise, method: str
) -> django_filters.ChoiceFilter:
    return django_filters.ChoiceFilter(
        label=label,
        choices=choices,
        empty_label=empty_label,
        method=method,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )


def _query_filter(help_text: str | Promise) -> django_filters.CharFilter:
    return django_filters.CharFilter(
        label=gettext_lazy("Suchbegriff"),
        method="filter_query",
        max_length=100,
        help_text=help_text,
        error_messages={"max_length": QUERY_TOO_LONG},
    )


def _topics() -> list[tuple[str, str]]:
    return [(topic.slug, localized(topic).name) for topic in Topic.objects.originals()]


def _grades() -> list[tuple[str, str]]:
    # A callable, so the labels are translated when the form is shown, not at import.
    return [(str(grade), gettext("Klasse %(grade)d") % {"grade": grade}) for grade in GRADES]


def _areas() -> list[tuple[str, str]]:
    return [
        (str(number), name) for number, name in DigCompArea.objects.values_list("number", "name")
    ]


def _services_with_tutorials() -> list[tuple[str, str]]:
    services = DigitalService.objects.originals().filter(tutorials__isnull=False).distinct()
    return [(service.slug, localized(service).name) for service in services]


def grades_of(text: str) -> set[int]:
    """The school grades an editor's "Klassenstufen" names: "7–10", "5, 6", "8" or "ab 9"."""
    grades: set[int] = set()
    for first, last in re.findall(r"(\d+)\s*(?:[-–—]|bis)?\s*(\d+)?", text or ""):
        low = int(first)
        high = int(last) if last else (GRADES[-1] if "ab" in text else low)
        grades.update(range(low, high + 1))
    return grades & set(GRADES)


class ListingFilterSet(django_filters.FilterSet):
    """What both listings share: the filters that passed validation, for links and the count."""

    @property
    def valid_filters(self) -> dict[str, str]:
        self.form.is_valid()
        data = getattr(self.form, "cleaned_data", {})
        return {
            name: value for name, value in data.items() if value and name not in self.form.errors
        }


class CourseFilterSet(ListingFilterSet):
    q = _query_filter(gettext_lazy("Zum Beispiel „WLAN“ oder „Passwort“."))
    zielgruppe = _choice_filter(
        gettext_lazy("Zielgruppe"),
        Audience.choices,
        gettext_lazy("Alle Zielgruppen"),
        "filter_audience",
    )
    thema = _choice_filter(
        gettext_lazy("Thema"), _topics, gettext_lazy("Alle Themen"), "filter_topic"
    )
    stufe = _choice_filter(
        gettext_lazy("Stufe"), LevelGroup.choices, gettext_lazy("Alle Stufen"), "filter_level"
    )
    klasse = _choice_filter(
        gettext_lazy("Klassenstufe"), _grades, gettext_lazy("Alle Klassenstufen"), "filter_grade"
    )
    bereich = _choice_filter(
        gettext_lazy("Kompetenzbereich (DigComp)"),
        _areas,
        gettext_lazy("Alle Bereiche"),
        "filter_area",
    )
    format = _choice_filter(
        gettext_lazy("Format"),
        DeliveryFormat.choices,
        gettext_lazy("Alle Formate"),
        "filter_delivery",
    )

    class Meta:
        model = CoursePage
        fields: list[str] = []

    def filter_audience(self, courses: QuerySet, _name: str, audience: str) -> QuerySet:
        # A course for all generations is listed under every audience.
        return courses.filter(audience__in={audience, Audience.ALL})

    def filter_topic(self, courses: QuerySet, _name: str, topic: str) -> QuerySet:
        # Subqueries on tags, so a course appears once however many tags match.
        through = CoursePage.topics.through.objects.filter(topic__slug=topic)
        return courses.filter(pk__in=through.values("coursepage_id"))

    def filter_level(self, courses: QuerySet, _name: str, level: str) -> QuerySet:
        return courses.filter(level__range=LevelGroup(level).levels)

    def filter_grade(self, courses: QuerySet, _name: str, grade: str) -> QuerySet:
        # "Klassenstufen" is the editor's free text ("7–10"); read it once for all school courses.
        named = courses.exclude(grade_levels="").values_list("pk", "grade_levels")
        return courses.filter(pk__in=[pk for pk, text in named if int(grade) in grades_of(text)])

    def filter_area(self, courses: QuerySet, _name: str, area: str) -> QuerySet:
        through = CoursePage.competences.through.objects.filter(
            digcompcompetence__area__number=area
        )
        return courses.filter(pk__in=through.values("coursepage_id"))

    def filter_delivery(self, courses: QuerySet, _name: str, delivery: str) -> QuerySet:
        return courses.filter(delivery=delivery)

    def filter_query(self, courses: QuerySet, _name: str, query: str) -> QuerySet:
        query = query.strip()
        return courses.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(learning_goals__icontains=query)
        )


class TutorialFilterSet(ListingFilterSet):
    q = _query_filter(gettext_lazy("Zum Beispiel „Termin“ oder „WLAN“."))
    angebot = _choice_filter(
        gettext_lazy("Digitales Angebot"),
        _services_with_tutorials,
        gettext_lazy("Alle Angebote"),
        "filter_service",
    )

    class Meta:
        model = TutorialPage
        fields: list[str] = []

    def filter_service(self, tutorials: QuerySet, _name: str, service: str) -> QuerySet:
        return tutorials.filter(digital_service__slug=service)

    def filter_query(self, tutorials: QuerySet, _name: str, query: str) -> QuerySet:
        query = query.strip()
        in_steps = TutorialStep.objects.filter(instruction__icontains=query).values("page_id")
        return tutorials.filter(
            Q(title__icontains=query) | Q(summary__icontains=query) | Q(pk__in=in_steps)
        )
