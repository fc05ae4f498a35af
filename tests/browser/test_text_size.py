"""Text size up to 200 % in the site's own display settings (issue 13, WCAG 1.4.4).

A person who needs large text chooses it once under "Darstellung"; at every size, on a 320 px
phone, no page scrolls sideways and no text or icon spills out of a button, a menu entry or a
form control. Radio buttons and checkboxes are the browser's own, clearly labelled controls.
"""

import pytest
from django.conf import settings

from cms.display import TextSize

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 320, "height": 740}

# Every control and everything inside it, measured after the page has laid out: text that runs
# out of its box (wider than the control, or outside its border) counts as spilled.
MEASURE = """() => {
    const root = document.documentElement;
    const visible = (el) => el.offsetParent !== null || getComputedStyle(el).position === "fixed";
    const spilled = [];
    const controls = document.querySelectorAll(
        "button, .kern-btn, summary, nav a, .kern-form-check, .kern-form-input, select, input"
    );
    for (const control of controls) {
        if (!visible(control) || control.closest(".honeypot")) continue;
        if (control.type === "hidden") continue;
        const box = control.getBoundingClientRect();
        const display = getComputedStyle(control).display;
        if (display !== "inline" && control.scrollWidth > control.clientWidth + 1) {
            spilled.push(control.outerHTML.slice(0, 100));
            continue;
        }
        for (const part of control.querySelectorAll("*")) {
            const inner = part.getBoundingClientRect();
            if (!inner.width || !inner.height) continue;
            if (inner.left < box.left - 1 || inner.right > box.right + 1
                || inner.top < box.top - 1 || inner.bottom > box.bottom + 1) {
                const where = control.outerHTML.slice(0, 60);
                spilled.push(`${part.outerHTML.slice(0, 100)} in ${where}`);
                break;
            }
        }
    }
    return {
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
        rootFontSize: parseFloat(getComputedStyle(root).fontSize),
        spilled: spilled.slice(0, 5),
    };
}"""


def _choose_text_size(page, base_url: str, size: str) -> None:
    page.context.add_cookies(
        [
            {
                "name": settings.LERNHAFEN_DISPLAY_COOKIE,
                "value": f"light.{size}.auto",
                "url": base_url,
            }
        ]
    )


def _open_menu(page) -> None:
    toggle = page.locator("summary.site-header__toggle")
    if toggle.is_visible():
        toggle.click()


def _tutorial_path() -> str:
    from courses.models import TutorialPage

    return TutorialPage.objects.live().order_by("path").first().url


def test_a_person_can_choose_text_twice_as_large_in_the_display_settings(
    browser_page, live_server, demo_site
):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_server.url + "/darstellung/")
    normal = browser_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    browser_page.get_by_label(str(TextSize.DOUBLE.label)).check()
    browser_page.get_by_role("button", name="Einstellungen speichern").click()
    browser_page.wait_for_url(live_server.url + "/")
    assert browser_page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == (
        2 * normal
    )
    browser_page.goto(live_server.url + "/darstellung/")
    assert browser_page.get_by_label(str(TextSize.DOUBLE.label)).is_checked()


def test_radio_buttons_are_native_controls_with_a_large_labelled_row(
    browser_page, live_server, demo_site
):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_server.url + "/darstellung/")
    radio = browser_page.get_by_label("Dunkel (hoher Kontrast)")
    metrics = radio.evaluate("""(input) => ({
        appearance: getComputedStyle(input).appearance,
        box: input.getBoundingClientRect().toJSON(),
        row: input.closest(".kern-form-check").getBoundingClientRect().toJSON(),
        label: input.labels[0].getBoundingClientRect().toJSON(),
    })""")
    assert metrics["appearance"] == "auto"
    assert metrics["box"]["width"] >= 24 and metrics["box"]["height"] >= 24
    assert metrics["row"]["height"] >= 44 and metrics["label"]["height"] >= 44
    # The label is part of the target: a tap on its text chooses the option.
    browser_page.get_by_text("Dunkel (hoher Kontrast)", exact=True).click()
    assert radio.is_checked()


def test_no_sideways_scrolling_and_no_spilled_text_at_any_text_size(
    browser_page, live_server, seeded_site
):
    paths = [
        "/",
        _tutorial_path(),
        _tutorial_path() + "?schritt=2",
        "/kalender/",
        "/barrierefreiheit/",
        "/darstellung/",
        "/suche/?q=WLAN",
    ]
    browser_page.set_viewport_size(PHONE)
    failures = []
    for size in TextSize.values:
        _choose_text_size(browser_page, live_server.url, size)
        for path in paths:
            browser_page.goto(live_server.url + path)
            _open_menu(browser_page)
            metrics = browser_page.evaluate(MEASURE)
            label = f"{path} at {size} ({metrics['rootFontSize']} px)"
            if metrics["scrollWidth"] > metrics["clientWidth"]:
                failures.append(f"{label}: scrolls sideways to {metrics['scrollWidth']} px")
            if metrics["spilled"]:
                failures.append(f"{label}: text outside its control: {metrics['spilled']}")
    assert not failures, "\n".join(failures)


def test_the_feedback_form_in_its_error_state_fits_at_the_largest_text_size(
    browser_page, live_server, demo_site
):
    browser_page.set_viewport_size(PHONE)
    _choose_text_size(browser_page, live_server.url, TextSize.DOUBLE)
    browser_page.goto(live_server.url + "/barrierefreiheit/")
    browser_page.get_by_role("button", name="Barriere melden").click()
    browser_page.wait_for_selector("[data-error-summary]")
    metrics = browser_page.evaluate(MEASURE)
    assert metrics["rootFontSize"] == 32
    assert metrics["scrollWidth"] <= metrics["clientWidth"]
    assert not metrics["spilled"], metrics["spilled"]
