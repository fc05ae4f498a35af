"""Languages: the language a session is held in, and bookings made in another site language.

Sessions point at the German workshop page; its translations (wagtail-localize, one page tree
per locale) show and book the same sessions. A registration remembers the site language it
was made in, and its mails, calendar entries and links are in that language.
"""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar
from wagtail.models import Locale

from events import services
from events.api_schema import SESSION_LANGUAGES, SITE_LANGUAGES
from events.filters import CalendarFilter
from events.models import Registration, Session, SessionLanguage, SessionSeries
from events.views import related_sessions
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory
from tests.factories.events import (
    DistrictFactory,
    SessionFactory,
    VenueFactory,
    WorkshopPageFactory,
    bulk_sessions,
)
from tests.factories.events_workspace import make_world

pytestmark = pytest.mark.django_db

BOOKING = {"name": "Ayşe Demir", "email": "ayse@example.org", "seats": "1", "privacy_consent": "on"}


def _translate(page, language_code: str, **fields):
    """A published translation of `page` (its parents become aliases, as wagtail-localize does)."""
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def turkish_workshop(workshop):
    return _translate(workshop, "tr", title="Online randevu alma")


def _calendar_part(message) -> Calendar:
    part = next(p for p in message.message().walk() if p.get_content_type() == "text/calendar")
    return Calendar.from_ical(part.get_payload(decode=True))


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# --- The language a session is held in ---------------------------------------------------------


def test_sessions_are_german_unless_planned_otherwise(session):
    assert session.language == SessionLanguage.DE == "de"
    assert not session.is_in_other_language


def test_the_old_free_text_becomes_the_language_named_first():
    language_code = import_module("events.migrations.0013_session_language").language_code
    assert language_code("Deutsch") == "de"
    assert language_code("Türkisch") == "tr"
    assert language_code("auf Arabisch, mit Übersetzung ins Deutsche") == "ar"
    assert language_code("Ukrainisch und Russisch") == "uk"
    assert language_code("") == language_code("Gebärdensprache") == "de"


def test_the_calendar_filters_by_language_and_cards_name_it(client, workshop, venue):
    german = SessionFactory(workshop=workshop, venue=venue)
    turkish = SessionFactory(workshop=workshop, venue=venue, language="tr")
    html = client.get(workshop.get_parent().url + "?sprache=tr").content.decode()
    assert turkish.get_url() in html and german.get_url() not in html
    assert "Workshop auf Türkisch" in html
    assert '<span lang="tr">Türkçe</span>' in html
    assert '<option value="tr" selected>Türkisch</option>' in html
    html = client.get(workshop.get_parent().url).content.decode()
    assert german.get_url() in html and html.count("Workshop auf ") == 1


def test_an_unknown_language_is_reported_at_the_filter(client, calendar_page):
    response = client.get(calendar_page.url + "?sprache=xx")
    assert response.status_code == 400


def test_filter_options_are_named_in_the_visitors_language():

    with translation.override("en"):
        field = CalendarFilter().form.fields["sprache"]
        choices = {code: str(label) for code, label in field.choices}
        assert str(field.label) == "Language"
    # Until the lead compiles wslang.json into the catalogue, the label may still be German.
    assert choices["tr"] in {"Turkish", "Türkisch"}


def test_the_workshop_page_lists_the_languages_of_its_sessions(client, workshop, venue):
    SessionFactory(workshop=workshop, venue=venue)
    SessionFactory(workshop=workshop, venue=venue, language="ar")
    html = client.get(workshop.url).content.decode()
    assert "Deutsch, Arabisch" in html


def test_the_api_exposes_and_filters_the_language(client, workshop, venue):
    SessionFactory(workshop=workshop, venue=venue)
    turkish = SessionFactory(workshop=workshop, venue=venue, language="tr")
    body = client.get("/api/v1/sessions/?language=tr").json()
    assert [(item["id"], item["language"]) for item in body["sessions"]] == [(turkish.pk, "tr")]
    assert body["count"] == 1
    response = client.get("/api/v1/sessions/?language=klingonisch")
    assert response.status_code == 400
    assert "language" in response.json()["errors"]


def test_the_api_document_knows_every_session_language():
    assert SessionLanguage.values == SESSION_LANGUAGES
    assert [code for code, _name in settings.LANGUAGES] == SITE_LANGUAGES


