"""A tutorial as a person uses it: by keyboard alone, device remembered, printed on paper."""

import re

import pytest

from cms.display import TextSize
from tests.browser.keyboard import tab_to

pytestmark = pytest.mark.django_db(transaction=True)

WLAN = "/anleitungen/stadt-wlan-verbinden/"


@pytest.fixture
def courses_demo(demo_site):
    from wagtail.models import Collection

    from courses.demo_content import seed_courses_and_tutorials

    # Transactional tests flush the root collection the migrations made; images need it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    seed_courses_and_tutorials(demo_site)
    return demo_site


def test_keyboard_only_walk_through_a_tutorial_and_the_device_is_remembered(
    browser_page, live_server, courses_demo
):
    page = browser_page
    page.goto(live_server.url + WLAN)
    tab_to(page, "iPhone")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"geraet=iphone"))
    assert "Schritt 1 von 7" in page.inner_text("main")
    for number in range(2, 8):
        tab_to(page, "Nächster Schritt")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"schritt={number}"))
        assert f"Schritt {number} von 7" in page.inner_text("main")
    assert "Nächster Schritt" not in page.inner_text("main")
    assert "das war der letzte Schritt" in page.inner_text("main")

    # Next visit without a choice in the address: the browser remembers iPhone.
    page.goto(live_server.url + WLAN)
    page.wait_for_url(re.compile(r"geraet=iphone"))
    assert "für iPhone" in page.inner_text("h1")


def test_read_aloud_button_appears_only_where_the_browser_can_speak(
    browser_page, live_server, courses_demo
):
    page = browser_page
    page.goto(live_server.url + WLAN + "?geraet=android&schritt=2")
    supported = page.evaluate("'speechSynthesis' in window")
    assert page.get_by_role("button", name="Schritt 2 vorlesen").is_visible() == supported

    page.add_init_script("delete window.speechSynthesis;")
    page.goto(live_server.url + WLAN + "?geraet=android&schritt=2")
    assert page.locator("[data-read-aloud]").is_hidden()


def test_tutorial_works_without_javascript(chromium, live_server, courses_demo):
    context = chromium.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(live_server.url + WLAN)
    page.get_by_role("link", name="Android").click()
    page.get_by_role("link", name="Nächster Schritt").click()
    assert "Schritt 2 von 7" in page.inner_text("main")
    page.get_by_role("link", name="Alle Schritte auf einer Seite").click()
    assert page.locator(".tutorial-step").count() == 7
    context.close()


def test_print_handout_shows_every_screenshot_without_navigation_and_renders_to_pdf(
    browser_page, live_server, courses_demo
):
    page = browser_page
    page.goto(live_server.url + WLAN + "?geraet=android&ansicht=drucken")
    page.emulate_media(media="print")
    images = page.locator(".tutorial-step__screenshot img")
    assert images.count() == 7
    for index in range(images.count()):
        assert images.nth(index).is_visible()
        assert page.evaluate(
            "(img) => img.complete && img.naturalWidth > 0", images.nth(index).element_handle()
        )
    for selector in [".main-menu", ".tutorial-devices", ".tutorial-views", ".site-header__tools"]:
        assert page.locator(selector).first.is_hidden(), selector
    font_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.tutorial-step__instruction'))"
        ".fontSize)"
    )
    assert font_size >= 24  # 18pt

    pdf = page.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 3, f"a handout of 7 steps with screenshots has {pages} page(s)"
    assert len(pdf) > 100_000  # the screenshots are embedded


def test_switching_device_shows_only_that_variants_steps(browser_page, live_server, demo_site):
    """One step marked „Nur iPhone“ stays out of the Android variant; common steps stay in."""
    from tests.factories.courses import (
        TutorialIndexPageFactory,
        TutorialPageFactory,
        TutorialStepFactory,
    )

    index = TutorialIndexPageFactory(parent=demo_site.home)
    tutorial = TutorialPageFactory(parent=index, title="Mit dem Handy bezahlen", slug="bezahlen")
    for instruction, device in [
        ("Öffnen Sie die Banking-App.", ""),
        ("Halten Sie das iPhone an das Terminal (Apple Pay).", "iphone"),
        ("Warten Sie auf den Signalton.", ""),
    ]:
        TutorialStepFactory(page=tutorial, instruction=instruction, device=device)

    page = browser_page
    page.goto(f"{live_server.url}/anleitungen/bezahlen/?geraet=iphone&ansicht=alle")
    assert "Apple Pay" in page.inner_text("main")
    choices = page.get_by_role("navigation", name="Welches Gerät benutzen Sie?")
    assert choices.get_by_role("link").all_inner_texts() == ["Android", "iPhone", "Computer"]
    choices.get_by_role("link", name="Android").click()
    page.wait_for_url(re.compile(r"geraet=android"))
    main = page.inner_text("main")
    assert "Apple Pay" not in main and "für Android" in page.inner_text("h1")
    assert "Öffnen Sie die Banking-App." in main and "Warten Sie auf den Signalton." in main


