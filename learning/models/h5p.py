"""H5P packages: libraries stored once and shared, contents that use them (learning/h5p.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class H5PLibrary(models.Model):
    """One H5P library version, extracted once to ``h5p/libraries/<machine>-<major>.<minor>/``."""

    machine_name = models.CharField("Maschinenname", max_length=127)
    major_version = models.PositiveIntegerField("Hauptversion")
    minor_version = models.PositiveIntegerField("Nebenversion")
    patch_version = models.PositiveIntegerField("Patch-Version", default=0)
    title = models.CharField("Titel", max_length=255)
    runnable = models.BooleanField("Eigenständig abspielbar", default=False)
    metadata = models.JSONField("library.json", default=dict)
    installed_at = models.DateTimeField("Installiert am", auto_now_add=True)

    class Meta:
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="learning_h5plibrary_unique_version",
            )
        ]
        permissions = [
            ("install_h5plibrary", "Kann neue H5P-Bibliotheken oder -Versionen installieren")
        ]
        verbose_name = "H5P-Bibliothek"
        verbose_name_plural = "H5P-Bibliotheken"

    def __str__(self) -> str:
        return f"{self.title} ({self.directory_name}.{self.patch_version})"

    @property
    def directory_name(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PContent(index.Indexed, models.Model):
    """The snippet "Interaktive Übung (H5P)": one uploaded, validated and extracted package."""

    title = models.CharField("Titel", max_length=255)
    storage_key = models.CharField(max_length=32, unique=True, editable=False)
    main_library = models.ForeignKey(
        H5PLibrary, on_delete=models.PROTECT, related_name="main_for", editable=False
    )
    libraries = models.ManyToManyField(H5PLibrary, related_name="contents", editable=False)
    h5p_json = models.JSONField(default=dict, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("Hochgeladen am", auto_now_add=True)

    panels = [FieldPanel("title")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = "Interaktive Übung (H5P)"
        verbose_name_plural = "Interaktive Übungen (H5P)"

    def __str__(self) -> str:
        return self.title

    @property
    def storage_path(self) -> str:
        return f"h5p/content/{self.storage_key}"

    @property
    def usage_url(self) -> str:
        """The admin's list of pages that show this content (Wagtail's reference index)."""
        return reverse("wagtailsnippets_learning_h5pcontent:usage", args=[self.pk])
