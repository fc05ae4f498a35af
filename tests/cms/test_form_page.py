"""The public feedback form: clear German errors, no data on bad input, honeypot, rate limit."""

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from tests.factories.cms import FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback(home):
    return FormPageFactory(parent=home, slug="barrierefreiheit")


def test_valid_submission_is_stored_and_mailed_to_the_editors(client, feedback):
    response = client.post(
        "/barrierefreiheit/",
        {
            "beschreibung": "Der Kontrast im Kalender ist zu schwach.",
            "ihre_e_mail_adresse": "erika@example.org",
            "website": "",
        },
    )
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.get_data()["beschreibung"].startswith("Der Kontrast")
    assert "website" not in submission.form_data
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktion@datteln.example"]
    assert "Der Kontrast" in mail.outbox[0].body
    assert "leer lassen" not in mail.outbox[0].body


def test_missing_required_field_shows_german_message_next_to_it_and_keeps_input(client, feedback):
    response = client.post(
        "/barrierefreiheit/",
        {
            "beschreibung": "",
            "ihre_e_mail_adresse": "erika@example.org",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in html
    assert 'id="id_beschreibung-error"' in html
    assert 'aria-describedby="id_beschreibung-hint id_beschreibung-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="erika@example.org"' in html  # what the person typed is kept
    assert "Bitte prüfen Sie Ihre Angaben" in html and 'href="#id_beschreibung"' in html
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_invalid_email_is_explained_in_german(client, feedback):
    response = client.post(
        "/barrierefreiheit/", {"beschreibung": "x", "ihre_e_mail_adresse": "erika@"}
    )
    assert response.status_code == 400
    assert "Bitte gültige E-Mail-Adresse eingeben." in response.content.decode()


def test_bot_filling_the_honeypot_sees_success_but_nothing_is_stored_or_sent(client, feedback):
    response = client.post(
        "/barrierefreiheit/",
        {
            "beschreibung": "Billige Uhren",
            "website": "http://spam.example",
        },
    )
    assert response.status_code == 200 and "Vielen Dank" in response.content.decode()
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


def test_honeypot_is_hidden_from_people_and_assistive_technology(client, feedback):
    html = client.get("/barrierefreiheit/").content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert 'tabindex="-1"' in html


@override_settings(LERNHAFEN_PUBLIC_FORM_RATE="3/h")
def test_rate_limit_stops_a_flood_from_one_address(client, feedback):
    data = {"beschreibung": "Meldung"}
    for _ in range(3):
        assert client.post("/barrierefreiheit/", data).status_code == 200
    response = client.post("/barrierefreiheit/", data)
    assert response.status_code == 429
    assert "in einer Stunde noch einmal" in response.content.decode()
    assert FormSubmission.objects.count() == 3


@override_settings(LERNHAFEN_PUBLIC_FORM_RATE="1/h", RATELIMIT_ENABLE=False)
def test_rate_limit_can_be_switched_off_for_load_tests(client, feedback):
    for _ in range(3):
        assert client.post("/barrierefreiheit/", {"beschreibung": "x"}).status_code == 200


def test_post_without_csrf_token_is_refused(feedback):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/barrierefreiheit/", {"beschreibung": "x"})
    assert response.status_code == 403
    assert FormSubmission.objects.count() == 0


def test_overlong_description_is_refused_with_a_german_message_and_nothing_stored(client, feedback):
    response = client.post(
        "/barrierefreiheit/",
        {"beschreibung": "x" * 5001, "ihre_e_mail_adresse": "erika@example.org", "website": ""},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte kürzen Sie Ihren Text auf höchstens 5.000 Zeichen (jetzt: 5001 Zeichen)." in html
    assert 'maxlength="5000"' in html
    assert FormSubmission.objects.count() == 0 and mail.outbox == []
    at_limit = {"beschreibung": "x" * 5000, "website": ""}
    assert client.post("/barrierefreiheit/", at_limit).status_code == 200
    assert FormSubmission.objects.count() == 1