def test_a_registration_through_the_api_gets_its_mails_in_the_language_it_names(
    client, workshop, venue, mailoutbox
):
    session = SessionFactory(workshop=workshop, venue=venue)
    payload = {
        "name": "Olena Koval",
        "email": "olena@example.org",
        "privacy_consent": True,
        "language": "uk",
    }
    url = f"/api/v1/sessions/{session.pk}/registrations/"
    response = client.post(url, payload, content_type="application/json")
    assert response.status_code == 201, response.content
    assert Registration.objects.get(email="olena@example.org").language == "uk"
    assert mailoutbox[-1].subject != "" and "Ihre Anmeldung" not in mailoutbox[-1].subject
    refused = client.post(
        url,
        {**payload, "email": "b@example.org", "language": "xx"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert "language" in refused.json()["errors"]


def test_a_series_hands_its_language_to_its_sessions(workshop, venue):

    series = SessionSeries.objects.create(
        workshop=workshop,
        first_start=timezone.now() + timedelta(days=3),
        rrule="FREQ=WEEKLY;COUNT=3",
        venue=venue,
        language="uk",
    )
    created = services.generate_sessions(series)
    assert [s.language for s in created] == ["uk"] * 3


# --- Registrations in another site language ----------------------------------------------------


def test_a_registration_remembers_the_language_it_was_made_in(session):
    german = services.register(session, name="Erika", phone="02363 1")
    with translation.override("tr"):
        turkish = services.register(session, name="Ayşe", phone="02363 2")
    assert (german.language, turkish.language) == ("de", "tr")
    assert [services.registration_language(code) for code in ("en-us", "de-x-ls", "xx")] == [
        "en",
        "de-x-ls",
        "de",
    ]


def test_a_turkish_registration_gets_turkish_mails_calendar_entries_and_links(
    session, turkish_workshop
):
    with translation.override("tr"):
        registration = services.register(session, name="Ayşe", email="ayse@example.org")
    message = mail.outbox[-1]
    assert message.subject == "Kaydınız: Online randevu alma"
    assert "Kaydınız yapıldı" in message.body
    assert "Sie sind angemeldet" not in message.body
    assert f"/tr/kalender/{turkish_workshop.slug}/termin/{session.pk}/" in message.body
    assert "/tr/kalender/abmelden/" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="tr"' in html
    event = _calendar_part(message).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Online randevu alma"
    assert "Daha fazla bilgi ve kayıt" in str(event["DESCRIPTION"])
    assert f"/tr/kalender/{turkish_workshop.slug}/termin/{session.pk}/" in str(event["URL"])

    mail.outbox.clear()
    services.cancel(registration)  # from anywhere, say the workspace: still Turkish
    assert mail.outbox[-1].subject == "Kaydınızın iptali: Online randevu alma"


def test_reminders_go_out_in_the_registrations_language(session, turkish_workshop):
    with translation.override("tr"):
        services.register(session, name="Ayşe", email="ayse@example.org")
    services.register(session, name="Erika", email="erika@example.org")
    mail.outbox.clear()
    session.start = timezone.now() + timedelta(hours=20)
    session.end = session.start + timedelta(hours=1)
    session.save()
    assert services.send_due_reminders() == 2
    subjects = sorted(message.subject for message in mail.outbox)
    day = f"{timezone.localtime(session.start):%d.%m.%Y}"
    assert subjects == [
        f"Erinnerung: {session.workshop.title} am {day}",
        f"Hatırlatma: {day} tarihinde Online randevu alma",
    ]


def test_without_a_translation_the_mail_links_the_german_page(session, workshop):
    with translation.override("tr"):
        services.register(session, name="Ayşe", email="ayse@example.org")
    message = mail.outbox[-1]
    assert message.subject.endswith(workshop.title) and "Kaydınız" in message.subject
    assert f"/kalender/{workshop.slug}/termin/{session.pk}/" in message.body
    assert "/tr/kalender/" not in message.body


# --- Translated workshop pages show and book the German sessions -------------------------------


def test_a_translated_workshop_page_lists_the_sessions_of_its_german_source(
    client, session, turkish_workshop
):
    html = client.get(turkish_workshop.url).content.decode()
    session_url = f"/tr/kalender/{turkish_workshop.slug}/termin/{session.pk}/"
    assert turkish_workshop.url.startswith("/tr/")
    assert session_url in html
    assert list(turkish_workshop.upcoming_sessions()) == [session]
    with translation.override("tr"):
        assert session.get_url() == session_url
    with translation.override("de"):
        assert session.get_url() == f"/kalender/{turkish_workshop.slug}/termin/{session.pk}/"


def test_booking_through_the_turkish_pages_end_to_end(client, session, turkish_workshop):
    session_url = f"/tr/kalender/{turkish_workshop.slug}/termin/{session.pk}/"
    page = client.get(session_url)
    assert page.status_code == 200
    assert "Online randevu alma" in page.content.decode()
    assert client.get(session_url + "termin.ics").status_code == 200

    response = client.post(session_url, BOOKING)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/tr/kalender/{turkish_workshop.slug}/anmeldung/")
    registration = Registration.objects.get()
    assert (registration.language, registration.status) == ("tr", Registration.CONFIRMED)
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert registration.reference in confirmation.content.decode()
    assert mail.outbox[-1].subject == "Kaydınız: Online randevu alma"

    cancel = client.post(services.cancel_url(registration))
    assert cancel.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Registration.CANCELLED


def test_a_session_of_another_workshop_is_not_found_on_a_translated_page(
    client, session, turkish_workshop, calendar_page
):

    other = SessionFactory(workshop=WorkshopPageFactory(parent=calendar_page), venue=session.venue)
    response = client.get(f"/tr/kalender/{turkish_workshop.slug}/termin/{other.pk}/")
    assert response.status_code == 404


def test_the_translated_calendar_links_the_translated_pages(client, session, turkish_workshop):
    html = client.get("/tr/kalender/").content.decode()
    assert f"/tr/kalender/{turkish_workshop.slug}/termin/{session.pk}/" in html
    assert "Online randevu alma" in html


@pytest.mark.parametrize("path", ["CALENDAR", "WORKSHOP", "SESSION"])
def test_query_budgets_of_the_translated_pages_stay_flat(client, workshop, path):
    _translate(workshop, "tr", title="Online randevu alma")
    venue = VenueFactory(district=DistrictFactory(slug="innenstadt", name="Innenstadt"))
    first = SessionFactory(workshop=workshop, venue=venue)
    with translation.override("tr"):
        url = {"CALENDAR": "/tr/kalender/", "WORKSHOP": None, "SESSION": first.get_url()}[path]
    url = url or f"/tr/kalender/{workshop.slug}/"
    before = _queries(client, url)
    bulk_sessions(workshop, venue, 100, languages=("de", "tr"))
    after = _queries(client, url)
    assert before <= 25, f"{url}: {before} queries"
    assert after == before, f"{url}: {before} queries with one session, {after} with 101"


def test_a_translated_course_page_shows_the_sessions_of_the_german_workshops(
    rf, home, workshop, session, django_assert_max_num_queries
):

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home))
    workshop.course = course
    workshop.save()
    turkish_course = _translate(course, "tr")
    SessionFactory(workshop=workshop, venue=session.venue)
    with django_assert_max_num_queries(3):
        assert len(related_sessions(turkish_course)) == 2


