"""Sessions of a workshop, the series they come from, and the registrations for them.

Registrations are the only place personal data lives (ARCHITECTURE.md); they are written only
through events.services, which locks the session row while it decides between seat and waitlist.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.i18n import localized
from cms.validators import validate_sane_date
from events.models.lotsen import SessionReview
from events.models.pages import ics_url, workshop_in_language
from events.recurrence import parse_exdates, series_starts

# Reference numbers people read out on the phone: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V.
REFERENCE_ALPHABET = "ACDEFHJKMNPRTWXY34679"
REFERENCE_LENGTH = 6


def random_reference() -> str:
    """A fresh reference number; events.booking.unused_reference also checks it is unused."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class SessionLanguage(models.TextChoices):
    """The language a session is held in; the calendar filters by it (?sprache=tr).

    Labels are the language's German name (translated for the visitor: "Türkisch", "Turkish");
    OWN_NAMES spells each in itself, for lang="…" next to it.
    """

    DE = "de", gettext_lazy("Deutsch")
    EN = "en", gettext_lazy("Englisch")
    TR = "tr", gettext_lazy("Türkisch")
    AR = "ar", gettext_lazy("Arabisch")
    UK = "uk", gettext_lazy("Ukrainisch")
    RU = "ru", gettext_lazy("Russisch")
    PL = "pl", gettext_lazy("Polnisch")


# Each language named in itself (settings.LANGUAGES spells the site's languages the same way).
OWN_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "tr": "Türkçe",
    "ar": "العربية",
    "uk": "Українська",
    "ru": "Русский",
    "pl": "Polski",
}


class SessionQuerySet(models.QuerySet):
    def public(self) -> SessionQuerySet:
        """Sessions of live workshops, cancelled ones included (shown as „abgesagt“).

        Sessions a Lotse planned that Koordination has not approved (SessionReview) stay out.
        """
        return self.filter(workshop__live=True).exclude(
            review__state__in=SessionReview.HIDDEN_STATES
        )

    def upcoming(self, now=None) -> SessionQuerySet:
        return self.filter(end__gte=now or timezone.now())

    def with_seats(self) -> SessionQuerySet:
        """Annotate booked_seats and waitlist_count with subqueries: one query, no row fan-out."""
        confirmed = (
            Registration.objects.filter(session=OuterRef("pk"), status=Registration.CONFIRMED)
            .order_by()
            .values("session")
            .annotate(total=Sum("seats"))
            .values("total")
        )
        waiting = (
            Registration.objects.filter(session=OuterRef("pk"), status=Registration.WAITLISTED)
            .order_by()
            .values("session")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(
            booked_seats=Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0)),
            waitlist_count=Coalesce(Subquery(waiting, output_field=IntegerField()), Value(0)),
        )

    def for_listing(self) -> SessionQuerySet:
        return (
            self.with_seats()
            .select_related("workshop", "venue", "venue__district")
            .order_by("start", "pk")
        )


