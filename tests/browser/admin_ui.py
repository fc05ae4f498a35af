"""What an editor does in the Wagtail admin, shared by the editor journeys.

The logged-in `editor` page itself is a fixture in tests/browser/conftest.py.
"""

from __future__ import annotations

import re

PAGE_EXPLORER_URL = re.compile(r"/admin/pages/\d+/$")


def choose(page, field_id: str, choice: str) -> None:
    """Open the chooser of field `field_id`, pick `choice` in its modal, wait for it to close."""
    page.locator(f"#{field_id}-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.wait_for(state="visible")
    modal.locator("[data-chooser-modal-choice]", has_text=choice).first.click()
    modal.wait_for(state="hidden")


def settle_autosave(page) -> None:
    """Pause as an editor does before publishing, until Wagtail's autosave (0.5 s after the last
    change) has finished: a publish sent while that request is still in flight on a loaded
    machine races it, and both try to create the new page. Leaving the field first, as an editor
    moving to the button does, lets Wagtail fill the slug from the title before autosave runs."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(1000)
    page.locator(".w-autosave-indicator__state--saving").wait_for(state="hidden")


def publish(page) -> None:
    settle_autosave(page)
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.locator("button[name=action-publish]").click()


def publish_and_confirm(page) -> None:
    """Publish, land in the explorer and see Wagtail's success message."""
    publish(page)
    page.wait_for_url(PAGE_EXPLORER_URL)
    assert "veröffentlicht" in page.locator(".messages").inner_text()
