"""Every page tells search engines what it is about (issue 13: no page had a meta description)."""

import re

import pytest
from wagtail.models import Page

from tests.factories.cms import ContentPageFactory

pytestmark = pytest.mark.django_db


def _meta_description(html: str) -> str:
    match = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert match, "no meta description in the page head"
    return match.group(1)


def test_the_editors_search_description_comes_first(client, home):
    page = ContentPageFactory(
        parent=home, intro="Die Einleitung.", search_description="So buchen Sie einen Termin."
    )
    assert _meta_description(client.get(page.url).content.decode()) == (
        "So buchen Sie einen Termin."
    )


def test_without_one_the_intro_is_used_and_shortened_for_search_results(client, home):
    page = ContentPageFactory(parent=home, intro="Ein langer Satz über das WLAN der Stadt. " * 10)
    description = _meta_description(client.get(page.url).content.decode())
    assert description.startswith("Ein langer Satz über das WLAN der Stadt.")
    assert len(description) <= 160 and description.endswith("…")


def test_a_page_without_any_text_still_says_what_the_site_is_for(client, home):
    page = ContentPageFactory(parent=home, intro="")
    assert "digitale Angebote der Stadt" in _meta_description(client.get(page.url).content.decode())


def test_every_page_of_the_demo_site_has_a_description(client, demo_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        assert _meta_description(response.content.decode()).strip(), page.url
