"""A booking sent twice (lost answer, double click, resent form) is booked once (issue 9 #10)."""

import re

import pytest
from django.core import mail

from events.models import Registration

pytestmark = pytest.mark.django_db

DATA = {"name": "Erika Brandt", "email": "erika@example.org", "privacy_consent": "on", "seats": 1}


def _token(client, session) -> str:
    html = client.get(session.get_url()).content.decode()
    return re.search(r'name="anmeldung_token" value="([0-9a-f]{32})"', html).group(1)


def test_the_form_sent_twice_books_once_and_shows_the_same_confirmation(client, session):
    token = _token(client, session)
    first = client.post(session.get_url(), {**DATA, "anmeldung_token": token})
    again = client.post(session.get_url(), {**DATA, "anmeldung_token": token})
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1


def test_each_form_shown_has_its_own_token_and_other_details_book_anew(client, session):
    token = _token(client, session)
    assert token != _token(client, session)
    client.post(session.get_url(), {**DATA, "anmeldung_token": token})
    # Back button, another person's details, same page: a second booking, not the first one.
    client.post(session.get_url(), {**DATA, "name": "Otto Brandt", "anmeldung_token": token})
    assert sorted(Registration.objects.values_list("name", flat=True)) == [
        "Erika Brandt",
        "Otto Brandt",
    ]


def test_a_form_with_errors_keeps_its_token(client, session):
    token = _token(client, session)
    response = client.post(session.get_url(), {**DATA, "name": "", "anmeldung_token": token})
    assert response.status_code == 400
    assert f'value="{token}"' in response.content.decode()
