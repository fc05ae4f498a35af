"""Catalogue, course, lesson and tutorial pages: 0 axe violations in every variant."""

import pytest

from tests.browser.conftest import check_accessibility

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def courses_demo(demo_site):
    from wagtail.models import Collection

    from courses.demo_content import seed_courses_and_tutorials

    # Transactional tests flush the root collection the migrations made; images need it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    seed_courses_and_tutorials(demo_site)
    return demo_site


def test_catalogue_with_filters_without_results_and_with_a_wrong_value(
    browser_page, live_server, courses_demo
):
    for name, query in [
        ("catalogue-filtered", "?zielgruppe=seniors&format=workshop"),
        ("catalogue-empty", "?zielgruppe=youth&stufe=hochspezialisiert"),
        ("catalogue-error", "?zielgruppe=unbekannt&q=Passwort"),
    ]:
        check_accessibility(browser_page, f"{live_server.url}/kurse/{query}", name=name)
    assert browser_page.locator("[role=status]").inner_text().startswith("1 Kurs gefunden")


def test_course_pages_for_seniors_and_for_schools(browser_page, live_server, courses_demo):
    for slug in ["sicher-mit-dem-smartphone", "fake-news-und-betrug-erkennen"]:
        check_accessibility(browser_page, f"{live_server.url}/kurse/{slug}/", name=slug)


def test_lesson_page(browser_page, live_server, courses_demo):
    check_accessibility(
        browser_page,
        f"{live_server.url}/kurse/sicher-mit-dem-smartphone/smartphone-kennenlernen/",
        name="lesson",
    )


def test_tutorial_index_with_and_without_filter(browser_page, live_server, courses_demo):
    check_accessibility(browser_page, f"{live_server.url}/anleitungen/", name="tutorials")
    check_accessibility(
        browser_page, f"{live_server.url}/anleitungen/?angebot=stadt-wlan", name="tutorials-f"
    )


def test_tutorial_step_view_for_each_device_variant(browser_page, live_server, courses_demo):
    base = f"{live_server.url}/anleitungen/stadt-wlan-verbinden/"
    for device in ["android", "iphone"]:
        check_accessibility(browser_page, f"{base}?geraet={device}&schritt=2", name=device)
    check_accessibility(
        browser_page,
        f"{live_server.url}/anleitungen/termin-buergerbuero-online-buchen/?schritt=8",
        name="tutorial-last-step",
    )


def test_tutorial_all_steps_and_print_views(browser_page, live_server, courses_demo):
    base = f"{live_server.url}/anleitungen/online-ausweis-mit-dem-smartphone/"
    for device in ["android", "iphone"]:
        check_accessibility(browser_page, f"{base}?geraet={device}&ansicht=alle", name="all")
    check_accessibility(browser_page, f"{base}?ansicht=drucken", name="print")


def test_home_page_with_featured_tutorials(browser_page, live_server, courses_demo):
    check_accessibility(browser_page, live_server.url + "/", name="home-tutorials")
    assert browser_page.get_by_role("heading", name="Beliebte Anleitungen").is_visible()
