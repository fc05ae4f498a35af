"""Per session in the admin: phone registrations, waitlist moves, attendance, list, CSV,
message, cancellation, and the Lotse's dashboard."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import services as calendar
from events.models import Attendance, Registration, Session
from events.workspace import services
from tests.factories.events_workspace import make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    return make_world(home)


@pytest.fixture
def lotse_client(client, world):
    client.force_login(world.lotse_hagem.user)
    return client


def _url(name, session, *args):
    return reverse(f"events_workspace:{name}", args=[session.pk, *args])


def _book(session, name, email="", phone="02363 555 100", seats=1):
    return calendar.register(session, name=name, email=email, phone=phone, seats=seats)


def test_a_phone_registration_needs_name_and_phone_only_and_sends_no_mail(lotse_client, world):
    session = world.session_hagem
    response = lotse_client.post(
        _url("session_register", session),
        {"name": "Heinz Kowalski", "phone": "02363 555 101", "seats": 1},
    )
    assert response.status_code == 302
    registration = session.registrations.get()
    assert registration.status == Registration.CONFIRMED
    assert registration.registered_by == world.lotse_hagem.user
    assert registration.email == ""
    assert mail.outbox == []
    page = lotse_client.get(response.url).content.decode()
    assert "Heinz Kowalski ist mit festem Platz angemeldet." in page


def test_a_phone_registration_with_address_gets_the_confirmation_mail(lotse_client, world):
    lotse_client.post(
        _url("session_register", world.session_hagem),
        {
            "name": "Gisela Schulte",
            "phone": "02363 555 102",
            "email": "gisela@example.org",
            "seats": 1,
        },
    )
    assert [m.to for m in mail.outbox] == [["gisela@example.org"]]


def test_phone_registrations_respect_capacity_and_fill_the_waitlist(lotse_client, world):
    session = world.session_hagem  # 3 seats
    for number in range(5):
        lotse_client.post(
            _url("session_register", session),
            {"name": f"Person {number}", "phone": f"02363 555 1{number}0", "seats": 1},
        )
    statuses = list(session.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed"] * 3 + ["waitlisted"] * 2


def test_a_phone_registration_without_name_is_explained_and_nothing_is_saved(lotse_client, world):
    response = lotse_client.post(
        _url("session_register", world.session_hagem), {"name": "", "phone": "abc", "seats": 1}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte geben Sie den Namen an." in page
    assert not world.session_hagem.registrations.exists()
    response = lotse_client.post(
        _url("session_register", world.session_hagem),
        {"name": "Erika Brandt", "phone": "abc", "seats": 1},
    )
    assert "Bitte geben Sie eine Telefonnummer mit Ziffern an" in response.content.decode()
    assert 'value="Erika Brandt"' in response.content.decode()
    assert not world.session_hagem.registrations.exists()


def test_confirming_from_the_waitlist_only_within_capacity(world):
    session = world.session_hagem
    booked = [_book(session, f"Person {n}", phone=f"02363 55{n}") for n in range(3)]
    waiting = _book(session, "Renate Hoffmann", phone="02363 999")
    assert waiting.status == Registration.WAITLISTED
    with pytest.raises(ValidationError, match="nur 0 Plätze frei"):
        services.confirm_from_waitlist(waiting)
    services.move_to_waitlist(booked[0])
    services.confirm_from_waitlist(waiting)
    waiting.refresh_from_db()
    assert waiting.status == Registration.CONFIRMED
    assert Session.objects.with_seats().get(pk=session.pk).booked_seats == 3


def test_waitlist_moves_through_the_admin_report_refusals_as_messages(lotse_client, world):
    session = world.session_hagem
    for n in range(3):
        _book(session, f"Person {n}", phone=f"02363 55{n}")
    waiting = _book(session, "Renate Hoffmann", phone="02363 999")
    response = lotse_client.post(
        _url("registration_action", session, waiting.pk), {"aktion": "bestaetigen"}, follow=True
    )
    assert "nur 0 Plätze frei" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Registration.WAITLISTED


def test_cancelling_a_registration_in_the_admin_promotes_the_waitlist(lotse_client, world):
    session = world.session_hagem
    first, _, _ = (_book(session, f"Person {n}", phone=f"02363 55{n}") for n in range(3))
    waiting = _book(session, "Renate Hoffmann", phone="02363 999")
    response = lotse_client.post(
        _url("registration_action", session, first.pk), {"aktion": "abmelden"}, follow=True
    )
    assert "Von der Warteliste nachgerückt: Renate Hoffmann" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Registration.CONFIRMED


def _past(session):
    start = timezone.now() - timedelta(hours=3)
    Session.objects.filter(pk=session.pk).update(start=start, end=start + timedelta(hours=1))
    return Session.objects.get(pk=session.pk)


def test_attendance_is_recorded_per_confirmed_registration(lotse_client, world):
    session = world.session_hagem
    came, missed = (
        _book(session, n, phone=f"02363 55{i}")
        for i, n in enumerate(["Erika Brandt", "Heinz Kowalski"])
    )
    session = _past(session)
    response = lotse_client.post(
        _url("attendance", session),
        {
            f"anwesenheit-{came.pk}": "attended",
            f"anwesenheit-{missed.pk}": "no_show",
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.get(registration=came).status == Attendance.ATTENDED
    assert Attendance.objects.get(registration=missed).status == Attendance.NO_SHOW
    assert Attendance.objects.get(registration=came).recorded_by == world.lotse_hagem.user
    lotse_client.post(_url("attendance", session), {f"anwesenheit-{missed.pk}": ""})
    assert not Attendance.objects.filter(registration=missed).exists()


def test_attendance_cannot_be_recorded_before_the_day_of_the_session(lotse_client, world):
    registration = _book(world.session_hagem, "Erika Brandt")
    response = lotse_client.post(
        _url("attendance", world.session_hagem),
        {f"anwesenheit-{registration.pk}": "attended"},
        follow=True,
    )
    assert "ab dem Tag des Termins" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_csv_lists_registrations_in_order_with_attendance(lotse_client, world):
    session = world.session_hagem
    regs = [
        _book(session, name, phone=f"02363 55{i}", email=email)
        for i, (name, email) in enumerate(
            [
                ("Erika Brandt", "erika@example.org"),
                ("=HYPERLINK(1)", ""),
                ("Jürgen Nowak", ""),
                ("Ursula Wagner", ""),
            ]
        )
    ]
    session = _past(session)
    services.record_attendance(session, {regs[0].pk: "attended"}, user=world.lotse_hagem.user)
    response = lotse_client.get(_url("csv", session))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffNr.;Status;Warteliste Platz;Name;Telefon;E-Mail;")
    lines = text.strip().splitlines()
    assert len(lines) == 5
    assert lines[1].startswith("1;Angemeldet;;Erika Brandt;02363 550;erika@example.org;1;")
    assert lines[1].endswith(";Teilgenommen")
    assert lines[2].startswith("2;Angemeldet;;'=HYPERLINK(1);")  # no formula in spreadsheets
    assert lines[4].startswith("4;Warteliste;1;Ursula Wagner;")


def test_the_print_view_lists_confirmed_people_with_a_signature_column(lotse_client, world):
    _book(world.session_hagem, "Erika Brandt")
    page = lotse_client.get(_url("print", world.session_hagem)).content.decode()
    assert "Anwesenheitsliste" in page and "Unterschrift" in page and "Erika Brandt" in page
    assert "<script>" not in page and "style=" not in page


def test_a_message_goes_by_mail_and_lists_those_to_call(lotse_client, world):
    session = world.session_hagem
    _book(session, "Erika Brandt", email="erika@example.org")
    _book(session, "Heinz Kowalski", phone="02363 555 777")
    mail.outbox.clear()
    response = lotse_client.post(
        _url("message", session),
        {
            "subject": "Raumänderung",
            "body": "Wir treffen uns im Saal im Erdgeschoss.",
        },
    )
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]
    assert mail.outbox[0].subject == "Raumänderung"
    assert "Wir treffen uns im Saal im Erdgeschoss." in mail.outbox[0].body
    assert "abmelden" in mail.outbox[0].body
    page = response.content.decode()
    assert "Heinz Kowalski" in page and "02363 555 777" in page
    assert "erika@example.org" not in page


def test_cancelling_the_session_notifies_registrants(lotse_client, world):
    session = world.session_hagem
    _book(session, "Erika Brandt", email="erika@example.org")
    mail.outbox.clear()
    response = lotse_client.post(_url("cancel", session))
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == Session.CANCELLED
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Abgesagt"]


def test_the_session_page_takes_a_fixed_number_of_queries(lotse_client, world):
    session = world.session_hagem
    Session.objects.filter(pk=session.pk).update(capacity=40)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert lotse_client.get(_url("session", session)).status_code == 200
        return len(captured)

    _book(session, "Erika Brandt")
    few = count()
    for n in range(12):
        _book(session, f"Person {n}", phone=f"02363 7{n:02d}0")
    assert count() == few


def test_the_dashboard_shows_the_lotse_s_next_sessions_and_those_without_lotse(lotse_client, world):
    from tests.factories.events import SessionFactory

    _book(world.session_hagem, "Erika Brandt")
    SessionFactory(
        workshop=world.workshop,
        venue=world.venue_hagem,
        start=timezone.now() + timedelta(days=3),
        room="Küche",
    )
    page = lotse_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Meine nächsten Termine" in page
    assert "1 von 3 (33 %)" in page
    assert "Termine ohne Lotse in Ihren Stadtteilen" in page
    assert "Dorfgemeinschaftshaus Ahsen" not in page


def test_the_own_profile_can_be_kept_up_to_date_but_not_the_districts(lotse_client, world):
    response = lotse_client.post(
        reverse("events_workspace:profile"),
        {
            "display_name": "Murat Y.",
            "phone": "02363 107-411",
            "email": "",
            "contact_public": "on",
            "languages": "Deutsch, Türkisch",
            "availability_note": "Montags ganztags",
            "districts": [world.ahsen.pk],
        },
    )
    assert response.status_code == 302
    profile = world.lotse_hagem
    profile.refresh_from_db()
    assert profile.display_name == "Murat Y."
    assert profile.public_contact() == {"phone": "02363 107-411"}
    assert list(profile.districts.all()) == [world.hagem]
