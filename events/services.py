"""Rules of the workshop calendar: booking, waitlist, cancellation, series, reminders, purge.

Views, the JSON API, the admin and management commands all call these functions; nothing else
writes registrations. `register()` and `cancel()` lock the session row (select_for_update on
PostgreSQL; SQLite's IMMEDIATE transactions take the database write lock at BEGIN), recount the
booked seats and only then write, so a session is never overbooked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy, ngettext

from events.booking import booked_seats, enqueue_mail, lock_session, unused_reference
from events.links import (  # noqa: F401 (re-exported: callers find every registration rule here)
    cancel_token,
    cancel_url,
    confirmation_url,
    registration_for_token,
)
from events.models import Registration, Session, SessionSeries
from events.recurrence import parse_exdates, series_starts  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

# Called between counting the booked seats and writing; the concurrency tests use it to widen
# the race window (with the lock) or to line all requests up behind one count (without it).
_between_count_and_insert: Callable[[], None] | None = None


def _filled_in(message, **values) -> str:
    """A lazy message whose placeholders are filled in when it is shown, in that language."""
    return lazy(lambda: message % values, str)()


# Lazy: translated into the visitor's language when shown (the form, the JSON API).
MESSAGES = {
    "name": gettext_lazy("Bitte geben Sie Ihren Namen an."),
    "contact": gettext_lazy(
        "Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir Sie "
        "erreichen können."
    ),
    "email": _filled_in(
        gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. %(example)s."),
        example="name@beispiel.de",
    ),
    "phone": _filled_in(
        gettext_lazy("Bitte geben Sie eine Telefonnummer mit Ziffern an, z. B. %(example)s."),
        example="02363 107-0",
    ),
    "seats": gettext_lazy("Bitte geben Sie eine Zahl von 1 bis %(limit)s an."),
    "seats_single": gettext_lazy("Für diesen Termin kann jede Anmeldung nur 1 Platz buchen."),
    "privacy": gettext_lazy(
        "Bitte stimmen Sie zu, dass wir Ihre Angaben für die Anmeldung verwenden – sonst "
        "können wir Sie nicht anmelden."
    ),
    "closed": gettext_lazy("Für diesen Termin ist keine Anmeldung mehr möglich."),
}


class IdempotencyKeyReused(Exception):
    """An Idempotency-Key came back with a different booking than the one it was first used
    for; the first booking stands and nothing new is written."""


PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()/\-]{4,28}[0-9]$")


def seats_message(session: Session) -> str:
    if session.group_limit <= 1:
        return MESSAGES["seats_single"]
    return MESSAGES["seats"] % {"limit": session.group_limit}


def normalise_phone(phone: str) -> str:
    return re.sub(r"[^0-9+]", "", phone)


def validate_registration(
    session: Session, *, name: str, email: str, phone: str, seats: int
) -> None:
    """Raise ValidationError({field: message}) for input the service never books."""
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = MESSAGES["name"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = MESSAGES["email"]
    if phone and (not PHONE_RE.match(phone.strip()) or len(normalise_phone(phone)) < 6):
        errors["phone"] = MESSAGES["phone"]
    if not email and not phone:
        errors["email"] = MESSAGES["contact"]
    if not isinstance(seats, int) or seats < 1 or seats > session.group_limit:
        errors["seats"] = seats_message(session)
    if errors:
        raise ValidationError(errors)


def _check_contact_limit(session: Session, email: str, phone: str) -> None:
    limit = settings.LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT
    active = Registration.objects.active().filter(session=session)
    # Both German forms are the wording the form has always shown; the plural lets the other
    # languages use their own forms for the number.
    if email and active.filter(email__iexact=email).count() >= limit:
        message = ngettext(
            "Mit dieser E-Mail-Adresse gibt es für diesen Termin schon %(count)s Anmeldungen. "
            "Bitte rufen Sie uns an, wenn Sie weitere Personen anmelden möchten.",
            "Mit dieser E-Mail-Adresse gibt es für diesen Termin schon %(count)s Anmeldungen. "
            "Bitte rufen Sie uns an, wenn Sie weitere Personen anmelden möchten.",
            limit,
        ) % {"count": limit}
        raise ValidationError({"email": ValidationError(message, code="contact_limit")})
    if phone:
        wanted = normalise_phone(phone)
        same = [
            p
            for p in active.exclude(phone="").values_list("phone", flat=True)
            if normalise_phone(p) == wanted
        ]
        if len(same) >= limit:
            message = ngettext(
                "Mit dieser Telefonnummer gibt es für diesen Termin schon %(count)s Anmeldungen. "
                "Bitte rufen Sie uns an, wenn Sie weitere Personen anmelden möchten.",
                "Mit dieser Telefonnummer gibt es für diesen Termin schon %(count)s Anmeldungen. "
                "Bitte rufen Sie uns an, wenn Sie weitere Personen anmelden möchten.",
                limit,
            ) % {"count": limit}
            raise ValidationError({"phone": ValidationError(message, code="contact_limit")})


def register(
    session: Session,
    *,
    name: str,
    email: str = "",
    phone: str = "",
    seats: int = 1,
    accessibility_needs: str = "",
    registered_by: AbstractBaseUser | None = None,
    idempotency_key: str = "",
    language: str = "",
) -> Registration:
    """Book seats or join the waitlist; the only place that decides between the two.

    Raises ValidationError({field: message}) with the same German messages the form shows.
    The confirmation (or waitlist) mail is enqueued after the booking is written.

    With an `idempotency_key` (API header, the form's hidden token) a retry of a request whose
    answer never arrived returns the registration the first one made – no second booking, no
    second mail; the same key with other details raises IdempotencyKeyReused.

    `language` is the site language the mails go out in; by default the active one (the
    address's language prefix), see registration_language().
    """
    name, email, phone = name.strip(), email.strip(), phone.strip()
    validate_registration(session, name=name, email=email, phone=phone, seats=seats)
    with transaction.atomic():
        locked = lock_session(session.pk)
        if idempotency_key:
            earlier = _registration_for_key(locked, idempotency_key)
            if earlier is not None:
                if (earlier.name, earlier.email.lower(), earlier.phone, earlier.seats) != (
                    name,
                    email.lower(),
                    phone,
                    seats,
                ):
                    raise IdempotencyKeyReused(idempotency_key)
                return earlier
        if not locked.is_open_for_registration:
            raise ValidationError(MESSAGES["closed"], code="closed")
        _check_contact_limit(locked, email, phone)
        free = locked.capacity - booked_seats(locked.pk)
        if _between_count_and_insert:
            _between_count_and_insert()
        # Whoever waits already needs more seats than are free (promotion passes over only
        # those), so a request that fits is booked.
        status = Registration.Status.CONFIRMED if seats <= free else Registration.Status.WAITLISTED
        registration = Registration.objects.create(
            session=locked,
            status=status,
            seats=seats,
            name=name,
            email=email,
            phone=phone,
            accessibility_needs=accessibility_needs.strip(),
            registered_by=registered_by,
            idempotency_key=idempotency_key,
            reference=unused_reference(),
            language=registration_language(language),
        )
    enqueue_mail(registration, "confirmed" if status == Registration.CONFIRMED else "waitlisted")
    return registration


def registration_language(code: str = "") -> str:
    """`code`, else the active language, as one of settings.LANGUAGES (German otherwise)."""
    try:
        return translation.get_supported_language_variant(code or translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


# The fields of a checked booking request that `register()` takes as they are.
BOOKING_FIELDS = ("name", "email", "phone", "seats", "accessibility_needs")


def register_request(
    session: Session,
    data: Mapping[str, Any],
    *,
    idempotency_key: str = "",
    registered_by: AbstractBaseUser | None = None,
) -> Registration:
    """`register()` with a checked booking request: the registration form's cleaned_data or
    the JSON API's values. The one place that turns either into service arguments, so both ways
    in book alike; missing optional fields count as empty."""
    details = {name: data.get(name, "") for name in BOOKING_FIELDS}
    details["seats"] = data.get("seats") or 1
    return register(
        session, idempotency_key=idempotency_key, registered_by=registered_by, **details
    )


def _registration_for_key(session: Session, key: str) -> Registration | None:
    return Registration.objects.filter(
        session=session, idempotency_key=key, anonymised_at__isnull=True
    ).first()


def cancel(registration: Registration) -> list[Registration]:
    """Cancel a registration, free its seats and promote the waitlist under the same lock.

    Returns the registrations that moved up from the waitlist (each is mailed). Cancelling twice
    changes nothing.
    """
    with transaction.atomic():
        lock_session(registration.session_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.CANCELLED:
            return []
        current.status = Registration.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        promoted = _promote(current.session_id)
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    enqueue_mail(current, "cancelled")
    for moved_up in promoted:
        enqueue_mail(moved_up, "promoted")
    return promoted


def promote_waitlist(session: Session) -> list[Registration]:
    """Give free seats to waitlisted registrations in the order they came in.

    A registration whose seats do not fit is passed over for one further back that fits, so a
    class of 20 on the list does not block a single person while 3 seats are free.
    """
    with transaction.atomic():
        lock_session(session.pk)
        promoted = _promote(session.pk)
    for moved_up in promoted:
        enqueue_mail(moved_up, "promoted")
    return promoted


def _promote(session_id: int) -> list[Registration]:
    session = Session.objects.get(pk=session_id)
    if not session.is_open_for_registration:
        return []
    free = session.capacity - booked_seats(session_id)
    promoted = []
    for waiting in Registration.objects.waitlisted().filter(session_id=session_id):
        if free <= 0:
            break
        if waiting.seats <= free:
            waiting.status = Registration.CONFIRMED
            waiting.promoted_at = timezone.now()
            waiting.save(update_fields=["status", "promoted_at"])
            free -= waiting.seats
            promoted.append(waiting)
    return promoted


# --- Organiser changes ----------------------------------------------------------------------


def session_changed(session: Session, changed: list[str]) -> int:
    """Raise SEQUENCE after an organiser moved or cancelled a session and mail every registrant.

    Returns the number of registrations notified.
    """
    if not changed:
        return 0
    Session.objects.filter(pk=session.pk).update(sequence=F("sequence") + 1)
    session.refresh_from_db(fields=["sequence"])
    kind = "session_cancelled" if session.is_cancelled else "session_changed"
    notified = 0
    for registration in session.registrations.active():
        enqueue_mail(registration, kind)
        notified += 1
    return notified


def cancel_session(session: Session) -> int:
    """The organiser calls a session off; registrants are told, the feed keeps it as CANCELLED."""
    if session.is_cancelled:
        return 0
    session.status = Session.CANCELLED
    session.save(update_fields=["status", "updated_at"])
    return session_changed(session, ["status"])


def move_session(session: Session, *, start: datetime, end: datetime) -> int:
    session.start, session.end = start, end
    session.full_clean()
    session.save(update_fields=["start", "end", "updated_at"])
    return session_changed(session, ["start", "end"])


# --- Series -----------------------------------------------------------------------------------


def generate_sessions(series: SessionSeries) -> list[Session]:
    """Create the series' sessions that do not exist yet (idempotent by series and start)."""
    existing = set(series.sessions.values_list("start", flat=True))
    duration = timedelta(minutes=series.duration_minutes)
    created = []
    for start in series_starts(series):
        if any(abs((start - other).total_seconds()) < 1 for other in existing):
            continue
        created.append(
            Session.objects.create(
                workshop=series.workshop,
                series=series,
                start=start,
                end=start + duration,
                venue=series.venue,
                room=series.room,
                capacity=series.capacity,
                group_limit=series.group_limit,
                language=series.language,
            )
        )
    return created


# --- Scheduled work ---------------------------------------------------------------------------


def send_due_reminders(now: datetime | None = None) -> int:
    """Mail a reminder to everyone booked for a session that starts within the reminder window."""
    now = now or timezone.now()
    window_end = now + timedelta(days=settings.LERNHAFEN_EVENTS_REMINDER_DAYS)
    due = Registration.objects.confirmed().filter(
        reminder_sent_at__isnull=True,
        session__status=Session.SCHEDULED,
        session__start__gt=now,
        session__start__lte=window_end,
    )
    count = 0
    for registration in due.select_related("session"):
        updated = Registration.objects.filter(
            pk=registration.pk, reminder_sent_at__isnull=True
        ).update(reminder_sent_at=now)
        if updated:  # another worker may have taken it meanwhile
            enqueue_mail(registration, "reminder")
            count += 1
    return count


def purge_registrations(now: datetime | None = None) -> tuple[str, int]:
    """Erase personal data of registrations whose session ended more than the retention ago.

    The rows stay with status and seats only, as anonymous counts for reports.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.LERNHAFEN_EVENTS_RETENTION_DAYS)
    count = Registration.objects.filter(session__end__lt=cutoff, anonymised_at__isnull=True).update(
        name="",
        email="",
        phone="",
        accessibility_needs="",
        registered_by=None,
        anonymised_at=now,
    )
    return ("Anmeldungen zu Workshops (anonymisiert)", count)