class Session(models.Model):
    """One date of a workshop. Times are stored in UTC and shown in Europe/Berlin."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Findet statt"
        CANCELLED = "cancelled", "Abgesagt"

    # Short names for the members, as callers write them (Session.CANCELLED).
    SCHEDULED = Status.SCHEDULED
    CANCELLED = Status.CANCELLED

    workshop = models.ForeignKey(
        "events.WorkshopPage",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name="Workshop",
    )
    series = models.ForeignKey(
        "events.SessionSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name="Terminreihe",
    )
    start = models.DateTimeField("Beginn", db_index=True)
    end = models.DateTimeField("Ende", db_index=True)
    venue = models.ForeignKey(
        "events.Venue", on_delete=models.PROTECT, related_name="sessions", verbose_name="Ort"
    )
    room = models.CharField("Raum", max_length=120, blank=True)
    # The room chosen from the venue's rooms; `room` keeps its name for pages, mails and feeds.
    venue_room = models.ForeignKey(
        "events.Room",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name="Raum am Ort",
    )
    capacity = models.PositiveSmallIntegerField("Plätze", default=8)
    group_limit = models.PositiveSmallIntegerField(
        "Höchstens Plätze pro Anmeldung",
        default=1,
        help_text="1 für Einzelpersonen; z. B. 30, wenn eine Lehrkraft eine Klasse anmeldet.",
    )
    language = models.CharField(
        "Sprache",
        max_length=5,
        choices=SessionLanguage.choices,
        default=SessionLanguage.DE,
        db_index=True,
        help_text="In welcher Sprache der Termin stattfindet.",
    )
    digitallotsen = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="assigned_sessions",
        verbose_name="Digitallotsen",
    )
    status = models.CharField(
        "Status", max_length=12, choices=Status.choices, default=Status.SCHEDULED
    )
    # Raised on every change residents must know about; it is the iCalendar SEQUENCE.
    sequence = models.PositiveIntegerField("Änderungszähler", default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("workshop"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("room")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("group_limit")]),
        FieldPanel("language"),
        FieldPanel("digitallotsen"),
        FieldPanel("status"),
    ]

    # Fields whose change is sent to every registrant and raises SEQUENCE.
    NOTIFY_FIELDS = ("start", "end", "venue_id", "room", "status", "language")

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = "Termin"
        verbose_name_plural = "Termine"
        indexes = [models.Index(fields=["workshop", "start"])]

    def __str__(self) -> str:
        local = timezone.localtime(self.start)
        title = self.workshop.title if self.workshop_id else "Termin"
        return f"{title} – {local:%d.%m.%Y %H:%M}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember what was loaded, so an admin edit can tell residents what changed.
        instance._loaded = {
            name: value
            for name, value in zip(field_names, values, strict=False)
            if name in cls.NOTIFY_FIELDS
        }
        return instance

    def changed_notify_fields(self) -> list[str]:
        loaded = getattr(self, "_loaded", {})
        return [name for name, old in loaded.items() if getattr(self, name) != old]

    def clean(self) -> None:
        for name in ("start", "end"):
            try:
                validate_sane_date(getattr(self, name))
            except ValidationError as error:
                raise ValidationError({name: error.messages}) from None
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Das Ende muss nach dem Beginn liegen."})
        if self.group_limit and self.capacity and self.group_limit > self.capacity:
            raise ValidationError(
                {
                    "group_limit": "Pro Anmeldung können nicht mehr Plätze gebucht werden, "
                    "als es insgesamt gibt."
                }
            )

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.CANCELLED

    @property
    def seats_left(self) -> int:
        booked = getattr(self, "booked_seats", None)
        if booked is None:
            booked = self.registrations.confirmed().aggregate(n=Sum("seats"))["n"] or 0
        return max(self.capacity - booked, 0)

    @property
    def is_open_for_registration(self) -> bool:
        return not self.is_cancelled and self.start > timezone.now()

    @property
    def seats_text(self) -> str:
        """Seats in words, as a resident reads them."""
        if self.is_cancelled:
            return _("abgesagt")
        left = self.seats_left
        if left == 0:
            return _("ausgebucht – Warteliste")
        return ngettext("noch %(count)s Platz frei", "noch %(count)s Plätze frei", left) % {
            "count": left
        }

    @property
    def is_in_other_language(self) -> bool:
        """Held in another language than German: cards and pages say which."""
        return self.language != SessionLanguage.DE

    @property
    def language_own_name(self) -> str:
        return OWN_NAMES.get(self.language, self.language)

    @property
    def language_is_active(self) -> bool:
        """The session's language is the one the visitor reads the site in."""
        return self.language == (translation.get_language() or "")

    @property
    def localized_workshop(self):
        """The workshop page in the active language when a live translation exists, else the
        German page the session belongs to (no query in German, see workshop_in_language)."""
        return workshop_in_language(self.workshop)

    @property
    def localized_venue(self):
        return localized(self.venue)

    @property
    def localized_district(self):
        return localized(self.venue.district)

    def get_url(self, request=None) -> str:
        page = self.localized_workshop
        return page.url + page.reverse_subpage("session", args=[self.pk])

    def get_ics_url(self) -> str:
        return ics_url(self.localized_workshop, "session_ics", self.pk)

    @property
    def uid(self) -> str:
        """Stable across edits, so calendar apps update the entry instead of adding one."""
        return f"termin-{self.pk}@lernhafen"


