"""Editor journeys through the real Wagtail admin, under the real admin CSP.

Each journey logs in through the login form, works only by clicking and typing, and fails on any
console error, uncaught script error or CSP violation: Wagtail's InlinePanel, choosers and modals
must start from cms/static/lernhafen/js/admin-boot.js, not from inline scripts (issue 16).
"""

from __future__ import annotations

import datetime
import re

import pytest
import wagtail_factories
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from cms.models import SiteSettings
from courses.models import CoursePage, LessonPage, TutorialPage
from tests.browser.admin_ui import choose, publish
from tests.factories.courses import (
    CourseIndexPageFactory,
    DigitalServiceFactory,
    TutorialIndexPageFactory,
    TutorialPageFactory,
    TutorialStepFactory,
)

pytestmark = pytest.mark.browser


def add_step(page) -> str:
    """Click "Schritt hinzufügen" and return the new step's form prefix."""
    before = int(page.locator("#id_steps-TOTAL_FORMS").input_value())
    page.get_by_role("button", name="Schritt hinzufügen").click()
    page.locator(f"#inline_child_steps-{before}").wait_for()
    return f"steps-{before}"


def test_editor_creates_and_publishes_a_tutorial_with_five_steps(editor, live_server, home):
    page = editor
    index = TutorialIndexPageFactory(parent=home)
    wagtail_factories.ImageFactory(title="Startbildschirm CityApp")
    wagtail_factories.ImageFactory(title="Terminauswahl CityApp")
    DigitalServiceFactory(name="CityApp Datteln")

    page.goto(live_server.url + f"/admin/pages/add/courses/tutorialpage/{index.pk}/")
    page.fill("#id_title", "Termin in der CityApp buchen")
    page.fill("#id_summary", "Sie buchen einen Termin im Bürgerbüro mit der CityApp.")
    choose(page, "id_digital_service", "CityApp Datteln")

    prefixes = ["steps-0"] + [add_step(page) for _ in range(4)]
    instructions = [
        "Öffnen Sie die CityApp.",
        "Tippen Sie auf „Termine“.",
        "Wählen Sie einen freien Termin.",
        "Bestätigen Sie mit Face ID.",
        "Tippen Sie auf „Fertig“.",
    ]
    for prefix, text in zip(prefixes, instructions, strict=True):
        page.fill(f"#id_{prefix}-instruction", text)
    choose(page, "id_steps-0-screenshot", "Startbildschirm CityApp")
    page.fill("#id_steps-0-screenshot_alt", "Startbildschirm der CityApp mit dem Feld „Termine“.")
    choose(page, "id_steps-2-screenshot", "Terminauswahl CityApp")
    page.fill("#id_steps-2-screenshot_alt", "Kalender mit freien Terminen, grün markiert.")
    page.select_option("#id_steps-1-hint_kind", "tip")
    page.fill("#id_steps-1-hint_text", "Die Termine finden Sie auch unten im Menü.")
    page.select_option("#id_steps-3-device", "iphone")

    # A sixth step added by mistake is deleted again; the last two steps swap and swap back.
    extra = add_step(page)
    page.locator(f"#id_{extra}-DELETE-button").click()
    page.locator(f"#inline_child_{extra}").wait_for(state="hidden")
    page.locator("#inline_child_steps-4 [data-inline-panel-child-move-up]").click()
    assert page.locator("#id_steps-4-ORDER").input_value() == "4"
    page.locator("#inline_child_steps-4 [data-inline-panel-child-move-down]").click()
    assert page.locator("#id_steps-4-ORDER").input_value() == "5"

    publish(page)
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    assert "veröffentlicht" in page.locator(".messages").inner_text()

    tutorial = TutorialPage.objects.get(title="Termin in der CityApp buchen")
    assert tutorial.live
    assert tutorial.digital_service.name == "CityApp Datteln"
    steps = list(tutorial.steps.order_by("sort_order"))
    assert [step.instruction for step in steps] == instructions
    assert steps[0].screenshot.title == "Startbildschirm CityApp"
    assert steps[2].screenshot.title == "Terminauswahl CityApp"
    assert (steps[1].hint_kind, steps[3].device) == ("tip", "iphone")

    # The iPhone-only step belongs to the iPhone variant alone; the common steps are in every one.
    page.goto(live_server.url + tutorial.url + "?geraet=android&ansicht=alle")
    assert page.get_by_text("Tippen Sie auf „Fertig“.").is_visible()
    assert page.get_by_text("Bestätigen Sie mit Face ID.").count() == 0
    page.goto(live_server.url + tutorial.url + "?geraet=iphone&ansicht=alle")
    assert (
        page.get_by_role("heading", level=1).inner_text().startswith("Termin in der CityApp buchen")
    )
    assert page.get_by_text("Bestätigen Sie mit Face ID.").is_visible()
    assert page.get_by_text("Tippen Sie auf „Fertig“.").is_visible()


