"""Certificate: only for a finished course; the typed name is printed, never stored."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import DigCompCompetence
from courses.services import ensure_digcomp_framework
from learning import services

pytestmark = pytest.mark.django_db


def test_certificate_waits_until_every_lesson_is_done(lernpass_client, lernpass, course):
    services.mark_page_done(lernpass, course.closing)
    response = lernpass_client.get(reverse("learning:certificate", args=[course.page.pk]))
    assert "Bisher: 1 von 2 Lektionen." in response.content.decode()
    assert "Urkunde anzeigen" not in response.content.decode()


def test_finished_course_offers_a_printable_certificate(lernpass_client, lernpass, course):
    ensure_digcomp_framework()
    course.page.competences.set(DigCompCompetence.objects.filter(code__in=["4.1", "2.1"]))
    course.page.save()
    for lesson in (course.exercises, course.closing):
        services.mark_page_done(lernpass, lesson)
    url = reverse("learning:certificate", args=[course.page.pk])
    assert "Ihr Name auf der Urkunde" in lernpass_client.get(url).content.decode()

    with CaptureQueriesContext(connection) as captured:
        response = lernpass_client.post(url, {"name": "Erika Mustermann"})
    html = response.content.decode()
    assert "Erika Mustermann" in html
    assert "Sichere Passwörter" in html
    assert "4.1 " in html and "2.1 " in html
    writes = [
        q["sql"] for q in captured.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))
    ]
    assert not any("Erika" in sql for sql in writes)


def test_certificate_form_error_state(lernpass_client, lernpass, course):
    for lesson in (course.exercises, course.closing):
        services.mark_page_done(lernpass, lesson)
    response = lernpass_client.post(
        reverse("learning:certificate", args=[course.page.pk]), {"name": ""}
    )
    assert response.status_code == 400
    assert "Bitte geben Sie den Namen für die Urkunde ein." in response.content.decode()


def test_without_lernpass_the_certificate_explains_what_is_needed(client, course):
    html = client.get(reverse("learning:certificate", args=[course.page.pk])).content.decode()
    assert "brauchen Sie einen" in html
