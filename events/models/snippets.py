"""Places: districts (Stadtteile) and the venues in them, with their accessibility."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.i18n import SourceLocaleQuerySet


class District(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField("Name", max_length=80)
    slug = models.SlugField("Kurzname (URL)", max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    # FilterField("id"): the admin narrows searches to the rows a user may see (events.permissions).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("id"),
        index.FilterField("locale"),
    ]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    objects = SourceLocaleQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "Stadtteil"
        verbose_name_plural = "Stadtteile"
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="district_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="district_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place where sessions happen: a library, a community centre, a school."""

    name = models.CharField("Name", max_length=120)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="venues", verbose_name="Stadtteil"
    )
    street = models.CharField("Straße und Hausnummer", max_length=120)
    postcode = models.CharField("Postleitzahl", max_length=10)
    city = models.CharField("Ort", max_length=80, default="Datteln")
    latitude = models.DecimalField(
        "Breitengrad", max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        "Längengrad", max_digits=9, decimal_places=6, null=True, blank=True
    )
    step_free_access = models.BooleanField("Stufenloser Zugang", default=False)
    accessible_toilet = models.BooleanField("Barrierefreies WC", default=False)
    hearing_loop = models.BooleanField("Induktionsschleife für Hörgeräte", default=False)
    parking = models.CharField(
        "Parken", max_length=200, blank=True, help_text="z. B. „2 Behindertenparkplätze am Eingang“"
    )
    public_transport = models.CharField(
        "Anfahrt mit Bus und Bahn",
        max_length=300,
        blank=True,
        help_text="Haltestelle, Linien und Fußweg, z. B. „Bus SB 2, Haltestelle Rathaus, 100 m“",
    )
    accessibility_note = models.TextField(
        "Weitere Hinweise zur Barrierefreiheit", max_length=600, blank=True
    )
    # Feeds and pages show the address: a change here must renew their cache validators.
    updated_at = models.DateTimeField("Zuletzt geändert", auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("district"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Adresse",
        ),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("parking"),
                FieldPanel("public_transport"),
                FieldPanel("accessibility_note"),
            ],
            heading="Barrierefreiheit und Anfahrt",
        ),
    ]
    # FilterField("id"): the admin narrows searches to the rows a user may see (events.permissions).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("id"),
        index.FilterField("locale"),
    ]
    # The address and the facts are the same in every language; names and directions are read.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("district"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("step_free_access"),
        SynchronizedField("accessible_toilet"),
        SynchronizedField("hearing_loop"),
        TranslatableField("parking"),
        TranslatableField("public_transport"),
        TranslatableField("accessibility_note"),
    ]

    objects = SourceLocaleQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "Veranstaltungsort"
        verbose_name_plural = "Veranstaltungsorte"

    def __str__(self) -> str:
        return f"{self.name} ({self.district.name})" if self.district_id else self.name

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def osm_url(self) -> str:
        """A plain link to OpenStreetMap: no map is embedded, our pages request nothing."""
        if self.latitude is None or self.longitude is None:
            from urllib.parse import urlencode

            return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )
