"""What a person holds after booking: a short reference number, how to cancel (online or by
phone), and cancel texts that say only what is true."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms.models import SiteSettings
from events import services
from events.models import Registration
from events.models.sessions import REFERENCE_ALPHABET, REFERENCE_LENGTH
from tests.factories.events import SessionFactory

PHONE = "02363 107 0"


@pytest.fixture
def phone_line(home):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_phone = PHONE
    site_settings.contact_hours = "Mo–Fr 9–12 Uhr"
    site_settings.save()
    return site_settings


def test_every_booking_gets_a_short_unambiguous_reference_of_its_own(session):
    first = services.register(session, name="Erika", phone="02363 1")
    second = services.register(session, name="Heinz", phone="02363 2")
    for registration in (first, second):
        assert len(registration.reference) == REFERENCE_LENGTH
        assert set(registration.reference) <= set(REFERENCE_ALPHABET)
        assert not set(registration.reference) & set("0O1IL")
    assert first.reference != second.reference


def test_the_confirmation_shows_the_reference_and_how_to_cancel_by_phone(
    client, session, phone_line
):
    response = client.post(
        session.get_url(),
        {"name": "Erika", "phone": "02363 1234", "seats": "1", "privacy_consent": "on"},
    )
    assert response["Location"].endswith("#bestaetigung")
    registration = Registration.objects.get()
    html = client.get(response["Location"]).content.decode()
    assert registration.reference in html
    assert "Sie können auch telefonisch absagen:" in html
    assert f'href="tel:{PHONE.replace(" ", "")}"' in html
    # Nobody waits: the page does not promise the seat to a waitlist.
    assert "Warteliste" not in html
    assert "dann ist Ihr Platz wieder frei für andere" in html


def test_the_mail_carries_the_same_reference_and_the_phone_cancel_line(session, phone_line):
    registration = services.register(session, name="Erika", email="erika@example.org")
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    for body in (message.body, html):
        text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
        assert f"Ihre Buchungsnummer: {registration.reference}" in text
        assert "Sie können auch telefonisch absagen: " in body
    assert f'<a href="tel:{PHONE.replace(" ", "")}">{PHONE}</a>' in html


def test_the_phone_field_opens_the_number_pad_and_offers_autofill(client, session):
    html = client.get(session.get_url()).content.decode()
    assert re.search(r'<input type="tel" name="phone"[^>]*autocomplete="tel"', html)
    assert re.search(r'<input type="text" name="name"[^>]*autocomplete="name"', html)
    assert re.search(r'<input type="email" name="email"[^>]*autocomplete="email"', html)


def test_the_session_page_links_the_phone_number(client, session, phone_line):
    html = client.get(session.get_url()).content.decode()
    assert f'Rufen Sie uns an: <a class="kern-link" href="tel:{PHONE.replace(" ", "")}">' in html


def test_cancelling_without_a_waitlist_does_not_mention_one(client, session):
    registration = services.register(session, name="Erika", phone="02363 1")
    html = client.post(services.cancel_url(registration)).content.decode()
    assert "Sie sind abgemeldet" in html
    assert "Warteliste" not in html
    assert "Ihr Platz ist wieder frei für andere." in html


def test_cancelling_a_seat_somebody_waits_for_says_it_goes_to_them(client, workshop, venue):
    session = SessionFactory(workshop=workshop, venue=venue, capacity=1)
    booked = services.register(session, name="Erika", phone="02363 1")
    waiting = services.register(session, name="Heinz", phone="02363 2")
    html = client.get(services.confirmation_url(booked)).content.decode()
    assert "dann bekommt jemand von der Warteliste Ihren Platz" in html
    html = client.post(services.cancel_url(booked)).content.decode()
    assert "Ihr Platz geht an die nächste Person auf der Warteliste." in html
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_leaving_the_waitlist_says_so(client, workshop, venue):
    session = SessionFactory(workshop=workshop, venue=venue, capacity=1)
    services.register(session, name="Erika", phone="02363 1")
    waiting = services.register(session, name="Heinz", phone="02363 2")
    html = client.post(services.cancel_url(waiting)).content.decode()
    assert "Sie stehen nicht mehr auf der Warteliste." in html
    assert "Ihr Platz" not in html


def test_the_team_finds_a_booking_by_the_reference_a_caller_reads_out(admin_client, session):
    wanted = services.register(session, name="Erika Brandt", phone="02363 1")
    services.register(session, name="Heinz Vogel", phone="02363 2")
    response = admin_client.get(
        "/admin/snippets/events/registration/", {"q": wanted.reference.lower()}
    )
    html = response.content.decode()
    assert "Erika Brandt" in html
    assert "Heinz Vogel" not in html


def test_where_the_calendar_says_call_us_it_gives_the_number_as_a_link(
    client, workshop, phone_line
):
    # The footer carries the number anyway; the sentence that says "call us" must, too.
    call_us = f'rufen Sie uns an (<a class="kern-link" href="tel:{PHONE.replace(" ", "")}">'
    assert call_us in client.get("/kalender/").content.decode()
    assert call_us in client.get(workshop.url).content.decode()


def test_the_registrations_list_costs_the_same_queries_for_a_few_rows_as_for_many(
    admin_client, session, django_assert_num_queries
):
    # Each row names its session (workshop title and date): joined, never one query per row.
    url = "/admin/snippets/events/registration/"
    services.register(session, name="Erika Brandt", phone="02363 1")
    admin_client.get(url)  # warms per-process caches (content types, settings)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(url)
    for number in range(12):
        other = SessionFactory(workshop=session.workshop, venue=session.venue)
        services.register(other, name=f"Person {number}", phone=f"02363 9{number:02d}")
    with django_assert_num_queries(len(few)):
        response = admin_client.get(url)
    assert "Person 11" in response.content.decode()
