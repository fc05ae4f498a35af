"""Lernpass: a code instead of an account – create, restore, delete, expire."""

from __future__ import annotations

import datetime
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from learning import services
from learning.models import Lernpass, Membership, Statement
from tests.factories.courses import TutorialIndexPageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db
CODE = re.compile(r"^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$")


def test_codes_are_short_and_free_of_look_alike_characters():
    codes = {services.generate_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(CODE.match(code) for code in codes)
    assert not set("".join(codes)) & set("01OIL")


def test_creating_a_lernpass_sets_a_cookie_and_shows_the_code_and_qr_code(client):
    response = client.post(reverse("learning:lernpass_create"), follow=True)
    lernpass = Lernpass.objects.get()
    html = response.content.decode()
    assert lernpass.code in html
    assert "Ihr Lernpass ist angelegt." in html
    assert (
        f'alt="QR-Code zum Wiederherstellen Ihres Lernpasses mit dem Code {lernpass.code}"' in html
    )
    cookie = client.cookies[services.LERNPASS_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    qr = client.get(reverse("learning:lernpass_qr"))
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg")


def test_the_lernpass_stores_nothing_personal():
    fields = {field.name for field in Lernpass._meta.get_fields()}
    assert fields == {"id", "code", "created_at", "last_used_at", "statements", "memberships"}


def test_restoring_with_the_code_on_another_device(client, lernpass):
    typed = lernpass.code.lower().replace("-", " ")
    response = client.post(reverse("learning:lernpass_restore"), {"code": typed}, follow=True)
    assert "Willkommen zurück!" in response.content.decode()
    assert lernpass.code in response.content.decode()


def test_qr_code_carries_the_code_in_the_fragment_not_in_a_logged_query(
    lernpass_client, lernpass, monkeypatch
):
    # Browsers never send the fragment, so the code stays out of server and proxy logs;
    # learning.js puts it into the form field marked data-code-from-fragment.
    import segno

    encoded = []
    make = segno.make
    monkeypatch.setattr(segno, "make", lambda url, **kw: encoded.append(url) or make(url, **kw))
    assert lernpass_client.get(reverse("learning:lernpass_qr")).content.startswith(b"<svg")
    assert encoded == [f"http://testserver/lernen/lernpass/wiederherstellen/#code={lernpass.code}"]
    html = lernpass_client.get(reverse("learning:lernpass_restore")).content.decode()
    assert "data-code-from-fragment" in html
    # A code in the query string is not taken over any more.
    leaked = lernpass_client.get(reverse("learning:lernpass_restore") + f"?code={lernpass.code}")
    assert f'value="{lernpass.code}"' not in leaked.content.decode()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Bitte geben Sie Ihren Lernpass-Code ein."),
        ("ABC", "Ein Lernpass-Code hat zwölf Buchstaben"),
        ("AAAA-BBBB-CCCC", "Zu diesem Code gibt es keinen Lernpass."),
    ],
)
def test_wrong_codes_get_a_message_next_to_the_field(client, db, code, message):
    response = client.post(reverse("learning:lernpass_restore"), {"code": code})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'id="id_code-error"' in html
    assert services.LERNPASS_COOKIE not in client.cookies


def test_restore_attempts_are_rate_limited(client, db, settings):
    settings.LERNHAFEN_LERNPASS_RESTORE_RATE = "3/h"
    for _ in range(3):
        client.post(reverse("learning:lernpass_restore"), {"code": "AAAA-BBBB-CCCC"})
    response = client.post(reverse("learning:lernpass_restore"), {"code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 429


def test_a_tampered_cookie_counts_as_no_lernpass(client, lernpass):
    client.cookies[services.LERNPASS_COOKIE] = f"{lernpass.pk}:falsch"
    response = client.get(reverse("learning:lernpass"))
    assert lernpass.code not in response.content.decode()
    assert "Lernpass anlegen" in response.content.decode()


def test_deleting_progress_removes_the_lernpass_results_and_memberships(
    lernpass_client, lernpass, course, teacher
):
    services.record_statement(lernpass, course.closing, verb="completed", block_id=course.done_id)
    group = services.create_group(teacher, "7b", [course.page])
    services.join_group(lernpass, group.join_code, "Blauer Wal")

    confirm = lernpass_client.get(reverse("learning:lernpass_delete"))
    assert "Das lässt sich nicht rückgängig machen." in confirm.content.decode()
    response = lernpass_client.post(reverse("learning:lernpass_delete"), follow=True)

    assert "Ihr Fortschritt ist gelöscht." in response.content.decode()
    assert not Lernpass.objects.exists()
    assert not Statement.objects.exists()
    assert not Membership.objects.exists()
    assert lernpass_client.cookies[services.LERNPASS_COOKIE].value == ""


def test_unused_lernpaesse_expire_with_their_progress(course, settings):
    settings.LERNHAFEN_LERNPASS_EXPIRY_DAYS = 30
    with time_machine.travel(timezone.now() - datetime.timedelta(days=40)):
        old = services.create_lernpass()
        services.record_statement(old, course.closing, verb="completed", block_id=course.done_id)
    fresh = services.create_lernpass()

    out = StringIO()
    call_command("purge_personal_data", stdout=out)

    assert "Abgelaufene Lernpässe: 1 gelöscht" in out.getvalue()
    assert list(Lernpass.objects.all()) == [fresh]
    assert not Statement.objects.exists()


def test_using_a_lernpass_keeps_it_from_expiring(course, settings):
    settings.LERNHAFEN_LERNPASS_EXPIRY_DAYS = 30
    with time_machine.travel(timezone.now() - datetime.timedelta(days=40)):
        lernpass = services.create_lernpass()
    services.record_statement(lernpass, course.closing, verb="completed", block_id=course.done_id)
    assert services.purge_expired_lernpaesse(timezone.now()) == 0


def test_lernpass_page_shows_course_progress(lernpass_client, lernpass, course):
    services.mark_page_done(lernpass, course.closing)
    html = lernpass_client.get(reverse("learning:lernpass")).content.decode()
    assert "Sichere Passwörter" in html
    assert "1 von 2 Lektionen" in html
    assert '<progress class="progress-list__bar" max="2" value="1"' in html


def test_tutorial_steps_done_are_remembered(lernpass_client, lernpass, home):
    tutorial = TutorialPageFactory(parent=TutorialIndexPageFactory(parent=home))
    url = reverse("learning:step_done", args=[tutorial.pk])
    response = lernpass_client.post(url, {"schritt": "2"})
    assert response["Location"] == f"{tutorial.url}?schritt=2"
    lernpass_client.post(url, {"schritt": "2"})
    lernpass_client.post(url, {"schritt": "3"})
    assert services.steps_done(lernpass, tutorial) == {2, 3}
    assert lernpass_client.post(url, {"schritt": "x"}).status_code == 400
    html = lernpass_client.get(reverse("learning:lernpass")).content.decode()
    assert "2 Schritte erledigt" in html


def test_home_page_shows_progress_only_with_a_lernpass(lernpass_client, course):
    from django.test import Client

    assert "Ihr Lernfortschritt" not in Client().get("/").content.decode()
    assert "Ihr Lernfortschritt" in lernpass_client.get("/").content.decode()