class SessionSeries(models.Model):
    """A recurring schedule (RFC 5545 RRULE with exceptions) that creates concrete sessions.

    Each created session is then its own record: it can be moved or cancelled on its own.
    """

    workshop = models.ForeignKey(
        "events.WorkshopPage",
        on_delete=models.CASCADE,
        related_name="series",
        verbose_name="Workshop",
    )
    first_start = models.DateTimeField("Erster Termin (Beginn)")
    duration_minutes = models.PositiveSmallIntegerField("Dauer in Minuten", default=90)
    rrule = models.CharField(
        "Wiederholungsregel (RRULE)",
        max_length=300,
        help_text="Nach RFC 5545, z. B. FREQ=WEEKLY;BYDAY=TU;COUNT=10 (10 Dienstage) oder "
        "FREQ=MONTHLY;BYDAY=1WE;UNTIL=20261231T000000Z (jeden ersten Mittwoch).",
    )
    exdates = models.TextField(
        "Ausnahmen",
        blank=True,
        help_text="Tage ohne Termin, je Zeile ein Datum wie 2026-12-24 (z. B. Feiertage).",
    )
    venue = models.ForeignKey(
        "events.Venue", on_delete=models.PROTECT, related_name="+", verbose_name="Ort"
    )
    room = models.CharField("Raum", max_length=120, blank=True)
    venue_room = models.ForeignKey(
        "events.Room",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Raum am Ort",
    )
    capacity = models.PositiveSmallIntegerField("Plätze", default=8)
    group_limit = models.PositiveSmallIntegerField("Höchstens Plätze pro Anmeldung", default=1)
    language = models.CharField(
        "Sprache",
        max_length=5,
        choices=SessionLanguage.choices,
        default=SessionLanguage.DE,
        help_text="In welcher Sprache die Termine stattfinden.",
    )

    panels = [
        FieldPanel("workshop"),
        MultiFieldPanel(
            [
                FieldPanel("first_start"),
                FieldPanel("duration_minutes"),
                FieldPanel("rrule"),
                FieldPanel("exdates"),
            ],
            heading="Wiederholung",
        ),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("room")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("group_limit")]),
        FieldPanel("language"),
    ]

    class Meta:
        verbose_name = "Terminreihe"
        verbose_name_plural = "Terminreihen"

    def __str__(self) -> str:
        title = self.workshop.title if self.workshop_id else "Terminreihe"
        return f"{title}: {self.rrule}"

    def clean(self) -> None:
        try:
            parse_exdates(self.exdates)
        except ValueError as exc:
            raise ValidationError({"exdates": str(exc)}) from None
        try:
            starts = series_starts(self)
        except ValueError as exc:
            raise ValidationError({"rrule": str(exc)}) from None
        if not starts:
            raise ValidationError({"rrule": "Diese Regel ergibt keinen einzigen Termin."})


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self) -> RegistrationQuerySet:
        return self.filter(status=Registration.CONFIRMED)

    def waitlisted(self) -> RegistrationQuerySet:
        return self.filter(status=Registration.WAITLISTED)

    def active(self) -> RegistrationQuerySet:
        return self.filter(status__in=[Registration.CONFIRMED, Registration.WAITLISTED])


class Registration(models.Model):
    """A booking of one or more seats, or a place on the waitlist.

    Personal fields are blanked by `events.services.purge_registrations` after the retention
    period; the row stays as an anonymous count (status, seats).
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Angemeldet"
        WAITLISTED = "waitlisted", "Warteliste"
        CANCELLED = "cancelled", "Abgemeldet"

    CONFIRMED = Status.CONFIRMED
    WAITLISTED = Status.WAITLISTED
    CANCELLED = Status.CANCELLED

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations", verbose_name="Termin"
    )
    status = models.CharField("Status", max_length=12, choices=Status.choices, db_index=True)
    seats = models.PositiveSmallIntegerField("Plätze", default=1)
    # Shown on the confirmation and in the mail, so a person can cancel by phone.
    reference = models.CharField(
        "Buchungsnummer",
        max_length=REFERENCE_LENGTH,
        unique=True,
        default=random_reference,
        editable=False,
    )
    name = models.CharField("Name", max_length=120, blank=True)
    email = models.EmailField("E-Mail-Adresse", blank=True)
    phone = models.CharField("Telefonnummer", max_length=40, blank=True)
    accessibility_needs = models.TextField("Unterstützungsbedarf", max_length=500, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Angemeldet durch",
    )
    created_at = models.DateTimeField("Angemeldet am", default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField("Von der Warteliste nachgerückt am", null=True, blank=True)
    cancelled_at = models.DateTimeField("Abgemeldet am", null=True, blank=True)
    reminder_sent_at = models.DateTimeField("Erinnerung gesendet am", null=True, blank=True)
    anonymised_at = models.DateTimeField("Anonymisiert am", null=True, blank=True)
    # SEQUENCE of the last calendar message (REQUEST or CANCEL) mailed for this registration's
    # own UID; empty while the person never received a calendar entry (e.g. on the waitlist).
    calendar_sequence = models.PositiveIntegerField(
        "Kalender-Änderungszähler", null=True, blank=True, editable=False
    )
    # The site language the booking was made in (the address's prefix): its mails, calendar
    # entries and links are in that language (events.mails).
    language = models.CharField(
        "Sprache der Anmeldung",
        max_length=10,
        choices=settings.LANGUAGES,
        default="de",
        editable=False,
    )
    # A client's retry of the same booking (API header Idempotency-Key, the form's hidden token)
    # finds this registration instead of booking again.
    idempotency_key = models.CharField(max_length=100, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "Anmeldung"
        verbose_name_plural = "Anmeldungen"
        indexes = [models.Index(fields=["session", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gte=1), name="registration_seats_positive"),
            models.UniqueConstraint(
                fields=["session", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="registration_idempotency_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name or 'anonym'} ({self.get_status_display()})"

    @property
    def calendar_uid(self) -> str:
        """UID of the personal calendar entry: one per registration, so cancelling one booking
        never removes the entry of another booking made with the same address."""
        return f"anmeldung-{self.pk}@lernhafen"

    @property
    def waitlist_position(self) -> int | None:
        if self.status != self.WAITLISTED:
            return None
        earlier = Registration.objects.waitlisted().filter(session_id=self.session_id)
        earlier = earlier.filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return earlier.count() + 1
