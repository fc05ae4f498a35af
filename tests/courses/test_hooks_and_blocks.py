"""Contracts with the other apps: related workshops hook, exercise blocks, home section."""

import pytest
from django.test import override_settings
from wagtail import hooks

from courses.blocks import exercise_blocks
from courses.hooks import RELATED_WORKSHOPS
from tests.factories.cms import ContentPageFactory

pytestmark = pytest.mark.django_db

HEADING = "Lieber mit Hilfe? Termine in Ihrem Stadtteil"


def test_section_is_hidden_without_hooks_and_without_a_calendar(client, catalogue, tutorial):
    for page in (catalogue["smartphone"], tutorial):
        assert HEADING not in client.get(page.url).content.decode()


def test_section_links_to_the_calendar_page_when_there_is_one(client, home, catalogue, tutorial):
    calendar = ContentPageFactory(parent=home, title="Kalender", slug="kalender")
    for page in (catalogue["smartphone"], tutorial):
        html = client.get(page.url).content.decode()
        assert HEADING in html
        assert f'href="{calendar.url}"' in html


def test_what_hooks_return_is_rendered_in_the_section(client, home, catalogue, tutorial):
    ContentPageFactory(parent=home, title="Kalender", slug="kalender")
    calls = []

    def upcoming(request, page):
        calls.append(page.specific_class.__name__)
        return {
            "template": "courses/includes/facts.html",
            "context": {"items": [("Nächster Termin", f"Workshop zu {page.title}")]},
        }

    def nothing(request, page):
        return None

    with (
        hooks.register_temporarily(RELATED_WORKSHOPS, upcoming),
        hooks.register_temporarily(RELATED_WORKSHOPS, nothing),
    ):
        course_html = client.get(catalogue["smartphone"].url).content.decode()
        tutorial_html = client.get(tutorial.url).content.decode()
    assert calls == ["CoursePage", "TutorialPage"]
    assert HEADING in course_html and "Workshop zu Sicher mit dem Smartphone" in course_html
    assert "Workshop zu Mit dem Stadt-WLAN verbinden" in tutorial_html
    assert "Termine im Kalender ansehen" not in course_html  # hooks replace the fallback


def test_exercise_blocks_come_from_the_setting():
    with override_settings(LERNHAFEN_EXERCISE_BLOCKS=[("hinweis", "cms.blocks.CalloutBlock")]):
        blocks = exercise_blocks()
    assert [name for name, _block in blocks] == ["hinweis"]
    assert blocks[0][1].__class__.__name__ == "CalloutBlock"
    with override_settings(LERNHAFEN_EXERCISE_BLOCKS=[]):
        assert exercise_blocks() == []


def test_lesson_body_and_tutorial_practice_offer_the_configured_exercises():
    from django.conf import settings

    from courses.models import LessonPage, TutorialPage

    names = [name for name, _path in settings.LERNHAFEN_EXERCISE_BLOCKS]
    lesson_blocks = LessonPage._meta.get_field("body").stream_block.child_blocks
    practice_blocks = TutorialPage._meta.get_field("practice").stream_block.child_blocks
    assert {"paragraph", "image", "media", "callout", "steps", "downloads"} <= set(lesson_blocks)
    assert set(names) <= set(lesson_blocks)
    assert list(practice_blocks) == names


def test_home_page_shows_the_chosen_tutorials_in_the_editors_order_without_a_cap(
    client, home, tutorial_index
):
    from tests.factories.courses import TutorialPageFactory

    assert "Beliebte Anleitungen" not in client.get("/").content.decode()
    tutorials = [
        TutorialPageFactory(parent=tutorial_index, title=f"Anleitung {letter}")
        for letter in "GFEDCBA"
    ]
    draft = TutorialPageFactory(parent=tutorial_index, title="Entwurf", live=False)
    for position, tutorial in enumerate([*tutorials, draft]):
        home.featured_tutorials.create(tutorial=tutorial, sort_order=position)
    home.save_revision().publish()  # as the editor does; publishing refreshes the cache

    html = client.get("/").content.decode()
    section = html[html.index("Beliebte Anleitungen") :]
    positions = [section.index(f"Anleitung {letter}") for letter in "GFEDCBA"]
    assert positions == sorted(positions)  # the editor's order, not by title; all seven
    assert "Entwurf" not in section
    assert "Alle Anleitungen ansehen" in section


def test_home_page_form_offers_an_orderable_list_of_tutorials(admin_client, home):
    from django.urls import reverse

    from cms.models import HomePageFeaturedTutorial

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    assert "Beliebte Anleitungen" in html and 'name="featured_tutorials-TOTAL_FORMS"' in html
    assert "Anleitung hinzufügen" in html
    chooser = HomePageFeaturedTutorial.panels[0]
    assert chooser.page_type == "courses.TutorialPage"  # the chooser lists tutorials only
