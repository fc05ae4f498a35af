"""Findings 6 and 9 of the security review: odd input gets a German message, never a 500."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from events import services as calendar
from events.forms import RegistrationForm
from events.models import Registration, Session, SessionSeries
from learning import h5p
from learning.models import Statement
from learning.views import H5P_TOKEN_SALT
from tests.factories.cms import ContentPageFactory
from tests.factories.events import EventIndexPageFactory, SessionFactory, WorkshopPageFactory
from tests.factories.events_workspace import make_world
from tests.factories.learning import quiz_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return make_world(home)


# --- Search --------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ['"', 'WLAN"', '"WLAN', "WLAN AND", "NOT", "(WLAN", "WLAN*"])
def test_search_with_full_text_syntax_answers_with_results_not_a_500(client, home, query):
    ContentPageFactory(parent=home, slug="wlan", title="Stadt-WLAN verbinden")
    client.raise_request_exception = False
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    if query.strip('"(*') == "WLAN":
        assert "Stadt-WLAN verbinden" in response.content.decode()


# --- Calendar filters and reports ----------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [{"von": "0001-01-01"}, {"bis": "9999-12-31"}, {"von": "01.01.0001", "bis": "31.12.9999"}],
)
def test_calendar_dates_outside_the_sane_range_get_a_message_next_to_the_field(
    client, home, params
):
    page = EventIndexPageFactory(parent=home)
    client.raise_request_exception = False
    response = client.get(page.url, params)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte wählen Sie ein Datum zwischen 2000 und 2100." in html


def test_reports_with_a_date_in_year_one_fall_back_to_the_default_period(client, world):
    client.force_login(world.coordinator)
    client.raise_request_exception = False
    for params in ({"von": "0001-01-01"}, {"bis": "9999-12-31"}):
        response = client.get(reverse("events_workspace:reports"), params)
        assert response.status_code == 200
        assert "Bitte wählen Sie ein Datum zwischen 2000 und 2100." in response.content.decode()
        csv = client.get(reverse("events_workspace:report_csv", args=["stadtteil"]), params)
        assert csv.status_code in (200, 404)


# --- Sessions and series -------------------------------------------------------------------------


def test_sessions_in_year_one_or_9999_are_refused_by_the_workspace(client, world):
    client.force_login(world.lotse_hagem.user)
    for day in ("0001-01-01", "9999-12-31"):
        response = client.post(
            reverse("events_workspace:session_create"),
            {
                "workshop": world.workshop.pk,
                "day": day,
                "start_time": "10:00",
                "end_time": "12:00",
                "venue": world.venue_hagem.pk,
                "capacity": 8,
                "group_limit": 1,
            },
        )
        assert response.status_code == 200
        assert "Bitte wählen Sie ein Datum zwischen 2000 und 2100." in response.content.decode()
    assert Session.objects.count() == 2  # the two of the world


def test_a_session_in_year_9999_fails_model_validation_in_every_admin_view(world):
    session = world.session_hagem
    session.start = datetime(9999, 12, 31, 10, tzinfo=timezone.get_default_timezone())
    session.end = session.start + timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "start" in error.value.message_dict


def _series(world, rule: str, first: datetime | None = None) -> SessionSeries:
    return SessionSeries(
        workshop=world.workshop,
        first_start=first or timezone.now() + timedelta(days=3),
        duration_minutes=90,
        rrule=rule,
        venue=world.venue_hagem,
    )


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", "verstehen wir nicht"),
        ("FREQ=SECONDLY;BYMONTHDAY=30;COUNT=2", "täglich, wöchentlich"),
        ("FREQ=HOURLY;COUNT=3", "täglich, wöchentlich"),
        ("FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;COUNT=2", "verstehen wir nicht"),
        ("FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1;COUNT=2", "nicht beides"),
        ("FREQ=MONTHLY;INTERVAL=4;COUNT=10", "höchstens zwei Jahre"),
        ("FREQ=WEEKLY;UNTIL=20990101T000000Z", "höchstens zwei Jahre"),
        ("FREQ=DAILY;COUNT=100000", "höchstens 200 Termine"),
    ],
)
def test_repeat_rules_are_bounded_before_they_are_expanded(world, rule, message):
    started = time.monotonic()
    with pytest.raises(ValidationError) as error:
        _series(world, rule).full_clean()
    assert message in " ".join(error.value.message_dict["rrule"])
    assert time.monotonic() - started < 2


def test_a_rule_that_never_matches_is_refused_before_it_is_expanded(world):
    # Every 30 February: dateutil would walk day by day up to year 9999 looking for one.
    started = time.monotonic()
    with pytest.raises(ValidationError):
        _series(world, "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2").full_clean()
    assert time.monotonic() - started < 1


def test_a_series_starting_in_year_one_is_refused(world):
    first = datetime(1, 1, 3, 10, tzinfo=timezone.get_default_timezone())
    with pytest.raises(ValidationError):
        _series(world, "FREQ=WEEKLY;COUNT=3", first).full_clean()


def test_a_weekly_course_for_a_school_year_is_still_fine(world):
    starts = calendar.series_starts(_series(world, "FREQ=WEEKLY;COUNT=40"))
    assert len(starts) == 40


def test_the_series_form_refuses_a_year_9999_start_and_far_skip_days(client, world):
    client.force_login(world.lotse_hagem.user)
    base = {
        "workshop": world.workshop.pk,
        "first_day": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "start_time": "10:00",
        "end_time": "12:00",
        "repeat": "WEEKLY;INTERVAL=1",
        "count": 4,
        "venue": world.venue_hagem.pk,
        "capacity": 8,
        "group_limit": 1,
    }
    url = reverse("events_workspace:series_create")
    far = client.post(url, {**base, "first_day": "9999-12-27"})
    skip = client.post(url, {**base, "skip": "01.01.0001"})
    assert far.status_code == skip.status_code == 200
    assert "Bitte wählen Sie ein Datum zwischen 2000 und 2100." in far.content.decode()
    assert "Bitte wählen Sie ein Datum zwischen 2000 und 2100." in skip.content.decode()
    assert not SessionSeries.objects.exists()


# --- Message to all: subject ---------------------------------------------------------------------


def test_a_line_break_in_the_message_subject_is_refused_in_the_form(client, world):
    session = world.session_hagem
    calendar.register(session, name="Erika Brandt", email="erika@example.org")
    mail.outbox.clear()
    client.force_login(world.lotse_hagem.user)
    response = client.post(
        reverse("events_workspace:message", args=[session.pk]),
        {"subject": "Raum\r\nBcc: alle@example.org", "body": "Wir treffen uns im Saal."},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Der Betreff darf nur aus einer Zeile bestehen." in html
    assert mail.outbox == []


# --- Public text fields --------------------------------------------------------------------------


@pytest.fixture
def open_session(home):
    calendar_page = EventIndexPageFactory(parent=home)
    return SessionFactory(workshop=WorkshopPageFactory(parent=calendar_page))


@pytest.mark.parametrize("name", ["Erika\x00Brandt", "Erika\x1bBrandt", "Erika\x7fBrandt"])
def test_control_characters_in_a_registration_name_get_a_message(client, open_session, name):
    client.raise_request_exception = False
    response = client.post(
        open_session.get_url(),
        {"name": name, "phone": "02363 1234", "seats": "1", "privacy_consent": "on"},
    )
    assert response.status_code == 400
    assert "Zeichen, die wir nicht speichern können" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_lone_surrogate_in_a_registration_name_gets_a_form_error(open_session):
    # Browsers cannot send one, but the form is shared with the JSON API, where "\ud800" is
    # valid JSON; inserting it would raise UnicodeEncodeError in the database driver.
    form = RegistrationForm(
        {"name": "Erika \ud800", "phone": "02363 1234", "seats": "1", "privacy_consent": "on"},
        session=open_session,
    )
    assert not form.is_valid()
    assert "Zeichen, die wir nicht speichern können" in form.errors["name"][0]


def test_undecodable_bytes_in_a_form_post_do_not_break_the_page(client, open_session):
    client.raise_request_exception = False
    response = client.post(
        open_session.get_url(),
        b"name=Erika%ED%A0%80&phone=02363+1234&seats=1&privacy_consent=on",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code < 500


def test_a_control_character_in_a_nickname_gets_a_message(client, db):
    client.raise_request_exception = False
    response = client.post(
        reverse("learning:join"), {"join_code": "ABCD-2345", "nickname": "Blauer\x08Wal"}
    )
    assert response.status_code == 400
    assert "Zeichen, die wir nicht speichern können" in response.content.decode()


# --- xAPI ----------------------------------------------------------------------------------------


@pytest.fixture
def h5p_content(db):
    return h5p.import_package(quiz_package(), may_install_libraries=True)


def _xapi(client, body: str):
    return client.post(reverse("learning:xapi"), body, content_type="application/json")


def test_xapi_json_nested_5000_deep_is_refused_with_400(lernpass_client):
    lernpass_client.raise_request_exception = False
    body = '{"statement": ' + "[" * 5000 + "]" * 5000 + "}"
    response = _xapi(lernpass_client, body)
    assert response.status_code == 400
    assert "verschachtelt" in response.json()["error"]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_xapi_statement_with_nan_is_refused_and_nothing_stored(
    lernpass_client, h5p_content, course, number
):
    token = signing.dumps(
        {"c": h5p_content.pk, "p": course.closing.pk, "b": "abc"}, salt=H5P_TOKEN_SALT
    )
    statement = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "result": {"score": {"raw": "__N__", "max": 1}, "success": True},
        "context": {"contextActivities": {"category": [{"id": "x"}]}},
    }
    body = json.dumps({"token": token, "statement": statement}).replace('"__N__"', number)
    lernpass_client.raise_request_exception = False
    response = _xapi(lernpass_client, body)
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_xapi_statement_with_a_lone_surrogate_is_refused(lernpass_client, h5p_content, course):
    token = signing.dumps(
        {"c": h5p_content.pk, "p": course.closing.pk, "b": "abc"}, salt=H5P_TOKEN_SALT
    )
    statement = {
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "result": {"score": {"raw": 1, "max": 1}, "response": "\ud800"},
        "context": {"contextActivities": {"category": [{"id": "x"}]}},
    }
    lernpass_client.raise_request_exception = False
    response = _xapi(lernpass_client, json.dumps({"token": token, "statement": statement}))
    assert response.status_code == 400
    assert not Statement.objects.exists()
