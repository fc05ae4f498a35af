"""Native exercises: checked on the server, result in place, recorded on the Lernpass."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import LessonPage
from learning import services
from learning.models import Statement
from tests.factories.learning import single_choice

pytestmark = pytest.mark.django_db


def _url(page, block_id: str) -> str:
    return reverse("learning:exercise", args=[page.pk, block_id])


def test_lesson_renders_every_exercise_as_a_form_with_fieldset_and_legend(client, course):
    html = client.get(course.exercises.url).content.decode()
    for block_id in course.ids.values():
        assert f'action="{_url(course.exercises, block_id)}#uebung-{block_id}"' in html
    assert html.count("<fieldset") >= 6  # spot the fake: one fieldset per message
    assert '<legend class="kern-label">Welches Passwort ist am sichersten?</legend>' in html
    assert 'role="status"' in html


def test_correct_answer_is_shown_in_place_and_recorded_on_the_lernpass(
    lernpass_client, course, lernpass
):
    block_id = course.ids["single_choice"]
    response = lernpass_client.post(_url(course.exercises, block_id), {"antwort": "1"}, follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Richtig! Gut gemacht." in html
    assert "Lang und zufällig." in html  # feedback on the chosen answer
    assert '<h1 class="kern-heading-large">Üben</h1>' in html  # the same page
    statement = Statement.objects.get()
    assert (statement.lernpass, statement.page_id, statement.block_id) == (
        lernpass,
        course.exercises.pk,
        block_id,
    )
    assert (statement.verb, statement.success, statement.score_raw) == ("answered", True, 1)
    assert statement.self_reported is False


def test_wrong_answer_gets_feedback_and_keeps_the_choice(client, course):
    block_id = course.ids["single_choice"]
    html = client.post(
        _url(course.exercises, block_id), {"antwort": "0"}, follow=True
    ).content.decode()
    assert "Noch nicht ganz" in html
    assert "Viel zu leicht zu erraten." in html
    assert f'id="uebung-{block_id}-0" value="0" checked' in html


def test_without_lernpass_the_result_is_shown_but_nothing_is_stored(client, course):
    response = client.post(
        _url(course.exercises, course.ids["true_false"]), {"antwort": "falsch"}, follow=True
    )
    assert "Das tun Banken nie." in response.content.decode()
    assert "Ihr Ergebnis bleibt nur auf diesem Gerät" in response.content.decode()
    assert Statement.objects.count() == 0


def test_missing_answer_shows_the_error_next_to_the_question_and_stores_nothing(
    lernpass_client, course
):
    block_id = course.ids["multiple_choice"]
    response = lernpass_client.post(_url(course.exercises, block_id), {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte wählen Sie mindestens eine Antwort aus." in html
    assert f'aria-describedby="uebung-{block_id}-hinweis uebung-{block_id}-fehler"' in html
    assert "kern-fieldset--error" in html
    assert Statement.objects.count() == 0


@pytest.mark.parametrize("answer", ["x", "99", "-1", ""])
def test_garbage_answers_never_crash(client, course, answer):
    response = client.post(_url(course.exercises, course.ids["single_choice"]), {"antwort": answer})
    assert response.status_code == 400


def test_multiple_choice_is_one_question_solved_by_exactly_the_right_answers():
    value = {
        "answers": [
            {"text": "a", "correct": True, "feedback": ""},
            {"text": "b", "correct": False, "feedback": ""},
            {"text": "c", "correct": True, "feedback": ""},
        ]
    }
    partly = services.check_choice(value, ["0"], multiple=True)
    # Scores count questions, not options: one of two right answers is not "2 von 3".
    assert (partly.correct, partly.score, partly.max_score) == (False, 0, 1)
    assert partly.summary == "Noch nicht ganz. Versuchen Sie es noch einmal."
    assert services.check_choice(value, ["0", "2"], multiple=True).correct


def test_order_steps_are_shown_mixed_and_checked_by_position(client, course):
    block_id = course.ids["order_steps"]
    value = services.find_exercise(course.exercises.specific, block_id)[1]
    shown = services.shuffled_steps(value, block_id)
    assert [text for _, text in shown] != list(value["steps"])
    right = {f"schritt-{i}": str(index + 1) for i, (index, _) in enumerate(shown)}
    assert services.check_order(value, right, block_id).correct
    swapped = dict(right, **{"schritt-0": right["schritt-1"], "schritt-1": right["schritt-0"]})
    assert services.check_order(value, swapped, block_id).score == 1
    twice = dict(right, **{"schritt-0": right["schritt-1"]})
    assert services.check_order(value, twice, block_id).error == (
        "Bitte vergeben Sie jede Position nur einmal."
    )
    html = client.post(_url(course.exercises, block_id), swapped, follow=True).content.decode()
    assert "Richtig ist Position" in html


def test_spot_the_fake_explains_each_message(client, course):
    block_id = course.ids["spot_the_fake"]
    html = client.post(
        _url(course.exercises, block_id),
        {"nachricht-0": "echt", "nachricht-1": "echt"},
        follow=True,
    ).content.decode()
    assert "Noch nicht ganz: 1 von 2 richtig." in html
    assert "Fremde Adresse und Zeitdruck." in html
    missing = client.post(_url(course.exercises, block_id), {"nachricht-0": "echt"})
    assert "Bitte entscheiden Sie bei jeder Nachricht" in missing.content.decode()


def test_javascript_gets_the_rendered_exercise_as_json(client, course):
    block_id = course.ids["true_false"]
    response = client.post(
        _url(course.exercises, block_id), {"antwort": "falsch"}, HTTP_ACCEPT="application/json"
    )
    data = response.json()
    assert data["correct"] is True
    assert data["message"] == "Richtig! Gut gemacht."
    assert f'id="uebung-{block_id}"' in data["html"]
    assert "Das tun Banken nie." in data["html"]


def test_unknown_page_or_block_is_404(client, course):
    assert client.post(_url(course.exercises, "gibt-es-nicht"), {}).status_code == 404
    assert client.post(reverse("learning:exercise", args=[999999, "x"]), {}).status_code == 404
    # A bookmark of the answer address leads to the exercise on its page (no blank 405).
    bookmark = client.get(_url(course.exercises, course.ids["true_false"]))
    assert bookmark.status_code == 302
    assert bookmark.url == f"{course.exercises.url}#uebung-{course.ids['true_false']}"


def test_answers_are_rate_limited(client, course, settings):
    settings.LERNHAFEN_LEARNING_RATE = "2/h"
    url = _url(course.exercises, course.ids["true_false"])
    assert client.post(url, {"antwort": "wahr"}, follow=True).status_code == 200
    assert client.post(url, {"antwort": "wahr"}, follow=True).status_code == 200
    response = client.post(url, {"antwort": "wahr"})
    assert response.status_code == 429
    assert "sehr viele Anfragen" in response.content.decode()


def test_solving_every_exercise_completes_the_lesson_and_counts_in_the_course(
    lernpass_client, course, lernpass
):
    page = course.exercises
    ids = course.ids
    value = services.find_exercise(page.specific, ids["order_steps"])[1]
    order = {
        f"schritt-{i}": str(index + 1)
        for i, (index, _) in enumerate(services.shuffled_steps(value, ids["order_steps"]))
    }
    answers = {
        "single_choice": {"antwort": "1"},
        "multiple_choice": {"antwort": ["0", "2"]},
        "true_false": {"antwort": "falsch"},
        "order_steps": order,
        "spot_the_fake": {"nachricht-0": "gefaelscht", "nachricht-1": "echt"},
    }
    for kind, data in list(answers.items())[:-1]:
        lernpass_client.post(_url(page, ids[kind]), data)
    assert services.course_progress(lernpass, course.page).done == 0
    lernpass_client.post(_url(page, ids["spot_the_fake"]), answers["spot_the_fake"])

    progress = services.course_progress(lernpass, course.page)
    assert (progress.label, progress.finished) == ("1 von 2 Lektionen", False)
    response = lernpass_client.post(_url(course.closing, course.done_id), {}, follow=True)
    assert "Im Kurs „Sichere Passwörter“: 2 von 2 Lektionen." in response.content.decode()
    assert services.course_progress(lernpass, course.page).finished


def test_lesson_page_with_exercises_keeps_a_fixed_query_budget(client, course):
    url = course.exercises.url
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    assert len(captured) <= 20, [q["sql"][:120] for q in captured.captured_queries]


def test_exercise_in_the_preview_of_an_unsaved_lesson_renders_without_a_form_action(rf):
    # The editor previews a new lesson before its first save: it has no id to answer to yet.

    lesson = LessonPage(title="Passwörter üben", body=[single_choice()])
    request = rf.get("/")
    request.is_preview = True

    html = lesson.body.render_as_block(context={"page": lesson, "request": request})

    assert "Welches Passwort ist am sichersten?" in html


def test_without_javascript_the_answer_redirects_to_the_lesson_and_survives_a_reload(
    client, course
):
    block_id = course.ids["single_choice"]
    response = client.post(_url(course.exercises, block_id), {"antwort": "1"})

    assert response.status_code == 303
    path, _, anchor = response.url.partition("#")
    assert path.startswith(f"{course.exercises.url}?ergebnis=")
    assert anchor == f"uebung-{block_id}"
    for _ in range(2):  # the first visit and a reload (or a bookmark) show the same result
        html = client.get(path).content.decode()
        assert "Richtig! Gut gemacht." in html
        assert f'id="uebung-{block_id}-1" value="1" checked' in html
    # The next answer goes to the answer address without the old result in it.
    assert f'action="{_url(course.exercises, block_id)}#uebung-{block_id}"' in html


def test_a_tampered_result_in_the_address_shows_the_plain_lesson(client, course):
    html = client.get(course.exercises.url + "?ergebnis=abc:def").content.decode()
    assert "Richtig! Gut gemacht." not in html
    assert "Welches Passwort ist am sichersten?" in html


def test_feedback_gives_the_verdict_once(client, course):
    block_id = course.ids["single_choice"]
    value = services.find_exercise(course.exercises.specific, block_id)[1]
    value["answers"][1]["feedback"] = "Richtig: Lang und zufällig."
    result = services.check_choice(value, ["1"], multiple=False)
    chosen = result.items[1]
    assert (chosen.verdict, chosen.explanation) == ("Richtig.", "Lang und zufällig.")


def test_lesson_done_button_says_it_is_done_and_tells_the_progress(lernpass_client, course):
    response = lernpass_client.post(_url(course.closing, course.done_id), {}, follow=True)
    html = response.content.decode()
    assert "Als erledigt markiert" in html
    assert "Als erledigt markieren" not in html
    assert "kern-alert__body" not in html.split(f'id="uebung-{course.done_id}"')[1]

    data = lernpass_client.post(
        _url(course.closing, course.done_id), {}, HTTP_ACCEPT="application/json"
    ).json()
    assert data["message"] == "Erledigt! Im Kurs „Sichere Passwörter“: 1 von 2 Lektionen."
    assert "Als erledigt markiert" in data["html"]


def test_a_lesson_done_earlier_shows_as_done_when_the_learner_returns(lernpass_client, course):
    lesson_url = course.closing.url
    assert "Als erledigt markieren" in lernpass_client.get(lesson_url).content.decode()

    lernpass_client.post(_url(course.closing, course.done_id), {})

    html = lernpass_client.get(lesson_url).content.decode()
    assert "Als erledigt markiert" in html
    assert "Als erledigt markieren" not in html


def test_without_a_lernpass_the_lesson_invites_to_mark_it_done(client, course):
    html = client.get(course.closing.url).content.decode()
    assert "Als erledigt markieren" in html


def test_an_answerable_block_without_a_check_is_refused_when_it_is_defined():
    from learning.blocks import CheckableExerciseBlock

    with pytest.raises(TypeError, match="has no check_answer"):

        class Unchecked(CheckableExerciseBlock):
            pass
