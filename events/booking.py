"""Booking primitives: the session lock, the seat count, reference numbers and the mail queue.

Public building blocks for every module that writes registrations – events.services (the
public booking rules) and the Digitallotsen workspace (bookings on behalf, moves between seat
and waitlist). Whoever changes seats calls `lock_session()` inside a transaction first, then
counts with `booked_seats()`, so two requests never both take the last seat.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Case, F, Sum, When

from events.models import Registration, Session
from events.models.sessions import random_reference
from events.tasks import send_registration_mail

# Only the concurrency test's negative control switches the row lock off.
_USE_ROW_LOCK = True


def lock_session(session_id: int) -> Session:
    """The session row, locked until the surrounding transaction ends (select_for_update on
    PostgreSQL; SQLite's IMMEDIATE transactions take the database write lock at BEGIN)."""
    queryset = Session.objects.all()
    if _USE_ROW_LOCK and connection.features.has_select_for_update:
        queryset = queryset.select_for_update()
    return queryset.get(pk=session_id)


def booked_seats(session_id: int) -> int:
    """Seats held by confirmed registrations; count under `lock_session()` before deciding."""
    booked = (
        Registration.objects.confirmed().filter(session_id=session_id).aggregate(total=Sum("seats"))
    )
    return booked["total"] or 0


def unused_reference() -> str:
    """A short reference number nobody holds yet, e.g. „K7PM3X“, to read out on the phone."""
    while True:
        reference = random_reference()
        if not Registration.objects.filter(reference=reference).exists():
            return reference


# --- Mails ------------------------------------------------------------------------------------

# Mails that give or update the person's calendar entry, and those that remove an entry the
# person received ("waitlisted" too: a Lotse can move a booked seat back to the waitlist).
_ENTRY_KINDS = {"confirmed", "promoted", "session_changed"}
_REMOVAL_KINDS = {"cancelled", "session_cancelled", "waitlisted"}


def calendar_message(registration: Registration, kind: str) -> str | None:
    """Decide the calendar part of a mail and record its SEQUENCE; returns the iTIP method.

    Each registration has its own UID (feeds keep one UID per session). A person gets an entry
    (REQUEST) only while holding a seat – the waitlist mail carries none – and a CANCEL only for
    an entry they received. Every REQUEST after the first and every CANCEL raises the stored
    SEQUENCE, so it never goes backwards for a UID. A reminder repeats the current entry.
    """
    received = registration.calendar_sequence is not None
    holds_seat = registration.status == Registration.Status.CONFIRMED
    if kind == "reminder":
        return "REQUEST" if received and holds_seat else None
    if kind in _REMOVAL_KINDS:
        if not received:
            return None
        method = "CANCEL"
    elif kind in _ENTRY_KINDS and holds_seat:
        method = "REQUEST"
    else:
        return None
    Registration.objects.filter(pk=registration.pk).update(
        calendar_sequence=Case(
            When(calendar_sequence__isnull=True, then=0), default=F("calendar_sequence") + 1
        )
    )
    registration.refresh_from_db(fields=["calendar_sequence"])
    return method


def enqueue_mail(registration: Registration, kind: str) -> None:
    """Queue the registrant's mail of this kind (see events.mails.SUBJECTS) with its calendar
    part; call it after the booking is written."""
    if not registration.email:
        return  # phone-only registrations: the team calls, as the form says
    send_registration_mail.enqueue(registration.pk, kind, calendar_message(registration, kind))
