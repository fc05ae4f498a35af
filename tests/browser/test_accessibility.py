"""Every general page type, in every variant, has 0 axe-core violations (WCAG 2.2 AA)."""

import pytest

from tests.browser.conftest import check_accessibility

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page(browser_page, live_server, demo_site):
    check_accessibility(browser_page, live_server.url + "/", name="home")


def test_content_page(browser_page, live_server, demo_site):
    check_accessibility(browser_page, live_server.url + "/datenschutz/", name="content")


def test_easy_language_page(browser_page, live_server, demo_site):
    check_accessibility(browser_page, live_server.url + "/leichte-sprache/", name="easy")


def test_feedback_form_page(browser_page, live_server, demo_site):
    check_accessibility(browser_page, live_server.url + "/barrierefreiheit/", name="form")


def test_feedback_form_with_errors(browser_page, live_server, demo_site):
    def submit_empty(page):
        page.get_by_role("button", name="Barriere melden").click()
        page.wait_for_selector("[data-error-summary]")

    check_accessibility(
        browser_page,
        live_server.url + "/barrierefreiheit/",
        prepare=submit_empty,
        name="form-errors",
    )


def test_feedback_form_thank_you_page(browser_page, live_server, demo_site):
    def submit_valid(page):
        page.get_by_label("Beschreibung").fill("Der Kontrast im Kalender ist zu schwach.")
        page.get_by_role("button", name="Barriere melden").click()
        page.wait_for_selector("text=Vielen Dank")

    check_accessibility(
        browser_page,
        live_server.url + "/barrierefreiheit/",
        prepare=submit_valid,
        name="form-thanks",
    )


def test_search_results(browser_page, live_server, demo_site):
    check_accessibility(browser_page, live_server.url + "/suche/?q=Datenschutz", name="search")


def test_search_without_results(browser_page, live_server, demo_site):
    check_accessibility(
        browser_page, live_server.url + "/suche/?q=Quantenphysik", name="search-empty"
    )


def test_display_settings(browser_page, live_server, demo_site):
    check_accessibility(browser_page, live_server.url + "/darstellung/", name="display")


def test_not_found_page(browser_page, live_server, demo_site):
    check_accessibility(
        browser_page, live_server.url + "/gibt-es-nicht/", expect_status=404, name="404"
    )
