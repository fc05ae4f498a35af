"""Public JSON API (ARCHITECTURE.md contract), checked against the OpenAPI description."""

import json
from datetime import datetime

import pytest

from events.api_schema import SCHEMA
from events.models import Registration

pytestmark = pytest.mark.django_db
TYPES = {"integer": int, "string": str, "boolean": bool, "object": dict}


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
        if spec["type"] == "object":
            assert all(
                isinstance(v, list) and all(isinstance(m, str) for m in v) for v in item.values()
            )
        if "enum" in spec:
            assert item in spec["enum"]


def _post(client, session, **data):
    return client.post(
        f"/api/v1/sessions/{session.pk}/registrations/",
        json.dumps(data),
        content_type="application/json",
    )


def test_sessions_list_has_exactly_the_contract_fields(client, session):
    body = client.get("/api/v1/sessions/").json()
    (item,) = body["sessions"]
    schema = SCHEMA["paths"]["/sessions/"]["get"]["responses"]["200"]["content"]
    item_schema = schema["application/json"]["schema"]["properties"]["sessions"]["items"]
    _matches(item_schema, item)
    assert set(item) == {
        "id", "workshop", "start", "end", "district", "venue",
        "capacity", "seats_left", "waitlist_count", "url",
    }  # fmt: skip
    assert item["start"].endswith(("+01:00", "+02:00"))
    assert (item["capacity"], item["seats_left"], item["waitlist_count"]) == (3, 3, 0)


def test_register_confirmed_then_waitlisted_with_position(client, session):
    responses = [
        _post(client, session, name=f"P {i}", phone=f"02363 10{i}", privacy_consent=True)
        for i in range(4)
    ]
    assert [r.status_code for r in responses] == [201] * 4
    schema = {"$ref": "#/components/schemas/Registration"}
    for response in responses:
        _matches(schema, response.json())
    assert [r.json()["status"] for r in responses] == ["confirmed"] * 3 + ["waitlisted"]
    assert responses[-1].json()["waitlist_position"] == 1
    assert "waitlist_position" not in responses[0].json()
    cancel = client.get(responses[0].json()["cancel_url"])
    assert cancel.status_code == 200


@pytest.mark.parametrize(
    ("payload", "field", "text"),
    [
        ({"name": "Erika", "privacy_consent": True}, "email", "Telefonnummer an"),
        ({"name": "Erika", "phone": "02363 1"}, "privacy_consent", "stimmen Sie zu"),
        ({"name": "", "phone": "02363 12", "privacy_consent": True}, "name", "Namen"),
        ({"name": "E", "phone": "123", "seats": 5, "privacy_consent": True}, "seats", "1 Platz"),
        ({"name": ["E"], "phone": "0236312", "privacy_consent": True}, "name", "Text"),
        ({"name": "E", "email": "x@", "privacy_consent": True}, "email", "gültige"),
    ],
)
def test_bad_input_gives_400_with_the_forms_messages(client, session, payload, field, text):
    response = _post(client, session, **payload)
    assert response.status_code == 400
    _matches({"$ref": "#/components/schemas/Errors"}, response.json())
    assert text in response.json()["errors"][field][0]
    assert not Registration.objects.exists()


def test_garbage_body_unknown_session_honeypot_and_rate_limit(client, session, settings):
    url = f"/api/v1/sessions/{session.pk}/registrations/"
    assert client.post(url, "nicht json", content_type="application/json").status_code == 400
    assert client.post(url, "[1]", content_type="application/json").status_code == 400
    assert client.get(url).status_code == 405
    assert _post(client, type(session)(pk=999999)).status_code == 404
    honeypot = _post(
        client,
        session,
        name="Bot",
        phone="02363 1",
        privacy_consent=True,
        website="http://spam.example",
    )
    assert honeypot.status_code == 400 and not Registration.objects.exists()
    settings.LERNHAFEN_EVENTS_REGISTRATION_RATE = "2/h"
    codes = [
        _post(client, session, name="X", phone=f"02363 5{i}", privacy_consent=True).status_code
        for i in range(3)
    ]
    assert codes[-1] == 429


def test_schema_is_openapi_31_and_names_the_contract_paths(client):
    body = client.get("/api/v1/schema/").json()
    assert body["openapi"].startswith("3.1")
    assert set(body["paths"]) == {"/sessions/", "/sessions/{id}/registrations/"}