# --- The Lotsen workspace ----------------------------------------------------------------------


def test_a_lotse_plans_a_session_in_turkish_and_phones_in_a_turkish_booking(client, home):

    world = make_world(home)
    client.force_login(world.lotse_hagem.user)
    response = client.post(
        reverse("events_workspace:session_create"),
        {
            "workshop": world.workshop.pk,
            "day": "2031-03-04",
            "start_time": "10:00",
            "end_time": "11:30",
            "venue": world.venue_hagem.pk,
            "capacity": 8,
            "group_limit": 1,
            "language": "tr",
            "digitallotsen": [world.lotse_hagem.user.pk],
        },
    )
    assert response.status_code == 302
    session = Session.objects.get(start__year=2031)
    assert session.language == "tr"
    form = client.get(reverse("events_workspace:session_edit", args=[session.pk]))
    assert '<option value="tr" selected>' in form.content.decode()

    mail.outbox.clear()
    client.post(
        reverse("events_workspace:session_register", args=[session.pk]),
        {"name": "Ayşe Demir", "email": "ayse@example.org", "seats": 1, "language": "tr"},
    )
    registration = session.registrations.get()
    assert registration.language == "tr"
    assert mail.outbox[-1].subject.startswith("Kaydınız: ")
    page = client.get(reverse("events_workspace:session", args=[session.pk])).content.decode()
    assert "(E-Mails auf Türkçe)" in page

    # The Lotse finds the session will be held in Arabic after all: those registered are told,
    # each in the language they booked in, like any other change to the session.
    mail.outbox.clear()
    edit = client.get(reverse("events_workspace:session_edit", args=[session.pk])).context["form"]
    data = {name: value for name, value in edit.initial.items() if value is not None}
    data.update(language="ar", digitallotsen=[world.lotse_hagem.user.pk])
    data.update(day="2031-03-04", start_time="10:00", end_time="11:30", venue=world.venue_hagem.pk)
    response = client.post(reverse("events_workspace:session_edit", args=[session.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert session.language == "ar" and session.sequence == 1
    (changed,) = mail.outbox
    assert changed.to == ["ayse@example.org"]
    assert changed.subject.startswith("Değişen etkinlik: ")
    assert "Dil: Arapça" in changed.body
