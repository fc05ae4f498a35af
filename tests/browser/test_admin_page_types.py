"""Editor journeys for the page types beyond courses and tutorials (issue 16).

Like tests/browser/test_admin_editor_journeys.py: the editor logs in through the login form,
works only by clicking and typing under the real admin CSP, looks at the preview, publishes, and
the published page shows the content at its public URL. Any console error fails the test.
"""

from __future__ import annotations

import re

import pytest
import wagtail_factories
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from cms.models import ContentPage, FormPage, HomePage
from courses.models import LessonPage
from events.models import WorkshopPage
from learning.models import H5PContent
from tests.browser.admin_ui import choose, publish_and_confirm, settle_autosave
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    TutorialIndexPageFactory,
    TutorialPageFactory,
)
from tests.factories.learning import h5p_sample_path

pytestmark = pytest.mark.browser


def preview_text(page, waiting_for: str) -> str:
    """Open the preview side panel, wait until it shows `waiting_for`, return its main text.

    The panel is closed again: Wagtail reopens the last open side panel on the next page.
    """
    # Wagtail's autosave creates a new page on its first run; a preview sent while that request is
    # still in flight can find the parent's child counter ahead of the tree (a server error).
    settle_autosave(page)
    toggle = page.locator("[data-side-panel-toggle='preview']")
    toggle.click()
    main = page.frame_locator("#w-preview-iframe").locator("main")
    main.get_by_text(waiting_for).first.wait_for()
    text = main.inner_text()
    toggle.click()
    return text


def add_block(page, name: str) -> None:
    """Add a block at the end of the page's StreamField through the block menu."""
    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=name).click()


def test_editor_writes_a_content_page_with_text_image_and_callout(editor, live_server, home):
    page = editor
    wagtail_factories.ImageFactory(title="Bürgerbüro Eingang")
    page.goto(live_server.url + f"/admin/pages/add/cms/contentpage/{home.pk}/")
    page.fill("#id_title", "Hilfe im Bürgerbüro")
    page.fill("#id_intro", "So helfen wir Ihnen vor Ort.")

    add_block(page, "Text")
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.type("Kommen Sie montags zur offenen Sprechstunde.")
    add_block(page, "Bild")
    choose(page, "body-1-value-image", "Bürgerbüro Eingang")
    page.fill("#body-1-value-alt_text", "Der Eingang des Bürgerbüros mit Rampe.")
    add_block(page, "Hinweisbox")
    page.fill("#body-2-value-title", "Bitte Ausweis mitbringen")
    page.locator("[data-contentpath='body'] .public-DraftEditor-content").last.click()
    page.keyboard.type("Ohne Ausweis können wir Ihnen nicht helfen.")

    preview = preview_text(page, "Bitte Ausweis mitbringen")
    assert "Kommen Sie montags zur offenen Sprechstunde." in preview

    publish_and_confirm(page)
    content = ContentPage.objects.get(title="Hilfe im Bürgerbüro")
    assert [block.block_type for block in content.body] == ["paragraph", "image", "callout"]

    page.goto(live_server.url + content.url)
    main = page.locator("main")
    assert "Kommen Sie montags zur offenen Sprechstunde." in main.inner_text()
    assert main.get_by_role("img", name="Der Eingang des Bürgerbüros mit Rampe.").is_visible()
    assert "Ohne Ausweis können wir Ihnen nicht helfen." in main.inner_text()


def rich_text(page, field: str):
    """The Draftail editor of the page field `field`."""
    return page.locator(f"[data-contentpath='{field}'] .public-DraftEditor-content")


def add_form_field(page, label: str, field_type: str) -> None:
    before = int(page.locator("#id_form_fields-TOTAL_FORMS").input_value())
    page.get_by_role("button", name="Formularfeld hinzufügen").click()
    page.locator(f"#inline_child_form_fields-{before}").wait_for()
    page.fill(f"#id_form_fields-{before}-label", label)
    page.select_option(f"#id_form_fields-{before}-field_type", field_type)


def test_editor_builds_a_form_page_and_reads_a_submission(editor, live_server, home):
    page = editor
    page.goto(live_server.url + f"/admin/pages/add/cms/formpage/{home.pk}/")
    page.fill("#id_title", "Rückmeldung zum Kurs")
    page.fill("#id_intro", "Wie hat Ihnen der Kurs gefallen?")
    add_form_field(page, "Ihr Name", "singleline")
    add_form_field(page, "Ihre Rückmeldung", "multiline")
    assert page.locator("#inline_child_form_fields-1").get_by_text("Formularfeld 2").count()
    rich_text(page, "thank_you_text").click()
    page.keyboard.type("Vielen Dank für Ihre Rückmeldung!")
    page.fill("#id_to_address", "redaktion@datteln.example")

    preview = preview_text(page, "Wie hat Ihnen der Kurs gefallen?")
    assert "Ihr Name" in preview and "Ihre Rückmeldung" in preview

    publish_and_confirm(page)
    form_page = FormPage.objects.get(title="Rückmeldung zum Kurs")
    assert [field.label for field in form_page.form_fields.all()] == [
        "Ihr Name",
        "Ihre Rückmeldung",
    ]

    page.goto(live_server.url + form_page.url)
    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_label("Ihre Rückmeldung").fill("Sehr verständlich erklärt.")
    page.get_by_role("button", name=form_page.submit_label or "Absenden").click()
    page.get_by_text("Vielen Dank für Ihre Rückmeldung!").wait_for()
    assert FormSubmission.objects.filter(page=form_page).count() == 1


