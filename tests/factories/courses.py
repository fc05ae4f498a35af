"""Factories for the course and tutorial page types (STYLE.md §7)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from courses.models import (
    CourseIndexPage,
    CoursePage,
    DigitalService,
    LessonPage,
    Topic,
    TutorialIndexPage,
    TutorialPage,
    TutorialStep,
)


class DigitalServiceFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Online-Dienst {n}")
    slug = factory.Sequence(lambda n: f"online-dienst-{n}")
    provider = "Stadt Datteln"
    url = "https://www.datteln.de/"

    class Meta:
        model = DigitalService
        django_get_or_create = ("slug",)


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kurse"
    slug = "kurse"
    intro = "Finden Sie den passenden Kurs."

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kurs {n}")
    summary = "Sie lernen Schritt für Schritt, wie es geht."
    learning_goals = "Sie können ein Beispiel nennen.\nSie können es selbst ausprobieren."
    audience = "seniors"
    level = 1
    duration_minutes = 90
    delivery = "online"

    class Meta:
        model = CoursePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lektion {n}")
    summary = "Eine kurze Lektion."

    class Meta:
        model = LessonPage


class TutorialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Anleitungen"
    slug = "anleitungen"
    intro = "Schritt für Schritt erklärt."

    class Meta:
        model = TutorialIndexPage


class TutorialPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Anleitung {n}")
    summary = "So geht es, Schritt für Schritt."
    last_checked = factory.LazyFunction(datetime.date.today)
    service_version = "Version 1.0"

    class Meta:
        model = TutorialPage


class TutorialStepFactory(DjangoModelFactory):
    instruction = factory.Sequence(lambda n: f"Tippen Sie auf Feld {n}.")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = TutorialStep
