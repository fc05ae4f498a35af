"""Languages for visitors (issue 14): the switcher, hreflang, the sitemap, links that stay in the
chosen language, German at its old addresses, no language cookie, the page cache per language."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from cms.cache import page_cache_key
from cms.models import SiteSettings
from tests.factories.cms import ContentPageFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def translate(page: Page, code: str, title: str = "") -> Page:
    """A published translation of `page` (and of its parents, where missing) in `code`."""
    locale = Locale.objects.get(language_code=code)
    translated = page.specific.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    translated.title = title or f"{page.title} ({code})"
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def imprint(home):
    return ContentPageFactory(parent=home, slug="impressum", title="Impressum", show_in_menus=True)


@pytest.fixture
def world(home, imprint):
    """German home and imprint; Turkish home and imprint; English home only."""
    return {
        "tr_imprint": translate(imprint, "tr", "Künye"),
        "en_home": translate(home, "en", "Welcome"),
    }


def _switcher(html: str) -> str:
    match = re.search(r'<details class="language-switcher".*?</details>', html, re.S)
    assert match, "no language switcher on the page"
    return match.group(0)


def _links(fragment: str) -> dict[str, str]:
    """Language name → href of each link in the fragment."""
    return {
        name: href
        for href, name in re.findall(
            r'<a class="kern-link[^"]*" href="([^"]*)"[^>]*>([^<]+)</a>', fragment
        )
    }


def _alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


# --- The switcher ---------------------------------------------------------------------------------


def test_each_language_is_named_in_itself_with_lang_and_hreflang_and_the_current_is_no_link(
    client, home, imprint
):
    for code, _name in settings.LANGUAGES[1:]:
        translate(home, code)
    switcher = _switcher(client.get("/impressum/").content.decode())
    names = [name for _code, name in settings.LANGUAGES]
    assert names == ["Deutsch", "Leichte Sprache", "English", "Türkçe", "العربية", "Українська"]
    assert re.findall(r">([^<>]+)</(?:a|span)>", switcher)[1:] == names
    assert (
        '<span class="language-switcher__current" lang="de" aria-current="true">Deutsch</span>'
        in switcher
    )
    assert 'href="/de-x-ls/" lang="de" hreflang="de-x-ls">Leichte Sprache</a>' in switcher
    assert 'href="/ar/" lang="ar" hreflang="ar">العربية</a>' in switcher
    assert ">Deutsch</a>" not in switcher


def test_the_switcher_keeps_the_page_where_it_is_translated(client, world):
    links = _links(_switcher(client.get("/impressum/").content.decode()))
    assert links["Türkçe"] == "/tr/impressum/"
    # No English imprint: English leads to the English home page.
    assert links["English"] == "/en/"
    back = _links(_switcher(client.get("/tr/impressum/").content.decode()))
    assert back == {"Deutsch": "/impressum/", "English": "/en/"}


def test_a_language_without_a_home_page_is_not_offered(client, world):
    html = client.get("/impressum/").content.decode()
    assert "Українська" not in html and "Leichte Sprache</a>" not in _switcher(html)


def test_without_translations_there_is_no_switcher(client, imprint):
    html = client.get("/impressum/").content.decode()
    assert "language-switcher" not in html and 'rel="alternate"' not in html


def test_views_outside_wagtail_switch_to_the_same_view_with_the_query_kept(client, world):
    switcher = _switcher(client.get("/suche/", {"q": "Stadt"}).content.decode())
    assert _links(switcher) == {"English": "/en/suche/?q=Stadt", "Türkçe": "/tr/suche/?q=Stadt"}
    switcher = _switcher(client.get("/tr/darstellung/").content.decode())
    assert _links(switcher)["Deutsch"] == "/darstellung/"


def test_a_missing_page_offers_the_home_pages(client, world):
    response = client.get("/tr/gibt-es-nicht/")
    assert response.status_code == 404
    assert _links(_switcher(response.content.decode())) == {"Deutsch": "/", "English": "/en/"}


# --- hreflang -------------------------------------------------------------------------------------


def test_head_names_every_translation_absolute_and_german_as_x_default(client, world):
    alternates = _alternates(client.get("/tr/impressum/").content.decode())
    assert alternates == {
        "de": "http://testserver/impressum/",
        "tr": "http://testserver/tr/impressum/",
        "x-default": "http://testserver/impressum/",
    }
    # The home page exists in three languages.
    assert set(_alternates(client.get("/").content.decode())) == {"de", "en", "tr", "x-default"}


def test_leichte_sprache_is_named_de_x_ls_in_hreflang(client, home):
    translate(home, settings.LEICHTE_SPRACHE, "Willkommen")
    html = client.get("/de-x-ls/").content.decode()
    assert '<html lang="de"' in html
    assert _alternates(html)["de-x-ls"] == "http://testserver/de-x-ls/"


def test_views_outside_wagtail_have_alternates_too(client, world):
    alternates = _alternates(client.get("/en/suche/").content.decode())
    assert alternates["de"] == "http://testserver/suche/"
    assert alternates["tr"] == "http://testserver/tr/suche/"
    assert alternates["x-default"] == "http://testserver/suche/"


# --- Sitemap --------------------------------------------------------------------------------------


def test_sitemap_lists_translations_with_their_alternates(client, world):
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own XML)
    entries = {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in tree.findall(f"{SITEMAP}url")
    }
    imprint = {
        "de": "http://localhost/impressum/",
        "tr": "http://localhost/tr/impressum/",
        "x-default": "http://localhost/impressum/",
    }
    assert entries["http://localhost/impressum/"] == imprint
    assert entries["http://localhost/tr/impressum/"] == imprint
    assert set(entries["http://localhost/en/"]) == {"de", "en", "tr", "x-default"}


# --- Links stay in the chosen language ------------------------------------------------------------


def test_menu_breadcrumbs_brand_and_footer_stay_in_the_chosen_language(client, home, world):
    privacy = ContentPageFactory(parent=home, slug="datenschutz", title="Datenschutz")
    tr_privacy = translate(privacy, "tr", "Gizlilik")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_page = privacy
    site_settings.imprint_page = world["tr_imprint"].get_translation(Locale.get_default())
    site_settings.save()
    html = client.get(tr_privacy.url).content.decode()
    assert tr_privacy.url == "/tr/datenschutz/"
    assert '<a class="site-header__brand" href="/tr/">' in html
    menu = re.search(r'<nav class="main-menu".*?</nav>', html, re.S).group(0)
    assert 'href="/tr/impressum/"' in menu and "Künye" in menu
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert 'href="/tr/"' in crumbs
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert 'href="/tr/datenschutz/"' in footer and 'href="/tr/impressum/"' in footer
    # Internal addresses in the page all carry the prefix, except the German fallbacks.
    assert 'href="/impressum/"' not in html.replace('hreflang="de"', "")


def test_german_pages_keep_their_addresses(client, world):
    for url in ("/", "/impressum/", "/suche/", "/darstellung/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert client.get("/de/impressum/").status_code == 404


def test_no_cookie_remembers_the_language(client, world):
    response = client.get("/tr/impressum/", headers={"accept-language": "en"})
    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert not response.cookies
    # The next German address is German again, whatever came before and whatever the browser says.
    html = client.get("/impressum/", headers={"accept-language": "tr"}).content.decode()
    assert '<html lang="de"' in html


# --- Page cache -----------------------------------------------------------------------------------


def test_the_page_cache_keys_by_the_language_of_the_path_not_the_browser():
    factory = RequestFactory()

    def key(path: str, accept: str = "") -> str:
        headers = {"accept-language": accept} if accept else {}
        return page_cache_key(factory.get(path, headers=headers), "g")

    assert key("/impressum/") == key("/impressum/", "tr") == key("/impressum/", "en-GB,en;q=0.9")
    assert ":de:" in key("/impressum/", "tr")
    assert ":tr:" in key("/tr/impressum/", "de")
    assert ":de-x-ls:" in key("/de-x-ls/")
    assert key("/tr/impressum/") != key("/impressum/")


# --- Leichte Sprache on the home page -------------------------------------------------------------


def test_home_page_offers_leichte_sprache_and_links_its_home_once_it_exists(client, home):
    explanation = ContentPageFactory(parent=home, slug="leichte-sprache", title="Leichte Sprache")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.easy_language_page = explanation
    site_settings.save()
    offer = re.search(
        r'<ul class="easy-language-offer">.*?</ul>', client.get("/").content.decode(), re.S
    )
    assert 'href="/leichte-sprache/"' in offer.group(0)
    translate(home, settings.LEICHTE_SPRACHE, "Willkommen")
    html = client.get("/").content.decode()
    offer = re.search(r'<ul class="easy-language-offer">.*?</ul>', html, re.S).group(0)
    assert 'href="/de-x-ls/" lang="de" hreflang="de-x-ls"' in offer
    # The German explanation stays in the footer.
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert 'href="/leichte-sprache/"' in footer


# --- Queries --------------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/impressum/", "/tr/impressum/", "/tr/suche/?q=Stadt"])
def test_the_switcher_costs_the_same_queries_however_many_pages_exist(client, home, world, url):
    before = _queries(client, url)
    for index in range(20):
        page = ContentPageFactory(parent=home, slug=f"seite-{index}", show_in_menus=True)
        if index % 2:
            translate(page, "tr")
    assert _queries(client, url) == before


def test_pages_do_not_vary_on_the_browser_language(client, home):
    """The URL prefix decides the language: a German page is German for every browser."""
    german = client.get("/", HTTP_ACCEPT_LANGUAGE="tr")
    assert 'lang="de"' in german.content.decode()
    assert "accept-language" not in german.get("Vary", "").lower()
    assert "accept-language" not in client.get("/en/").get("Vary", "").lower()
