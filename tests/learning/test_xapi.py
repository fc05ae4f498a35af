"""xAPI intake for H5P: CSRF, signed context, size and rate limit, self-reported scores."""

from __future__ import annotations

import json

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from learning import h5p, services
from learning.models import Statement
from learning.views import H5P_TOKEN_SALT
from tests.factories.learning import block, quiz_package

pytestmark = pytest.mark.django_db
ANSWERED = {
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
    "result": {"score": {"raw": 1, "max": 1}, "success": True},
    "context": {"contextActivities": {"category": [{"id": "x"}]}},
}


@pytest.fixture
def content(db):
    return h5p.import_package(quiz_package(), may_install_libraries=True)


def _token(content, page, block_id="abc") -> str:
    return signing.dumps({"c": content.pk, "p": page.pk, "b": block_id}, salt=H5P_TOKEN_SALT)


def _post(client, payload, **extra):
    return client.post(
        reverse("learning:xapi"), json.dumps(payload), content_type="application/json", **extra
    )


def test_root_answered_statement_is_stored_as_self_reported(
    lernpass_client, lernpass, content, course
):
    response = _post(
        lernpass_client, {"token": _token(content, course.closing), "statement": ANSWERED}
    )
    assert response.status_code == 201
    statement = Statement.objects.get()
    assert (statement.verb, statement.score_raw, statement.score_max, statement.success) == (
        "answered",
        1.0,
        1.0,
        True,
    )
    assert statement.self_reported is True
    assert statement.raw == ANSWERED
    assert (statement.h5p_content, statement.page_id, statement.lernpass) == (
        content,
        course.closing.pk,
        lernpass,
    )


def test_statements_of_sub_questions_and_other_verbs_are_not_stored(
    lernpass_client, content, course
):
    child = {**ANSWERED, "context": {"contextActivities": {"parent": [{"id": "quiz"}]}}}
    interacted = {**ANSWERED, "verb": {"id": "http://adlnet.gov/expapi/verbs/interacted"}}
    for statement in (child, interacted, "kein Objekt"):
        response = _post(
            lernpass_client, {"token": _token(content, course.closing), "statement": statement}
        )
        assert response.status_code == 202
    assert not Statement.objects.exists()


def test_without_lernpass_nothing_is_stored(client, content, course):
    response = _post(client, {"token": _token(content, course.closing), "statement": ANSWERED})
    assert response.status_code == 202
    assert response.json()["stored"] is False
    assert not Statement.objects.exists()


def test_a_forged_token_is_refused(lernpass_client, content, course):
    response = _post(lernpass_client, {"token": "erfunden", "statement": ANSWERED})
    assert response.status_code == 403
    assert _post(lernpass_client, {"statement": ANSWERED}).status_code == 403


def test_oversized_and_broken_bodies_are_refused(lernpass_client, content, course):
    big = {**ANSWERED, "padding": "x" * services.MAX_STATEMENT_BYTES}
    assert (
        _post(
            lernpass_client, {"token": _token(content, course.closing), "statement": big}
        ).status_code
        == 413
    )
    response = lernpass_client.post(
        reverse("learning:xapi"), "{kaputt", content_type="application/json"
    )
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_the_endpoint_needs_the_csrf_token(lernpass, content, course):
    strict = Client(enforce_csrf_checks=True)
    response = _post(strict, {"token": _token(content, course.closing), "statement": ANSWERED})
    assert response.status_code == 403
    assert not Statement.objects.exists()


def test_the_endpoint_is_rate_limited(lernpass_client, content, course, settings):
    settings.LERNHAFEN_LEARNING_RATE = "1/h"
    payload = {"token": _token(content, course.closing), "statement": ANSWERED}
    assert _post(lernpass_client, payload).status_code == 201
    assert _post(lernpass_client, payload).status_code == 429


def test_player_page_carries_a_signed_token_and_may_be_framed_by_us(client, content, course):
    course.closing.body = json.dumps([{**block("h5p", {"content": content.pk}), "id": "b1"}])
    course.closing.save_revision().publish()
    response = client.get(
        reverse("learning:h5p_player", args=[content.pk]) + f"?seite={course.closing.pk}&block=b1"
    )
    html = response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert (
        "'unsafe-inline'"
        not in response["Content-Security-Policy"].split("script-src")[1].split(";")[0]
    )
    assert f'data-h5p-json-path="/media/{content.storage_path}"' in html
    token = html.split('data-token="')[1].split('"')[0]
    assert signing.loads(token, salt=H5P_TOKEN_SALT) == {
        "c": content.pk,
        "p": course.closing.pk,
        "b": "b1",
    }
    assert "<script>" not in html
