"""Flows by keyboard alone, and no request to any host but our own."""

import pytest
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from tests.browser.keyboard import focused_label, tab_until

pytestmark = pytest.mark.django_db(transaction=True)


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(browser_page, live_server, home):
    browser_page.goto(live_server.url + "/")
    browser_page.keyboard.press("Tab")
    assert focused_label(browser_page) == "Zum Inhalt springen"
    outline = browser_page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("location.hash") == "#inhalt"


def test_feedback_form_by_keyboard_alone_with_error_and_correction(
    browser_page, live_server, demo_site
):
    page = browser_page
    page.goto(live_server.url + "/barrierefreiheit/")

    # Submit the empty form by keyboard: the error summary is announced and takes focus.
    tab_until(page, lambda focused: focused == "Barriere melden")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")

    # The summary links to the field; following it puts the cursor into the field.
    tab_until(page, lambda focused: focused.startswith("Beschreibung:"))
    page.keyboard.press("Enter")
    assert focused_label(page) == "id_beschreibung"
    page.keyboard.type("Die Schrift im Kalender ist zu klein.")
    tab_until(page, lambda focused: focused == "id_ihre_e_mail_adresse")
    page.keyboard.type("erika@example.org")
    tab_until(page, lambda focused: focused == "Barriere melden")
    page.keyboard.press("Enter")

    page.wait_for_selector("text=Vielen Dank! Ihre Nachricht ist angekommen.")
    submission = FormSubmission.objects.get()
    assert submission.get_data()["beschreibung"] == "Die Schrift im Kalender ist zu klein."


def test_every_demo_page_loads_only_from_our_own_host(
    browser_page, live_server, demo_site, request_log
):
    urls = [page.url for page in Page.objects.live().specific() if page.depth >= 2]
    urls += ["/suche/?q=Stadt", "/darstellung/", "/gibt-es-nicht/", "/admin/login/"]
    for url in urls:
        browser_page.goto(live_server.url + url)
        browser_page.wait_for_load_state("networkidle")
    assert len(request_log.urls) > len(urls)  # pages, styles, fonts, scripts were requested
    assert any(u.endswith(".woff2") for u in request_log.urls), "fonts come from our own server"
    # browser_context's teardown asserts that no request left our host.


def test_admin_editor_works_under_the_content_security_policy(
    browser_page, live_server, home, admin_user, request_log
):
    page = browser_page
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "redaktion")
    page.fill("#id_password", "ein-sicheres-passwort")
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + f"/admin/pages/add/cms/contentpage/{home.pk}/")
    page.fill("#id_title", "Neue Seite")
    page.wait_for_load_state("networkidle")
    # Wagtail's date choosers start from our external script instead of inline <script>.
    started = page.eval_on_selector_all(
        "[data-lernhafen-boot]", "markers => markers.map(m => m.dataset.started)"
    )
    assert started and set(started) == {"1"}
    # browser_context's teardown fails the test on any reported CSP violation.