def test_editor_orders_popular_tutorials_on_the_home_page(editor, live_server, home):
    page = editor
    index = TutorialIndexPageFactory(parent=home)
    for title in ["Fotos teilen", "Termin buchen"]:
        TutorialPageFactory(parent=index, title=title)

    page.goto(live_server.url + f"/admin/pages/{home.pk}/edit/")
    for number, title in enumerate(["Fotos teilen", "Termin buchen"]):
        page.get_by_role("button", name="Anleitung hinzufügen").click()
        page.locator(f"#inline_child_featured_tutorials-{number}").wait_for()
        field = f"id_featured_tutorials-{number}-tutorial"
        page.locator(f"#{field}-chooser [data-chooser-action-choose]").click()
        modal = page.locator(".modal-dialog")
        # The chooser lists every tutorial, wherever it is in the tree.
        modal.get_by_role("link", name=title).click()
        modal.wait_for(state="hidden")
    # The editor decides "Termin buchen" comes first.
    page.locator("#inline_child_featured_tutorials-1 [data-inline-panel-child-move-up]").click()

    preview = preview_text(page, "Beliebte Anleitungen")
    assert preview.index("Termin buchen") < preview.index("Fotos teilen")
    publish_and_confirm(page)
    assert [
        featured.tutorial.title
        for featured in HomePage.objects.get(pk=home.pk).featured_tutorials.all()
    ] == ["Termin buchen", "Fotos teilen"]

    page.goto(live_server.url + "/")
    section = page.locator("section", has=page.locator("#beliebte-anleitungen"))
    assert section.get_by_role("heading", level=3).all_inner_texts() == [
        "Termin buchen",
        "Fotos teilen",
    ]


def add_subpage(page, live_server, parent_pk: int, type_name: str) -> None:
    """Choose the new page's type the way an editor does: „Unterseite hinzufügen“."""
    page.goto(live_server.url + f"/admin/pages/{parent_pk}/add_subpage/")
    # Where only one page type may go, Wagtail skips the choice and opens its form directly.
    if not page.locator("#id_title").count():
        page.get_by_role("link", name=type_name, exact=True).click()
    assert type_name in page.locator("header").first.inner_text()


def test_editor_creates_the_index_pages_and_a_workshop(editor, live_server, home):
    page = editor
    indexes = [
        ("Kurskatalog", "Kurse", "Kurse für alle, die sicher ins Netz wollen."),
        ("Anleitungen (Übersicht)", "Anleitungen", "Schritt für Schritt erklärt."),
        ("Workshop-Kalender", "Workshops", "Kommen Sie vorbei, wir helfen Ihnen."),
    ]
    for type_name, title, intro in indexes:
        add_subpage(page, live_server, home.pk, type_name)
        page.fill("#id_title", title)
        page.fill("#id_intro", intro)
        assert title in preview_text(page, intro)
        publish_and_confirm(page)
        page.goto(live_server.url + Page.objects.get(title=title).url)
        assert page.get_by_role("heading", level=1).inner_text() == title
        assert intro in page.locator("main").inner_text()

    calendar = Page.objects.get(title="Workshops")
    add_subpage(page, live_server, calendar.pk, "Workshop")
    page.fill("#id_title", "Termine online buchen")
    page.fill("#id_summary", "Wir zeigen Ihnen, wie Sie Termine im Bürgerbüro online buchen.")
    # The language a workshop is held in belongs to each session (events/0013), not the page.
    assert "Termine im Bürgerbüro online buchen" in preview_text(
        page, "Wir zeigen Ihnen, wie Sie Termine"
    )
    publish_and_confirm(page)

    workshop = WorkshopPage.objects.get(title="Termine online buchen")
    assert workshop.get_parent().pk == calendar.pk
    page.goto(live_server.url + workshop.url)
    assert page.get_by_role("heading", level=1).inner_text() == "Termine online buchen"
    main = page.locator("main").inner_text()
    assert "Wir zeigen Ihnen, wie Sie Termine im Bürgerbüro online buchen." in main


def test_editor_uploads_h5p_and_places_it_in_a_lesson(editor, live_server, home):
    package = h5p_sample_path("H5P.MultiChoice")
    page = editor
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="Sicher im Netz")

    page.get_by_role("button", name="Lernen").click()
    page.get_by_role("link", name="Interaktive Übungen (H5P)").click()
    page.get_by_role("link", name=re.compile("hinzufügen")).first.click()
    page.fill("#id_title", "Quiz: Sichere Passwörter")
    page.set_input_files("#id_package", package)
    page.get_by_role("button", name="Speichern").click()
    page.locator(".messages").wait_for()
    assert "Quiz: Sichere Passwörter" in page.locator(".messages").inner_text()
    assert H5PContent.objects.get(title="Quiz: Sichere Passwörter")

    page.goto(live_server.url + f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.fill("#id_title", "Passwörter üben")
    add_block(page, "Interaktive Übung (H5P)")
    choose(page, "body-0-value-content", "Quiz: Sichere Passwörter")
    page.fill("#body-0-value-heading", "Testen Sie Ihr Wissen")
    assert "Passwörter üben" in preview_text(page, "Testen Sie Ihr Wissen")
    publish_and_confirm(page)

    lesson = LessonPage.objects.get(title="Passwörter üben")
    page.goto(live_server.url + lesson.url)
    player = page.get_by_title("Interaktive Übung: Quiz: Sichere Passwörter")
    assert player.is_visible()
    page.frame_locator("iframe[data-h5p-frame]").locator(".h5p-content").first.wait_for()
