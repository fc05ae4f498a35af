"""iCalendar output (RFC 5545) for feeds, downloads and mail attachments.

Times are written as Europe/Berlin local times with a VTIMEZONE in the rule form Outlook itself
writes (yearly RRULE for the EU changes), so every calendar app shows the same wall-clock time.
Feeds never contain personal data. Texts are translated when the entry is built, into the
active language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vDuration,
)

from events.models import Registration, Session

TZID = "Europe/Berlin"
REFRESH = timedelta(hours=6)


def berlin_vtimezone() -> Timezone:
    """Europe/Berlin with the EU rules in force since 1996 (last Sunday of March / October)."""
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0, 0))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def _calendar(name: str, method: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Lernhafen//Workshop-Kalender//DE")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    # RFC 7986 for current clients, X-PUBLISHED-TTL (a DURATION too) for Outlook's.
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add_component(berlin_vtimezone())
    return cal


def _local(value: datetime) -> datetime:
    return timezone.localtime(value, timezone.get_default_timezone())


def session_event(
    session: Session,
    *,
    stamp: datetime,
    base_url: str,
    uid: str | None = None,
    sequence: int | None = None,
    cancelled: bool = False,
) -> Event:
    """One VEVENT: stable UID, SEQUENCE from the change counter, no personal data.

    A personal entry passes its own `uid` and `sequence`; `cancelled` marks it CANCELLED.
    """
    # What the reader reads in the active language: the translated workshop page and venue.
    workshop = session.localized_workshop
    venue = session.localized_venue
    event = Event()
    event.add("uid", uid or session.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", _local(session.start))
    event.add("dtend", _local(session.end))
    event.add("sequence", session.sequence if sequence is None else sequence)
    event.add("created", session.created_at.astimezone(UTC))
    event.add("last-modified", session.updated_at.astimezone(UTC))
    cancelled = cancelled or session.status == Session.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    summary = _("Abgesagt: %(title)s") % {"title": workshop.title} if cancelled else workshop.title
    event.add("summary", summary)
    location = ", ".join(part for part in (venue.name, session.room, venue.address) if part)
    event.add("location", location)
    if venue.latitude is not None and venue.longitude is not None:
        event.add("geo", (float(venue.latitude), float(venue.longitude)))
    url = base_url + session.get_url()
    event.add("url", url)
    description = [workshop.summary]
    if session.is_in_other_language:
        description.append(
            _("Der Workshop findet auf %(language)s statt.")
            % {"language": session.get_language_display()}
        )
    if workshop.what_to_bring:
        description.append(_("Bitte mitbringen: %(items)s") % {"items": workshop.what_to_bring})
    description.append(_("Mehr Informationen und Anmeldung: %(url)s") % {"url": url})
    event.add("description", "\n\n".join(description))
    event.add("transp", "OPAQUE")
    return event


def feed(sessions: Iterable[Session], *, name: str, base_url: str) -> bytes:
    """A subscribable calendar (METHOD:PUBLISH); cancelled sessions stay in as CANCELLED.

    DTSTAMP is each session's last modification, so unchanged feeds are byte-identical and a
    strong ETag can stand for them (events/feeds.py).
    """
    cal = _calendar(name, "PUBLISH")
    for session in sessions:
        stamp = session.updated_at.astimezone(UTC)
        cal.add_component(session_event(session, stamp=stamp, base_url=base_url))
    return cal.to_ical()


def invitation(session: Session, *, base_url: str) -> bytes:
    """The session as a download ("In meinen Kalender"): PUBLISH with the session's UID, like
    the feeds, and no ATTENDEE (RFC 5546 allows none in PUBLISH)."""
    cal = _calendar(session.localized_workshop.title, "PUBLISH")
    event = session_event(session, stamp=timezone.now().astimezone(UTC), base_url=base_url)
    event.add("organizer", _organiser())
    cal.add_component(event)
    return cal.to_ical()


def personal_entry(registration: Registration, *, method: str, base_url: str) -> bytes:
    """The calendar part of a mail to one registrant (RFC 5546 REQUEST or CANCEL).

    Its own UID per registration and the SEQUENCE stored by events.services.calendar_message;
    ORGANIZER and the registrant as ATTENDEE with RSVP=FALSE: the seat is booked, no answer
    is expected.
    """
    session = registration.session
    cal = _calendar(session.localized_workshop.title, method)
    event = session_event(
        session,
        stamp=timezone.now().astimezone(UTC),
        base_url=base_url,
        uid=registration.calendar_uid,
        sequence=registration.calendar_sequence or 0,
        cancelled=method == "CANCEL",
    )
    event.add("organizer", _organiser())
    attendee = vCalAddress(f"mailto:{registration.email}")
    attendee.params["role"] = "REQ-PARTICIPANT"
    attendee.params["partstat"] = "ACCEPTED"
    attendee.params["rsvp"] = "FALSE"
    event.add("attendee", attendee)
    cal.add_component(event)
    return cal.to_ical()


def _organiser() -> vCalAddress:
    organiser = vCalAddress(f"mailto:{_from_address()}")
    organiser.params["cn"] = "Lernhafen"
    return organiser


def _from_address() -> str:
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "lernhafen@localhost"
