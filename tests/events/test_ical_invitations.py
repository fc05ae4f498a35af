"""Personal calendar entries in mails, as a calendar client reads them (RFC 5545/5546/6047).

Every mail of a booking's life is parsed with `icalendar`: each registration has its own UID,
SEQUENCE only rises per UID, only people holding a seat get an entry, and CANCEL goes only to
those who received one.
"""

from collections import defaultdict
from datetime import timedelta

import pytest
from django.core import mail
from icalendar import Calendar

from events import services
from events.models import Registration
from tests.factories.events import SessionFactory

pytestmark = pytest.mark.django_db


def _entry(message) -> dict | None:
    """The calendar part of a mail as {method, uid, sequence, status, …}, or None."""
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    if not parts:
        return None
    (part,) = parts
    cal = Calendar.from_ical(part.get_payload(decode=True))
    assert all(not component.errors for component in cal.walk()), cal.to_ical()
    (event,) = cal.walk("VEVENT")
    method = str(cal["METHOD"])
    assert part.get_param("method") == method, "MIME method parameter differs from METHOD"
    attendee = event["ATTENDEE"]
    assert str(attendee) == f"mailto:{message.to[0]}"
    assert attendee.params["RSVP"] == "FALSE"
    assert str(event["ORGANIZER"]).startswith("mailto:")
    return {
        "to": message.to[0],
        "method": method,
        "uid": str(event["UID"]),
        "sequence": int(event["SEQUENCE"]),
        "status": str(event["STATUS"]),
        "start": event.decoded("DTSTART"),
    }


def _mails() -> list[tuple[str, dict | None]]:
    sent = [(m.to[0], m.subject, _entry(m)) for m in mail.outbox]
    mail.outbox.clear()
    return sent


def _book(session, email: str) -> Registration:
    return services.register(session, name="Erika Brandt", email=email, seats=1)


