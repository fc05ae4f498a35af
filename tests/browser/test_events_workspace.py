"""The workspace in the browser: the printable attendance list (axe, large type, no CSP issue,
unbroken headings) and the journeys of a Lotse and of Koordination (issue 13, items 10 and 11).

It is an admin page, so the visitor's theme cookie does not apply: a dedicated check instead of
check_accessibility. The Lotse logs in through the admin login form, as a person would.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from events import services as calendar
from events.models import Registration, Session
from tests.browser.conftest import axe_violations, check_layout, format_violations
from tests.factories.events import SessionFactory
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


# --- Journeys of issue 13, item 10 and 11 ----------------------------------------------------


def _label(text: str) -> re.Pattern:
    """A field's label as the admin shows it: required fields add "*" (regexes see raw text)."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


def _field(page, label: str):
    """The wrapper of a Wagtail admin form field: its label, control and messages."""
    return page.locator("[data-field-wrapper]", has=page.get_by_label(_label(label)))


def _plan_session(page, base_url, world, day) -> None:
    page.goto(base_url + reverse("events_workspace:session_create"))
    page.get_by_label(_label("Workshop")).select_option(label=world.workshop.title)
    page.get_by_label(_label("Datum")).fill(day.isoformat())
    page.get_by_label(_label("Beginn (Uhrzeit)")).fill("14:00")
    page.get_by_label(_label("Ende (Uhrzeit)")).fill("15:30")
    page.get_by_label(_label("Ort")).select_option(label=str(world.venue_hagem))
    page.get_by_label(_label("Raum")).select_option(label="Seminarraum")
    page.get_by_role("button", name="Termin anlegen").click()


def test_a_lotse_picks_a_room_and_a_second_booking_of_it_is_refused_at_the_field(
    browser_page, live_server, home
):
    world = make_world(home)
    page, base = browser_page, live_server.url
    _log_in(page, base, "lotse-hagem")
    day = timezone.localdate() + timedelta(days=21)
    _plan_session(page, base, world, day)
    expect(page.get_by_text("Der Termin ist gespeichert")).to_be_visible()
    expect(page.get_by_text("Bürgerhaus Hagem, Seminarraum")).to_be_visible()

    before = Session.objects.count()
    _plan_session(page, base, world, day)
    start = _field(page, "Beginn (Uhrzeit)")
    assert "findet zur selben Zeit schon" in start.inner_text()
    assert "Seminarraum" in start.inner_text()
    # What was chosen stays chosen, and nothing was saved.
    assert (
        page.get_by_label(_label("Raum")).evaluate("el => el.selectedOptions[0].textContent")
        == "Seminarraum"
    )
    assert Session.objects.count() == before


def test_a_series_preview_lists_its_dates_before_anything_is_saved(browser_page, live_server, home):
    world = make_world(home)
    page, base = browser_page, live_server.url
    _log_in(page, base, "lotse-hagem")
    page.goto(base + reverse("events_workspace:series_create"))
    first = timezone.localdate() + timedelta(days=28)
    page.get_by_label(_label("Workshop")).select_option(label=world.workshop.title)
    page.get_by_label(_label("Erster Termin")).fill(first.isoformat())
    page.get_by_label(_label("Beginn (Uhrzeit)")).fill("09:00")
    page.get_by_label(_label("Ende (Uhrzeit)")).fill("10:30")
    page.get_by_label(_label("Anzahl der Termine")).fill("3")
    page.get_by_label(_label("Ort")).select_option(label=str(world.venue_hagem))
    page.get_by_label(_label("Raum")).select_option(label="Küche")
    before = Session.objects.count()
    page.get_by_role("button", name="Vorschau der Termine").click()

    expect(page.get_by_role("heading", name="Vorschau: 3 Termine")).to_be_visible()
    dates = page.locator(".workspace-preview__dates > li").all_inner_texts()
    assert [text.split(",")[1].strip() for text in dates] == [
        f"{first + timedelta(days=7 * n):%d.%m.%Y}" for n in range(3)
    ]
    expect(page.get_by_text("Noch ist nichts gespeichert")).to_be_visible()
    assert Session.objects.count() == before

    page.get_by_role("button", name="Terminreihe anlegen").click()
    expect(page.get_by_text("3 Termine sind gespeichert")).to_be_visible()
    assert Session.objects.count() == before + 3


