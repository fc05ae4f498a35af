"""The header on a phone (issue 13): the page starts on the first screen, the menu is one tap away.

A 75-year-old on a 360 × 740 phone saw a header that filled 63 % of the first screen on every page
and two search boxes on the home page.
"""

import pytest

from tests.browser.conftest import axe_violations, check_layout, format_violations

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def _menu_link(page, name: str):
    return page.get_by_role("navigation", name="Hauptmenü").get_by_role("link", name=name)


def _header_bottom(page) -> float:
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().bottom")


def test_on_a_phone_the_header_takes_at_most_a_quarter_of_the_screen(
    browser_page, live_server, demo_site
):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_server.url + "/senioren/")
    assert _header_bottom(browser_page) <= PHONE["height"] / 4
    heading = browser_page.get_by_role("heading", level=1)
    assert heading.is_visible() and heading.bounding_box()["y"] < PHONE["height"] / 2
    # The menu is folded away, not gone: one tap shows it.
    assert not _menu_link(browser_page, "Für Senior*innen").is_visible()
    browser_page.get_by_text("Menü", exact=True).click()
    assert _menu_link(browser_page, "Für Senior*innen").is_visible()
    assert browser_page.get_by_role("search").get_by_role("searchbox").is_visible()


def test_the_home_page_offers_one_search_box(browser_page, live_server, demo_site):
    for viewport in (PHONE, {"width": 1280, "height": 800}):
        browser_page.set_viewport_size(viewport)
        browser_page.goto(live_server.url + "/")
        assert browser_page.locator("input[type=search]").count() == 1
        assert browser_page.get_by_role("searchbox").is_visible()


def test_on_a_wide_screen_menu_and_search_are_in_view_without_a_toggle(
    browser_page, live_server, demo_site
):
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.goto(live_server.url + "/senioren/")
    assert _menu_link(browser_page, "Für Senior*innen").is_visible()
    assert browser_page.get_by_role("searchbox").is_visible()
    assert not browser_page.get_by_text("Menü", exact=True).is_visible()


def test_the_menu_opens_by_keyboard_and_fits_at_320_px(browser_page, live_server, demo_site):
    # The toggle is a native <details>: it needs no JavaScript, so keyboard and touch just work.
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 740})
    page.goto(live_server.url + "/senioren/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Menü":
            break
    else:
        raise AssertionError("the menu toggle is not reachable by keyboard")
    page.keyboard.press("Enter")
    assert _menu_link(page, "Digitallotse werden").is_visible()
    check_layout(page, "open menu at 320 px")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
