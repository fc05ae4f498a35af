"""Choosing a language (issue 14): on a phone, by keyboard alone, the same page in Turkish.

A Turkish-speaking neighbour opens a German page on a 360 × 740 phone, finds the globe, chooses
Türkçe and reads the same page in Turkish, with the switcher still there to go back.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail.models import Locale

from tests.browser.conftest import (
    axe_violations,
    check_accessibility,
    check_layout,
    format_violations,
    save_screenshot,
)
from tests.browser.keyboard import tab_to

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


def _translate(page, code: str, title: str):
    locale = Locale.objects.get(language_code=code)
    translated = page.specific.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    translated.title = title
    translated.save_revision().publish()
    return translated


@pytest.fixture
def translated_site(demo_site):
    seniors = demo_site.home.get_children().get(slug="senioren")
    _translate(seniors, "tr", "Yaşlılar için")
    for code, _name in settings.LANGUAGES[1:]:
        if code != "tr":
            _translate(demo_site.home, code, "Lernhafen")
    return demo_site


def test_on_a_phone_a_keyboard_user_switches_this_page_to_turkish(
    browser_page, live_server, translated_site
):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/senioren/")
    german_title = page.get_by_role("heading", level=1).inner_text()
    turkish = page.get_by_role("link", name="Türkçe")
    # Folded like the menu: the languages wait behind "Sprache", the page starts on screen one.
    assert not turkish.is_visible()
    assert (
        page.evaluate("document.querySelector('.site-header').getBoundingClientRect().bottom")
        <= PHONE["height"] / 4
    )
    tab_to(page, "Sprache", limit=15)
    page.keyboard.press("Enter")
    assert turkish.is_visible()
    nav = page.get_by_role("navigation", name="Sprache")
    assert nav.get_by_text("Deutsch", exact=True).get_attribute("aria-current") == "true"
    check_layout(page, "open language switcher at 360 px")
    save_screenshot(page, "language-switcher-open-360")
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    tab_to(page, "Türkçe", limit=15)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tr/senioren/")
    # The same page, in Turkish: its Turkish title, the page's language, the interface in Turkish.
    assert page.get_by_role("heading", level=1).inner_text() == "Yaşlılar için"
    assert german_title != "Yaşlılar için"
    assert page.evaluate("document.documentElement.lang") == "tr"
    # The switcher is still there, now labelled in Turkish, and reachable by keyboard; German
    # leads back to the same page.
    tab_to(page, "Dil", limit=15)
    page.keyboard.press("Enter")
    back = page.get_by_role("link", name="Deutsch")
    assert back.is_visible() and back.get_attribute("href") == "/senioren/"
    save_screenshot(page, "language-switcher-turkish-360")


def test_on_a_wide_screen_the_languages_are_in_view(browser_page, live_server, translated_site):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/senioren/")
    languages = page.get_by_role("navigation", name="Sprache")
    for name in ("Leichte Sprache", "English", "Türkçe", "العربية", "Українська"):
        assert languages.get_by_role("link", name=name).is_visible(), name
    assert not page.get_by_text("Sprache", exact=True).is_visible()
    save_screenshot(page, "language-switcher-1280")


def test_a_translated_page_is_accessible(browser_page, live_server, translated_site):
    check_accessibility(browser_page, live_server.url + "/tr/senioren/", name="translated-page")


def test_the_arabic_home_page_with_the_switcher_is_accessible(
    browser_page, live_server, translated_site
):
    # Right to left: the switcher sits at the strip's inline end, the current language marked.
    check_accessibility(browser_page, live_server.url + "/ar/", name="arabic-home")
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.goto(live_server.url + "/ar/")
    assert browser_page.evaluate("document.documentElement.dir") == "rtl"
    current = browser_page.locator(".language-switcher [aria-current]")
    save_screenshot(browser_page, "language-switcher-arabic-1280")
    assert current.inner_text() == "العربية"
