"""iCalendar feeds: parsed back, valid, Outlook-readable time zone, stable UIDs, no personal
data."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events import services
from tests.factories.events import SessionFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    for component in cal.walk():
        assert not component.errors, (component.name, component.errors)
    return cal


@pytest.fixture
def dst_sessions(workshop, venue, time_machine):
    time_machine.move_to(datetime(2030, 3, 1, 9, tzinfo=BERLIN), tick=False)
    before = SessionFactory(
        workshop=workshop,
        venue=venue,
        start=datetime(2030, 3, 26, 10, tzinfo=BERLIN),
        end=datetime(2030, 3, 26, 11, 30, tzinfo=BERLIN),
    )
    after = SessionFactory(
        workshop=workshop,
        venue=venue,
        start=datetime(2030, 4, 2, 10, tzinfo=BERLIN),
        end=datetime(2030, 4, 2, 11, 30, tzinfo=BERLIN),
    )
    autumn = SessionFactory(
        workshop=workshop,
        venue=venue,
        start=datetime(2030, 10, 29, 10, tzinfo=BERLIN),
        end=datetime(2030, 10, 29, 11, 30, tzinfo=BERLIN),
    )
    return before, after, autumn


def test_every_feed_parses_back_without_errors_and_has_the_calendar_properties(
    client, dst_sessions, workshop, venue
):
    urls = [
        "/kalender/feed.ics",
        f"/kalender/stadtteil/{venue.district.slug}/feed.ics",
        f"{workshop.url}feed.ics",
        dst_sessions[0].get_ics_url(),
    ]
    for url in urls:
        cal = _parse(client.get(url))
        assert cal["X-WR-CALNAME"] and cal["NAME"]
        if "termin.ics" not in url:
            assert cal["METHOD"] == "PUBLISH"
            assert str(cal["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT6H"
            assert cal["X-PUBLISHED-TTL"]
        (tz,) = cal.walk("VTIMEZONE")
        assert tz["TZID"] == "Europe/Berlin"
        assert {c.name for c in tz.subcomponents} == {"STANDARD", "DAYLIGHT"}
        assert all("RRULE" in c and "RDATE" not in c for c in tz.subcomponents)


def test_local_times_are_right_on_both_sides_of_the_dst_changes(client, dst_sessions):
    cal = _parse(client.get("/kalender/feed.ics"))
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    before, after, autumn = dst_sessions
    for session, offset in [(before, 1), (after, 2), (autumn, 1)]:
        event = events[session.uid]
        start = event.decoded("DTSTART")
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert (start.hour, start.minute) == (10, 0)
        assert start.utcoffset().total_seconds() == offset * 3600
        assert start == session.start
    # The VTIMEZONE rules themselves give the same offsets (what Outlook computes from).
    tz = cal.walk("VTIMEZONE")[0].to_tz()
    assert datetime(2030, 3, 26, 10, tzinfo=tz).utcoffset().total_seconds() == 3600
    assert datetime(2030, 4, 2, 10, tzinfo=tz).utcoffset().total_seconds() == 7200
    assert datetime(2030, 10, 29, 10, tzinfo=tz).utcoffset().total_seconds() == 3600


def test_cancelled_sessions_stay_in_the_feed_with_the_same_uid_and_a_raised_sequence(
    client, dst_sessions
):
    session = dst_sessions[0]
    first = _parse(client.get("/kalender/feed.ics"))
    services.cancel_session(session)
    second = _parse(client.get("/kalender/feed.ics"))
    old = next(e for e in first.walk("VEVENT") if e["UID"] == session.uid)
    new = next(e for e in second.walk("VEVENT") if e["UID"] == session.uid)
    assert (old["STATUS"], old["SEQUENCE"]) == ("CONFIRMED", 0)
    assert (new["STATUS"], new["SEQUENCE"]) == ("CANCELLED", 1)
    assert "DTSTAMP" in new


def test_feeds_never_contain_personal_data(client, dst_sessions):
    services.register(
        dst_sessions[0], name="Erika Geheim", email="erika@example.org", phone="02363 987654"
    )
    body = client.get("/kalender/feed.ics").content.decode()
    for secret in ["Erika", "erika@example.org", "987654", "ATTENDEE"]:
        assert secret not in body


def test_course_feed_lists_sessions_of_workshops_linked_to_the_course(client, home, workshop):
    from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), slug="termine-online")
    workshop.course = course
    workshop.save()
    SessionFactory(workshop=workshop)
    cal = _parse(client.get("/kalender/kurs/termine-online/feed.ics"))
    assert len(cal.walk("VEVENT")) == 1
    assert client.get("/kalender/kurs/gibt-es-nicht/feed.ics").status_code == 404


def test_feed_is_built_once_and_rebuilt_after_a_change(client, dst_sessions, monkeypatch):
    from events import ics

    builds = []
    real_feed = ics.feed
    monkeypatch.setattr(ics, "feed", lambda *a, **kw: builds.append(1) or real_feed(*a, **kw))

    first = client.get("/kalender/feed.ics")
    again = client.get("/kalender/feed.ics")
    assert again.content == first.content and len(builds) == 1
    assert "max-age=900" in again["Cache-Control"] and "public" in again["Cache-Control"]

    services.cancel_session(dst_sessions[1])
    changed = client.get("/kalender/feed.ics")
    assert len(builds) == 2 and b"Abgesagt" in changed.content
