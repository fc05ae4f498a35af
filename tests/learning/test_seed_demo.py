"""seed_demo: our H5P package, exercises in demo lessons and tutorials, a demo class."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from courses.models import LessonPage, TutorialPage
from learning import services
from learning.models import H5PContent, Lerngruppe, Membership, Statement

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_learning_content_and_is_idempotent(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.LERNHAFEN_H5P_SAMPLES = tmp_path / "ohne-hub-beispiele"
    call_command("seed_demo", stdout=StringIO())
    counts = (
        H5PContent.objects.count(),
        Lerngruppe.objects.count(),
        Membership.objects.count(),
        Statement.objects.count(),
    )
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        H5PContent.objects.count(),
        Lerngruppe.objects.count(),
        Membership.objects.count(),
        Statement.objects.count(),
    )

    assert H5PContent.objects.get().title == "Verdächtige SMS von der Bank"
    lesson = LessonPage.objects.get(slug="sicher-im-internet", locale__language_code="de")
    assert [c.block_type for c in lesson.body][-3:] == ["spot_the_fake", "h5p", "lesson_done"]
    tutorial = TutorialPage.objects.get(
        slug="betrugs-nachrichten-erkennen", locale__language_code="de"
    )
    assert [c.block_type for c in tutorial.practice] == ["spot_the_fake"]

    group = Lerngruppe.objects.get()
    assert group.teacher.username == "lehrkraft"
    assert services.is_teacher(group.teacher)
    report = services.group_report(group)
    assert len(report.members) == 4
    assert sorted(report.courses[0]["totals"].values()) == [0, 1, 2, 2]

    password = (tmp_path / "demo-teacher-password").read_text().strip()
    assert group.teacher.check_password(password)
    out = StringIO()
    (tmp_path / "admin-password").write_text("admin-demo")
    call_command("demo_logins", admin_password_file=tmp_path / "admin-password", stdout=out)
    assert "Benutzer: lehrkraft" in out.getvalue() and password in out.getvalue()


def test_demo_lesson_exercises_render(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", stdout=StringIO())
    lesson = LessonPage.objects.get(slug="sicher-im-internet", locale__language_code="de")
    html = client.get(lesson.url).content.decode()
    assert "Sicher üben: Echt oder gefälscht?" in html
    assert 'title="Interaktive Übung: Verdächtige SMS von der Bank"' in html
