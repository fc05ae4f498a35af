"""Learning in Chromium: exercises with and without JavaScript, H5P end to end, Lernpass on a
second device, classes and certificates – each page with 0 axe violations in every variant."""

from __future__ import annotations

import json
import time
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError

from learning import h5p, services
from learning.models import Lernpass, Statement
from tests.browser.conftest import check_accessibility
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory
from tests.factories.learning import (
    block,
    h5p_block,
    lesson_done,
    order_steps,
    quiz_package,
    single_choice,
    spot_the_fake,
    true_false,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def course(home):
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index, slug="sicher-online", title="Sicher online")
    lesson = LessonPageFactory(
        parent=course,
        slug="ueben",
        title="Üben",
        body=json.dumps([single_choice(), true_false(), order_steps(), spot_the_fake()]),
    )
    closing = LessonPageFactory(
        parent=course, slug="abschluss", title="Abschluss", body=json.dumps([lesson_done()])
    )
    ids = {child.block_type: child.id for child in lesson.body}
    return SimpleNamespace(page=course, lesson=lesson, closing=closing, ids=ids)


def _create_lernpass(page, base_url: str) -> str:
    page.goto(base_url + "/lernen/lernpass/")
    page.get_by_role("button", name="Lernpass anlegen").click()
    return page.locator("[data-lernpass-code]").inner_text().strip()


def test_exercise_page_is_accessible_empty_with_errors_and_with_results(
    browser_page, live_server, course
):
    url = live_server.url + course.lesson.url
    check_accessibility(browser_page, url, name="exercises")

    def submit_empty(page):
        section = page.locator(f"#uebung-{course.ids['single_choice']}")
        section.get_by_role("button", name="Antwort prüfen").click()
        section.locator(".kern-error").wait_for()

    check_accessibility(browser_page, url, prepare=submit_empty, name="exercises-errors")

    def answer(page):
        section = page.locator(f"#uebung-{course.ids['spot_the_fake']}")
        section.get_by_label("Gefälscht").first.check()
        section.get_by_label("Gefälscht").nth(1).check()
        section.get_by_role("button", name="Antwort prüfen").click()
        section.locator("[data-exercise-summary]").wait_for()

    check_accessibility(browser_page, url, prepare=answer, name="exercises-results")


def test_native_exercise_works_without_javascript(chromium, live_server, course):
    context = chromium.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    block_id = course.ids["single_choice"]
    page.goto(live_server.url + course.lesson.url)
    page.get_by_label("Kaffee-Fahrrad-Mondschein-17").check()
    page.locator(f"#uebung-{block_id}").get_by_role("button", name="Antwort prüfen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#uebung-{block_id}")
    assert "Richtig! Gut gemacht." in page.locator(f"#uebung-{block_id}").inner_text()
    assert page.get_by_label("Kaffee-Fahrrad-Mondschein-17").is_checked()
    context.close()


def test_native_exercise_with_javascript_by_keyboard_announces_the_result(
    browser_page, live_server, course
):
    page = browser_page
    page.goto(live_server.url + course.lesson.url)
    section = page.locator(f"#uebung-{course.ids['true_false']}")
    section.get_by_label("Falsch").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    live = section.locator("[data-exercise-live]")
    live.filter(has_text="Richtig! Gut gemacht.").wait_for()
    assert page.url == live_server.url + course.lesson.url  # no page load
    assert "Das tun Banken nie." in section.inner_text()
    # An unanswered exercise: the error is announced and focus goes to the question.
    other = page.locator(f"#uebung-{course.ids['single_choice']}")
    other.get_by_role("button", name="Antwort prüfen").click()
    other.locator("[data-exercise-live]").filter(
        has_text="Bitte wählen Sie eine Antwort aus."
    ).wait_for()
    assert page.evaluate("document.activeElement.name") == "antwort"


