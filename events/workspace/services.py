"""Writes of the Digitallotsen workspace: plan sessions, move people, take attendance, message.

Registration changes go through events.services (register, cancel, cancel_session) or, where
the calendar has no function for it (confirm someone from the waitlist, move someone back to the
waitlist), through the same row lock (`lock_session`) and seat count the public form uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from events import services as calendar
from events.booking import booked_seats, enqueue_mail, lock_session
from events.models import (
    Attendance,
    Registration,
    Session,
    SessionReview,
    SessionSeries,
    Venue,
    WorkshopPage,
)
from events.workspace.conflicts import Conflict, find_conflicts
from events.workspace.permissions import is_coordinator
from events.workspace.tasks import send_session_message

if TYPE_CHECKING:  # Room appears in annotations only
    from events.models import Room


MESSAGES = {
    "not_full_seats": "Für {name} sind nur {free} Plätze frei, es werden aber {seats} gebraucht. "
    "Erhöhen Sie die Zahl der Plätze oder setzen Sie vorher jemanden auf die Warteliste.",
    "not_waiting": "Diese Person steht nicht auf der Warteliste.",
    "not_confirmed": "Diese Person hat keinen festen Platz.",
    "attendance_too_early": "Die Anwesenheit können Sie ab dem Tag des Termins eintragen.",
    "cancelled_session": "Dieser Termin ist abgesagt.",
    "session_begun": "Der Termin hat schon begonnen. Jetzt können Sie nur noch die Anwesenheit "
    "eintragen.",
}


@dataclass
class PlanOptions:
    """What a new session (or each session of a series) gets besides its time."""

    workshop: WorkshopPage
    venue: Venue
    room: Room | str | None = None  # a name is looked up among the venue's rooms
    capacity: int = 8
    group_limit: int = 1
    language: str = "de"
    lotsen: list = field(default_factory=list)

    def __post_init__(self) -> None:
        if isinstance(self.room, str):
            self.room = venue_room(self.venue, self.room)


def venue_room(venue: Venue, name: str) -> Room | None:
    """The room of `venue` called `name` in any spelling; None for an empty name."""
    if not name.strip():
        return None
    room = venue.rooms.named(name).first()
    if room is None:
        raise ValidationError({"room": f"In {venue.name} gibt es keinen Raum „{name}“."})
    return room


def raise_conflicts(conflicts: list[Conflict]) -> None:
    if conflicts:
        errors: dict[str, list[str]] = {}
        for conflict in conflicts:
            errors.setdefault(conflict.field, []).append(conflict.message)
        raise ValidationError(errors)


def needs_review(user, need_approval: bool) -> bool:
    return need_approval and not is_coordinator(user)


def _submit(sessions: list[Session], user) -> None:
    SessionReview.objects.bulk_create(
        [SessionReview(session=session, submitted_by=user) for session in sessions]
    )


@transaction.atomic
def create_sessions(
    starts: list[tuple[datetime, datetime]], options: PlanOptions, *, user, need_approval: bool
) -> list[Session]:
    """Plan one session per (start, end) after checking every conflict; all or nothing."""
    raise_conflicts(
        find_conflicts(starts, venue=options.venue, room=options.room, lotsen=options.lotsen)
    )
    sessions = []
    for start, end in starts:
        session = Session(
            workshop=options.workshop,
            start=start,
            end=end,
            venue=options.venue,
            **room_fields(options.room),
            capacity=options.capacity,
            group_limit=options.group_limit,
            language=options.language,
        )
        session.full_clean()
        session.save()
        session.digitallotsen.set(options.lotsen)
        sessions.append(session)
    if needs_review(user, need_approval):
        _submit(sessions, user)
    return sessions


@transaction.atomic
def create_series(
    series: SessionSeries, lotsen: list, *, user, need_approval: bool
) -> list[Session]:
    """Save a series and create its sessions, after checking each date for conflicts."""
    series.full_clean()
    raise_conflicts(
        find_conflicts(
            series_slots(series), venue=series.venue, room=series.venue_room, lotsen=lotsen
        )
    )
    series.room = series.venue_room.name if series.venue_room else ""
    series.save()
    sessions = calendar.generate_sessions(series)
    Session.objects.filter(pk__in=[session.pk for session in sessions]).update(
        venue_room=series.venue_room
    )
    for session in sessions:
        session.venue_room = series.venue_room
        session.digitallotsen.set(lotsen)
    if needs_review(user, need_approval):
        _submit(sessions, user)
    return sessions


def series_slots(series: SessionSeries) -> list[tuple[datetime, datetime]]:
    """The (start, end) of every date a series would create."""
    duration = timedelta(minutes=series.duration_minutes)
    return [(start, start + duration) for start in calendar.series_starts(series)]


def room_fields(room: Room | None) -> dict:
    """A session's room: the chosen Room and its name (which pages, mails and feeds show)."""
    return {"venue_room": room, "room": room.name if room else ""}


