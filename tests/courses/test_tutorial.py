"""Tutorials: one step at a time or all at once, device variants, print handout – without JS."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from courses.models import TutorialStep
from tests.factories.cms import ContentPageFactory

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_step_view_shows_one_step_with_progress_and_navigation(client, tutorial):
    html = _html(client, tutorial.url + "?geraet=android&schritt=2")
    assert "Schritt 2 von 4" in html
    assert '<progress id="fortschritt" max="4" value="2">' in html
    assert "Öffnen Sie die Einstellungen (Android)." in html
    assert 'href="?geraet=android&amp;schritt=1#schritt" rel="prev"' in html
    assert 'href="?geraet=android&amp;schritt=3#schritt" rel="next"' in html
    # The overview lists every step of the variant and marks the current one.
    overview = html[
        html.index("step-overview__list") : html.index("</ol>", html.index("step-overview__list"))
    ]
    assert overview.count("<li") == 4 and 'aria-current="step"' in overview


def test_first_and_last_step_have_only_the_possible_direction(client, tutorial):
    first = _html(client, tutorial.url)
    assert "Schritt 1 von 4" in first and 'rel="prev"' not in first
    last = _html(client, tutorial.url + "?geraet=android&schritt=4")
    assert 'rel="next"' not in last and "das war der letzte Schritt" in last


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("schritt=99", "Schritt 4 von 4"),
        ("schritt=0", "Schritt 1 von 4"),
        ("schritt=drei", "Schritt 1 von 4"),
        ("geraet=toaster", "Schritt 1 von 4"),
        ("ansicht=seltsam", "Schritt 1 von 4"),
    ],
)
def test_wrong_parameters_fall_back_instead_of_failing(client, tutorial, query, expected):
    assert expected in _html(client, f"{tutorial.url}?{query}")


def test_each_device_variant_shows_its_own_steps_and_the_shared_ones(client, tutorial):
    android = _html(client, tutorial.url + "?geraet=android&ansicht=alle")
    iphone = _html(client, tutorial.url + "?geraet=iphone&ansicht=alle")
    assert "(Android)" in android and "(iPhone)" not in android
    assert "(iPhone)" in iphone and "(Android)" not in iphone
    for html in (android, iphone):
        assert "Gehen Sie ins Rathaus." in html
        assert "Tippen Sie auf Akzeptieren und verbinden." in html
    assert "Schritt 3 von 3" in iphone
    assert 'data-device-choice="iphone" aria-current="true"' in iphone
    # The choice is a plain link, remembered by JS only as an enhancement.
    assert 'href="?geraet=android&amp;ansicht=alle"' in iphone


def test_tutorial_without_device_steps_offers_no_device_choice(client, tutorial_index):
    from tests.factories.courses import TutorialPageFactory, TutorialStepFactory

    page = TutorialPageFactory(parent=tutorial_index, slug="passwort")
    TutorialStepFactory(page=page, instruction="Denken Sie sich einen Satz aus.")
    html = _html(client, page.url)
    assert "Welches Gerät" not in html and "Schritt 1 von 1" in html


def test_all_steps_view_and_print_view_list_every_step(client, tutorial):
    all_steps = _html(client, tutorial.url + "?ansicht=alle")
    assert all_steps.count('class="tutorial-step"') == 4
    assert "Schritt 1 vorlesen" in all_steps and "<progress" not in all_steps
    handout = _html(client, tutorial.url + "?ansicht=drucken")
    assert "page-tutorial--print" in handout
    assert handout.count('class="tutorial-step"') == 4
    assert "Jetzt drucken" in handout
    assert 'href="/static/courses/css/print.css" media="print"' in handout


def test_read_aloud_and_print_buttons_are_hidden_until_javascript_enables_them(client, tutorial):
    html = _html(client, tutorial.url)
    button = re.search(r"<button[^>]*data-read-aloud[^>]*>", html).group(0)
    assert " hidden" in button
    assert '<script type="module" src="/static/courses/js/tutorial.js"></script>' in html
    assert "<script>" not in html and "style=" not in html  # CSP: nothing inline


def test_read_aloud_button_brings_its_stop_text_from_the_server(client, tutorial):
    # tutorial.js has no texts of its own: the label while reading comes translated from here.
    for url in (tutorial.url, tutorial.url + "?ansicht=alle"):
        button = re.search(r"<button[^>]*data-read-aloud[^>]*>", _html(client, url)).group(0)
        assert 'data-msg-stop="Vorlesen beenden"' in button


def test_screenshots_carry_their_alt_text(client, tutorial):
    image = get_image_model().objects.create(title="WLAN", file=get_test_image_file())
    step = tutorial.steps.first()
    step.screenshot = image
    step.screenshot_alt = "Einstellungen: Die Zeile WLAN ist markiert."
    step.save()
    html = _html(client, tutorial.url + "?geraet=android&schritt=1")
    assert 'alt="Einstellungen: Die Zeile WLAN ist markiert."' in html


def test_step_needs_alt_text_for_its_screenshot_and_a_text_for_its_hint(tutorial):
    image = get_image_model().objects.create(title="Bild", file=get_test_image_file())
    step = TutorialStep(page=tutorial, instruction="Tippen Sie.", screenshot=image, hint_kind="tip")
    with pytest.raises(ValidationError) as error:
        step.clean()
    assert set(error.value.message_dict) == {"screenshot_alt", "hint_text"}


def test_freshness_and_easy_language_version_are_shown(client, tutorial, home):
    easy = ContentPageFactory(parent=home, title="Stadt-WLAN in Leichter Sprache", slug="ls")
    tutorial.last_checked = datetime.date(2026, 3, 12)
    tutorial.service_version = "Android 14"
    tutorial.easy_language_page = easy
    tutorial.save_revision().publish()
    html = _html(client, tutorial.url)
    assert "Zuletzt geprüft am 12. März 2026 mit Android 14." in html
    assert f'href="{easy.url}"' in html and "in Leichter Sprache" in html


def test_tutorial_index_lists_and_filters_tutorials(client, tutorial, tutorial_index):
    from tests.factories.courses import DigitalServiceFactory, TutorialPageFactory

    wlan = DigitalServiceFactory(name="Stadt-WLAN", slug="stadt-wlan")
    tutorial.digital_service = wlan
    tutorial.save_revision().publish()
    TutorialPageFactory(parent=tutorial_index, title="Termin buchen", slug="termin")
    html = _html(client, "/anleitungen/")
    assert "2 Anleitungen gefunden" in html and "Android, iPhone" in html
    html = _html(client, "/anleitungen/?angebot=stadt-wlan")
    assert "1 Anleitung gefunden" in html and "Termin buchen" not in html
    html = _html(client, "/anleitungen/?q=Rathaus")  # found by a step's text
    assert "1 Anleitung gefunden" in html
    html = _html(client, "/anleitungen/?q=Quantenphysik")
    assert "Keine Anleitungen gefunden" in html
    html = _html(client, "/anleitungen/?angebot=gibt-es-nicht")
    assert "Diese Auswahl gibt es nicht" in html and "2 Anleitungen gefunden" in html


@pytest.mark.parametrize("view", ["?schritt=2", "?ansicht=alle", "?ansicht=drucken"])
def test_tutorial_shows_plain_words_not_framework_codes_or_a_level_that_reads_like_progress(
    client, tutorial, digcomp, view
):
    html = _html(client, tutorial.url + view)
    assert digcomp["5.1"].plain_name in html  # what you get better at, in plain German
    assert "DigComp" not in html and "5.1" not in html
    assert "von 8" not in html  # the level is "Grundlagen", not "Stufe 1 von 8"
    assert "Grundlagen" in html


def test_choosing_another_device_on_a_step_keeps_that_step(client, tutorial):
    html = _html(client, tutorial.url + "?geraet=android&schritt=3")
    assert 'href="?geraet=iphone&amp;schritt=3#schritt" data-device-choice="iphone"' in html
    assert "Schritt 3 von 3" in _html(client, tutorial.url + "?geraet=iphone&schritt=3")


def test_the_last_step_says_what_comes_next(client, tutorial, tutorial_index):
    from courses.models import DigitalService
    from tests.factories.courses import TutorialPageFactory

    tutorial.digital_service = DigitalService.objects.create(
        name="Stadt-WLAN", slug="wlan", url="https://wlan.datteln.example/"
    )
    tutorial.save()
    TutorialPageFactory(parent=tutorial_index, title="Sichere Passwörter", slug="passwort")
    html = _html(client, tutorial.url + "?geraet=android&schritt=4")
    assert "Wie geht es weiter?" in html
    assert 'href="https://wlan.datteln.example/">Jetzt selbst ausprobieren: Stadt-WLAN' in html
    assert "Nächste Anleitung: Sichere Passwörter" in html
    assert "Wie geht es weiter?" not in _html(client, tutorial.url + "?geraet=android&schritt=3")


def test_a_last_step_with_nothing_to_offer_shows_no_empty_list(client, tutorial):
    html = _html(client, tutorial.url + "?geraet=android&schritt=4")
    assert "das war der letzte Schritt" in html and "Wie geht es weiter?" not in html