def test_lernpass_restores_progress_on_a_second_browser(
    browser_page, chromium, live_server, course
):
    code = _create_lernpass(browser_page, live_server.url)
    browser_page.goto(live_server.url + course.closing.url)
    browser_page.get_by_role("button", name="Als erledigt markieren").click()
    browser_page.get_by_text("1 von 2 Lektionen").first.wait_for()

    second = chromium.new_context(locale="de-DE")
    other = second.new_page()
    other.goto(live_server.url + "/lernen/lernpass/wiederherstellen/")
    other.get_by_label("Ihr Lernpass-Code").fill(code.lower().replace("-", " "))
    other.get_by_role("button", name="Wiederherstellen").click()
    other.get_by_text("Willkommen zurück!").wait_for()
    assert "1 von 2 Lektionen" in other.locator("main").inner_text()

    other.get_by_role("link", name="Fortschritt löschen").click()
    other.get_by_role("button", name="Ja, alles löschen").click()
    other.get_by_text("Ihr Fortschritt ist gelöscht.").wait_for()
    second.close()
    assert not Statement.objects.exists()


def test_h5p_import_play_answer_progress(browser_page, live_server, home, request_log):
    content = h5p.import_package(quiz_package("Verdächtige SMS"), may_install_libraries=True)
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="SMS-Kurs")
    lesson = LessonPageFactory(
        parent=course, title="Die SMS", body=json.dumps([h5p_block(content.pk)])
    )

    page = browser_page
    _create_lernpass(page, live_server.url)
    page.goto(live_server.url + lesson.url)
    frame = page.frame_locator("iframe[data-h5p-frame]")
    frame.get_by_label(
        "Ich lösche die SMS und rufe bei Bedarf meine Bank unter der bekannten Nummer an."
    ).check()
    frame.get_by_role("button", name="Antwort prüfen").click()
    frame.get_by_text("Richtig! Genau richtig.").wait_for()

    for _ in range(50):
        try:  # the live server may still be writing the statement (SQLite locks the table)
            if Statement.objects.filter(block_id="", verb="completed").exists():
                break
        except OperationalError:
            pass
        time.sleep(0.1)
    statement = Statement.objects.get(h5p_content=content)
    assert (statement.verb, statement.success, statement.self_reported) == ("answered", True, True)
    assert statement.page_id == lesson.pk

    page.goto(live_server.url + "/lernen/lernpass/")
    assert "SMS-Kurs – 1 von 1 Lektionen" in " ".join(page.locator("main").inner_text().split())
    assert not request_log.csp_violations


def test_h5p_player_page_is_accessible(browser_page, live_server, home):
    content = h5p.import_package(quiz_package("Verdächtige SMS"), may_install_libraries=True)

    def loaded(page):
        page.locator(".lernhafen-quiz").wait_for()

    check_accessibility(
        browser_page,
        f"{live_server.url}/lernen/h5p/{content.pk}/spielen/",
        prepare=loaded,
        name="h5p",
    )


def test_lernpass_pages_are_accessible(browser_page, live_server, course):
    check_accessibility(browser_page, live_server.url + "/lernen/lernpass/", name="lernpass-none")

    def wrong_code(page):
        page.get_by_label("Ihr Lernpass-Code").fill("AAAA")
        page.get_by_role("button", name="Wiederherstellen").click()
        page.wait_for_selector("[data-error-summary]")

    check_accessibility(
        browser_page,
        live_server.url + "/lernen/lernpass/wiederherstellen/",
        prepare=wrong_code,
        name="lernpass-restore-errors",
    )
    _create_lernpass(browser_page, live_server.url)
    check_accessibility(browser_page, live_server.url + "/lernen/lernpass/", name="lernpass")
    check_accessibility(
        browser_page, live_server.url + "/lernen/lernpass/loeschen/", name="lernpass-delete"
    )


