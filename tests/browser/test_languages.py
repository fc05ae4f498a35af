"""Every language of the site in the browser (issue 14): translated pages render, pass axe in
light and dark and fit a 320 px phone; Arabic reads right to left with mirrored arrows while
numbers, phone numbers and codes keep their left-to-right order.

One seeded site with translated copies (German content, the interface in the target language:
enough for layout) serves all languages; every language gets light at 320 px and dark at
1280 px, Arabic, the only right-to-left language, all four variants.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page

from tests.browser.conftest import (
    ARTIFACTS,
    READS_LEFT_TO_RIGHT,
    VARIANTS,
    check_accessibility,
    save_screenshot,
)
from tests.browser.keyboard import tab_to

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["en", "tr", "ar", "uk", "de-x-ls"]
WLAN = "/anleitungen/stadt-wlan-verbinden/"
PHONE = {"width": 360, "height": 740}

# True when the first occurrence of one string in an element's text is drawn right of the last
# occurrence of another.
DRAWN_RIGHT_OF = """(el, [right, left]) => {
    const node = el.firstChild;
    const box = (start, length) => {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + length);
        return range.getBoundingClientRect();
    };
    const text = node.data;
    return box(text.indexOf(right), right.length).left
        > box(text.lastIndexOf(left), left.length).right;
}"""


def _publish_translations(locale: Locale) -> None:
    for page in Page.objects.filter(locale=locale, live=False).order_by("depth"):
        page.specific.save_revision().publish()


@pytest.fixture
def multilingual_site(demo_site):
    """Home, a tutorial, a course, the calendar with a workshop and its session, translated."""
    return _translated_site(demo_site, LANGUAGES)


@pytest.fixture
def arabic_site(demo_site):
    """The same pages in Arabic only (cheaper for the right-to-left checks)."""
    return _translated_site(demo_site, ["ar"])


def _translated_site(demo_site, languages: list[str]) -> dict:
    from wagtail.models import Collection

    from courses.demo_content import seed_courses_and_tutorials
    from courses.models import CoursePage, TutorialPage
    from tests.factories.events import (
        EventIndexPageFactory,
        SessionFactory,
        VenueFactory,
        WorkshopPageFactory,
    )

    # Transactional tests flush the root collection the migrations made; images need it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    seed_courses_and_tutorials(demo_site)
    calendar = EventIndexPageFactory(parent=demo_site.home, show_in_menus=True)
    workshop = WorkshopPageFactory(
        parent=calendar,
        slug="buergerkonto",
        title="Das Bürgerkonto einrichten",
        description="<p>Wir legen gemeinsam Ihr Bürgerkonto an.</p>",
    )
    session = SessionFactory(
        workshop=workshop,
        venue=VenueFactory(name="Stadtbibliothek Datteln"),
        start=timezone.now() + timedelta(days=3),
        capacity=4,
    )
    tutorial = TutorialPage.objects.get(url_path__endswith=WLAN)
    course = CoursePage.objects.live().order_by("path").first()
    originals = [demo_site.home, tutorial, course, calendar, workshop]
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        for page in originals:
            if not page.has_translation(locale):
                page.copy_for_translation(locale, copy_parents=True)
        _publish_translations(locale)
    return {"tutorial": tutorial, "course": course, "calendar": calendar, "session": session}


def _paths(site: dict, code: str) -> dict[str, str]:
    locale = Locale.objects.get(language_code=code)
    session = site["session"]
    workshop = session.workshop.get_translation(locale)
    tutorial = site["tutorial"].get_translation(locale).url
    return {
        "home": f"/{code}/",
        "tutorial-step": tutorial + "?geraet=android&schritt=2",
        "course": site["course"].get_translation(locale).url,
        "calendar": site["calendar"].get_translation(locale).url,
        # A translated workshop page shows and books the German original's sessions.
        "session": workshop.url + workshop.reverse_subpage("session", args=[session.pk]),
        "search": f"/{code}/suche/?q=WLAN",
    }


def test_every_language_passes_axe_in_light_and_dark_and_fits_a_phone(
    browser_page, live_server, multilingual_site
):
    for code in LANGUAGES:
        variants = VARIANTS if code == "ar" else [(320, "light"), (1280, "dark")]
        for name, path in _paths(multilingual_site, code).items():
            check_accessibility(
                browser_page,
                live_server.url + path,
                name=f"{code}-{name}",
                variants=variants,
                expect_status=200,
            )
            html = browser_page.locator("html")
            expected_lang = "de" if code == "de-x-ls" else code
            assert html.get_attribute("lang") == expected_lang, f"{code} {name}"
            assert html.get_attribute("dir") == ("rtl" if code == "ar" else "ltr"), f"{code} {name}"


def _text_size(page, base_url: str, size: str) -> None:
    from django.conf import settings

    page.context.add_cookies(
        [
            {
                "name": settings.LERNHAFEN_DISPLAY_COOKIE,
                "value": f"light.{size}.auto",
                "url": base_url,
            }
        ]
    )


def test_arabic_pages_mirror_and_keep_numbers_left_to_right(browser_page, live_server, arabic_site):
    """Screenshots in var/test-artifacts/rtl-*.png: phone, desktop and 200 % text."""
    page = browser_page
    paths = _paths(arabic_site, "ar")
    for size_name, viewport, text_size in [
        ("phone", PHONE, "normal"),
        ("desktop", {"width": 1280, "height": 800}, "normal"),
        ("phone-200", PHONE, "xxx-large"),
    ]:
        page.set_viewport_size(viewport)
        _text_size(page, live_server.url, text_size)
        for name, path in paths.items():
            page.goto(live_server.url + path)
            save_screenshot(page, f"rtl-{name}-{size_name}")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{name} {size_name}: scrolls sideways ({width})"

    page.set_viewport_size({"width": 1280, "height": 800})
    _text_size(page, live_server.url, "normal")
    page.goto(live_server.url + paths["tutorial-step"])
    # The page starts at the right: the site name sits right of the search form.
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] + brand["width"] > 1280 / 2
    # "Next step" points left (towards the end of the line), "previous step" right.
    for icon in (".kern-icon--arrow-forward", ".kern-icon--arrow-back"):
        transform = page.locator(f"main {icon}").first.evaluate(
            "el => getComputedStyle(el).transform"
        )
        assert transform.startswith("matrix(-1"), f"{icon} is not mirrored: {transform}"
    # The progress bar fills from the right, where Arabic text starts.
    progress = page.locator("main progress").first
    assert progress.evaluate("el => getComputedStyle(el).direction") == "rtl"

    # Phone numbers and e-mail addresses keep their order inside Arabic text: the first digit
    # or letter is drawn left of the last.
    for link in page.locator("a[href^='tel:'], a[href^='mailto:']").all():
        assert link.evaluate(READS_LEFT_TO_RIGHT), f"{link.inner_text()!r} is drawn right to left"
    # The breadcrumbs' separators point along the reading direction (the browser mirrors "›").
    for crumb in page.locator(".breadcrumbs__list li:not(:last-child)").all():
        separator = crumb.evaluate(
            "el => [getComputedStyle(el, '::after').content,"
            " getComputedStyle(el, '::after').unicodeBidi, getComputedStyle(el).direction]"
        )
        assert separator == ['"›"', "isolate", "rtl"]


def test_an_arabic_speaker_follows_a_tutorial_on_a_phone_by_keyboard(
    browser_page, live_server, arabic_site
):
    page = browser_page
    page.set_viewport_size(PHONE)
    translation = arabic_site["tutorial"].get_translation(Locale.objects.get(language_code="ar"))
    page.goto(live_server.url + translation.url + "?geraet=android")
    assert page.locator("html").get_attribute("dir") == "rtl"
    heading = page.locator(".tutorial-step--current .tutorial-step__heading").inner_text()
    total = int(re.fullmatch(r"الخطوة 1 من (\d+)", heading.strip()).group(1))
    assert total > 2
    seen = [page.locator(".tutorial-step--current .tutorial-step__instruction").inner_text()]
    for number in range(2, total + 1):
        tab_to(page, "الخطوة التالية")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"schritt={number}"))
        # What the person sees: the new counter, its digits in their own order, and the new
        # instruction on the phone's screen, not below it.
        heading = page.locator(".tutorial-step--current .tutorial-step__heading")
        assert heading.inner_text().strip() == f"الخطوة {number} من {total}"
        instruction = page.locator(".tutorial-step--current .tutorial-step__instruction")
        box = instruction.bounding_box()
        assert box is not None and 0 <= box["y"] < PHONE["height"], f"step {number} off screen"
        assert instruction.inner_text() not in seen
        seen.append(instruction.inner_text())
        # Arabic reads the counter from the right: the step number stands right of the total.
        assert heading.evaluate(DRAWN_RIGHT_OF, [str(number), str(total)]), heading.inner_text()
        if number == 2:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "rtl-journey-step-2.png"))
    assert "الخطوة التالية" not in page.inner_text("main")
