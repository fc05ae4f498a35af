"""Pseudonymous progress: a Lernpass (a code, nothing else) and the statements recorded for it."""

from __future__ import annotations

from django.db import models


class Lernpass(models.Model):
    """A short code that carries a learner's progress across devices – no name, no e-mail."""

    code = models.CharField("Code", max_length=14, unique=True)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    last_used_at = models.DateTimeField("Zuletzt genutzt am", db_index=True)

    class Meta:
        verbose_name = "Lernpass"
        verbose_name_plural = "Lernpässe"

    def __str__(self) -> str:
        return f"Lernpass {self.pk}"


class Statement(models.Model):
    """One xAPI-like result: an answered exercise or a completed lesson, step or H5P content.

    ``block_id`` is the StreamField block id of the exercise, ``schritt-<n>`` for a tutorial
    step, or empty for the page itself (a completed lesson).
    """

    class Verb(models.TextChoices):
        ANSWERED = "answered", "beantwortet"
        COMPLETED = "completed", "abgeschlossen"

    # Short names kept for the demo loader (learning/demo.py); new code uses Statement.Verb.
    ANSWERED = Verb.ANSWERED
    COMPLETED = Verb.COMPLETED

    lernpass = models.ForeignKey(Lernpass, on_delete=models.CASCADE, related_name="statements")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="Seite"
    )
    block_id = models.CharField(max_length=64, blank=True)
    h5p_content = models.ForeignKey(
        "learning.H5PContent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(max_length=20, choices=Verb)
    success = models.BooleanField(null=True)
    score_raw = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    # Scores sent by the browser (H5P) could be forged; they are kept but marked as such.
    self_reported = models.BooleanField(default=False)
    raw = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["lernpass", "page", "block_id"])]
        verbose_name = "Lernergebnis"
        verbose_name_plural = "Lernergebnisse"

    def __str__(self) -> str:
        return f"{self.get_verb_display()}: {self.page_id}/{self.block_id or '–'}"