@dataclass
class PlannedDate:
    """One date of a series preview, with what stands in its way."""

    start: datetime
    end: datetime
    conflicts: list[Conflict]


def preview_series(series: SessionSeries, lotsen: list) -> tuple[list[PlannedDate], list[Conflict]]:
    """The dates a series would create and their conflicts; writes nothing.

    Returns the dates and the conflicts that concern no single date (e.g. a Lotse's district).
    """
    slots = series_slots(series)
    conflicts = find_conflicts(slots, venue=series.venue, room=series.venue_room, lotsen=lotsen)
    dates = [
        PlannedDate(start, end, [c for c in conflicts if c.start == start]) for start, end in slots
    ]
    return dates, [c for c in conflicts if c.start is None]


# Edits a Lotse makes to these fields put a session (back) before Koordination when approval
# is on: a published session moved to another date or place is in effect a new one.
REVIEWED_FIELDS = ("workshop_id", "start", "end", "venue_id", "venue_room_id", "room")


def update_session(
    session: Session, *, lotsen: list, user=None, need_approval: bool = False, **changes
) -> int:
    """Save an edited session; registrants hear about changed times or places.

    When approval is on and a Lotse changes what Koordination approved (REVIEWED_FIELDS), the
    session goes back to „Wartet auf Freigabe“ and leaves the calendar until it is approved.
    Returns how many registrations were notified.
    """
    before = {name: getattr(session, name) for name in REVIEWED_FIELDS}
    if "room" in changes:
        changes.update(room_fields(changes.pop("room")))
    for name, value in changes.items():
        setattr(session, name, value)
    resubmit = needs_review(user, need_approval) and any(
        getattr(session, name) != value for name, value in before.items()
    )
    raise_conflicts(
        find_conflicts(
            [(session.start, session.end)],
            venue=session.venue,
            room=session.venue_room,
            lotsen=lotsen,
            capacity=session.capacity,
            session=session,
        )
    )
    session.full_clean()
    with transaction.atomic():
        session.save()
        session.digitallotsen.set(lotsen)
        if resubmit:
            SessionReview.objects.update_or_create(
                session=session,
                defaults={
                    "state": SessionReview.PENDING,
                    "submitted_by": user,
                    "submitted_at": timezone.now(),
                    "decided_by": None,
                    "decided_at": None,
                    "comment": "",
                },
            )
    notified = calendar.session_changed(session, session.changed_notify_fields())
    calendar.promote_waitlist(session)  # more seats now? the waitlist moves up
    return notified


def duplicate_session(
    session: Session, starts: list[datetime], *, user, need_approval: bool
) -> list[Session]:
    """Copy a session to new dates, keeping its length, place, seats and Lotsen."""
    duration = session.end - session.start
    options = PlanOptions(
        workshop=session.workshop,
        venue=session.venue,
        room=session.venue_room,
        capacity=session.capacity,
        group_limit=session.group_limit,
        language=session.language,
        lotsen=list(session.digitallotsen.all()),
    )
    return create_sessions(
        [(start, start + duration) for start in starts],
        options,
        user=user,
        need_approval=need_approval,
    )


def duplicate_series(
    series: SessionSeries, first_start: datetime, *, user, need_approval: bool
) -> tuple[SessionSeries, list[Session]]:
    """Repeat a whole series from a new first date with as many dates as the original."""
    count = len(calendar.series_starts(series))
    rule = re.sub(r";?(UNTIL|COUNT)=[^;]*", "", series.rrule.strip().removeprefix("RRULE:"))
    copy = SessionSeries(
        workshop=series.workshop,
        first_start=first_start,
        duration_minutes=series.duration_minutes,
        rrule=f"{rule};COUNT={count}",
        exdates=series.exdates,
        venue=series.venue,
        room=series.room,
        venue_room=series.venue_room,
        capacity=series.capacity,
        group_limit=series.group_limit,
        language=series.language,
    )
    first = series.sessions.order_by("start").first()
    lotsen = list(first.digitallotsen.all()) if first else []
    sessions = create_series(copy, lotsen, user=user, need_approval=need_approval)
    return copy, sessions


# --- Registrations ---------------------------------------------------------------------------


def register_on_behalf(
    session: Session,
    *,
    name: str,
    phone: str = "",
    email: str = "",
    seats: int = 1,
    accessibility_needs: str = "",
    language: str = "de",
    user,
) -> Registration:
    """A phone registration: same rules and lock as the public form; no mail without address.
    The mails go out in `language` (the workspace itself is German)."""
    return calendar.register(
        session,
        name=name,
        phone=phone,
        email=email,
        seats=seats,
        accessibility_needs=accessibility_needs,
        registered_by=user,
        language=language,
    )


def has_begun(session: Session, now: datetime | None = None) -> bool:
    """Once a session has begun, only its attendance can still be recorded."""
    return session.start <= (now or timezone.now())


def _refuse_if_begun(session: Session) -> None:
    if has_begun(session):
        raise ValidationError(MESSAGES["session_begun"])


