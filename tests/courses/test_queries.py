"""Query budgets: fixed numbers of queries, whatever the number of courses, steps or tags."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    TopicFactory,
    TutorialStepFactory,
)

pytestmark = pytest.mark.django_db

# Fixed budgets per page type; each includes Wagtail's look-up of the active locale that
# routing a request through the translated page trees costs (one query) and the language
# switcher's look-up of the page's and the home page's translations (one query, cms.i18n).
CATALOGUE_BUDGET = 17
COURSE_BUDGET = 22
LESSON_BUDGET = 18
TUTORIAL_BUDGET = 18  # and the look-up of its Leichte Sprache version


def _queries(client, url: str) -> int:
    client.get(url)  # warm caches and create image renditions
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _add_courses(course_index, digcomp, count: int, offset: int = 0) -> None:
    topic = TopicFactory(name="Sicherheit im Netz", slug="sicherheit")
    competences = list(digcomp.values())
    for index in range(offset, offset + count):
        CoursePageFactory(
            parent=course_index,
            slug=f"kurs-{index}",
            audience="seniors",
            topics=[topic],
            competences=competences[index % 5 : index % 5 + 4],
        )


@pytest.mark.parametrize(
    "query", ["", "?zielgruppe=seniors&thema=sicherheit&stufe=grundlagen&bereich=4&q=Kurs"]
)
def test_catalogue_costs_the_same_with_4_and_with_200_courses(client, course_index, digcomp, query):
    _add_courses(course_index, digcomp, 4)
    few = _queries(client, "/kurse/" + query)
    _add_courses(course_index, digcomp, 196, offset=4)
    many = _queries(client, "/kurse/" + query)
    assert few <= CATALOGUE_BUDGET, few
    assert many == few, f"{few} queries with 4 courses, {many} with 200"


def test_course_page_costs_the_same_with_more_lessons_tags_and_material(
    client, course_index, digcomp, tutorial
):
    from courses.models import CourseTutorial

    course = CoursePageFactory(parent=course_index, competences=[digcomp["1.1"]])
    LessonPageFactory(parent=course)
    few = _queries(client, course.url)
    for _ in range(10):
        LessonPageFactory(parent=course)
    course.competences = list(digcomp.values())
    course.related_tutorials = [CourseTutorial(tutorial=tutorial) for _ in range(5)]
    course.save_revision().publish()
    many = _queries(client, course.url)
    assert few <= COURSE_BUDGET, few
    assert many == few


def test_lesson_costs_the_same_in_a_long_course(client, course_index, digcomp):
    course = CoursePageFactory(parent=course_index)
    lesson = LessonPageFactory(parent=course, competences=[digcomp["2.1"]])
    few = _queries(client, lesson.url)
    for _ in range(20):
        LessonPageFactory(parent=course)
    lesson.competences = list(digcomp.values())
    lesson.save_revision().publish()
    many = _queries(client, lesson.url)
    assert few <= LESSON_BUDGET, few
    assert many == few


@pytest.mark.parametrize("view", ["?schritt=2", "?ansicht=alle", "?ansicht=drucken"])
def test_tutorial_costs_the_same_with_3_and_with_30_steps_with_screenshots(
    client, tutorial_index, digcomp, view
):
    from tests.factories.courses import TutorialPageFactory

    tutorial = TutorialPageFactory(parent=tutorial_index, competences=[digcomp["5.1"]])
    image_model = get_image_model()

    def add_steps(count: int) -> None:
        for _ in range(count):
            image = image_model.objects.create(title="Schritt", file=get_test_image_file())
            TutorialStepFactory(page=tutorial, screenshot=image, screenshot_alt="Bildschirm")

    add_steps(3)
    few = _queries(client, tutorial.url + view)
    add_steps(27)
    tutorial.competences = list(digcomp.values())
    tutorial.save_revision().publish()
    many = _queries(client, tutorial.url + view)
    assert few <= TUTORIAL_BUDGET, few
    assert many == few, f"{few} queries with 3 steps, {many} with 30"
