"""Rules of the workshop calendar: booking, waitlist, cancellation, series, reminders, purge.

Views, the JSON API, the admin and management commands all call these functions; nothing else
writes registrations. `register()` and `cancel()` lock the session row (select_for_update on
PostgreSQL; SQLite's IMMEDIATE transactions take the database write lock at BEGIN), recount the
booked seats and only then write, so a session is never overbooked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import islice
from typing import TYPE_CHECKING

from dateutil.rrule import rrulestr
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Case, F, Sum, When
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from cms.validators import DATE_RANGE_MESSAGE, EARLIEST_YEAR, LATEST_YEAR
from events.models import Registration, Session, SessionSeries

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

CANCEL_SALT = "events.registration.cancel"

# Only the concurrency test's negative control switches the row lock off.
_USE_ROW_LOCK = True
# Called between counting the booked seats and writing; the concurrency tests use it to widen
# the race window (with the lock) or to line all requests up behind one count (without it).
_between_count_and_insert: Callable[[], None] | None = None

MESSAGES = {
    "name": "Bitte geben Sie Ihren Namen an.",
    "contact": "Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an, damit wir Sie "
    "erreichen können.",
    "email": "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
    "phone": "Bitte geben Sie eine Telefonnummer mit Ziffern an, z. B. 02363 107-0.",
    "seats": "Bitte geben Sie eine Zahl von 1 bis {limit} an.",
    "seats_single": "Für diesen Termin kann jede Anmeldung nur 1 Platz buchen.",
    "privacy": "Bitte stimmen Sie zu, dass wir Ihre Angaben für die Anmeldung verwenden – sonst "
    "können wir Sie nicht anmelden.",
    "closed": "Für diesen Termin ist keine Anmeldung mehr möglich.",
    "too_many_email": "Mit dieser E-Mail-Adresse gibt es für diesen Termin schon {count} "
    "Anmeldungen. Bitte rufen Sie uns an, wenn Sie weitere Personen anmelden möchten.",
    "too_many_phone": "Mit dieser Telefonnummer gibt es für diesen Termin schon {count} "
    "Anmeldungen. Bitte rufen Sie uns an, wenn Sie weitere Personen anmelden möchten.",
}


class IdempotencyKeyReused(Exception):
    """An Idempotency-Key came back with a different booking than the one it was first used
    for; the first booking stands and nothing new is written."""


PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()/\-]{4,28}[0-9]$")


def seats_message(session: Session) -> str:
    if session.group_limit <= 1:
        return MESSAGES["seats_single"]
    return MESSAGES["seats"].format(limit=session.group_limit)


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


def _lock_session(session_id: int) -> Session:
    queryset = Session.objects.all()
    if _USE_ROW_LOCK and connection.features.has_select_for_update:
        queryset = queryset.select_for_update()
    return queryset.get(pk=session_id)


def _booked_seats(session_id: int) -> int:
    booked = (
        Registration.objects.confirmed().filter(session_id=session_id).aggregate(total=Sum("seats"))
    )
    return booked["total"] or 0


def _check_contact_limit(session: Session, email: str, phone: str) -> None:
    limit = settings.LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT
    active = Registration.objects.active().filter(session=session)
    if email and active.filter(email__iexact=email).count() >= limit:
        message = MESSAGES["too_many_email"].format(count=limit)
        raise ValidationError({"email": ValidationError(message, code="contact_limit")})
    if phone:
        wanted = normalise_phone(phone)
        same = [
            p
            for p in active.exclude(phone="").values_list("phone", flat=True)
            if normalise_phone(p) == wanted
        ]
        if len(same) >= limit:
            message = MESSAGES["too_many_phone"].format(count=limit)
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
) -> Registration:
    """Book seats or join the waitlist; the only place that decides between the two.

    Raises ValidationError({field: message}) with the same German messages the form shows.
    The confirmation (or waitlist) mail is enqueued after the booking is written.

    With an `idempotency_key` (API header, the form's hidden token) a retry of a request whose
    answer never arrived returns the registration the first one made – no second booking, no
    second mail; the same key with other details raises IdempotencyKeyReused.
    """
    name, email, phone = name.strip(), email.strip(), phone.strip()
    validate_registration(session, name=name, email=email, phone=phone, seats=seats)
    with transaction.atomic():
        locked = _lock_session(session.pk)
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
        free = locked.capacity - _booked_seats(locked.pk)
        if _between_count_and_insert:
            _between_count_and_insert()
        # Whoever waits already needs more seats than are free (promotion passes over only
        # those), so a request that fits is booked.
        status = Registration.CONFIRMED if seats <= free else Registration.WAITLISTED
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
        )
    _enqueue_mail(registration, "confirmed" if status == Registration.CONFIRMED else "waitlisted")
    return registration


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
        _lock_session(registration.session_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.CANCELLED:
            return []
        current.status = Registration.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        promoted = _promote(current.session_id)
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    _enqueue_mail(current, "cancelled")
    for moved_up in promoted:
        _enqueue_mail(moved_up, "promoted")
    return promoted


def promote_waitlist(session: Session) -> list[Registration]:
    """Give free seats to waitlisted registrations in the order they came in.

    A registration whose seats do not fit is passed over for one further back that fits, so a
    class of 20 on the list does not block a single person while 3 seats are free.
    """
    with transaction.atomic():
        _lock_session(session.pk)
        promoted = _promote(session.pk)
    for moved_up in promoted:
        _enqueue_mail(moved_up, "promoted")
    return promoted


def _promote(session_id: int) -> list[Registration]:
    session = Session.objects.get(pk=session_id)
    if not session.is_open_for_registration:
        return []
    free = session.capacity - _booked_seats(session_id)
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


# --- Cancellation links ---------------------------------------------------------------------


def cancel_token(registration: Registration) -> str:
    """A signed token for the personal cancellation link (no login needed).

    "<pk>-<HMAC signature>": only letters, digits, "-" and "_", as Wagtail's page URLs allow.
    """
    signature = signing.Signer(salt=CANCEL_SALT).signature(str(registration.pk))
    return f"{registration.pk}-{signature}"


def registration_for_token(token: str) -> Registration | None:
    pk, _, signature = token.partition("-")
    if not pk.isdigit() or not constant_time_compare(
        signature, signing.Signer(salt=CANCEL_SALT).signature(pk)
    ):
        return None
    return (
        Registration.objects.select_related("session__workshop", "session__venue__district")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


def cancel_url(registration: Registration) -> str:
    index = registration.session.workshop.get_parent().specific
    return index.url + index.reverse_subpage("cancel", args=[cancel_token(registration)])


def confirmation_url(registration: Registration) -> str:
    workshop = registration.session.workshop
    return workshop.url + workshop.reverse_subpage(
        "confirmation", args=[cancel_token(registration)]
    )


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
        _enqueue_mail(registration, kind)
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


def parse_exdates(text: str) -> set[date]:
    days = set()
    for line in (text or "").split():
        try:
            days.add(date.fromisoformat(line.strip().rstrip(",")))
        except ValueError:
            raise ValueError(
                f"„{line}“ ist kein Datum. Bitte je Zeile ein Datum wie 2026-12-24 eingeben."
            ) from None
    return days


MAX_SERIES_SESSIONS = 200
# A series ends within this many days of its first date. Rules are checked before dateutil
# expands them: it walks candidate dates until the next match, so a rule that (almost) never
# matches – every 30 February, the 2nd Monday of a week – would burn CPU up to year 9999.
# Hence only the parts a workshop series needs, each in a range that matches every few months.
MAX_SERIES_DAYS = 2 * 366
SERIES_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY")
_RULE_MESSAGE = "Diese Regel verstehen wir nicht. Beispiel: FREQ=WEEKLY;BYDAY=TU;COUNT=10"
_HORIZON_MESSAGE = (
    "Eine Terminreihe darf höchstens zwei Jahre dauern. Bitte legen Sie danach eine neue an."
)
_WEEKDAY = r"(MO|TU|WE|TH|FR|SA|SU)"
_MONTHDAY = r"-?([1-9]|[12]\d|3[01])"
_RULE_PARTS = {
    "FREQ": re.compile(r"[A-Z]+"),
    "INTERVAL": re.compile(r"[1-4]"),
    "COUNT": re.compile(r"\d{1,6}"),
    "UNTIL": re.compile(r"\d{8}(T\d{6}Z?)?"),
    "WKST": re.compile(_WEEKDAY),
    "BYDAY": re.compile(rf"[+-]?[1-5]?{_WEEKDAY}(,[+-]?[1-5]?{_WEEKDAY})*"),
    "BYMONTHDAY": re.compile(rf"{_MONTHDAY}(,{_MONTHDAY})*"),
}


def check_rule(text: str) -> dict[str, str]:
    """The parts of an RRULE; a German ValueError unless it is a bounded workshop series."""
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, _, value = part.partition("=")
        pattern = _RULE_PARTS.get(name)
        if pattern is None or name in parts or not pattern.fullmatch(value):
            raise ValueError(_RULE_MESSAGE)
        parts[name] = value
    if parts.get("FREQ") not in SERIES_FREQUENCIES:
        raise ValueError(
            "Eine Terminreihe wiederholt sich täglich, wöchentlich oder monatlich "
            "(FREQ=DAILY, WEEKLY oder MONTHLY)."
        )
    if parts["FREQ"] != "MONTHLY" and (
        "BYMONTHDAY" in parts or re.search(r"\d", parts.get("BYDAY", ""))
    ):
        raise ValueError("Tage wie „1WE“ und BYMONTHDAY gibt es nur bei FREQ=MONTHLY.")
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        # "the 5th Monday that is the 1st" never happens.
        raise ValueError("Bitte verwenden Sie entweder BYDAY oder BYMONTHDAY, nicht beides.")
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise ValueError("Bitte begrenzen Sie die Regel mit COUNT= oder UNTIL=.")
    if int(parts.get("COUNT", 0)) > MAX_SERIES_SESSIONS:
        raise ValueError(f"Eine Terminreihe hat höchstens {MAX_SERIES_SESSIONS} Termine.")
    return parts


def series_starts(series: SessionSeries) -> list[datetime]:
    """Start times (aware, Europe/Berlin wall clock kept across DST) the rule produces."""
    if not series.first_start:
        return []
    local_start = timezone.localtime(series.first_start).replace(tzinfo=None)
    if not EARLIEST_YEAR <= local_start.year <= LATEST_YEAR:
        raise ValueError(DATE_RANGE_MESSAGE)
    rule_text = series.rrule.strip().removeprefix("RRULE:").upper()
    parts = check_rule(rule_text)
    horizon = local_start + timedelta(days=MAX_SERIES_DAYS)
    if "UNTIL" in parts:
        try:
            until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d")
        except ValueError:
            raise ValueError(_RULE_MESSAGE) from None
        if until > horizon:
            raise ValueError(_HORIZON_MESSAGE)
    try:
        # Naive local times: a weekly 10:00 course stays at 10:00 after the clocks change.
        rule = rrulestr(rule_text, dtstart=local_start, ignoretz=True)
        starts = list(islice(iter(rule), MAX_SERIES_SESSIONS + 1))
    except (TypeError, ValueError, OverflowError):
        raise ValueError(_RULE_MESSAGE) from None
    if len(starts) > MAX_SERIES_SESSIONS:
        raise ValueError(
            f"Die Regel ergibt mehr als {MAX_SERIES_SESSIONS} Termine. "
            "Bitte begrenzen Sie sie mit COUNT= oder UNTIL=."
        )
    if starts and starts[-1] > horizon:
        raise ValueError(_HORIZON_MESSAGE)
    skipped = parse_exdates(series.exdates)
    tz = timezone.get_default_timezone()
    return [s.replace(tzinfo=tz) for s in starts if s.date() not in skipped]


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
            _enqueue_mail(registration, "reminder")
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


# --- Personal calendar entries (iTIP, RFC 5546) --------------------------------------------------

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
    holds_seat = registration.status == Registration.CONFIRMED
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


def _enqueue_mail(registration: Registration, kind: str) -> None:
    if not registration.email:
        return  # phone-only registrations: the team calls, as the form says
    from events.tasks import send_registration_mail

    send_registration_mail.enqueue(registration.pk, kind, calendar_message(registration, kind))