def test_a_bookings_whole_life_arrives_correctly_in_a_calendar(workshop, venue):
    session = SessionFactory(workshop=workshop, venue=venue, capacity=3)
    entries_by_uid: dict[str, list[dict]] = defaultdict(list)

    def record(sent):
        for _to, _subject, entry in sent:
            if entry:
                entries_by_uid[entry["uid"]].append(entry)
        return sent

    # Book: two registrations with one address get two entries with their own UIDs.
    first = _book(session, "erika@example.org")
    second = _book(session, "erika@example.org")
    other = _book(session, "otto@example.org")
    waiting = _book(session, "wilma@example.org")
    sent = record(_mails())
    assert [(e["method"], e["uid"], e["sequence"], e["status"]) for _, _, e in sent[:3]] == [
        ("REQUEST", first.calendar_uid, 0, "CONFIRMED"),
        ("REQUEST", second.calendar_uid, 0, "CONFIRMED"),
        ("REQUEST", other.calendar_uid, 0, "CONFIRMED"),
    ]
    assert len({first.calendar_uid, second.calendar_uid, session.uid}) == 3
    to, subject, entry = sent[3]
    assert (to, entry) == ("wilma@example.org", None)  # the waitlist gets no entry
    assert "Warteliste" in subject
    assert "Platz 1 der Warteliste" in mail_body_of(waiting, "waitlisted")

    # Move: everyone holding a seat gets the new time with a raised SEQUENCE; the waitlist not.
    new_start = session.start + timedelta(days=2)
    services.move_session(session, start=new_start, end=new_start + timedelta(hours=1))
    sent = record(_mails())
    by_to = defaultdict(list)
    for to, _subject, entry in sent:
        by_to[to].append(entry)
    assert [e["sequence"] for e in by_to["erika@example.org"]] == [1, 1]
    moved_to = new_start.replace(microsecond=0)
    assert all(e["method"] == "REQUEST" for e in by_to["erika@example.org"])
    assert all(e["start"] == moved_to for e in by_to["erika@example.org"])
    assert by_to["wilma@example.org"] == [None]

    # Cancel by person: CANCEL for exactly that UID; the waitlist moves up and gets its entry.
    services.cancel(second)
    sent = record(_mails())
    entries = {to: entry for to, _subject, entry in sent}
    assert entries["erika@example.org"] == {
        **entries["erika@example.org"],
        "method": "CANCEL",
        "uid": second.calendar_uid,
        "sequence": 2,
        "status": "CANCELLED",
    }
    assert entries["wilma@example.org"]["method"] == "REQUEST"
    assert entries["wilma@example.org"]["uid"] == waiting.calendar_uid
    assert entries["wilma@example.org"]["sequence"] == 0

    # Cancel from the waitlist: never had an entry, so no CANCEL either.
    late = _book(session, "lena@example.org")
    services.cancel(late)
    assert [entry for _to, _subject, entry in record(_mails())] == [None, None]

    # Book again: a new registration, a new UID – nothing earlier is overwritten or outdated.
    services.cancel(other)
    again = _book(session, "erika@example.org")
    sent = record(_mails())
    assert sent[-1][2]["uid"] == again.calendar_uid != second.calendar_uid
    assert sent[-1][2]["method"] == "REQUEST"

    # Cancel by organiser: CANCEL to everyone who holds an entry, nothing to the cancelled.
    services.cancel_session(session)
    sent = record(_mails())
    assert sorted((e["uid"], e["sequence"], e["method"]) for _to, _s, e in sent) == sorted(
        [
            (first.calendar_uid, 2, "CANCEL"),
            (waiting.calendar_uid, 1, "CANCEL"),
            (again.calendar_uid, 1, "CANCEL"),
        ]
    )

    # Across the whole life, SEQUENCE never goes backwards for any UID.
    for uid, entries_of_uid in entries_by_uid.items():
        sequences = [e["sequence"] for e in entries_of_uid]
        assert sequences == sorted(sequences), uid
        assert entries_of_uid[-1]["method"] == "CANCEL"


def mail_body_of(registration: Registration, kind: str) -> str:
    from events.mails import build_registration_mail

    return build_registration_mail(registration, kind).body


def test_reminder_repeats_the_entry_without_raising_sequence_and_never_to_the_waitlist(
    workshop, venue
):
    session = SessionFactory(workshop=workshop, venue=venue, capacity=1)
    booked = _book(session, "erika@example.org")
    _book(session, "wilma@example.org")
    mail.outbox.clear()
    session_start = session.start
    assert services.send_due_reminders(now=session_start - timedelta(hours=2)) == 1
    ((to, _subject, entry),) = _mails()
    assert to == "erika@example.org"
    assert (entry["uid"], entry["sequence"], entry["method"]) == (booked.calendar_uid, 0, "REQUEST")


def test_the_download_is_publish_with_the_session_uid_and_no_attendee(client, session):
    cal = Calendar.from_ical(client.get(session.get_ics_url()).content)
    (event,) = cal.walk("VEVENT")
    assert cal["METHOD"] == "PUBLISH"
    assert str(event["UID"]) == session.uid
    assert "ATTENDEE" not in event and "ORGANIZER" in event


def test_a_seat_moved_back_to_the_waitlist_removes_the_entry_and_promotion_restores_it(
    workshop, venue
):
    from events.workspace import services as workspace

    session = SessionFactory(workshop=workshop, venue=venue, capacity=2)
    booked = _book(session, "erika@example.org")
    mail.outbox.clear()
    workspace.move_to_waitlist(booked)
    workspace.confirm_from_waitlist(booked)
    entries = [entry for _to, _subject, entry in _mails()]
    assert [(e["method"], e["uid"], e["sequence"]) for e in entries] == [
        ("CANCEL", booked.calendar_uid, 1),
        ("REQUEST", booked.calendar_uid, 2),
    ]
