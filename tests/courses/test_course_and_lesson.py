"""Course pages with lessons, school material and structured data; lessons in their order."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from courses.models import (
    CourseIndexPage,
    CourseMaterial,
    CoursePage,
    CourseTutorial,
    LessonPage,
    TutorialIndexPage,
    TutorialPage,
)

pytestmark = pytest.mark.django_db


def _document(title: str):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 Arbeitsblatt", name="arbeitsblatt.pdf")
    )


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_course_page_shows_goals_prerequisites_facts_lessons_and_competences(
    client, course_with_lessons
):
    course, lessons = course_with_lessons
    html = client.get(course.url).content.decode()
    assert "Das lernen Sie" in html and "Sie können ein Beispiel nennen." in html
    assert "Das sollten Sie mitbringen" in html and "Keine Vorkenntnisse" in html
    assert "Grundlagen (Stufe 1 von 8)" in html and "1 Stunde 30 Minuten" in html
    assert "Online und mit Workshops vor Ort" in html
    positions = [html.index(f"Lektion {n}: {lesson.title}") for n, lesson in enumerate(lessons, 1)]
    assert positions == sorted(positions)
    assert "Persönliche Daten und Passwörter schützen" in html  # plain German (4.2)
    assert "DigComp 2.2, 4.2" in html


def test_school_material_shows_licence_and_attribution_per_item(client, catalogue):
    course = catalogue["fake_news"]
    course.grade_levels = "7–10"
    course.lesson_units = 2
    course.teacher_notes = "<p>Stunde 1: Quellen prüfen in Partnerarbeit.</p>"
    course.materials = [
        CourseMaterial(
            document=_document("Arbeitsblatt 1"),
            title="Arbeitsblatt 1",
            licence="cc-by-4.0",
            attribution="Stadt Datteln, Lernhafen",
        ),
        CourseMaterial(document=_document("Lösungen"), title="Lösungen", licence="cc0-1.0"),
    ]
    course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Für Schulen und Lehrkräfte" in html
    assert "7–10" in html and "2 Unterrichtsstunden (je 45 Minuten)" in html
    assert "Stunde 1: Quellen prüfen" in html
    assert "CC BY 4.0</a> – Stadt Datteln, Lernhafen" in html
    assert 'href="https://creativecommons.org/publicdomain/zero/1.0/deed.de" rel="license"' in html


def test_material_under_cc_by_needs_an_attribution():
    material = CourseMaterial(title="Arbeitsblatt", licence="cc-by-sa-4.0", attribution=" ")
    with pytest.raises(ValidationError) as error:
        material.clean()
    assert "attribution" in error.value.message_dict
    CourseMaterial(title="Lösungen", licence="cc0-1.0").clean()  # CC0 needs none


def test_course_has_schema_org_course_json_ld_with_lessons_and_materials(
    client, course_with_lessons
):
    course, lessons = course_with_lessons
    course.materials = [
        CourseMaterial(
            document=_document("Merkblatt"),
            title="Merkblatt <Betrug>",
            licence="cc-by-4.0",
            attribution="Stadt Datteln",
        ),
    ]
    course.save_revision().publish()
    html = client.get(course.url).content.decode()
    data = _json_ld(html)
    assert data["@type"] == "Course" and data["name"] == course.title
    assert data["inLanguage"] == "de" and data["timeRequired"] == "PT90M"
    assert data["educationalAlignment"][0]["educationalFramework"] == "DigComp 2.2"
    parts = data["hasPart"]
    assert [part["name"] for part in parts[:3]] == [lesson.title for lesson in lessons]
    assert parts[3]["license"] == "https://creativecommons.org/licenses/by/4.0/deed.de"
    assert "<Betrug>" not in html  # escaped inside the script element


def test_linked_tutorials_are_listed_in_order(client, catalogue, tutorial):
    course = catalogue["smartphone"]
    course.related_tutorials = [CourseTutorial(tutorial=tutorial)]
    course.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Passende Anleitungen zum Nachmachen" in html and tutorial.url in html


def test_lesson_shows_its_position_and_neighbours(client, course_with_lessons):
    course, lessons = course_with_lessons
    first, middle, last = (client.get(lesson.url).content.decode() for lesson in lessons)
    assert "Lektion 1 von 3" in first and "Vorherige Lektion" not in first
    assert "Nächste Lektion: Sicher im Internet" in first
    assert "Lektion 2 von 3" in middle
    assert "Vorherige Lektion: Das Smartphone kennenlernen" in middle
    assert "Nächste Lektion: Videoanrufe" in middle
    assert "Lektion 3 von 3" in last and "Zurück zum Kurs" in last
    assert course.title in last


def test_lesson_body_renders_steps_callouts_and_media_with_captions(client, course_with_lessons):
    _course, lessons = course_with_lessons
    video = get_document_model().objects.create(
        title="Video", file=ContentFile(b"\x00", name="wischen.mp4")
    )
    captions = get_document_model().objects.create(
        title="Untertitel", file=ContentFile(b"WEBVTT\n", name="wischen.vtt")
    )
    lesson = lessons[0]
    lesson.body = [
        (
            "steps",
            {
                "heading": "So geht es",
                "steps": [
                    {"title": "Tippen", "text": "Kurz drücken."},
                    {"title": "Wischen", "text": "Streichen."},
                ],
            },
        ),
        ("callout", {"kind": "tip", "title": "Schrift größer", "text": RichText("<p>Ja.</p>")}),
        (
            "media",
            {
                "title": "Wischen erklärt",
                "media": video,
                "captions": captions,
                "transcript": "Man streicht.",
            },
        ),
    ]
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert '<ol class="kern-list kern-list--number step-list__items">' in html
    assert "Tipp: Schrift größer" in html
    assert '<video class="lesson-media__player" controls' in html
    assert 'kind="captions"' in html and captions.url in html
    assert "Abschrift lesen" in html


def test_media_block_refuses_files_that_are_not_video_or_captions():
    from wagtail.blocks import StructBlockValidationError

    from courses.blocks import MediaBlock

    document = get_document_model()(title="Text", file="liesmich.txt")
    block = MediaBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean({"title": "x", "media": document, "captions": document, "transcript": ""})
    assert set(error.value.block_errors) == {"media", "captions"}


class TestPageTree(WagtailPageTestCase):
    def test_catalogue_structure(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage})
        self.assertAllowedParentPageTypes(TutorialIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TutorialIndexPage, {TutorialPage})
        self.assertAllowedSubpageTypes(TutorialPage, set())
