"""Public JSON API (ARCHITECTURE.md contract): strict input, problem details, pagination,
idempotent retries – checked against the OpenAPI description."""

import json
from datetime import datetime, timedelta

import pytest
from django.core import mail

from events.api_schema import SCHEMA
from events.models import Registration
from tests.factories.events import SessionFactory, VenueFactory

pytestmark = pytest.mark.django_db
TYPES = {"integer": int, "string": str, "boolean": bool, "object": dict}
PROBLEM = "application/problem+json"


def _matches(schema: dict, value: dict) -> None:
    if "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    for name in schema.get("required", []):
        assert name in value, name
    for name, item in value.items():
        spec = schema["properties"][name]
        assert isinstance(item, TYPES[spec["type"]]), (name, item)
        if spec.get("format") == "date-time":
            assert datetime.fromisoformat(item).utcoffset() is not None
        if "enum" in spec:
            assert item in spec["enum"]


def _url(session) -> str:
    return f"/api/v1/sessions/{session.pk}/registrations/"


def _post(client, session, headers=None, **data):
    return client.post(
        _url(session), json.dumps(data), content_type="application/json", headers=headers
    )


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    _matches({"$ref": "#/components/schemas/Problem"}, body)
    assert body["status"] == status
    return body


OK = {"name": "Erika Brandt", "phone": "02363 107-0", "privacy_consent": True}


def test_sessions_list_has_the_contract_fields(client, session):
    body = client.get("/api/v1/sessions/").json()
    (item,) = body["sessions"]
    _matches({"$ref": "#/components/schemas/Session"}, item)
    assert set(item) == {
        "id", "workshop", "start", "end", "district", "district_slug", "venue", "language",
        "capacity", "group_limit", "seats_left", "waitlist_count", "url",
    }  # fmt: skip
    assert item["start"].endswith(("+01:00", "+02:00"))
    assert (item["capacity"], item["seats_left"], item["waitlist_count"]) == (3, 3, 0)
    assert (body["count"], body["limit"], body["offset"], body["next"]) == (1, 50, 0, None)


def test_sessions_list_is_paginated_and_filtered_by_district_and_date(client, workshop):
    north, south = VenueFactory(), VenueFactory()
    start = datetime.now().astimezone() + timedelta(days=3)
    for day in range(5):
        SessionFactory(workshop=workshop, venue=north, start=start + timedelta(days=day))
    far = SessionFactory(workshop=workshop, venue=south, start=start + timedelta(days=40))

    page = client.get("/api/v1/sessions/?limit=2").json()
    assert (len(page["sessions"]), page["count"]) == (2, 6)
    second = client.get(page["next"]).json()
    assert second["offset"] == 2 and second["sessions"][0]["id"] != page["sessions"][0]["id"]

    in_south = client.get(f"/api/v1/sessions/?district={south.district.slug}").json()
    assert [s["id"] for s in in_south["sessions"]] == [far.pk]
    day = (start + timedelta(days=30)).date().isoformat()
    assert [s["id"] for s in client.get(f"/api/v1/sessions/?from={day}").json()["sessions"]] == [
        far.pk
    ]
    assert client.get(f"/api/v1/sessions/?to={day}").json()["count"] == 5
    # Far-off dates are clamped to the planned range instead of overflowing.
    assert client.get("/api/v1/sessions/?from=0001-01-01&to=9999-12-31").json()["count"] == 6

    too_many = _problem(client.get("/api/v1/sessions/?limit=101&from=24.12.2026"), 400)
    assert set(too_many["errors"]) == {"limit", "from"}


def test_register_confirmed_then_waitlisted_with_position(client, session):
    responses = [
        _post(client, session, name=f"P {i}", email=f"p{i}@example.org", privacy_consent=True)
        for i in range(4)
    ]
    assert [r.status_code for r in responses] == [201] * 4
    for response in responses:
        _matches({"$ref": "#/components/schemas/Registration"}, response.json())
    assert [r.json()["status"] for r in responses] == ["confirmed"] * 3 + ["waitlisted"]
    assert responses[-1].json()["waitlist_position"] == 1
    assert client.get(responses[0].json()["cancel_url"]).status_code == 200


@pytest.mark.parametrize(
    ("payload", "field", "text"),
    [
        ({"name": "Erika", "privacy_consent": True}, "email", "Telefonnummer an"),
        ({"name": "Erika", "phone": "02363 1234"}, "privacy_consent", "stimmen Sie zu"),
        ({**OK, "privacy_consent": "yes"}, "privacy_consent", "stimmen Sie zu"),
        ({**OK, "name": ""}, "name", "Namen"),
        ({**OK, "name": "   "}, "name", "Namen"),
        ({**OK, "name": 42}, "name", "Text"),
        ({**OK, "name": ["E"]}, "name", "Text"),
        ({**OK, "phone": 2363107}, "phone", "Text"),
        ({**OK, "phone": "1----1"}, "phone", "Telefonnummer"),
        ({**OK, "seats": "2"}, "seats", "ganze Zahl"),
        ({**OK, "seats": True}, "seats", "ganze Zahl"),
        ({**OK, "seats": 0}, "seats", "ganze Zahl"),
        ({**OK, "email": "x@"}, "email", "gültige"),
        ({**OK, "email": "a" * 250 + "@example.org"}, "email", "höchstens 254"),
        ({**OK, "website": ""}, "website", "gibt es nicht"),
        ({**OK, "name": "Erika\ud800"}, "name", "ungültigen Zeichen"),
        ({**OK, "name": "Erika\u0000"}, "name", "Namen"),
    ],
)
def test_input_the_schema_forbids_gives_400_with_the_field(client, session, payload, field, text):
    body = _problem(_post(client, session, **payload), 400)
    assert text in body["errors"][field][0]
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        "nicht json",
        "[1]",
        '{"name": NaN}',
        '{"seats": 1e999}',
        "[" * 5000 + "]" * 5000,
        '{"a":' * 5000 + "1" + "}" * 5000,
        b'{"name": "\xff"}',
    ],
)
def test_broken_json_gives_400_never_500(client, session, raw):
    response = client.post(_url(session), raw, content_type="application/json")
    if len(raw) > 10_000:
        _problem(response, 413)
    else:
        _problem(response, 400)
    assert not Registration.objects.exists()


