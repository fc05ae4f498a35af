"""A tutorial as a person uses it: by keyboard alone, device remembered, printed on paper."""

import re

import pytest

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


def _focused_text(page) -> str:
    return page.evaluate("() => document.activeElement.textContent.trim()")


def _tab_to(page, text: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if _focused_text(page) == text:
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"focus on {text!r} is not visible"
            return
    raise AssertionError(f"never reached {text!r} by Tab; last: {_focused_text(page)!r}")


def test_keyboard_only_walk_through_a_tutorial_and_the_device_is_remembered(
    browser_page, live_server, courses_demo
):
    page = browser_page
    page.goto(live_server.url + WLAN)
    _tab_to(page, "iPhone")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"geraet=iphone"))
    assert "Schritt 1 von 7" in page.inner_text("main")
    for number in range(2, 8):
        _tab_to(page, "Nächster Schritt")
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
