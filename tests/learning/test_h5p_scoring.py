"""H5P results that mean something: success from the score, no credit for a bare "completed",
and a player token only for a page and block that really show the content."""

from __future__ import annotations

import json

import pytest
from django.core import signing
from django.urls import reverse

from learning import h5p, services
from learning.blocks import H5PBlock
from learning.models import Statement
from learning.views import H5P_TOKEN_SALT
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from tests.factories.learning import block, quiz_package

pytestmark = pytest.mark.django_db
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


@pytest.fixture
def content(db):
    return h5p.import_package(quiz_package("Lückentext"), may_install_libraries=True)


@pytest.fixture
def lesson(home, content):
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index, slug="h5p-kurs", title="H5P-Kurs")
    return LessonPageFactory(
        parent=course,
        slug="luecken",
        title="Lücken füllen",
        body=json.dumps([{**block("h5p", {"content": content.pk, "heading": ""}), "id": "h1"}]),
    )


def _player(client, content, query: str):
    return client.get(reverse("learning:h5p_player", args=[content.pk]) + query)


def _token_from(response) -> str:
    return response.content.decode().split('data-token="')[1].split('"')[0]


def _send(client, token: str, statement: dict):
    return client.post(
        reverse("learning:xapi"),
        json.dumps({"token": token, "statement": statement}),
        content_type="application/json",
    )


def _statement(verb: str, result: dict | None = None) -> dict:
    return {"verb": {"id": verb}, **({"result": result} if result is not None else {})}


def _lesson_done(lernpass, lesson) -> bool:
    return Statement.objects.filter(
        lernpass=lernpass, page=lesson, block_id="", verb=Statement.Verb.COMPLETED
    ).exists()


def test_a_score_without_success_flag_counts_only_with_full_marks(
    lernpass_client, lernpass, content, lesson
):
    token = _token_from(_player(lernpass_client, content, f"?seite={lesson.pk}&block=h1"))

    # H5P.Blanks answered 0 of 3: no "success" in the statement.
    assert _send(lernpass_client, token, _statement(ANSWERED, {"score": {"raw": 0, "max": 3}}))
    assert Statement.objects.get().success is False
    assert not _lesson_done(lernpass, lesson)

    _send(lernpass_client, token, _statement(ANSWERED, {"score": {"raw": 3, "max": 3}}))
    assert Statement.objects.filter(block_id="h1").latest("pk").success is True
    assert _lesson_done(lernpass, lesson)


def test_a_bare_completed_does_not_solve_a_scored_content_type(
    lernpass_client, lernpass, content, lesson
):
    token = _token_from(_player(lernpass_client, content, f"?seite={lesson.pk}&block=h1"))

    assert _send(lernpass_client, token, _statement(COMPLETED)).status_code == 201

    assert not _lesson_done(lernpass, lesson)
    course = lesson.get_parent().specific
    assert services.course_progress(lernpass, course).label == "0 von 1 Lektionen"


def test_an_impossible_score_is_not_stored(lernpass_client, content, lesson):
    token = _token_from(_player(lernpass_client, content, f"?seite={lesson.pk}&block=h1"))

    response = _send(lernpass_client, token, _statement(ANSWERED, {"score": {"raw": 9, "max": 3}}))

    assert response.status_code == 202
    assert not Statement.objects.exists()


def test_the_token_binds_content_page_and_block(client, content, lesson):
    response = _player(client, content, f"?seite={lesson.pk}&block=h1")

    assert signing.loads(_token_from(response), salt=H5P_TOKEN_SALT) == {
        "c": content.pk,
        "p": lesson.pk,
        "b": "h1",
    }


@pytest.mark.parametrize(
    "query",
    ["?seite={page}&block=anderer-block", "?seite={home}&block=h1", "?seite=abc&block=h1"],
)
def test_the_player_refuses_a_page_or_block_without_this_content(
    client, content, lesson, home, query
):
    response = _player(client, content, query.format(page=lesson.pk, home=home.pk))

    assert response.status_code == 404
    assert "data-token" not in response.content.decode()


def test_the_player_refuses_another_content_on_a_real_page_and_block(client, content, lesson):
    other = h5p.import_package(quiz_package("Anderes Quiz"))

    assert _player(client, other, f"?seite={lesson.pk}&block=h1").status_code == 404


def test_without_a_page_the_player_plays_but_records_nothing(client, content):
    response = _player(client, content, "")

    assert response.status_code == 200
    assert 'data-token=""' in response.content.decode()


def test_only_the_player_frame_gets_the_wider_policy(client, content, lesson):
    player = _player(client, content, f"?seite={lesson.pk}&block=h1")["Content-Security-Policy"]
    page = client.get(lesson.url)["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in player.split(";") if part.strip())
    assert "blob:" in directives["media-src"] and "data:" in directives["font-src"]
    assert "unsafe-eval" not in player
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "blob:" not in page and "unsafe-inline" not in page


def test_class_view_counts_each_exercise_once_and_only_when_solved(
    lernpass, content, lesson, teacher
):
    course = lesson.get_parent().specific
    group = services.create_group(teacher, "7b", [course])
    services.join_group(lernpass, group.join_code, "Blauer Wal")
    for raw in (1, 3, 3):
        services.record_statement(
            lernpass,
            lesson,
            verb=Statement.Verb.ANSWERED,
            block_id="h1",
            score_raw=raw,
            score_max=3,
            h5p_content=content,
        )

    report = services.group_report(group)

    (member_row,) = report.courses[0]["member_rows"]
    assert member_row["cells"] == [(True, 1)]
    assert member_row["total"] == 1


def test_a_preview_plays_the_content_without_a_page_token(rf, content, lesson):
    request = rf.get("/")
    request.is_preview = True
    context = H5PBlock().get_context(
        {"content": content, "heading": ""}, {"page": lesson, "request": request}
    )
    assert context["player_url"] == reverse("learning:h5p_player", args=[content.pk])