def test_a_past_session_offers_only_attendance_and_is_listed_until_it_is_recorded(
    browser_page, live_server, home
):
    world = make_world(home)
    calendar.register(world.session_hagem, name="Erika Brandt", phone="02363 555 100")
    start = timezone.now() - timedelta(hours=3)
    Session.objects.filter(pk=world.session_hagem.pk).update(
        start=start, end=start + timedelta(hours=1)
    )
    page, base = browser_page, live_server.url
    _log_in(page, base, "lotse-hagem")
    page.goto(base + reverse("events_workspace:sessions"))
    page.get_by_role("link", name="Anwesenheit noch offen").first.click()
    expect(page.get_by_role("heading", name="Anwesenheit noch offen")).to_be_visible()
    expect(page.get_by_role("cell", name="1 von 1 Anmeldungen")).to_be_visible()
    page.get_by_role("link", name="Anwesenheit erfassen").click()

    expect(page.get_by_role("link", name="Anwesenheit erfassen")).to_be_visible()
    for name in ("Auf die Warteliste", "Abmelden", "Festen Platz geben"):
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    expect(page.get_by_role("link", name="Absagen")).to_have_count(0)

    page.get_by_role("link", name="Anwesenheit erfassen").click()
    page.get_by_role("group", name="1. Erika Brandt").get_by_label("teilgenommen").check()
    page.get_by_role("button", name="Anwesenheit speichern").click()
    expect(page.get_by_text("Anwesenheit gespeichert (1 Änderungen).")).to_be_visible()
    page.goto(base + reverse("events_workspace:attendance_open"))
    expect(
        page.get_by_text("Für alle vergangenen Termine ist die Anwesenheit eingetragen")
    ).to_be_visible()


def test_koordination_opens_the_city_reports_from_the_reports_menu_without_sideways_scroll(
    browser_page, live_server, home
):
    world = make_world(home)
    for weeks in (3, 9, 20):
        start = timezone.now() - timedelta(weeks=weeks)
        held = SessionFactory(
            workshop=world.workshop,
            venue=world.venue_hagem,
            start=start,
            end=start + timedelta(minutes=90),
            capacity=30,
        )
        Registration.objects.create(
            session=held, status=Registration.CONFIRMED, seats=25, name="Klasse 7b"
        )
    page, base = browser_page, live_server.url
    _log_in(page, base, "koordination")
    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Berichte für die Stadt").click()
    expect(page.get_by_role("heading", name="Berichte für die Stadt")).to_be_visible()
    for tab in ("Nach Stadtteil", "Nach Monat", "Nach Zielgruppe", "Nach Workshop"):
        page.get_by_role("link", name=tab, exact=True).click()
        expect(page.get_by_role("heading", name=tab, level=2)).to_be_visible()
        expect(page.get_by_role("columnheader", name="Anmeldungen (Buchungen)")).to_be_visible()
        expect(page.get_by_role("columnheader", name="Plätze belegt (Personen)")).to_be_visible()
        widths = page.evaluate(
            """() => ({page: document.documentElement.scrollWidth,
                       view: document.documentElement.clientWidth,
                       table: document.querySelector('[data-report]').scrollWidth,
                       box: document.querySelector('[data-report]').parentElement.clientWidth})"""
        )
        assert widths["page"] <= widths["view"], f"{tab}: the page scrolls sideways: {widths}"
        assert widths["table"] <= widths["box"], f"{tab}: the table is too wide: {widths}"
    # Months without sessions are shown, as zero.
    page.get_by_role("link", name="Nach Monat", exact=True).click()
    chart = page.get_by_role("img", name="Belegte Plätze (Personen) nach Monat")
    expect(chart).to_be_visible()
    expect(chart.get_by_text(re.compile(r"^\w+ \d{4}: 0 Personen$")).first).to_be_visible()


def test_the_attendance_print_keeps_every_column_heading_on_one_line(
    browser_page, live_server, home
):
    world = make_world(home)
    # A long note widens the name column: before the fix headings then broke ("Nr/.", "Plätz/e").
    calendar.register(
        world.session_hagem,
        name="Erika Brandt-Kowalski",
        phone="02363 555 100",
        accessibility_needs="Rollstuhl, bitte Platz am Gang und eine Lupe für die Unterlagen; "
        "die Begleitperson kommt mit und braucht auch einen Stuhl",
    )
    _log_in(browser_page, live_server.url, "lotse-hagem")
    browser_page.goto(
        live_server.url + reverse("events_workspace:print", args=[world.session_hagem.pk])
    )
    browser_page.emulate_media(media="print")
    # About the width of A4 in landscape and portrait, less the margins.
    for width in (1000, 700):
        browser_page.set_viewport_size({"width": width, "height": 900})
        lines = browser_page.evaluate(
            """() => [...document.querySelectorAll('thead th')].map((th) => {
                const range = document.createRange();
                range.selectNodeContents(th);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                return [th.textContent.trim(), tops.size];
            })"""
        )
        assert lines and all(count == 1 for _, count in lines), f"{width}px: {lines}"