def test_editor_sets_logo_and_footer_link_in_site_settings(editor, live_server, home):
    page = editor
    wagtail_factories.ImageFactory(title="Stadtwappen Datteln")
    imprint = home.add_child(instance=Page(title="Impressum der Stadt", slug="impressum"))
    site_id = home.get_site().pk

    page.goto(live_server.url + f"/admin/settings/cms/sitesettings/{site_id}/")
    choose(page, "id_logo", "Stadtwappen Datteln")
    page.locator("#id_imprint_page-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.wait_for(state="visible")
    modal.locator(f"a[href*='/choose-page/{home.pk}/']").first.click()  # into the home page
    modal.get_by_role("link", name="Impressum der Stadt").click()
    modal.wait_for(state="hidden")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state("networkidle")
    assert "Website-Einstellungen aktualisiert" in page.locator(".messages").inner_text()

    settings = SiteSettings.objects.get(site_id=site_id)
    assert settings.logo.title == "Stadtwappen Datteln"
    assert settings.imprint_page_id == imprint.pk

    page.goto(live_server.url + "/")
    assert (
        page.locator("footer")
        .get_by_role("link", name="Impressum")
        .get_attribute("href")
        .endswith("/impressum/")
    )


@pytest.fixture
def published_tutorial(home):
    index = TutorialIndexPageFactory(parent=home)
    tutorial = TutorialPageFactory(parent=index, title="Fotos teilen")
    TutorialStepFactory(page=tutorial, instruction="Öffnen Sie die Galerie.")
    tutorial.save_revision(log_action=True).publish()
    return TutorialPage.objects.get(pk=tutorial.pk)


def test_editor_schedules_a_change_and_then_restores_an_old_revision(
    editor, live_server, published_tutorial
):
    page = editor
    first_revision = published_tutorial.live_revision
    go_live = timezone.localtime() + datetime.timedelta(days=3)
    page.goto(live_server.url + f"/admin/pages/{published_tutorial.pk}/edit/")
    page.fill("#id_title", "Fotos sicher teilen")
    page.get_by_role("button", name="Status").first.click()
    page.get_by_role("button", name="Zeitplan festlegen").click()
    dialog = page.locator("#schedule-publishing-dialog")
    go_live_field = dialog.locator("#id_go_live_at")
    typed = go_live.strftime(settings.WAGTAIL_DATETIME_FORMAT)  # as the admin shows dates
    go_live_field.press_sequentially(typed)
    go_live_field.press("Enter")  # takes the typed date and closes the date picker
    # The date picker's calendar covers the button: a keyboard user presses it, saving a draft.
    dialog.get_by_role("button", name="Zeitplan speichern").press("Enter")
    page.locator(".messages").wait_for()
    assert page.locator("#id_go_live_at").input_value() == typed
    assert page.locator("button[name=action-publish]").inner_text().strip() == (
        "Zur Veröffentlichung einplanen"
    )
    publish(page)
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    tutorial = TutorialPage.objects.get(pk=published_tutorial.pk)
    assert tutorial.title == "Fotos teilen", "the live page waits for the go-live date"
    scheduled = tutorial.scheduled_revision
    assert scheduled.as_object().title == "Fotos sicher teilen"
    assert timezone.localtime(scheduled.approved_go_live_at).date() == go_live.date()

    # Restore the first revision from the history; the scheduled change is replaced on purpose.
    page.goto(live_server.url + f"/admin/pages/{tutorial.pk}/history/")
    first_draft_row = page.locator("tbody tr", has_text="Entwurf gespeichert").last
    first_draft_row.get_by_role("button", name="Aktionen").click()
    restore = page.get_by_role("link", name="Diese Version überprüfen")
    assert f"/revisions/{first_revision.pk}/revert/" in restore.get_attribute("href")
    restore.click()
    assert "Was soll mit der geplanten Änderung geschehen?" in page.locator("main").inner_text()
    page.get_by_label("Durch die wiederhergestellte Version ersetzen").check()
    page.get_by_role("button", name="Version wiederherstellen").click()
    page.wait_for_url(re.compile(rf"/admin/pages/{tutorial.pk}/edit/$"))
    assert "ersetzt die geplante Änderung" in page.locator(".messages").inner_text()

    tutorial = TutorialPage.objects.get(pk=tutorial.pk)
    assert tutorial.scheduled_revision.as_object().title == "Fotos teilen"
    assert tutorial.scheduled_revision.approved_go_live_at == scheduled.approved_go_live_at


def test_editor_builds_a_course_with_material_and_two_lessons(editor, live_server, home):
    page = editor
    catalogue = CourseIndexPageFactory(parent=home)
    wagtail_factories.DocumentFactory(title="Arbeitsblatt Passwörter")

    page.goto(live_server.url + f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    page.fill("#id_title", "Sicher im Netz")
    page.fill("#id_summary", "Passwörter, Betrugsnachrichten und sichere Einstellungen.")
    page.fill("#id_learning_goals", "Sie erkennen Betrugsnachrichten.")
    page.get_by_role("button", name="Material hinzufügen").click()
    choose(page, "id_materials-0-document", "Arbeitsblatt Passwörter")
    page.fill("#id_materials-0-title", "Arbeitsblatt 1: Sichere Passwörter")
    page.select_option("#id_materials-0-licence", "cc-by-sa-4.0")
    page.fill("#id_materials-0-attribution", "Stadt Datteln, Lernhafen")
    publish(page)
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    course = CoursePage.objects.get(title="Sicher im Netz")
    material = course.materials.get()
    assert (material.document.title, material.licence) == (
        "Arbeitsblatt Passwörter",
        "cc-by-sa-4.0",
    )

    for title in ["Passwörter", "Betrug erkennen"]:
        page.goto(live_server.url + f"/admin/pages/add/courses/lessonpage/{course.pk}/")
        page.fill("#id_title", title)
        if title == "Betrug erkennen":
            # A native exercise from the StreamField's block menu.
            page.locator(".c-sf-add-button").first.click()
            page.get_by_role("option", name="Übung: Richtig oder falsch").click()
            page.fill("#body-0-value-statement", "Die Bank fragt nie per SMS nach Ihrer PIN.")
            page.get_by_label("Die Aussage stimmt").check()
            page.fill("#body-0-value-explanation", "Banken fragen PIN und TAN nie ab.")
        publish(page)
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    lessons = LessonPage.objects.child_of(course).live().specific()
    assert [lesson.title for lesson in lessons] == ["Passwörter", "Betrug erkennen"]
    exercise = lessons[1].body[0]
    assert exercise.block_type and exercise.value["statement"].startswith("Die Bank fragt nie")
    assert exercise.value["is_true"] is True
