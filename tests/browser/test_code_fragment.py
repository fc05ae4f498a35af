"""Codes from QR codes and join links arrive in the fragment and are filled in by script."""

from __future__ import annotations

import pytest

from learning import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_qr_code_link_fills_in_the_code_and_drops_it_from_the_address(
    browser_page, live_server, home
):
    lernpass = services.create_lernpass()
    page = browser_page
    page.goto(f"{live_server.url}/lernen/lernpass/wiederherstellen/#code={lernpass.code}")
    field = page.get_by_label("Ihr Lernpass-Code")
    assert field.input_value() == lernpass.code
    assert "#" not in page.url and lernpass.code not in page.url
    page.get_by_role("button", name="Wiederherstellen").click()
    page.get_by_text("Willkommen zurück!").wait_for()


def test_the_class_join_link_fills_in_the_class_code(browser_page, live_server, home):
    page = browser_page
    page.goto(f"{live_server.url}/lernen/klasse-beitreten/#code=ABCD-2345")
    assert page.get_by_label("Code der Lerngruppe").input_value() == "ABCD-2345"
    assert "ABCD-2345" not in page.url