def confirm_from_waitlist(registration: Registration) -> Registration:
    """Give a waitlisted person a seat, only if their seats are free (under the session lock)."""
    with transaction.atomic():
        locked = lock_session(registration.session_id)
        _refuse_if_begun(locked)
        current = Registration.objects.get(pk=registration.pk)
        if current.status != Registration.WAITLISTED:
            raise ValidationError(MESSAGES["not_waiting"])
        if locked.is_cancelled:
            raise ValidationError(MESSAGES["cancelled_session"])
        free = locked.capacity - booked_seats(locked.pk)
        if current.seats > free:
            raise ValidationError(
                MESSAGES["not_full_seats"].format(
                    name=current.name or "diese Anmeldung", free=max(free, 0), seats=current.seats
                )
            )
        current.status = Registration.CONFIRMED
        current.promoted_at = timezone.now()
        current.save(update_fields=["status", "promoted_at"])
    enqueue_mail(current, "promoted")
    return current


def move_to_waitlist(registration: Registration) -> Registration:
    """Take a confirmed seat back (e.g. the person is unsure); the seat is free for others.

    Nobody is promoted automatically: the Lotse decides who gets the seat next.
    """
    with transaction.atomic():
        _refuse_if_begun(lock_session(registration.session_id))
        current = Registration.objects.get(pk=registration.pk)
        if current.status != Registration.CONFIRMED:
            raise ValidationError(MESSAGES["not_confirmed"])
        current.status = Registration.WAITLISTED
        current.save(update_fields=["status"])
    enqueue_mail(current, "waitlisted")
    return current


def unregister(registration: Registration) -> list[Registration]:
    """Cancel a registration for the person (before the session); returns who moved up."""
    _refuse_if_begun(Session.objects.get(pk=registration.session_id))
    return calendar.cancel(registration)


def cancel_session(session: Session) -> int:
    """Call off a session that has not begun; returns how many registrants get a mail."""
    _refuse_if_begun(session)
    return calendar.cancel_session(session)


# --- Attendance ------------------------------------------------------------------------------


def can_record_attendance(session: Session, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return not session.is_cancelled and (
        timezone.localdate(session.start) <= timezone.localdate(now)
    )


def attendance_open(sessions: QuerySet[Session], now: datetime | None = None) -> QuerySet[Session]:
    """Of `sessions`, those that have ended with a confirmed registration still unmarked.

    Annotates `open_marks` and `confirmed_count`; one query, newest first.
    """
    confirmed = Q(registrations__status=Registration.CONFIRMED)
    return (
        sessions.filter(status=Session.SCHEDULED, end__lt=now or timezone.now())
        .annotate(
            confirmed_count=Count("registrations", filter=confirmed),
            open_marks=Count(
                "registrations", filter=confirmed & Q(registrations__attendance__isnull=True)
            ),
        )
        .filter(open_marks__gt=0)
        .order_by("-start")
    )


@transaction.atomic
def record_attendance(session: Session, marks: dict[int, str], *, user) -> int:
    """Store attended / no-show per confirmed registration ("" removes a mark).

    Returns the number of registrations whose mark changed.
    """
    if not can_record_attendance(session):
        raise ValidationError(MESSAGES["attendance_too_early"])
    confirmed = {
        registration.pk: registration
        for registration in session.registrations.confirmed().select_related("attendance")
    }
    valid = {Attendance.ATTENDED, Attendance.NO_SHOW}
    changed = 0
    for registration_id, status in marks.items():
        registration = confirmed.get(registration_id)
        if registration is None:
            continue
        current = getattr(registration, "attendance", None)
        if status not in valid:
            if current is not None:
                current.delete()
                changed += 1
            continue
        if current is None:
            Attendance.objects.create(registration=registration, status=status, recorded_by=user)
            changed += 1
        elif current.status != status:
            current.status, current.recorded_by = status, user
            current.recorded_at = timezone.now()
            current.save(update_fields=["status", "recorded_by", "recorded_at"])
            changed += 1
    return changed


# --- Messages, review ------------------------------------------------------------------------


@dataclass
class MessageResult:
    mailed: int
    to_call: list[Registration]


def send_message(session: Session, *, subject: str, body: str, user) -> MessageResult:
    """Mail everyone registered or waiting; those without e-mail are listed to be called."""
    mailed, to_call = 0, []
    for registration in session.registrations.active().order_by("status", "created_at", "pk"):
        if registration.email:
            send_session_message.enqueue(registration.pk, subject, body)
            mailed += 1
        elif registration.phone:
            to_call.append(registration)
    return MessageResult(mailed, to_call)


def decide_review(session: Session, *, approve: bool, user, comment: str = "") -> SessionReview:
    review, _ = SessionReview.objects.get_or_create(session=session)
    review.state = SessionReview.APPROVED if approve else SessionReview.REJECTED
    review.decided_by, review.decided_at = user, timezone.now()
    review.comment = comment.strip()
    review.save()
    return review
