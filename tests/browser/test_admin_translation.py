"""An editor translates a tutorial in the real admin (wagtail-localize), under the real admin CSP.

The editor starts from the German page, picks Türkçe, translates in wagtail-localize's editor
(string by string), publishes, and a visitor reads the Turkish tutorial at /tr/. Then the German
source changes and the editor brings the translation up to date (wagtail-localize's
"Synchronisiere übersetzte Seiten").
The `editor` fixture fails the journey on any console error: a blocked inline script (CSP) shows
up there.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from courses.models import TutorialPage
from tests.factories.courses import (
    TutorialIndexPageFactory,
    TutorialPageFactory,
    TutorialStepFactory,
)

pytestmark = pytest.mark.browser


def translate_string(page, german: str, translation: str) -> None:
    """In wagtail-localize's editor: open the German string's "Übersetzen", type, save."""
    segment = page.locator("li", has=page.get_by_text(german, exact=True)).last
    segment.get_by_role("button", name="Übersetzen").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Speichern").click()
    segment.get_by_text(translation).wait_for()


def test_editor_translates_a_tutorial_into_turkish(editor, live_server, home, browser_context):
    page = editor
    index = TutorialIndexPageFactory(parent=home, title="Anleitungen", slug="anleitungen")
    tutorial = TutorialPageFactory(
        parent=index, title="Mit dem Stadt-WLAN verbinden", slug="stadt-wlan"
    )
    TutorialStepFactory(page=tutorial, instruction="Öffnen Sie die „Einstellungen“.")
    tutorial.save_revision().publish()

    page.goto(
        live_server.url + reverse("wagtail_localize:submit_page_translation", args=[tutorial.pk])
    )
    # "Alles auswählen" ticks every language (our script: wagtail-localize's inline one is blocked).
    page.get_by_label("Alles auswählen").check()
    assert page.get_by_label("Türkçe").is_checked()
    page.get_by_label("Alles auswählen").uncheck()
    page.get_by_label("Türkçe").check()
    # The parent pages (home, Anleitungen) are not translated yet: wagtail-localize offers to
    # translate them with it; the editor keeps that.
    page.get_by_role("button", name="Absenden").click()
    page.get_by_text("Deutsch to Türkçe translation").first.wait_for()

    translate_string(page, "Mit dem Stadt-WLAN verbinden", "Şehir WLAN'ına bağlanma")
    translate_string(page, "Öffnen Sie die „Einstellungen“.", "„Einstellungen“ (Ayarlar) açın.")
    page.get_by_role("button", name="Veröffentlichen in Türkçe").click()
    page.locator(".messages").wait_for()

    turkish = TutorialPage.objects.get(
        translation_key=tutorial.translation_key, locale__language_code="tr"
    )
    assert turkish.live
    visitor = browser_context.new_page()
    visitor.goto(live_server.url + turkish.url)
    assert visitor.locator("html").get_attribute("lang") == "tr"
    assert visitor.get_by_role("heading", level=1).inner_text() == "Şehir WLAN'ına bağlanma"
    assert "„Einstellungen“ (Ayarlar) açın." in visitor.locator("main").inner_text()

    # The German source changes; the editor syncs, and the new sentence waits for translation.
    tutorial.summary = "Kostenlos surfen im Rathaus."
    tutorial.save_revision().publish()
    page.goto(
        live_server.url
        + reverse("wagtail_localize:update_translations", args=[_source_id(tutorial)])
    )
    page.get_by_role("button", name="Absenden").click()
    page.locator(".messages").wait_for()
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[turkish.pk]))
    page.get_by_text("Kostenlos surfen im Rathaus.").wait_for()
    assert page.get_by_role("button", name="Übersetzen").count() >= 1


def _source_id(page) -> int:
    return TranslationSource.objects.get(object_id=page.translation_key).pk
