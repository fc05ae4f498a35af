"""Course and tutorial pages show the learner's progress through the courses hook."""

import pytest

from learning import services
from tests.factories.courses import (
    TutorialIndexPageFactory,
    TutorialPageFactory,
    TutorialStepFactory,
)

pytestmark = pytest.mark.django_db


def test_course_page_without_lernpass_offers_one(client, course):
    html = client.get(course.page.url).content.decode()
    assert "Mit einem Lernpass speichern wir Ihren Fortschritt" in html
    assert "von 2 Lektionen" not in html


def test_course_page_shows_lessons_done_on_the_lernpass(lernpass_client, lernpass, course):
    services.mark_page_done(lernpass, course.closing)
    html = lernpass_client.get(course.page.url).content.decode()
    assert "Ihr Fortschritt: 1 von 2 Lektionen" in html
    assert '<progress id="kursfortschritt" max="2" value="1">' in html
    assert "Teilnahmebescheinigung" not in html

    services.mark_page_done(lernpass, course.exercises)
    html = lernpass_client.get(course.page.url).content.decode()
    assert "2 von 2 Lektionen" in html and "Teilnahmebescheinigung ansehen" in html


@pytest.fixture
def tutorial(home):
    index = TutorialIndexPageFactory(parent=home)
    tutorial = TutorialPageFactory(parent=index, slug="wlan", title="Stadt-WLAN verbinden")
    for text in ["Öffnen Sie die Einstellungen.", "Tippen Sie auf WLAN.", "Wählen Sie Stadt-WLAN."]:
        TutorialStepFactory(page=tutorial, instruction=text)
    return tutorial


def test_tutorial_step_can_be_marked_done_with_a_lernpass(lernpass_client, lernpass, tutorial):
    url = f"{tutorial.url}?schritt=2"
    html = lernpass_client.get(url).content.decode()
    assert "Schritt 2 erledigt" in html

    response = lernpass_client.post(
        f"/lernen/schritt/{tutorial.pk}/", {"schritt": "2", "weiter": url}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert services.steps_done(lernpass, tutorial) == {2}
    assert "Diesen Schritt haben Sie erledigt." in lernpass_client.get(url).content.decode()


def test_step_done_never_redirects_to_another_site(lernpass_client, tutorial):
    response = lernpass_client.post(
        f"/lernen/schritt/{tutorial.pk}/", {"schritt": "1", "weiter": "https://evil.example/"}
    )
    assert response["Location"] == f"{tutorial.url}?schritt=1"


def test_tutorial_step_without_lernpass_shows_no_button(client, tutorial):
    assert "erledigt</span>" not in client.get(f"{tutorial.url}?schritt=1").content.decode()