def test_class_pages_are_accessible(browser_page, live_server, course, django_user_model):
    teacher = django_user_model.objects.create_user(
        username="frau-keller", password="ein-langes-passwort"
    )
    teacher.groups.add(Group.objects.get_or_create(name=services.TEACHERS_GROUP)[0])
    group = services.create_group(teacher, "Klasse 7b", [course.page])
    for nickname, done in [("Blauer Wal", True), ("Flinker Fuchs", False)]:
        pupil = services.create_lernpass()
        services.join_group(pupil, group.join_code, nickname)
        if done:
            services.mark_page_done(pupil, course.closing)

    def join_with_errors(page):
        page.get_by_role("button", name="Beitreten").click()
        page.wait_for_selector("[data-error-summary]")

    check_accessibility(
        browser_page,
        live_server.url + "/lernen/klasse-beitreten/",
        prepare=join_with_errors,
        name="join-errors",
    )
    check_accessibility(
        browser_page, live_server.url + "/lernen/lehrkraefte/anmelden/", name="teacher-login"
    )

    page = browser_page
    page.goto(live_server.url + "/lernen/lehrkraefte/anmelden/")
    page.get_by_label("Benutzername").fill("frau-keller")
    page.get_by_label("Passwort").fill("ein-langes-passwort")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Meine Lerngruppen").wait_for()

    def create_with_errors(page):
        page.get_by_role("button", name="Lerngruppe anlegen").click()
        page.wait_for_selector("[data-error-summary]")

    check_accessibility(page, live_server.url + "/lernen/klassen/", name="groups")
    check_accessibility(
        page, live_server.url + "/lernen/klassen/", prepare=create_with_errors, name="groups-errors"
    )
    check_accessibility(page, f"{live_server.url}/lernen/klassen/{group.pk}/", name="group")
    page.goto(f"{live_server.url}/lernen/klassen/{group.pk}/")
    assert "Blauer Wal" in page.get_by_role("table", name="Wer hat welche Lektion").inner_text()


def test_certificate_pages_are_accessible(browser_page, live_server, course):
    _create_lernpass(browser_page, live_server.url)
    url = f"{live_server.url}/lernen/zertifikat/{course.page.pk}/"
    check_accessibility(browser_page, url, name="certificate-locked")
    for lesson_url in (course.closing.url,):
        browser_page.goto(live_server.url + lesson_url)
        browser_page.get_by_role("button", name="Als erledigt markieren").click()
        browser_page.get_by_text("1 von 2 Lektionen").first.wait_for()
    # The other lesson: answer all its exercises through the service.
    services.mark_page_done(Lernpass.objects.get(), course.lesson)

    def empty_name(page):
        page.get_by_role("button", name="Urkunde anzeigen").click()
        page.wait_for_selector("[data-error-summary]")

    def with_name(page):
        page.get_by_label("Ihr Name auf der Urkunde").fill("Erika Mustermann")
        page.get_by_role("button", name="Urkunde anzeigen").click()
        page.get_by_text("Teilnahme-Urkunde").wait_for()

    check_accessibility(browser_page, url, prepare=empty_name, name="certificate-errors")
    check_accessibility(browser_page, url, prepare=with_name, name="certificate")


def test_without_javascript_the_result_survives_reload_and_bookmark(chromium, live_server, course):
    context = chromium.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    block_id = course.ids["spot_the_fake"]
    page.goto(live_server.url + course.lesson.url)
    section = page.locator(f"#uebung-{block_id}")
    section.get_by_label("Gefälscht").first.check()
    section.get_by_label("Echt").nth(1).check()
    section.get_by_role("button", name="Antwort prüfen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#uebung-{block_id}")
    assert page.locator(f"#uebung-{block_id}").get_by_text("Richtig! Gut gemacht.").is_visible()

    page.reload()
    section = page.locator(f"#uebung-{block_id}")
    assert section.get_by_text("Richtig! Gut gemacht.").is_visible()
    assert section.get_by_label("Gefälscht").first.is_checked()

    # A bookmark of the answer address shows the exercise on its page, never a blank error.
    page.goto(f"{live_server.url}/lernen/uebung/{course.lesson.pk}/{block_id}/")
    assert page.get_by_role("heading", name="Üben", level=1).is_visible()
    assert page.url.endswith(f"{course.lesson.url}#uebung-{block_id}")
    context.close()


