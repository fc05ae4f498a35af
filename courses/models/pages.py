"""Page types of the catalogue. Issue 3 fills in their fields, templates and behaviour."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class CourseIndexPage(Page):
    """The catalogue at /kurse/."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Kurskatalog"


class CoursePage(Page):
    summary = models.TextField("Zusammenfassung", max_length=600)
    digital_services = ParentalManyToManyField(
        "courses.DigitalService", blank=True, related_name="courses",
        verbose_name="Digitale Angebote",
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"),
                      FieldPanel("digital_services")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = "Kurs"


class LessonPage(Page):
    summary = models.TextField("Zusammenfassung", blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Lektion"


class TutorialIndexPage(Page):
    """The list of step-by-step tutorials at /anleitungen/."""

    intro = models.TextField("Einleitung", blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.TutorialPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Anleitungen (Übersicht)"


class TutorialPage(Page):
    summary = models.TextField("Zusammenfassung", max_length=600)
    digital_service = models.ForeignKey(
        "courses.DigitalService", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="tutorials", verbose_name="Digitales Angebot",
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"),
                      FieldPanel("digital_service")]
    parent_page_types = ["courses.TutorialIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "Anleitung"
