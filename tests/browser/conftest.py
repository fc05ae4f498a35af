"""Browser tests: Playwright drives the system Chromium against pytest-django's live_server.

A new page type needs only a few lines:

    def test_my_page_is_accessible(browser_page, live_server, my_page):
        check_accessibility(browser_page, live_server.url + my_page.url)

`check_accessibility` loads the page at 1280 px and 320 px, light and dark, and asserts 0 axe-core
violations (WCAG 2.2 AA tags), no horizontal scrolling, text ≥ 18 px, controls (buttons, fields,
navigation links) ≥ 44 × 44 px and no CSP violation.
Every browser page also records all requests and fails the test on any host but the live server.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM guard would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_SOURCE = (settings.NODE_MODULES / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VARIANTS = [(1280, "light"), (320, "light"), (1280, "dark"), (320, "dark")]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


class RequestLog:
    """Every URL the browser asked for, and every CSP violation it reported."""

    def __init__(self):
        self.urls: list[str] = []
        self.csp_violations: list[str] = []

    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@pytest.fixture
def request_log() -> RequestLog:
    return RequestLog()


@pytest.fixture
def browser_context(chromium, live_server, request_log):
    context = chromium.new_context(
        locale="de-DE", viewport={"width": 1280, "height": 900}, timezone_id="Europe/Berlin"
    )
    context.on("request", lambda request: request_log.urls.append(request.url))
    yield context
    context.close()
    foreign = request_log.foreign_requests()
    assert not foreign, f"The browser contacted hosts other than our own: {foreign}"
    assert not request_log.csp_violations, f"CSP violations: {request_log.csp_violations}"


@pytest.fixture
def browser_page(browser_context, request_log):
    page = browser_context.new_page()
    page.set_default_timeout(15_000)

    def on_console(message):
        if "Content Security Policy" in message.text:
            request_log.csp_violations.append(message.text)

    page.on("console", on_console)
    return page


def set_theme(page, base_url: str, theme: str) -> None:
    """Choose the display theme the way a visitor does: the display settings cookie."""
    page.context.add_cookies(
        [
            {
                "name": settings.LERNHAFEN_DISPLAY_COOKIE,
                "value": f"{theme}.normal.auto",
                "url": base_url,
            }
        ]
    )


def axe_violations(page) -> list[dict]:
    # Evaluated through the DevTools protocol, so the page's CSP stays strict for the test.
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return result["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} → {targets}")
    return "\n".join(lines)


def check_layout(page, label: str) -> None:
    metrics = page.evaluate("""() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize),
        smallText: [...document.querySelectorAll(
            "main p, main li, main dd, main td, main label, main a, footer p, footer a, header a"
        )].filter((el) => el.offsetParent !== null && !el.closest(".kern-kopfzeile")
                  && parseFloat(getComputedStyle(el).fontSize) < 18)
          .slice(0, 5).map((el) => el.outerHTML.slice(0, 80)),
        smallTargets: [...document.querySelectorAll(
            "button, input:not([type=hidden]), select, textarea, summary, nav a, .kern-btn"
        )].filter((el) => {
            if (el.offsetParent === null || el.closest(".honeypot")) return false;
            const box = el.getBoundingClientRect();
            const wrapper = el.closest(".kern-form-check");  // the label is part of the target
            const target = wrapper ? wrapper.getBoundingClientRect() : box;
            return target.width < 44 || target.height < 44;
        }).slice(0, 5).map((el) => el.outerHTML.slice(0, 80)),
    })""")
    assert metrics["scrollWidth"] <= metrics["clientWidth"], (
        f"{label}: horizontal scrolling ({metrics['scrollWidth']} > {metrics['clientWidth']} px)"
    )
    assert metrics["bodyFontSize"] >= 18, f"{label}: body text is {metrics['bodyFontSize']} px"
    assert not metrics["smallText"], f"{label}: text smaller than 18 px: {metrics['smallText']}"
    assert not metrics["smallTargets"], (
        f"{label}: controls smaller than 44 × 44 px: {metrics['smallTargets']}"
    )


# For element.evaluate(): true when the element's first non-blank character is drawn left of its
# last one (on one line), i.e. a phone number or code was not reordered inside right-to-left text.
READS_LEFT_TO_RIGHT = """el => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const chars = [];
    while (walker.nextNode()) {
        const node = walker.currentNode;
        [...node.data].forEach((c, i) => { if (c.trim()) chars.push([node, i]); });
    }
    const rect = ([node, i]) => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect();
    };
    const first = rect(chars[0]), last = rect(chars[chars.length - 1]);
    return first.top === last.top ? first.left < last.left : true;
}"""


def save_screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def check_accessibility(
    page,
    url: str,
    *,
    prepare=None,
    name: str | None = None,
    expect_status: int | None = None,
    variants: list[tuple[int, str]] = VARIANTS,
) -> None:
    """Load `url` in every variant and assert 0 axe violations and a sound layout.

    `prepare(page)` runs after each load, e.g. to submit a form and show its errors. `variants`
    (width, theme) narrows the four for pages checked in many languages.
    """
    base_url = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    failures = []
    for width, theme in variants:
        label = f"{url} @ {width}px {theme}"
        page.set_viewport_size({"width": width, "height": 900})
        set_theme(page, base_url, theme)
        response = page.goto(url)
        if expect_status is not None:
            assert response.status == expect_status, f"{label}: HTTP {response.status}"
        if prepare:
            prepare(page)
        assert page.evaluate("document.documentElement.dataset.kernTheme") == theme
        violations = axe_violations(page)
        if violations:
            failures.append(f"{label}:\n{format_violations(violations)}")
            if name:
                save_screenshot(page, f"{name}-{width}-{theme}")
        check_layout(page, label)
    assert not failures, "axe-core found violations:\n" + "\n\n".join(failures)


AUTOSAVE_URL = re.compile(r"/admin/pages/(add/[a-z_]+/[a-z_]+/\d+|\d+/edit)/$")


@pytest.fixture
def editor(home, browser_page, live_server, admin_user):
    """A logged-in editor's admin page; the test fails on any console error or script error.

    Helpers for what the editor does there are in tests/browser/admin_ui.py.
    """
    page = browser_page
    errors: list[str] = []

    def on_console(message):
        url = message.location.get("url", "")
        # Autosave posts the half-filled form while the editor types; Wagtail answers 400 with
        # the field errors, which is how autosave works, not a failure.
        if "status of 400" in message.text and AUTOSAVE_URL.search(url):
            return
        if message.type == "error":
            errors.append(f"{message.text} ({url})")

    def on_page_error(exc):
        # Wagtail's preview panel runs axe-core checks in the preview; when the preview refreshes
        # while a check still runs, Wagtail starts a second one and axe throws (a Wagtail race,
        # no fault of the page). Any other uncaught error fails the test.
        if "Axe is already running" in str(exc):
            return
        errors.append(f"uncaught: {exc}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "redaktion")
    page.fill("#id_password", "ein-sicheres-passwort")
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    assert not errors, f"Console errors in the admin: {errors}"


@pytest.fixture
def seeded_site(settings, tmp_path):
    """The whole demo (`seed_demo`) for journeys across apps.

    Transactional tests flush what the migrations made: the root collection images need and the
    staff groups the demo's Lotsen join; both are rebuilt first. Mails and files of the seed go
    to a temporary folder; the H5P Hub samples are left out (their own tests cover them).
    """
    from django.core.management import call_command
    from wagtail.models import Collection

    from events.models.lotsen import DIGITALLOTSEN_GROUP, KOORDINATION_GROUP
    from tests.factories.events_workspace import role_group

    settings.VAR_DIR = tmp_path
    settings.LERNHAFEN_H5P_SAMPLES = tmp_path / "ohne-hub-beispiele"
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for name in (DIGITALLOTSEN_GROUP, KOORDINATION_GROUP):
        role_group(name)
    call_command("seed_demo", verbosity=0)