def test_marking_a_lesson_done_changes_the_button_and_announces_the_progress(
    browser_page, live_server, course
):
    page = browser_page
    _create_lernpass(page, live_server.url)
    page.goto(live_server.url + course.closing.url)
    section = page.locator(f"#uebung-{course.closing.body[0].id}")
    section.get_by_role("button", name="Als erledigt markieren").click()

    section.get_by_role("button", name="Als erledigt markiert").wait_for()
    section.get_by_role("status").filter(
        has_text="Erledigt! Im Kurs „Sicher online“: 1 von 2 Lektionen."
    ).wait_for()
    assert section.get_by_text("Erledigt! Im Kurs „Sicher online“: 1 von 2 Lektionen.").count()
    # No empty alert box: every alert on the page says something.
    for alert in page.locator(".kern-alert").all():
        assert alert.inner_text().strip()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Als erledigt markiert"


def test_teacher_sees_a_class_chart_relative_to_class_size_a_qr_code_and_a_board_view(
    browser_page, live_server, course, django_user_model
):
    teacher = django_user_model.objects.create_user(
        username="frau-keller", password="ein-langes-passwort"
    )
    teacher.groups.add(Group.objects.get_or_create(name=services.TEACHERS_GROUP)[0])
    group = services.create_group(teacher, "Klasse 7b", [course.page])
    for index in range(4):
        pupil = services.create_lernpass()
        services.join_group(pupil, group.join_code, f"Kind {index + 1}")
        if index < 3:
            services.mark_page_done(pupil, course.closing)

    page = browser_page
    page.goto(live_server.url + "/lernen/lehrkraefte/anmelden/")
    page.get_by_label("Benutzername").fill("frau-keller")
    page.get_by_label("Passwort").fill("ein-langes-passwort")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("heading", name="Meine Lerngruppen").wait_for()
    page.goto(f"{live_server.url}/lernen/klassen/{group.pk}/")

    # 3 of 4 pupils: three quarters of the bar, as the text above it says.
    chart = page.get_by_role("img", name="Erledigte Lektionen: Sicher online")
    assert chart.get_by_text("Abschluss: 3 von 4 Mitgliedern").count() == 1
    track, bar = chart.locator(".bar-chart__track").nth(1), chart.locator(".bar-chart__bar").nth(1)
    share = bar.bounding_box()["width"] / track.bounding_box()["width"]
    assert 0.7 < share < 0.8, share

    qr = page.get_by_role("img", name="QR-Code zum Beitreten")
    qr.scroll_into_view_if_needed()
    page.wait_for_function(
        "image => image.complete && image.naturalWidth > 100", arg=qr.element_handle()
    )

    page.get_by_role("link", name="Beitrittscode groß für die Tafel zeigen").click()
    code = page.get_by_text(group.join_code, exact=True)
    assert code.is_visible()
    # Readable from the back of the room: the code is several times body text size.
    assert float(code.evaluate("node => getComputedStyle(node).fontSize")[:-2]) >= 40
    assert page.get_by_role("img", name="QR-Code zum Beitreten").is_visible()
    check_accessibility(page, page.url, name="group-board")


def test_tip_box_header_is_as_wide_as_its_text(browser_page, live_server, course):
    tip = block(
        "callout",
        {"kind": "tip", "title": "Passwörter merken", "text": "<p>" + "Ein langer Satz. " * 40},
    )
    lesson = LessonPageFactory(
        parent=course.page, slug="tipp", title="Mit Tipp", body=json.dumps([tip, lesson_done()])
    )
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + lesson.url)
    box = page.locator(".callout")
    header = box.locator(".kern-alert__header").bounding_box()
    body = box.locator(".kern-alert__body").bounding_box()
    assert abs(header["width"] - body["width"]) <= 2, (header, body)
