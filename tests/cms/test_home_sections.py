"""Other apps add sections to the home page through a hook; empty sections are not shown."""

import pytest
from wagtail import hooks

from cms.hooks import HOME_SECTIONS

pytestmark = pytest.mark.django_db


def test_sections_from_hooks_are_rendered_in_order_and_empty_ones_are_left_out(client, home):
    def later(request, page):
        return {
            "template": "components/rich_text.html",
            "order": 20,
            "context": {},
            "marker": "later",
        }

    def nothing_to_show(request, page):
        return None

    def first(request, page):
        return {
            "template": "components/search_form.html",
            "order": 10,
            "context": {"id_prefix": "abschnitt"},
        }

    with (
        hooks.register_temporarily(HOME_SECTIONS, later),
        hooks.register_temporarily(HOME_SECTIONS, nothing_to_show),
        hooks.register_temporarily(HOME_SECTIONS, first),
    ):
        response = client.get("/")
    sections = response.context["home_sections"]
    assert [section["order"] for section in sections] == [10, 20]


def test_home_page_without_sections_shows_no_empty_headings(client, home):
    html = client.get("/").content.decode()
    assert "Nächste Termine" not in html and "Keine Einträge" not in html
