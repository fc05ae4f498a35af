"""General page types: where they may live, that editors can create them, and what they show."""

import pytest
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ContentPage, FormPage, HomePage
from tests.factories.cms import ContentPageFactory, FormPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_lives_only_at_the_top_of_the_tree():
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert HomePage.parent_page_types == ["wagtailcore.Page"]


def test_content_and_form_pages_can_be_created_under_home(home):
    assert ContentPage.can_create_at(home)
    assert FormPage.can_create_at(home)


def test_home_page_shows_title_intro_search_and_audience_entries(client, home):
    target = ContentPageFactory(parent=home, title="Für Senior*innen", slug="senioren")
    home.audience_entries = [
        (
            "entry",
            {
                "audience": "seniors",
                "title": "Für Senior*innen",
                "text": "In Ruhe lernen.",
                "page": target,
                "link_label": "Angebote für Senior*innen",
            },
        )
    ]
    home.save_revision().publish()

    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in html
    assert "<h1" in html and home.title in html
    assert 'role="search"' in html
    assert 'href="/senioren/"' in html and "Angebote für Senior*innen" in html


def test_content_page_routes_by_slug_and_renders_its_blocks(client, home):
    page = ContentPageFactory(
        parent=home,
        slug="datenschutz",
        title="Datenschutzerklärung",
        body=[
            ("paragraph", RichText("<h2>Verantwortlich</h2><p>Stadt Datteln</p>")),
            (
                "callout",
                {"kind": "tip", "title": "Gut zu wissen", "text": RichText("<p>Hallo</p>")},
            ),
            (
                "accordion",
                {
                    "heading": "Fragen",
                    "items": [{"title": "Kostet das etwas?", "body": RichText("<p>Nein.</p>")}],
                },
            ),
        ],
    )
    response = client.get("/datenschutz/")
    html = response.content.decode()
    assert response.status_code == 200
    assert page.title in html
    assert "kern-alert kern-alert--info" in html and "Tipp: Gut zu wissen" in html
    assert '<details class="kern-accordion">' in html and "Kostet das etwas?" in html
    assert 'aria-label="Sie sind hier"' in html  # breadcrumbs below the home page


def test_unknown_address_gets_the_designed_404_page(client, home):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht (mehr)" in response.content.decode()


class TestAdminCreation(WagtailTestUtils):
    """Editors can create every general page type in the admin with the fields they see."""

    def test_content_page(self, admin_client, home):
        data = nested_form_data(
            {
                "title": "Impressum",
                "slug": "impressum",
                "intro": "Wer wir sind.",
                "body": streamfield([("paragraph", rich_text("<p>Stadt Datteln</p>"))]),
                "action-publish": "publish",
            }
        )
        response = admin_client.post(f"/admin/pages/add/cms/contentpage/{home.pk}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert ContentPage.objects.get(slug="impressum").live

    def test_form_page(self, admin_client, home):
        data = nested_form_data(
            {
                "title": "Barriere melden",
                "slug": "barriere",
                "intro": "",
                "body": streamfield([]),
                "form_heading": "Barriere melden",
                "submit_label": "Senden",
                "privacy_note": rich_text("<p>Wir löschen nach 6 Monaten.</p>"),
                "thank_you_text": rich_text("<p>Danke</p>"),
                "to_address": "redaktion@datteln.example",
                "from_address": "",
                "subject": "Meldung",
                "form_fields": {
                    "TOTAL_FORMS": "1",
                    "INITIAL_FORMS": "0",
                    "MIN_NUM_FORMS": "0",
                    "MAX_NUM_FORMS": "1000",
                    "0": {
                        "label": "Beschreibung",
                        "field_type": "multiline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                        "ORDER": "1",
                        "DELETE": "",
                        "id": "",
                    },
                },
                "action-publish": "publish",
            }
        )
        response = admin_client.post(f"/admin/pages/add/cms/formpage/{home.pk}/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert FormPage.objects.get(slug="barriere").form_fields.count() == 1

    def test_add_views_render(self, admin_client, home):
        for model in ("contentpage", "formpage"):
            assert admin_client.get(f"/admin/pages/add/cms/{model}/{home.pk}/").status_code == 200

    def test_site_settings_edit_view_renders(self, admin_client, home):
        from wagtail.models import Site

        site = Site.objects.get()
        assert admin_client.get(f"/admin/settings/cms/sitesettings/{site.pk}/").status_code == 200


def test_form_page_factory_builds_a_usable_form(client, home):
    FormPageFactory(parent=home, slug="feedback")
    html = client.get("/feedback/").content.decode()
    assert 'name="beschreibung"' in html and 'name="ihre_e_mail_adresse"' in html
