"""Calendar pages: list, month grid, filters, session page, registration form without JS."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from events import services
from events.models import EventIndexPage, Registration, WorkshopPage
from tests.factories.events import DistrictFactory, SessionFactory, VenueFactory, bulk_sessions

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_page_types_live_where_the_tree_says():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(WorkshopPage, {EventIndexPage})
    case.assertAllowedSubpageTypes(EventIndexPage, {WorkshopPage})


def test_list_groups_by_day_and_shows_seats_in_words(client, session):
    services.register(session, name="A", phone="02363 11")
    html = client.get("/kalender/").content.decode()
    local = timezone.localtime(session.start)
    assert f"{local:%H:%M}" in html
    assert "noch 2 Plätze frei" in html
    assert 'id="tag-' in html


def test_filters_by_district_audience_topic_dates_and_free_seats(client, workshop, venue):
    other = VenueFactory(district=DistrictFactory(slug="ahsen", name="Ahsen"))
    near = SessionFactory(workshop=workshop, venue=venue, capacity=1)
    far = SessionFactory(workshop=workshop, venue=other, start=timezone.now() + timedelta(days=40))
    services.register(near, name="A", phone="02363 11")

    def shown(query):
        days = client.get(f"/kalender/?{query}").context["days"]
        return {s.pk for _, sessions in days for s in sessions}

    assert shown("") == {near.pk, far.pk}
    assert shown("stadtteil=ahsen") == {far.pk}
    assert shown("frei=on") == {far.pk}
    assert shown("zielgruppe=schulen") == set()
    day = timezone.localtime(far.start).date()
    assert shown(f"von={day:%Y-%m-%d}&bis={day:%Y-%m-%d}") == {far.pk}


def test_bad_filter_input_is_explained_next_to_the_field_and_kept(client, session):
    response = client.get("/kalender/?von=morgen&bis=2020-01-01&stadtteil=gibt-es-nicht")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte geben Sie ein Datum wie 24.12.2026 an." in html
    assert 'value="morgen"' in html


def test_month_grid_shows_the_month_with_navigation(client, session):
    month = timezone.localtime(session.start).strftime("%Y-%m")
    response = client.get(f"/kalender/?ansicht=monat&monat={month}")
    html = response.content.decode()
    assert session.get_url() in html
    assert "month-grid__day" in html
    assert client.get("/kalender/?ansicht=monat&monat=quatsch").status_code == 200


def test_session_page_shows_venue_accessibility_osm_link_and_ics(client, session):
    html = client.get(session.get_url()).content.decode()
    assert "Stufenloser Zugang" in html
    assert "https://www.openstreetmap.org/?mlat=51.653910&amp;mlon=7.341620" in html
    assert "In meinen Kalender eintragen" in html
    assert "<iframe" not in html


def test_registration_form_books_and_redirects_to_the_confirmation(client, session):
    response = client.post(
        session.get_url(),
        {"name": "Erika", "phone": "02363 1234", "seats": "1", "privacy_consent": "on"},
    )
    assert response.status_code == 302
    confirmation = client.get(response["Location"])
    assert "Sie sind angemeldet" in confirmation.content.decode()
    assert Registration.objects.get().status == "confirmed"


def test_registration_form_errors_stay_next_to_fields_and_keep_input(client, session):
    response = client.post(
        session.get_url(), {"name": "Erika Brandt", "email": "erika@", "seats": "1"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Erika Brandt"' in html
    assert 'id="id_email-error"' in html and "gültige E-Mail-Adresse" in html
    assert 'id="id_privacy_consent-error"' in html
    assert not Registration.objects.exists()


def test_service_rule_errors_show_on_the_form(client, session, settings):
    settings.LERNHAFEN_EVENTS_MAX_REGISTRATIONS_PER_CONTACT = 1
    data = {"name": "Erika", "phone": "02363 1234", "seats": "1", "privacy_consent": "on"}
    client.post(session.get_url(), data)
    response = client.post(session.get_url(), data)
    assert response.status_code == 400
    assert "schon 1 Anmeldungen" in response.content.decode()


def test_honeypot_and_rate_limit_on_the_form(client, session, settings):
    data = {"name": "Bot", "phone": "02363 1234", "seats": "1", "privacy_consent": "on"}
    response = client.post(session.get_url(), {**data, "website": "spam"})
    assert response.status_code == 200 and not Registration.objects.exists()
    settings.LERNHAFEN_EVENTS_REGISTRATION_RATE = "1/h"
    client.post(session.get_url(), data)
    limited = client.post(session.get_url(), {**data, "phone": "02363 9"})
    assert limited.status_code == 429
    assert "sehr viele Anmeldungen" in limited.content.decode()


def test_cancellation_page_asks_then_cancels_without_login(client, session):
    registration = services.register(session, name="Erika", phone="02363 1")
    url = services.cancel_url(registration)
    assert "Ja, Anmeldung stornieren" in client.get(url).content.decode()
    assert "Sie sind abgemeldet" in client.post(url).content.decode()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert client.get("/kalender/abmelden/1-falsch/").status_code == 404


def test_unknown_or_foreign_session_ids_are_404(client, session, calendar_page):
    from tests.factories.events import WorkshopPageFactory

    other = WorkshopPageFactory(parent=calendar_page)
    assert client.get(f"{other.url}termin/{session.pk}/").status_code == 404
    assert client.get(f"{other.url}termin/999999/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/kalender/",
        "/kalender/?ansicht=monat",
        "/kalender/?frei=on&stadtteil=innenstadt",
        "WORKSHOP",
        "SESSION",
        "/",
        "/api/v1/sessions/",
    ],
)
def test_query_budgets_stay_flat_with_many_sessions(client, workshop, path):
    venue = VenueFactory(district=DistrictFactory(slug="innenstadt", name="Innenstadt"))
    first = SessionFactory(workshop=workshop, venue=venue)
    url = {"WORKSHOP": workshop.url, "SESSION": first.get_url()}.get(path, path)
    before = _queries(client, url)
    bulk_sessions(workshop, venue, 300)
    after = _queries(client, url)
    assert before <= 20, f"{url}: {before} queries"
    assert after == before, f"{url}: {before} queries with one session, {after} with 301"
