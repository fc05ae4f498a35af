"""Error pages in the site's design; the 500 page renders without database or context."""

import pytest
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import path
from django.utils import translation


def _fail(request):
    raise RuntimeError("boom")


urlpatterns = [path("kaputt/", _fail)]


def test_500_template_renders_standalone():
    html = render_to_string("500.html")
    assert "Entschuldigung, hier ist etwas schiefgegangen" in html and 'lang="de"' in html


@pytest.mark.parametrize(
    ("language", "attributes"),
    [
        ("de-x-ls", 'lang="de" dir="ltr"'),
        ("ar", 'lang="ar" dir="rtl"'),
        ("uk", 'lang="uk" dir="ltr"'),
    ],
)
def test_500_page_says_its_language_and_direction_as_every_page_does(language, attributes):
    with translation.override(language):
        html = render_to_string("500.html")
    assert f"<html {attributes}" in html


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.cms.test_error_pages")
def test_unexpected_error_shows_the_designed_500_page():
    response = Client(raise_request_exception=False).get("/kaputt/")
    assert response.status_code == 500
    assert "Der Fehler liegt bei uns, nicht bei Ihnen." in response.content.decode()
