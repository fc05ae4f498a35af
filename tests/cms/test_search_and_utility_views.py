"""Search, display settings, sitemap, robots.txt and the health check."""

import re

import pytest
from django.conf import settings
from django.db import connection

from tests.factories.cms import ContentPageFactory
from tests.factories.courses import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    TutorialIndexPageFactory,
    TutorialPageFactory,
)
from tests.factories.events import EventIndexPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_live_pages_by_word(client, home):
    ContentPageFactory(
        parent=home,
        slug="wlan",
        title="Stadt-WLAN verbinden",
        intro="So verbinden Sie Ihr Smartphone mit dem kostenlosen WLAN.",
    )
    ContentPageFactory(parent=home, slug="entwurf", title="WLAN Entwurf", live=False)
    response = client.get("/suche/", {"q": "WLAN"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stadt-WLAN verbinden" in html and "WLAN Entwurf" not in html
    assert 'role="status"' in html and "1 Ergebnis" in html


def test_search_term_keeps_its_own_direction_in_the_result_count_and_stays_escaped(client, home):
    # In Arabic, "WLAN" between quotation marks and a number would otherwise be reordered.
    html = client.get("/suche/", {"q": "<b>WLAN</b>"}).content.decode()
    assert "für „<bdi>&lt;b&gt;WLAN&lt;/b&gt;</bdi>“" in html


def _search_results(html: str) -> list[str]:
    """Each result as a person reads it: title, kind and summary, whitespace collapsed."""
    items = re.findall(r'<li class="search-results__item">(.*?)</li>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]


def test_results_with_near_identical_titles_say_what_each_one_is(
    client, home, django_assert_max_num_queries
):
    tutorials = TutorialIndexPageFactory(parent=home)
    TutorialPageFactory(
        parent=tutorials,
        title="Termin im Bürgerbüro online buchen",
        summary="Schritt für Schritt am Smartphone, mit Bildern.",
    )
    courses = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=courses, title="Online-Dienste der Stadt")
    LessonPageFactory(
        parent=course,
        title="Termin im Bürgerbüro online buchen",
        summary="Lektion mit Übung: einen freien Termin finden.",
    )
    calendar = EventIndexPageFactory(parent=home)
    WorkshopPageFactory(
        parent=calendar,
        title="Termin im Bürgerbüro online buchen (Workshop)",
        summary="Wir buchen gemeinsam, Sie bringen Ihr Smartphone mit.",
    )
    with django_assert_max_num_queries(20):
        html = client.get("/suche/", {"q": "Bürgerbüro"}).content.decode()
    results = _search_results(html)
    assert len(results) == 3
    assert any(
        "Anleitung" in result and "Schritt für Schritt am Smartphone" in result
        for result in results
    )
    assert any(
        "Lektion – in „Online-Dienste der Stadt“" in result and "einen freien Termin" in result
        for result in results
    )
    assert any(
        "Workshop" in result and "Sie bringen Ihr Smartphone" in result for result in results
    )
    assert len(set(results)) == 3


def test_general_pages_in_results_are_labelled_for_visitors(client, home):
    ContentPageFactory(parent=home, slug="wlan", title="Stadt-WLAN", intro="Kostenlos surfen.")
    (result,) = _search_results(client.get("/suche/", {"q": "WLAN"}).content.decode())
    assert result == "Stadt-WLAN Information Kostenlos surfen."


@pytest.mark.skipif(not settings.IS_POSTGRES, reason="German stemming needs PostgreSQL")
def test_search_uses_german_stemming_on_postgres(client, home):
    ContentPageFactory(parent=home, slug="anleitung", title="Anleitungen für das Bürgerkonto")
    assert (
        "Anleitungen für das Bürgerkonto"
        in client.get("/suche/", {"q": "Anleitung"}).content.decode()
    )
    assert connection.vendor == "postgresql"


def test_search_without_results_offers_help(client, home):
    html = client.get("/suche/", {"q": "Quantenphysik"}).content.decode()
    assert "Keine Treffer" in html and "Prüfen Sie die Schreibweise" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": "WLAN", "seite": "abc"},
        {"q": "WLAN", "seite": "999"},
        {"q": "\x00"},
        {},
    ],
)
def test_search_never_fails_on_odd_input(client, home, params):
    assert client.get("/suche/", params).status_code == 200


def test_display_settings_are_stored_in_a_cookie_and_rendered_on_html(client, home):
    response = client.post(
        "/darstellung/", {"theme": "dark", "text_size": "large", "motion": "reduced", "next": "/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    cookie = response.cookies[settings.LERNHAFEN_DISPLAY_COOKIE]
    assert cookie.value == "dark.large.reduced" and cookie["httponly"]
    html = client.get("/").content.decode()
    assert 'data-kern-theme="dark"' in html
    assert 'data-text-size="large"' in html and 'data-motion="reduced"' in html


def test_text_size_goes_up_to_twice_the_normal_size(client, home):
    html = client.get("/darstellung/").content.decode()
    labels = re.findall(r'<label class="kern-label" for="id_text_size_\d">(.*?)</label>', html)
    assert len(labels) == 5 and labels[-1] == "Doppelt so groß (200\u00a0%)"
    response = client.post(
        "/darstellung/", {"theme": "auto", "text_size": "xxx-large", "motion": "auto", "next": "/"}
    )
    assert response.status_code == 302
    assert 'data-text-size="xxx-large"' in client.get("/").content.decode()


def test_display_settings_reject_unknown_values_with_a_message(client, home):
    response = client.post(
        "/darstellung/", {"theme": "neon", "text_size": "normal", "motion": "auto"}
    )
    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()


def test_display_settings_never_redirect_to_another_site(client, home):
    response = client.post(
        "/darstellung/",
        {
            "theme": "light",
            "text_size": "normal",
            "motion": "auto",
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/"


def test_tampered_display_cookie_falls_back_to_defaults(client, home):
    client.cookies[settings.LERNHAFEN_DISPLAY_COOKIE] = "<script>.x.y"
    html = client.get("/").content.decode()
    assert 'data-kern-theme="light"' in html and "<script>.x" not in html


def test_sitemap_lists_live_pages(client, home):
    ContentPageFactory(parent=home, slug="impressum", title="Impressum")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"/impressum/" in response.content


def test_robots_txt_points_to_the_sitemap(client, home):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body and "Disallow: /admin/" in body


def test_health_check(client, db):
    assert client.get("/healthz/").content == b"ok"
