"""The audience pages as entry points (issue 13, item 4), walked on the seeded site.

A senior on a phone (360×740) opens /senioren/ and reaches a tutorial, the workshops in the
district and the phone number; a teacher opens /schulen/ and reaches the teacher login, the class
join page for pupils and the class workshops. An editor builds such task links in the admin.
"""

from __future__ import annotations

import re

import pytest
from wagtail.models import Site

from cms.models import ContentPage, SiteSettings
from tests.browser.admin_ui import publish_and_confirm
from tests.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def follow(page, link_name: str, heading: str) -> None:
    """Tap the task link as a person would; the new page answers 200 and shows `heading`."""
    link = page.get_by_role("main").get_by_role("link", name=link_name, exact=True)
    link.scroll_into_view_if_needed()
    with page.expect_navigation() as navigation:
        link.tap()
    assert navigation.value.status == 200, (link_name, navigation.value.status)
    title = page.get_by_role("heading", level=1)
    assert re.search(heading, title.inner_text()), (link_name, title.inner_text())
    assert title.is_visible()


@pytest.fixture
def phone_page(chromium, live_server, request_log):
    context = chromium.new_context(
        locale="de-DE", viewport=PHONE, has_touch=True, is_mobile=True, timezone_id="Europe/Berlin"
    )
    context.on("request", lambda request: request_log.urls.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and request_log.csp_violations.append(message.text)
        ),
    )
    yield page
    context.close()
    assert not request_log.foreign_requests(), request_log.foreign_requests()
    assert not request_log.csp_violations, request_log.csp_violations


def test_a_senior_and_a_teacher_reach_their_tasks_from_the_audience_pages_on_a_phone(
    seeded_site, phone_page, browser_page, live_server
):
    page = phone_page
    seniors = live_server.url + "/senioren/"

    page.goto(seniors)
    assert page.get_by_role("heading", level=1).inner_text() == "Für Senior*innen"
    call = page.get_by_role("main").locator("a[href^='tel:']")
    assert call.count() == 1 and "02363 107 0" in call.inner_text()
    assert call.get_attribute("href") == "tel:023631070"
    assert "Rufen Sie uns an" not in page.get_by_role("main").inner_text()

    follow(page, "Eine Anleitung Schritt für Schritt", "^Anleitungen$")
    follow(page, "Mit dem Stadt-WLAN verbinden", "Mit dem Stadt-WLAN verbinden")
    page.goto(seniors)
    follow(page, "Hilfe in Ihrem Stadtteil", "^Workshops in Ihrem Stadtteil$")
    assert "Termine im Bürgerbüro online buchen" in page.get_by_role("main").inner_text()

    schools = live_server.url + "/schulen/"
    page.goto(schools)
    assert page.get_by_role("heading", level=1).inner_text() == "Für Schulen & Lehrkräfte"
    follow(page, "Anmeldung für Lehrkräfte", "^Anmeldung für Lehrkräfte$")
    page.goto(schools)
    follow(page, "Einer Lerngruppe beitreten", "^Einer Lerngruppe beitreten$")
    page.goto(schools)
    follow(page, "Workshop für eine Klasse buchen", "^Workshops in Ihrem Stadtteil$")
    assert "Klassen-Workshop: Die Stadt in der App" in page.get_by_role("main").inner_text()
    page.goto(schools)
    follow(page, "Kurse für Ihre Klasse finden", "^Kurse$")
    assert "Fake News und Betrug im Netz erkennen" in page.get_by_role("main").inner_text()
    page.goto(schools)
    follow(page, "Arbeitsblätter herunterladen", "Fake News und Betrug im Netz erkennen")
    assert page.get_by_role("link", name=re.compile("Arbeitsblatt 1")).first.is_visible()

    page.goto(live_server.url + "/digitallotsen/")
    follow(page, "Den Workshop-Kalender ansehen", "^Workshops in Ihrem Stadtteil$")

    # The same pages pass axe in light and dark, at 1280 and 320 px, without sideways scrolling
    # (one test: seeding the whole site once is what takes the time).
    for path in ["/senioren/", "/schulen/", "/digitallotsen/"]:
        check_accessibility(browser_page, live_server.url + path, expect_status=200)


def test_editor_adds_task_links_with_an_address_and_the_phone_number(editor, live_server, home):
    page = editor
    page.goto(live_server.url + f"/admin/pages/add/cms/contentpage/{home.pk}/")
    page.fill("#id_title", "Hilfe für Vereine")
    page.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name="Aufgaben mit Links").click()
    page.fill("#body-0-value-items-0-value-title", "Einen Workshop finden")
    page.fill("#body-0-value-items-0-value-url", "/kalender/")
    page.locator("[data-contentpath='items'] .c-sf-add-button").last.click()
    page.fill("#body-0-value-items-1-value-title", "Hilfe am Telefon")
    page.check("#body-0-value-items-1-value-phone")

    publish_and_confirm(page)
    content = ContentPage.objects.get(title="Hilfe für Vereine")
    (block,) = content.body
    assert block.block_type == "task_links"
    assert [item["title"] for item in block.value["items"]] == [
        "Einen Workshop finden",
        "Hilfe am Telefon",
    ]
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_phone = "02363 107 0"
    site_settings.save()
    page.goto(live_server.url + content.url)
    main = page.get_by_role("main")
    assert main.get_by_role("link", name="Einen Workshop finden").get_attribute("href") == (
        "/kalender/"
    )
    assert main.get_by_role("link", name="Hilfe am Telefon: 02363 107 0").is_visible()
