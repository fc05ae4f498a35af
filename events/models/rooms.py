"""Rooms of a venue. Sessions pick one, so the room check cannot be dodged by spelling.

Koordination keeps the rooms in the admin (snippet „Räume“, scoped like the venues). A room's
`key` is its name without case, spaces and hyphens: „Seminar-Raum“ and „Seminarraum“ are the
same room, and a venue cannot have both.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def room_key(name: str) -> str:
    """The spelling-independent identity of a room name: „Seminar-Raum“ → „seminarraum“."""
    return re.sub(r"[\s\-_.]+", "", name).casefold()


class RoomQuerySet(models.QuerySet):
    def named(self, name: str) -> RoomQuerySet:
        """Rooms called `name` in any spelling (case, spaces, hyphens and dots ignored)."""
        return self.filter(key=room_key(name))


class Room(index.Indexed, models.Model):
    venue = models.ForeignKey(
        "events.Venue",
        on_delete=models.CASCADE,
        related_name="rooms",
        verbose_name="Veranstaltungsort",
    )
    name = models.CharField(
        "Name", max_length=120, help_text="z. B. „Seminarraum“ oder „Raum 1.12“"
    )
    key = models.CharField(max_length=120, editable=False)
    capacity = models.PositiveSmallIntegerField(
        "Plätze im Raum",
        null=True,
        blank=True,
        help_text="Freiwillig: wie viele Personen der Raum fasst.",
    )
    accessibility_note = models.CharField(
        "Hinweise zur Barrierefreiheit",
        max_length=300,
        blank=True,
        help_text="z. B. „im 1. Stock, Aufzug vorhanden“",
    )

    objects = RoomQuerySet.as_manager()

    panels = [
        FieldPanel("venue"),
        FieldPanel("name"),
        FieldPanel("capacity"),
        FieldPanel("accessibility_note"),
    ]
    # FilterField("id"): the admin narrows searches to the rows a user may see (events.permissions).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["venue__name", "name"]
        verbose_name = "Raum"
        verbose_name_plural = "Räume"
        constraints = [
            models.UniqueConstraint(fields=["venue", "key"], name="events_room_unique_per_venue")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = room_key(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.key = room_key(self.name)
        if not self.key:
            raise ValidationError({"name": "Bitte geben Sie den Namen des Raums an."})
        same = Room.objects.filter(venue_id=self.venue_id, key=self.key).exclude(pk=self.pk)
        if self.venue_id and same.exists():
            raise ValidationError(
                {"name": f"Diesen Raum gibt es an diesem Ort schon: „{same.first().name}“."}
            )
