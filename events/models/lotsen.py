"""The Digitallotsen workspace: Lotse profiles, attendance, review of Lotse-made sessions.

Roles are two groups made by migration (events/migrations, "Digitallotsen" and "Koordination").
What a user may see is decided in events.workspace.permissions from the permissions below and the
districts of the user's LotseProfile.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

DIGITALLOTSEN_GROUP = "Digitallotsen"
KOORDINATION_GROUP = "Koordination"


class LotseProfile(index.Indexed, models.Model):
    """A Digitallotse: the districts they work in and how residents may reach them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lotse_profile",
        verbose_name="Benutzerkonto",
    )
    display_name = models.CharField(
        "Angezeigter Name", max_length=120, help_text="z. B. „Petra A.“ oder „Petra Albers“"
    )
    districts = models.ManyToManyField(
        "events.District",
        blank=True,
        related_name="lotsen",
        verbose_name="Stadtteile",
        help_text="Nur Termine in diesen Stadtteilen kann die Person sehen und bearbeiten.",
    )
    topics = models.ManyToManyField(
        "courses.Topic", blank=True, related_name="lotsen", verbose_name="Themen"
    )
    phone = models.CharField("Telefonnummer", max_length=40, blank=True)
    email = models.EmailField("E-Mail-Adresse", blank=True)
    contact_public = models.BooleanField(
        "Kontaktdaten öffentlich zeigen",
        default=False,
        help_text="Nur wenn angekreuzt, dürfen Telefonnummer und E-Mail-Adresse auf der "
        "Website erscheinen.",
    )
    languages = models.CharField(
        "Sprachen", max_length=200, default="Deutsch", help_text="z. B. „Deutsch, Türkisch“"
    )
    availability_note = models.TextField(
        "Wann Sie Zeit haben",
        max_length=400,
        blank=True,
        help_text="z. B. „Dienstag- und Donnerstagvormittag, nicht in den Schulferien“",
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("display_name"),
        FieldPanel("districts"),
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("contact_public"),
            ],
            heading="Kontakt",
        ),
        FieldPanel("languages"),
        FieldPanel("availability_note"),
    ]
    # FilterField("id"): the admin narrows searches to the rows a user may see (events.permissions).
    search_fields = [
        index.SearchField("display_name"),
        index.AutocompleteField("display_name"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = "Digitallotse"
        verbose_name_plural = "Digitallotsen"
        permissions = [
            ("use_workspace", "Kann Termine in den eigenen Stadtteilen planen und betreuen"),
            (
                "coordinate_sessions",
                "Kann alle Stadtteile sehen, Termine freigeben und Berichte lesen",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    def public_contact(self) -> dict[str, str]:
        """Contact details the Lotse agreed to publish; empty unless they chose so."""
        if not self.contact_public:
            return {}
        return {
            key: value for key, value in (("phone", self.phone), ("email", self.email)) if value
        }


class Attendance(models.Model):
    """Whether a confirmed registration came to the session (recorded by the Lotse)."""

    class Status(models.TextChoices):
        ATTENDED = "attended", "Teilgenommen"
        NO_SHOW = "no_show", "Nicht erschienen"

    # Short names for the members, as callers write them (Attendance.ATTENDED).
    ATTENDED = Status.ATTENDED
    NO_SHOW = Status.NO_SHOW

    registration = models.OneToOneField(
        "events.Registration",
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name="Anmeldung",
    )
    status = models.CharField("Anwesenheit", max_length=12, choices=Status.choices)
    recorded_at = models.DateTimeField("Erfasst am", default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Erfasst von",
    )

    class Meta:
        verbose_name = "Anwesenheit"
        verbose_name_plural = "Anwesenheiten"

    def __str__(self) -> str:
        return self.get_status_display()


class SessionReview(models.Model):
    """Koordination's approval of a session a Lotse planned (when WorkspaceSettings asks for it).

    A session with a pending or rejected review is hidden from the calendar, feeds and API
    (SessionQuerySet.public); a session without a review row needs none.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Wartet auf Freigabe"
        APPROVED = "approved", "Freigegeben"
        REJECTED = "rejected", "Abgelehnt"

    PENDING = State.PENDING
    APPROVED = State.APPROVED
    REJECTED = State.REJECTED
    # States that keep a session out of the calendar, feeds and API (SessionQuerySet.public).
    HIDDEN_STATES = (State.PENDING, State.REJECTED)

    session = models.OneToOneField(
        "events.Session", on_delete=models.CASCADE, related_name="review", verbose_name="Termin"
    )
    state = models.CharField("Stand", max_length=10, choices=State.choices, default=State.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="Eingereicht von",
    )
    submitted_at = models.DateTimeField("Eingereicht am", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Entschieden von",
    )
    decided_at = models.DateTimeField("Entschieden am", null=True, blank=True)
    comment = models.TextField("Anmerkung der Koordination", max_length=600, blank=True)

    class Meta:
        verbose_name = "Freigabe"
        verbose_name_plural = "Freigaben"

    def __str__(self) -> str:
        return self.get_state_display()


@register_setting(icon="group")
class WorkspaceSettings(BaseSiteSetting):
    lotse_sessions_need_approval = models.BooleanField(
        "Termine der Digitallotsen erst nach Freigabe veröffentlichen",
        default=True,
        help_text="Angekreuzt: Neue Termine der Digitallotsen erscheinen erst im Kalender, "
        "wenn die Koordination sie freigegeben hat. Nicht angekreuzt: sofort.",
    )

    panels = [FieldPanel("lotse_sessions_need_approval")]

    class Meta:
        verbose_name = "Digitallotsen-Arbeitsbereich"
        verbose_name_plural = "Digitallotsen-Arbeitsbereich"
