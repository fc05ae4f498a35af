"""Keyboard helpers for the browser journeys: move focus with Tab as a keyboard user does."""

from __future__ import annotations

from collections.abc import Callable


def focused_text(page) -> str:
    """The visible text of the focused element."""
    return page.evaluate("() => document.activeElement.textContent.trim()")


def focused_label(page) -> str:
    """The focused element's id, name, text or tag — whichever names it first."""
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return (el.id || el.name || el.textContent || el.tagName).trim(); }"
    )


def focus_is_visible(page) -> bool:
    """The focused element shows an outline at least 2 px wide."""
    return page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle !== 'none'"
        " && parseFloat(getComputedStyle(document.activeElement).outlineWidth) >= 2"
    )


def tab_until(page, predicate: Callable[[str], bool], limit: int = 120) -> None:
    """Press Tab until `predicate(focused_label)` holds; fail after `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused_label(page)):
            return
    raise AssertionError(f"never reached the element by Tab; last focus: {focused_label(page)!r}")


def tab_to(page, text: str, limit: int = 80) -> None:
    """Press Tab until the element showing `text` has focus, and check the focus is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_text(page) == text:
            assert focus_is_visible(page), f"focus on {text!r} is not visible"
            return
    raise AssertionError(f"never reached {text!r} by Tab; last: {focused_text(page)!r}")