# --- A senior on a phone (issue 13): the step is on screen, the device switch keeps the step,
# --- the last step says what comes next, and the handout is short.

PHONE = {"width": 360, "height": 740}
TERMIN = "/anleitungen/termin-buergerbuero-online-buchen/"  # 8 steps, one version for all


def _largest_text_size() -> str:
    return TextSize.values[-1]


def _choose_text_size(page, base_url: str, size: str) -> None:
    """The visitor's display settings, as the settings form stores them (theme.size.motion)."""
    from django.conf import settings

    page.context.add_cookies(
        [{"name": settings.LERNHAFEN_DISPLAY_COOKIE, "value": f"auto.{size}.auto", "url": base_url}]
    )


def _assert_on_screen(page, locator, what: str) -> None:
    locator.wait_for()
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None, f"{what} is not shown"
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, (
        f"{what} is at {box['y']:.0f}–{box['y'] + box['height']:.0f} px; the screen ends at "
        f"{height}"
    )


def _assert_step_on_screen(page, number: int, total: int) -> None:
    page.wait_for_url(re.compile(rf"schritt={number}"))
    page.wait_for_load_state("load")
    _assert_on_screen(
        page, page.get_by_role("heading", name=f"Schritt {number} von {total}"), "the heading"
    )
    instruction = page.locator(".tutorial-step--current .tutorial-step__instruction")
    _assert_on_screen(page, instruction, "the instruction")


@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_on_a_phone_the_next_and_previous_step_appear_on_screen_without_scrolling(
    browser_page, live_server, courses_demo, text_size
):
    page = browser_page
    page.set_viewport_size(PHONE)
    size = _largest_text_size() if text_size == "largest" else "normal"
    _choose_text_size(page, live_server.url, size)
    page.goto(live_server.url + TERMIN)
    for number in (2, 3):
        page.get_by_role("link", name="Nächster Schritt").click()
        _assert_step_on_screen(page, number, 8)
    page.get_by_role("link", name="Vorheriger Schritt").click()
    _assert_step_on_screen(page, 2, 8)


def test_switching_the_device_on_step_3_stays_on_step_3(browser_page, live_server, courses_demo):
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + WLAN + "?geraet=android&schritt=3")
    page.get_by_role("navigation", name="Welches Gerät benutzen Sie?").get_by_role(
        "link", name="iPhone"
    ).click()
    page.wait_for_url(re.compile(r"geraet=iphone"))
    assert "für iPhone" in page.inner_text("h1")
    _assert_step_on_screen(page, 3, 7)


def test_the_last_step_offers_the_service_another_tutorial_and_help_nearby(
    browser_page, live_server, courses_demo
):
    from tests.factories.events import EventIndexPageFactory

    EventIndexPageFactory(parent=courses_demo.home, title="Kalender", slug="kalender")
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + TERMIN + "?schritt=7")
    page.get_by_role("link", name="Nächster Schritt").click()
    _assert_step_on_screen(page, 8, 8)
    assert "das war der letzte Schritt" in page.inner_text("main")
    next_steps = page.get_by_role("region", name="Wie geht es weiter?")
    service = next_steps.get_by_role("link", name=re.compile("Jetzt selbst ausprobieren"))
    assert service.get_attribute("href") == "https://www.datteln.de/"  # the real service
    help_nearby = next_steps.get_by_role("link", name="Hilfe in Ihrem Stadtteil")
    help_nearby.click()
    _assert_on_screen(
        page,
        page.get_by_role("heading", name="Lieber mit Hilfe? Termine in Ihrem Stadtteil"),
        "the help section",
    )
    next_steps.get_by_role("link", name=re.compile("Nächste Anleitung")).click()
    page.wait_for_url(re.compile(r"/anleitungen/(?!termin-buergerbuero)[a-z-]+/"))
    assert "Schritt 1 von" in page.inner_text("main")


def test_print_handout_of_eight_steps_fits_on_four_a4_pages_without_site_chrome(
    browser_page, live_server, courses_demo
):
    page = browser_page
    page.goto(live_server.url + TERMIN + "?ansicht=drucken")
    page.emulate_media(media="print")
    assert page.locator(".tutorial-step__screenshot img").count() == 8
    for selector in [".site-header", ".site-footer", ".competences", ".related-workshops"]:
        assert page.locator(selector).first.is_hidden(), selector
    assert "DigComp" not in page.inner_text("body")
    # A link to the real service prints its address after the link text.
    printed = page.evaluate(
        "() => [...document.querySelectorAll('.tutorial a[href^=\"http\"]')]"
        ".map((a) => getComputedStyle(a, '::after').content)"
    )
    assert printed and all("https://" in content for content in printed), printed

    pdf = page.pdf(format="A4", print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 2 <= pages <= 4, f"the handout of 8 steps has {pages} A4 pages"
    assert len(pdf) > 100_000  # the screenshots are embedded
