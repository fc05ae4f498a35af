"""Editors: page types creatable in the admin, snippets, the review report; and the demo."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from cms.demo import load_demo_data, load_demo_folder
from cms.models import HomePage
from courses.models import CoursePage, DigitalService, TutorialPage
from courses.queries import tutorials_due_for_review

pytestmark = pytest.mark.django_db


def test_editors_can_open_the_create_form_of_every_page_type(admin_client, demo_site):
    from courses.demo_content import seed_courses_and_tutorials

    for model in ["courseindexpage", "tutorialindexpage"]:  # one per home page
        response = admin_client.get(f"/admin/pages/add/courses/{model}/{demo_site.home.pk}/")
        assert response.status_code == 200, model
    seed_courses_and_tutorials(demo_site)
    parents = {
        "coursepage": Page.objects.get(slug="kurse", locale__language_code="de"),
        "lessonpage": CoursePage.objects.first(),
        "tutorialpage": Page.objects.get(slug="anleitungen", locale__language_code="de"),
    }
    for model, parent in parents.items():
        response = admin_client.get(f"/admin/pages/add/courses/{model}/{parent.pk}/")
        assert response.status_code == 200, model
    html = admin_client.get(
        f"/admin/pages/add/courses/tutorialpage/{parents['tutorialpage'].pk}/"
    ).content.decode()
    assert "Genau eine Handlung" in html  # help text of a step
    for page in TutorialPage.objects.all()[:2]:
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_snippets_are_listed_in_the_admin(admin_client, demo_site):
    for model in ["digitalservice", "topic", "digcompcompetence", "digcomparea"]:
        assert admin_client.get(f"/admin/snippets/courses/{model}/").status_code == 200


@time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC))
def test_review_report_lists_tutorials_checked_longer_ago_than_configured(
    admin_client, tutorial_index
):
    from tests.factories.courses import TutorialPageFactory

    fresh = TutorialPageFactory(
        parent=tutorial_index, title="Frisch geprüft", last_checked=datetime.date(2026, 6, 1)
    )
    stale = TutorialPageFactory(
        parent=tutorial_index, title="Lange her", last_checked=datetime.date(2025, 10, 1)
    )
    never = TutorialPageFactory(parent=tutorial_index, title="Nie geprüft", last_checked=None)
    assert set(tutorials_due_for_review()) == {stale, never}
    with override_settings(LERNHAFEN_TUTORIAL_REVIEW_MONTHS=3):
        assert set(tutorials_due_for_review()) == {fresh, stale, never}
    html = admin_client.get("/admin/berichte/anleitungen-pruefen/").content.decode()
    assert "Anleitungen prüfen" in html
    assert "Lange her" in html and "Nie geprüft" in html and "Frisch geprüft" not in html
    csv = admin_client.get("/admin/berichte/anleitungen-pruefen/?export=csv")
    assert csv.status_code == 200 and "Lange her" in b"".join(csv.streaming_content).decode()
    # The tutorial page itself tells visitors how old the check is.
    assert "Zuletzt geprüft am 1. Oktober 2025" in admin_client.get(stale.url).content.decode()


@time_machine.travel(datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_review_report_states_its_rule_real_dates_and_why_each_is_listed(
    admin_client, tutorial_index
):
    from tests.factories.courses import TutorialPageFactory

    TutorialPageFactory(
        parent=tutorial_index, title="Lange her", last_checked=datetime.date(2025, 10, 1)
    )
    TutorialPageFactory(parent=tutorial_index, title="Nie geprüft", last_checked=None)
    html = admin_client.get("/admin/berichte/anleitungen-pruefen/").content.decode()
    assert "Anleitungen, die seit mehr als 12 Monaten nicht geprüft wurden" in html
    assert "zuletzt vor dem 30.11.2025" in html
    assert "01.10.2025" in html and "1 Jahr" not in html
    assert "Letzte Prüfung älter als 12 Monate (fällig seit 01.10.2026)" in html
    assert "Noch nie geprüft" in html


def test_seed_demo_builds_catalogue_and_tutorials_and_is_idempotent(client):
    call_command("seed_demo", verbosity=0)
    counts = (Page.objects.count(), Revision.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Page.objects.count(), Revision.objects.count()) == counts

    tutorials = TutorialPage.objects.live().filter(locale__language_code="de")
    assert tutorials.count() >= 6
    with_variants = [t for t in tutorials if t.steps.exclude(device="").exists()]
    assert len(with_variants) >= 2
    for tutorial in tutorials:
        steps = list(tutorial.steps.all())
        assert steps and all(step.screenshot and len(step.screenshot_alt) > 30 for step in steps)
    courses = CoursePage.objects.live().filter(locale__language_code="de")
    assert courses.count() >= 4
    assert {course.audience for course in courses} >= {"seniors", "youth", "all"}
    assert all(course.get_children().live().exists() for course in courses)
    school = courses.get(audience="youth")
    assert school.teacher_notes and school.materials.count() >= 2
    assert {m.licence for m in school.materials.all()} == {"cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0"}
    for path in ["/kurse/", "/anleitungen/", "/anleitungen/stadt-wlan-verbinden/?geraet=iphone"]:
        assert client.get(path).status_code == 200, path
    assert "Beliebte Anleitungen" in client.get("/").content.decode()
    # No two German services where one name extends another (a duplicate from an old seed).
    names = sorted(DigitalService.objects.originals().values_list("name", flat=True))
    assert not [(a, b) for a in names for b in names if a != b and b.startswith(a)], names

    # Every tutorial and course of the data files is there, with all its steps and lessons.
    catalogue = load_demo_data("courses", "catalogue.toml")
    for spec in load_demo_folder("courses", "tutorials", catalogue["tutorials"]):
        tutorial = tutorials.get(slug=spec["slug"])
        steps = list(tutorial.steps.order_by("sort_order"))
        assert [step.instruction for step in steps] == [s["instruction"] for s in spec["step"]]
        assert [step.device for step in steps] == [s.get("device", "") for s in spec["step"]]
        assert [step.hint_text for step in steps] == [s.get("hint_text", "") for s in spec["step"]]
    for spec in load_demo_folder("courses", "courses", catalogue["courses"]):
        course = courses.get(slug=spec["slug"])
        lessons = course.get_children().live().order_by("path")
        assert [lesson.slug for lesson in lessons] == [lesson["slug"] for lesson in spec["lesson"]]
        assert course.materials.count() == len(spec.get("material", []))


def test_seed_merges_the_near_duplicate_services_of_an_earlier_seed(demo_site):
    from courses.demo_content import seed_courses_and_tutorials

    legacy = DigitalService.objects.create(name="CityApp", slug="cityapp")
    seed_courses_and_tutorials(demo_site)
    assert not DigitalService.objects.filter(pk=legacy.pk).exists()
    assert DigitalService.objects.filter(name__startswith="CityApp").count() == 1


def test_merging_services_repoints_tutorials_courses_and_their_latest_revisions(
    tutorial, catalogue
):
    from courses.services import merge_digital_services

    keep = DigitalService.objects.create(name="CityApp Datteln", slug="cityapp-datteln")
    duplicate = DigitalService.objects.create(name="CityApp", slug="cityapp")
    tutorial.digital_service = duplicate
    tutorial.save_revision().publish()
    course = catalogue["smartphone"]
    course.digital_services = [duplicate, keep]
    course.save_revision().publish()
    other = catalogue["buergerkonto"]
    other.digital_services = [duplicate]
    other.save_revision().publish()

    merge_digital_services(duplicate, into=keep)

    tutorial = TutorialPage.objects.get(pk=tutorial.pk)
    assert tutorial.digital_service == keep
    assert tutorial.get_latest_revision_as_object().digital_service == keep
    assert list(CoursePage.objects.get(pk=course.pk).digital_services.all()) == [keep]
    assert list(CoursePage.objects.get(pk=other.pk).digital_services.all()) == [keep]
    revision = CoursePage.objects.get(pk=other.pk).get_latest_revision()
    assert revision.content["digital_services"] == [keep.pk]
    assert not DigitalService.objects.filter(pk=duplicate.pk).exists()


def test_seed_points_the_audience_entries_at_tutorials_and_catalogue(demo_site):
    from courses.demo_content import seed_courses_and_tutorials

    seed_courses_and_tutorials(demo_site)
    entries = {
        block.value["audience"]: block.value["page"].url_path
        for block in HomePage.objects.get().audience_entries
    }
    assert entries["seniors"].endswith("/anleitungen/")
    assert entries["schools"].endswith("/kurse/")
    assert entries["guides"].endswith("/digitallotsen/")


def test_seed_keeps_an_audience_entry_an_editor_changed(demo_site):
    from courses.demo_content import seed_courses_and_tutorials

    home = HomePage.objects.get()
    imprint = Page.objects.get(slug="impressum")
    home.audience_entries[0].value["page"] = imprint  # seniors
    home.save_revision().publish()
    seed_courses_and_tutorials(demo_site)
    home = HomePage.objects.get()
    assert home.audience_entries[0].value["page"].pk == imprint.pk
    assert home.audience_entries[1].value["page"].slug == "kurse"


def test_digital_service_chooser_tells_similar_names_apart(admin_client):
    from django.urls import reverse

    DigitalService.objects.create(
        name="CityApp Datteln",
        slug="cityapp-datteln",
        provider="Stadt Datteln",
        url="https://www.datteln.de/app",
    )
    url = reverse("wagtailsnippetchoosers_courses_digitalservice:choose")
    html = admin_client.get(url).content.decode()
    assert "CityApp Datteln" in html
    assert "Anbieter" in html and "Stadt Datteln" in html and "https://www.datteln.de/app" in html


def test_the_digcomp_migration_loads_the_same_framework_the_app_knows():
    """Migration 0003 carries its own copy of the data (it imports no live app code)."""
    import importlib

    from courses.digcomp import AREAS, COMPETENCES

    migration = importlib.import_module("courses.migrations.0003_digcomp_framework")
    assert migration.AREAS == AREAS
    assert migration.COMPETENCES == COMPETENCES
    source = Path(migration.__file__).read_text()
    assert "from courses" not in source and "import courses" not in source
