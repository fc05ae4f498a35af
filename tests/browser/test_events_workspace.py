"""The printable attendance list: axe 0 violations at 1280 and 320 px, large type, no CSP issue.

It is an admin page, so the visitor's theme cookie does not apply: a dedicated check instead of
check_accessibility. The Lotse logs in through the admin login form, as a person would.
"""

import pytest
from django.urls import reverse

from events import services as calendar
from tests.browser.conftest import axe_violations, check_layout, format_violations
from tests.factories.events_workspace import make_world

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "ein-sicheres-passwort")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + reverse("wagtailadmin_home"))


def test_the_attendance_list_is_accessible_and_prints_large(browser_page, live_server, home):
    world = make_world(home)
    calendar.register(
        world.session_hagem,
        name="Erika Brandt",
        phone="02363 555 100",
        accessibility_needs="Rollstuhl, bitte Platz am Gang",
    )
    calendar.register(world.session_hagem, name="Heinz Kowalski", phone="02363 555 101")
    _log_in(browser_page, live_server.url, "lotse-hagem")
    url = live_server.url + reverse("events_workspace:print", args=[world.session_hagem.pk])
    for width in (1280, 320):
        browser_page.set_viewport_size({"width": width, "height": 900})
        response = browser_page.goto(url)
        assert response.status == 200
        violations = axe_violations(browser_page)
        assert not violations, f"{width}px:\n{format_violations(violations)}"
        check_layout(browser_page, f"{url} @ {width}px")
    # With JavaScript the hint becomes a print button; the table has the signature column.
    assert browser_page.get_by_role("button", name="Liste drucken").is_visible()
    assert browser_page.get_by_role("columnheader", name="Unterschrift").count() == 1
    browser_page.emulate_media(media="print")
    size = browser_page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('td')).fontSize)"
    )
    assert size >= 18


def test_another_district_s_list_is_not_found_in_the_browser(browser_page, live_server, home):
    world = make_world(home)
    _log_in(browser_page, live_server.url, "lotse-hagem")
    url = live_server.url + reverse("events_workspace:print", args=[world.session_ahsen.pk])
    assert browser_page.goto(url).status == 404
