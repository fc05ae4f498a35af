"""Calendar, workshop, session, registration, confirmation and cancellation pages: axe 0
violations at 1280/320 px, light and dark; registration by keyboard alone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Locale

from events import services
from events.models import Registration
from tests.browser.conftest import check_accessibility
from tests.browser.keyboard import focused_label, tab_until
from tests.factories.events import (
    EventIndexPageFactory,
    SessionFactory,
    VenueFactory,
    WorkshopPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def calendar(demo_site):
    calendar = EventIndexPageFactory(parent=demo_site.home, show_in_menus=True)
    workshop = WorkshopPageFactory(
        parent=calendar,
        slug="buergerkonto",
        title="Das Bürgerkonto einrichten",
        description="<p>Wir legen gemeinsam Ihr Bürgerkonto an.</p>",
    )
    venue = VenueFactory(name="Stadtbibliothek Datteln")
    start = timezone.now() + timedelta(days=3)
    open_session = SessionFactory(workshop=workshop, venue=venue, start=start, capacity=4)
    full = SessionFactory(
        workshop=workshop, venue=venue, start=start + timedelta(days=1), capacity=1
    )
    services.register(full, name="Heinz", phone="02363 1")
    services.register(full, name="Gisela", phone="02363 2")
    cancelled = SessionFactory(workshop=workshop, venue=venue, start=start + timedelta(days=2))
    services.cancel_session(cancelled)
    return {"page": calendar, "workshop": workshop, "open": open_session, "full": full}


def test_calendar_list(browser_page, live_server, calendar):
    check_accessibility(browser_page, live_server.url + "/kalender/", name="kalender-liste")


def test_calendar_month(browser_page, live_server, calendar):
    check_accessibility(browser_page, live_server.url + "/kalender/?ansicht=monat", name="monat")


def test_calendar_with_filters_applied(browser_page, live_server, calendar):
    district = calendar["open"].venue.district.slug
    check_accessibility(
        browser_page, live_server.url + f"/kalender/?stadtteil={district}&frei=on", name="filter"
    )


def test_calendar_with_filter_errors(browser_page, live_server, calendar):
    check_accessibility(
        browser_page,
        live_server.url + "/kalender/?von=morgen",
        name="filter-fehler",
        expect_status=400,
    )


def test_workshop_page(browser_page, live_server, calendar):
    check_accessibility(browser_page, live_server.url + calendar["workshop"].url, name="workshop")


def test_session_page_with_form(browser_page, live_server, calendar):
    check_accessibility(browser_page, live_server.url + calendar["open"].get_url(), name="termin")


def test_full_session_page(browser_page, live_server, calendar):
    check_accessibility(browser_page, live_server.url + calendar["full"].get_url(), name="voll")


def test_registration_form_with_errors(browser_page, live_server, calendar):
    def submit_empty(page):
        page.click("button[type=submit] >> text=Verbindlich anmelden")
        page.wait_for_selector("[data-error-summary]")

    check_accessibility(
        browser_page,
        live_server.url + calendar["open"].get_url(),
        prepare=submit_empty,
        name="anmeldung-fehler",
    )


def test_confirmation_and_cancellation_pages(browser_page, live_server, calendar):
    confirmed = services.register(calendar["open"], name="Erika", phone="02363 3")
    waiting = Registration.objects.filter(status="waitlisted").first()
    check_accessibility(
        browser_page, live_server.url + services.confirmation_url(confirmed), name="bestaetigt"
    )
    check_accessibility(
        browser_page, live_server.url + services.confirmation_url(waiting), name="warteliste"
    )
    check_accessibility(
        browser_page, live_server.url + services.cancel_url(confirmed), name="stornieren"
    )

    other = services.register(calendar["open"], name="Dieter", phone="02363 4")

    def cancel(page):
        # Each variant cancels anew: book the seat again first.
        Registration.objects.filter(pk=other.pk).update(status="confirmed", cancelled_at=None)
        page.reload()
        page.click("text=Ja, Anmeldung stornieren")
        page.wait_for_selector("text=Sie sind abgemeldet")

    check_accessibility(
        browser_page,
        live_server.url + services.cancel_url(other),
        prepare=cancel,
        name="storniert",
    )


def test_registration_by_keyboard_alone(browser_page, live_server, calendar):
    page = browser_page
    page.goto(live_server.url + "/kalender/")
    title = calendar["workshop"].title
    tab_until(page, lambda focused: focused == title)
    page.keyboard.press("Enter")
    page.wait_for_selector("#anmeldung-titel")

    tab_until(page, lambda focused: focused == "id_name")
    page.keyboard.type("Erika Brandt")
    tab_until(page, lambda focused: focused == "id_email")
    page.keyboard.type("erika@example.org")
    tab_until(page, lambda focused: focused == "Verbindlich anmelden")
    page.keyboard.press("Enter")
    # Consent missing: the error summary takes focus and links to the checkbox.
    page.wait_for_selector("[data-error-summary]")
    tab_until(page, lambda focused: focused.startswith("Ich bin einverstanden"))
    page.keyboard.press("Enter")
    assert focused_label(page) == "id_privacy_consent"
    page.keyboard.press("Space")
    tab_until(page, lambda focused: focused == "Verbindlich anmelden")
    page.keyboard.press("Enter")

    page.wait_for_selector("text=Sie sind angemeldet")
    registration = Registration.objects.get(name="Erika Brandt")
    assert registration.status == "confirmed" and registration.email == "erika@example.org"


def test_booking_on_a_phone_by_keyboard_ends_at_a_focused_confirmation(
    browser_page, live_server, calendar, mailoutbox
):
    """A senior books on a 360 px phone with the keyboard: the confirmation heading takes the
    focus, shows the reference number and how to cancel by phone; the mail repeats them. The
    seat nobody waits for is not promised to a waitlist on cancelling."""
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + calendar["open"].get_url())

    tab_until(page, lambda focused: focused == "id_name")
    page.keyboard.type("Erika Brandt")
    tab_until(page, lambda focused: focused == "id_email")
    page.keyboard.type("erika@example.org")
    tab_until(page, lambda focused: focused == "id_phone")
    # The phone field brings up the number pad.
    assert page.evaluate("document.activeElement.type") == "tel"
    page.keyboard.type("02363 4711")
    tab_until(page, lambda focused: focused == "id_privacy_consent")
    page.keyboard.press("Space")
    tab_until(page, lambda focused: focused == "Verbindlich anmelden")
    page.keyboard.press("Enter")

    heading = page.get_by_role("heading", level=1, name="Sie sind angemeldet")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    registration = Registration.objects.get(name="Erika Brandt")
    reference = registration.reference
    expect(page.locator(".confirmation__facts")).to_contain_text(reference)
    phone_line = page.get_by_text("Sie können auch telefonisch absagen")
    expect(phone_line).to_contain_text(reference)
    expect(phone_line.get_by_role("link")).to_have_attribute("href", re.compile(r"^tel:\d+$"))
    expect(page.get_by_role("button", name="Bestätigung drucken")).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("Warteliste")
    expect(page.get_by_role("main")).not_to_contain_text(".ics")

    (message,) = mailoutbox
    assert f"Ihre Buchungsnummer: {reference}" in message.body
    assert "Sie können auch telefonisch absagen" in message.body

    tab_until(page, lambda focused: focused == "Anmeldung stornieren")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Anmeldung stornieren")).to_be_visible()
    tab_until(page, lambda focused: focused == "Ja, Anmeldung stornieren")
    page.keyboard.press("Enter")
    done = page.get_by_role("heading", level=1, name="Sie sind abgemeldet")
    expect(done).to_be_focused()
    expect(page.get_by_role("main")).to_contain_text("Ihr Platz ist wieder frei für andere.")
    expect(page.get_by_role("main")).not_to_contain_text("Warteliste")


def test_booking_in_arabic_on_a_phone_by_keyboard(browser_page, live_server, calendar, mailoutbox):
    """The same booking from the Arabic calendar: the page reads right to left, the form and the
    confirmation are in Arabic, the booking keeps its language for the mail."""
    arabic = Locale.objects.get(language_code="ar")
    translated = calendar["workshop"].copy_for_translation(arabic, copy_parents=True)
    translated.title = "إعداد حساب المواطن (Bürgerkonto)"
    translated.save_revision().publish()
    translated.refresh_from_db()

    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + translated.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    tab_until(page, lambda focused: "termin" in page.evaluate("document.activeElement.href || ''"))
    page.keyboard.press("Enter")
    page.wait_for_selector("#anmeldung-titel")
    assert page.url.startswith(live_server.url + "/ar/")

    tab_until(page, lambda focused: focused == "id_name")
    page.keyboard.type("فاطمة يلماز")
    tab_until(page, lambda focused: focused == "id_email")
    page.keyboard.type("fatima@example.org")
    tab_until(page, lambda focused: focused == "id_privacy_consent")
    page.keyboard.press("Space")
    tab_until(page, lambda focused: focused == "تأكيد التسجيل")
    page.keyboard.press("Enter")

    heading = page.get_by_role("heading", level=1, name="تم تسجيلكم")
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    registration = Registration.objects.get(email="fatima@example.org")
    assert registration.language == "ar"
    expect(page.locator(".confirmation__facts")).to_contain_text(registration.reference)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert mailoutbox[-1].subject == "تسجيلكم: إعداد حساب المواطن (Bürgerkonto)"
