"""Whole-page cache for anonymous visitors (cms/cache.py): hits, invalidation, and what is never
shared between visitors."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.test import Client

from cms.cache import CACHE_ALIAS, current_generation
from events import services
from tests.factories.cms import ContentPageFactory
from tests.factories.events import (
    EventIndexPageFactory,
    SessionFactory,
    VenueFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.LERNHAFEN_PAGE_CACHE_SECONDS = 300
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


@pytest.fixture(autouse=True)
def site_settings(home):
    # The first page rendered would otherwise create them (and so invalidate the cache once).
    from cms.models import SiteSettings

    return SiteSettings.for_site(home.get_site())


@pytest.fixture
def content_page(home):
    return ContentPageFactory(parent=home, title="Impressum", slug="impressum")


@pytest.fixture
def session(home):
    calendar = EventIndexPageFactory(parent=home)
    workshop = WorkshopPageFactory(parent=calendar, slug="termine-online-buchen")
    return SessionFactory(workshop=workshop, venue=VenueFactory(), capacity=3)


def _session_url(session) -> str:
    workshop = session.workshop
    return workshop.url + workshop.reverse_subpage("session", args=[session.pk])


def test_second_anonymous_visit_is_served_without_touching_the_database(
    client, content_page, django_assert_num_queries
):
    first = client.get(content_page.url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = Client().get(content_page.url)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"]
    # The cached copy keeps the security headers of the page.
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert second[header] == first[header]


def test_a_repeat_visit_gets_not_modified_from_the_cached_page(client, content_page):
    etag = client.get(content_page.url)["ETag"]
    assert client.get(content_page.url, headers={"if-none-match": etag}).status_code == 304


def test_publishing_a_change_shows_at_once(client, content_page):
    assert "Impressum" in client.get(content_page.url).content.decode()
    generation = current_generation()
    content_page.title = "Impressum und Kontakt"
    content_page.save_revision().publish()
    assert current_generation() != generation
    assert "Impressum und Kontakt" in client.get(content_page.url).content.decode()


def test_unpublishing_a_page_takes_it_off_at_once(client, content_page):
    assert client.get(content_page.url).status_code == 200
    content_page.unpublish()
    assert client.get(content_page.url).status_code == 404


def test_a_site_setting_change_invalidates_pages(client, content_page, site_settings):
    client.get(content_page.url)
    generation = current_generation()
    site_settings.city_name = "Waltrop"
    site_settings.save()
    assert current_generation() != generation
    assert "Waltrop" in client.get(content_page.url).content.decode()


def test_a_booking_and_a_cancellation_update_the_seats_shown(client, session):
    url = _session_url(session)
    # The session page carries the booking form, so take the workshop page, which lists seats.
    workshop_url = session.workshop.url
    assert "noch 3 Plätze frei" in client.get(workshop_url).content.decode()
    registration = services.register(session, name="Erika Brandt", phone="02363 1234")
    assert "noch 2 Plätze frei" in client.get(workshop_url).content.decode()
    services.cancel(registration)
    assert "noch 3 Plätze frei" in client.get(workshop_url).content.decode()
    assert client.get(url).status_code == 200


def test_a_session_edit_shows_at_once(client, session):
    client.get(session.workshop.url)
    generation = current_generation()
    session.capacity = 10
    session.save()
    assert current_generation() != generation
    assert "noch 10 Plätze frei" in client.get(session.workshop.url).content.decode()


def test_display_settings_get_their_own_cached_variant(client, content_page):
    light = client.get(content_page.url).content.decode()
    dark_client = Client()
    dark_client.cookies["lernhafen_darstellung"] = "dark.large.reduced"
    dark = dark_client.get(content_page.url).content.decode()
    assert 'data-kern-theme="dark"' in dark
    assert 'data-text-size="large"' in dark
    assert 'data-kern-theme="light"' in light
    # Each variant is served again from its own entry.
    assert 'data-kern-theme="light"' in Client().get(content_page.url).content.decode()
    assert 'data-kern-theme="dark"' in dark_client.get(content_page.url).content.decode()


def test_logged_in_editors_always_get_a_fresh_page(client, content_page, admin_user):
    Client().get(content_page.url)  # cached for anonymous visitors
    client.force_login(admin_user)
    response = client.get(content_page.url)
    assert response.status_code == 200
    # Rendered for the editor (the Wagtail user bar), not the anonymous copy.
    assert "wagtail-userbar" in response.content.decode()


def test_a_page_with_a_form_is_never_stored_and_each_visitor_gets_their_own_token(session):
    url = _session_url(session)
    pattern = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one = first.get(url)
    page_two = second.get(url)
    token_one = pattern.search(page_one.content.decode()).group(1)
    token_two = pattern.search(page_two.content.decode()).group(1)
    assert page_one.cookies["csrftoken"].value != page_two.cookies["csrftoken"].value
    assert token_one != token_two
    # The form still works: the second visitor books with their own token.
    submission = re.search(r'name="anmeldung_token" value="([^"]*)"', page_two.content.decode())
    response = second.post(
        url,
        {
            "csrfmiddlewaretoken": token_two,
            "anmeldung_token": submission.group(1),
            "name": "Erika Brandt",
            "phone": "02363 1234",
            "seats": "1",
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302
    assert session.registrations.count() == 1


def test_the_health_check_always_asks_the_database(client, home, django_assert_num_queries):
    assert client.get("/healthz/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/healthz/").status_code == 200


def test_visitors_with_a_personal_cookie_bypass_the_cache(client, content_page):
    client.get(content_page.url)
    personal = Client()
    personal.cookies["sessionid"] = "something"
    personal.cookies["lernpass"] = "signed-id"
    personal.cookies["messages"] = "a-message-for-this-visitor"
    # A queryset update sends no signal: only an uncached render can show it.
    type(content_page).objects.filter(pk=content_page.pk).update(title="Geändert ohne Signal")
    assert "Geändert ohne Signal" in personal.get(content_page.url).content.decode()
    assert "Geändert ohne Signal" not in client.get(content_page.url).content.decode()
