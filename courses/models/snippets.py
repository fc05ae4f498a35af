from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.i18n import SourceLocaleQuerySet


class DigCompArea(models.Model):
    """One of the five competence areas of DigComp 2.2 (loaded by a data migration)."""

    number = models.PositiveSmallIntegerField("Nummer", unique=True)
    name = models.CharField("Name", max_length=120)

    class Meta:
        ordering = ["number"]
        verbose_name = "DigComp-Kompetenzbereich"
        verbose_name_plural = "DigComp-Kompetenzbereiche"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class DigCompCompetence(models.Model):
    """One of the 21 competences of DigComp 2.2, e.g. "1.1 Daten … durchsuchen"."""

    area = models.ForeignKey(
        DigCompArea, on_delete=models.PROTECT, related_name="competences", verbose_name="Bereich"
    )
    code = models.CharField("Kennung", max_length=5, unique=True, help_text="z. B. 4.2")
    name = models.CharField("Name", max_length=200)
    plain_name = models.CharField(
        "In einfachen Worten",
        max_length=200,
        help_text="So steht die Kompetenz auf Kurs- und Anleitungsseiten.",
    )

    panels = [FieldPanel("area"), FieldPanel("code"), FieldPanel("name"), FieldPanel("plain_name")]

    class Meta:
        ordering = ["code"]
        verbose_name = "DigComp-Kompetenz"
        verbose_name_plural = "DigComp-Kompetenzen"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class DigitalService(TranslatableMixin, index.Indexed, models.Model):
    """A digital service of the city or the state that tutorials, courses and workshops teach."""

    name = models.CharField("Name", max_length=120)
    slug = models.SlugField("Kurzname (URL)", max_length=120)
    provider = models.CharField(
        "Anbieter", max_length=120, blank=True, help_text="z. B. Stadt Datteln, Land NRW, Bund"
    )
    description = models.TextField("Kurzbeschreibung", blank=True, max_length=500)
    url = models.URLField("Öffentlicher Link", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("provider"),
        FieldPanel("description"),
        FieldPanel("url"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]
    # Filters link by slug in every language (?angebot=buergerkonto): the slug stays German.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("provider"),
        TranslatableField("description"),
        SynchronizedField("url"),
    ]

    objects = SourceLocaleQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "Digitales Angebot"
        verbose_name_plural = "Digitale Angebote"
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="digitalservice_name_per_locale"
            ),
            models.UniqueConstraint(
                fields=["locale", "slug"], name="digitalservice_slug_per_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Topic(TranslatableMixin, models.Model):
    """A topic of the catalogue, e.g. "Sicherheit im Netz" or "Online-Dienste der Stadt"."""

    name = models.CharField("Name", max_length=80)
    slug = models.SlugField(
        "Kurzname (URL)",
        max_length=80,
        help_text="Erscheint in der Adresse, wenn jemand im Katalog nach diesem Thema filtert.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    objects = SourceLocaleQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "Thema"
        verbose_name_plural = "Themen"
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="topic_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="topic_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name
