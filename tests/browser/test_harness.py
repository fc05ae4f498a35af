"""The browser harness itself: it must catch what it claims to catch."""

import pytest

from tests.browser.conftest import (
    READS_LEFT_TO_RIGHT,
    RequestLog,
    axe_violations,
    save_screenshot,
    set_theme,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_axe_reports_an_image_without_alt_text(browser_page, live_server, home):
    browser_page.goto(live_server.url + "/")
    assert axe_violations(browser_page) == []
    browser_page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"/static/lernhafen/img/favicon.svg\">')"
    )
    assert "image-alt" in {violation["id"] for violation in axe_violations(browser_page)}


def test_request_log_flags_foreign_hosts():
    log = RequestLog()
    log.urls = [
        "http://localhost:8000/",
        "http://127.0.0.1:1234/static/x.css",
        "data:image/png;base64,AAAA",
        "https://fonts.example.net/font.woff2",
    ]
    assert log.foreign_requests() == ["https://fonts.example.net/font.woff2"]


def test_dark_theme_is_applied_from_the_display_cookie(browser_page, live_server, home):
    set_theme(browser_page, live_server.url, "dark")
    browser_page.goto(live_server.url + "/")
    assert browser_page.evaluate("document.documentElement.dataset.kernTheme") == "dark"
    background = browser_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)"
    save_screenshot(browser_page, "home-dark")


def test_left_to_right_check_catches_a_phone_number_reordered_in_arabic_text(browser_page):
    browser_page.set_content(
        '<p dir="rtl">الهاتف: <a id="plain" href="tel:023631070">02363 107 0</a><br>'
        'الهاتف: <a id="isolated" href="tel:023631070" style="unicode-bidi: plaintext">'
        "02363 107 0</a></p>"
    )
    assert not browser_page.locator("#plain").evaluate(READS_LEFT_TO_RIGHT)
    assert browser_page.locator("#isolated").evaluate(READS_LEFT_TO_RIGHT)
