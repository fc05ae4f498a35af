"""iCalendar feeds: parsed back, valid, Outlook-readable time zone, stable UIDs, no personal
data."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
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


def test_a_client_polling_twice_gets_304_by_etag_and_by_date(client, dst_sessions):
    first = client.get("/kalender/feed.ics")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and not etag.startswith('W/"')  # a strong validator

    by_etag = client.get("/kalender/feed.ics", headers={"if-none-match": etag})
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag["ETag"] == etag and "max-age=900" in by_etag["Cache-Control"]
    by_date = client.get("/kalender/feed.ics", headers={"if-modified-since": modified})
    assert by_date.status_code == 304

    services.move_session(
        dst_sessions[0],
        start=dst_sessions[0].start + timedelta(hours=1),
        end=dst_sessions[0].end + timedelta(hours=1),
    )
    changed = client.get("/kalender/feed.ics", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_a_new_venue_address_renews_the_feed_for_a_client_that_polls(
    client, dst_sessions, time_machine
):
    first = client.get("/kalender/feed.ics")
    time_machine.shift(timedelta(minutes=5))
    venue = dst_sessions[0].venue
    venue.street = "Neue Straße 7"
    venue.save()

    by_etag = client.get("/kalender/feed.ics", headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 200 and "Neue Straße 7" in by_etag.content.decode()
    by_date = client.get(
        "/kalender/feed.ics", headers={"if-modified-since": first["Last-Modified"]}
    )
    assert by_date.status_code == 200


def test_an_unchanged_feed_is_byte_identical_later_with_dtstamp_of_the_last_change(
    client, dst_sessions, time_machine
):
    first = client.get("/kalender/feed.ics")
    time_machine.shift(timedelta(minutes=5))
    cache.clear()
    again = client.get("/kalender/feed.ics")
    assert again.content == first.content and again["ETag"] == first["ETag"]
    events = {str(e["UID"]): e for e in _parse(again).walk("VEVENT")}
    session = dst_sessions[0]
    assert events[session.uid].decoded("DTSTAMP") == session.updated_at.replace(microsecond=0)
    assert _parse(again)["X-PUBLISHED-TTL"].to_ical() == b"PT6H"


def test_feeds_keep_a_bounded_horizon(client, workshop, venue, time_machine):
    time_machine.move_to(datetime(2030, 3, 1, 9, tzinfo=BERLIN), tick=False)
    kept = SessionFactory(
        workshop=workshop,
        venue=venue,
        start=datetime(2030, 12, 1, 10, tzinfo=BERLIN),
        end=datetime(2030, 12, 1, 11, tzinfo=BERLIN),
    )
    too_far = SessionFactory(
        workshop=workshop,
        venue=venue,
        start=datetime(2031, 6, 1, 10, tzinfo=BERLIN),
        end=datetime(2031, 6, 1, 11, tzinfo=BERLIN),
    )
    long_past = SessionFactory(
        workshop=workshop,
        venue=venue,
        start=datetime(2030, 1, 2, 10, tzinfo=BERLIN),
        end=datetime(2030, 1, 2, 11, tzinfo=BERLIN),
    )
    uids = {str(e["UID"]) for e in _parse(client.get("/kalender/feed.ics")).walk("VEVENT")}
    assert kept.uid in uids
    assert too_far.uid not in uids and long_past.uid not in uids


def test_course_page_links_its_feed_by_webcal_and_https(client, home, workshop):
    from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), slug="termine-online")
    html = client.get(course.url).content.decode()
    assert "Alle Termine dieses Kurses abonnieren" not in html  # no session belongs to it yet

    workshop.course = course
    workshop.save()
    SessionFactory(workshop=workshop)
    html = client.get(course.url).content.decode()
    assert "Alle Termine dieses Kurses abonnieren" in html
    assert 'href="webcal://testserver/kalender/kurs/termine-online/feed.ics"' in html
    assert 'href="http://testserver/kalender/kurs/termine-online/feed.ics"' in html
    assert _parse(client.get("/kalender/kurs/termine-online/feed.ics")).walk("VEVENT")