def test_deep_nesting_within_the_size_limit_gives_400(client, session):
    # 2,000 levels fit in 10,000 bytes only as bare brackets; the parser's own limit is lower.
    raw = "[" * 4999 + "]" * 4999
    response = client.post(_url(session), raw, content_type="application/json")
    _problem(response, 400)


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data"])
def test_only_json_is_accepted(client, session, content_type):
    response = client.post(_url(session), json.dumps(OK), content_type=content_type)
    _problem(response, 415)
    assert not Registration.objects.exists()


def test_charset_parameter_is_fine(client, session):
    response = client.post(
        _url(session), json.dumps(OK), content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 201


def test_every_error_under_api_is_problem_json(client, session, settings):
    _problem(client.get("/api/v1/nope/"), 404)
    _problem(client.post("/api/v1/nope/", "{}", content_type="application/json"), 404)
    _problem(client.get("/api/"), 404)
    _problem(client.get("/api"), 404)
    _problem(client.delete("/api/v1/sessions/"), 405)
    not_allowed = _problem(client.get(_url(session)), 405)
    assert not_allowed["title"]
    assert client.get(_url(session))["Allow"] == "POST"
    _problem(_post(client, type(session)(pk=999999), **OK), 404)
    big = client.post(
        _url(session), json.dumps({**OK, "name": "x" * 20_000}), content_type="application/json"
    )
    _problem(big, 413)
    settings.LERNHAFEN_EVENTS_REGISTRATION_RATE = "2/h"
    codes = [
        _post(client, session, name="R", email=f"r{i}@example.org", privacy_consent=True)
        for i in range(3)
    ]
    _problem(codes[-1], 429)


def test_state_refusals_are_409_and_the_group_limit_422(client, session, settings):
    over = _problem(_post(client, session, **OK, seats=2), 422)
    assert "nur 1 Platz" in over["errors"]["seats"][0]
    settings.LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT = 1
    assert _post(client, session, **OK).status_code == 201
    _problem(_post(client, session, **OK), 409)
    session.start = session.start - timedelta(days=30)
    session.end = session.start + timedelta(hours=1)
    session.save()
    _problem(_post(client, session, **{**OK, "phone": "02363 99999"}), 409)


def test_head_works_wherever_get_does(client, session):
    for url in ("/api/v1/sessions/", "/api/v1/schema/"):
        get, head = client.get(url), client.head(url)
        assert head.status_code == 200 and head.content == b""
        assert head["Content-Type"] == get["Content-Type"]
        assert int(head["Content-Length"]) == len(get.content)


def test_a_retry_with_the_same_idempotency_key_returns_the_first_booking(client, session):
    key = {"Idempotency-Key": "cityapp-4f1c2a9e"}
    payload = {**OK, "email": "erika@example.org"}
    first = _post(client, session, headers=key, **payload)
    retry = _post(client, session, headers=key, **payload)
    assert first.status_code == retry.status_code == 201
    assert first.json() == retry.json()
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1

    other = _problem(_post(client, session, headers=key, **{**payload, "name": "Otto"}), 422)
    assert "Idempotency-Key" in other["errors"]
    _problem(_post(client, session, headers={"Idempotency-Key": "kurz"}, **payload), 400)
    assert Registration.objects.count() == 1


def test_schema_is_openapi_31_and_names_the_contract_paths(client):
    body = client.get("/api/v1/schema/").json()
    assert body["openapi"].startswith("3.1")
    assert set(body["paths"]) == {"/sessions/", "/sessions/{id}/registrations/"}


def test_other_methods_get_405_with_allow_on_every_api_path(client, session):
    for path, operations in SCHEMA["paths"].items():
        url = "/api/v1" + path.replace("{id}", str(session.pk))
        allowed = {m.upper() for m in operations} | ({"HEAD"} if "get" in operations else set())
        for method in ("get", "post", "put", "patch", "delete", "options"):
            if method.upper() in allowed:
                continue
            response = getattr(client, method)(url)
            _problem(response, 405)
            assert set(response["Allow"].split(", ")) == allowed, (url, method)


def test_a_booking_through_the_api_answers_with_the_reference_of_page_and_mail(client, session):
    response = client.post(_url(session), json.dumps(OK), content_type="application/json")
    assert response.status_code == 201
    assert response.json()["reference"] == Registration.objects.get().reference
