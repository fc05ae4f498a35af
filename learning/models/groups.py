"""Classes for schools: a teacher's Lerngruppe and the pupils' memberships (nickname only)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Lerngruppe(models.Model):
    name = models.CharField("Name der Lerngruppe", max_length=80)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lerngruppen",
        verbose_name="Lehrkraft",
    )
    join_code = models.CharField("Beitrittscode", max_length=9, unique=True)
    courses = models.ManyToManyField(
        "courses.CoursePage", related_name="+", verbose_name="Kurse", blank=True
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "Lerngruppe"
        verbose_name_plural = "Lerngruppen"

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    group = models.ForeignKey(Lerngruppe, on_delete=models.CASCADE, related_name="memberships")
    lernpass = models.ForeignKey(
        "learning.Lernpass", on_delete=models.CASCADE, related_name="memberships"
    )
    nickname = models.CharField("Spitzname", max_length=30)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["nickname"]
        constraints = [
            models.UniqueConstraint(fields=["group", "nickname"], name="learning_unique_nickname"),
            models.UniqueConstraint(fields=["group", "lernpass"], name="learning_unique_member"),
        ]
        verbose_name = "Mitglied"
        verbose_name_plural = "Mitglieder"

    def __str__(self) -> str:
        return self.nickname
