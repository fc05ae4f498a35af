"""Fixtures of the courses tests: a small catalogue built with the factories."""

from __future__ import annotations

import pytest

from courses.models import DigCompCompetence
from courses.services import ensure_digcomp_framework
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    TopicFactory,
    TutorialIndexPageFactory,
    TutorialPageFactory,
    TutorialStepFactory,
)


@pytest.fixture(autouse=True)
def _root_collection(db):
    # Images and documents need the root collection; on a reused PostgreSQL test database the
    # transactional browser tests may have flushed the one the migrations made.
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def digcomp(db) -> dict[str, DigCompCompetence]:
    ensure_digcomp_framework()
    return {competence.code: competence for competence in DigCompCompetence.objects.all()}


@pytest.fixture
def course_index(home):
    return CourseIndexPageFactory(parent=home)


@pytest.fixture
def tutorial_index(home):
    return TutorialIndexPageFactory(parent=home)


@pytest.fixture
def catalogue(course_index, digcomp):
    """Four courses that differ in every filter dimension."""
    security = TopicFactory(name="Sicherheit im Netz", slug="sicherheit")
    services = TopicFactory(name="Online-Dienste der Stadt", slug="online-dienste")
    courses = {
        "smartphone": CoursePageFactory(
            parent=course_index,
            title="Sicher mit dem Smartphone",
            audience="seniors",
            level=1,
            delivery="workshop",
            topics=[security],
            competences=[digcomp["4.2"]],
            summary="Betrug erkennen und Updates installieren.",
        ),
        "fake_news": CoursePageFactory(
            parent=course_index,
            title="Fake News erkennen",
            audience="youth",
            level=3,
            delivery="online",
            topics=[security],
            competences=[digcomp["1.2"]],
            summary="Quellen prüfen im Unterricht.",
        ),
        "buergerkonto": CoursePageFactory(
            parent=course_index,
            title="Bürgerkonto einrichten",
            audience="adults",
            level=2,
            delivery="online",
            topics=[services],
            competences=[digcomp["2.3"]],
            summary="Anträge online stellen.",
        ),
        "generationen": CoursePageFactory(
            parent=course_index,
            title="Jung und Alt gemeinsam",
            audience="all",
            level=5,
            delivery="workshop",
            topics=[],
            competences=[digcomp["2.1"]],
            summary="Im Tandem lernen.",
        ),
    }
    return courses


@pytest.fixture
def course_with_lessons(catalogue):
    course = catalogue["smartphone"]
    lessons = [
        LessonPageFactory(parent=course, title=title, slug=slug)
        for title, slug in [
            ("Das Smartphone kennenlernen", "kennenlernen"),
            ("Sicher im Internet", "sicher"),
            ("Videoanrufe", "videoanrufe"),
        ]
    ]
    return course, lessons


@pytest.fixture
def tutorial(tutorial_index, digcomp):
    """A tutorial with steps for all devices and variants for Android and iPhone."""
    page = TutorialPageFactory(
        parent=tutorial_index,
        title="Mit dem Stadt-WLAN verbinden",
        slug="stadt-wlan",
        competences=[digcomp["5.1"]],
        devices=["android", "iphone"],
    )
    for instruction, device in [
        ("Gehen Sie ins Rathaus.", ""),
        ("Öffnen Sie die Einstellungen (Android).", "android"),
        ("Tippen Sie auf Netzwerk und Internet.", "android"),
        ("Öffnen Sie die App Einstellungen (iPhone).", "iphone"),
        ("Tippen Sie auf Akzeptieren und verbinden.", ""),
    ]:
        TutorialStepFactory(page=page, instruction=instruction, device=device)
    return page
