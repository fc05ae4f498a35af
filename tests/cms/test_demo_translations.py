"""The demo's translations: PO files every app keeps under `<app>/demo/translations/<language>/`.

`seed_demo` loads them through wagtail-localize (cms/demo_translations.py). These tests keep the
files complete: every object the demo promises in a language has a file, every German string of
it has a translation with the same rich-text tags, and seeding gives live pages at translated
addresses that editors see in the admin as translations synced with their German source.

One seeded database serves the whole module (seeding costs tens of seconds); the tests read it,
and each runs in its own savepoint.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.demo_translations import (
    SOURCE_HEADER,
    TranslationFile,
    resolve_source,
    translation_files,
)

pytestmark = pytest.mark.django_db

ALL_FILES = translation_files()
LANGUAGES = ["en", "tr", "ar", "uk"]
LEICHTE_SPRACHE = "de-x-ls"
TUTORIALS = [
    "termin-buergerbuero-online-buchen",
    "stadt-wlan-verbinden",
    "online-ausweis-mit-dem-smartphone",
    "videoanruf-mit-der-familie",
    "betrugs-nachrichten-erkennen",
    "sichere-passwoerter",
]
WORKSHOPS = [
    "termine-online-buchen",
    "buergerkonto-einrichten",
    "stadt-wlan-sicher-nutzen",
    "cityapp-kennenlernen",
    "online-ausweis-smartphone",
    "klassenworkshop-cityapp",
]
LESSONS = ["smartphone-kennenlernen", "sicher-im-internet", "nachrichten-und-videoanrufe"]
# The pages each language translates (docs: /work/wt/i18n/DEMO.md, "Which objects").
REQUIRED_PAGES = [
    "page:/",
    "page:/senioren/",
    "page:/schulen/",
    "page:/digitallotsen/",
    "page:/anleitungen/",
    *(f"page:/anleitungen/{slug}/" for slug in TUTORIALS),
    "page:/kurse/",
    "page:/kurse/sicher-mit-dem-smartphone/",
    *(f"page:/kurse/sicher-mit-dem-smartphone/{slug}/" for slug in LESSONS),
    "page:/kalender/",
    *(f"page:/kalender/{slug}/" for slug in WORKSHOPS),
]
REQUIRED_PAGES_LEICHTE_SPRACHE = [
    "page:/",
    "page:/anleitungen/",
    *(f"page:/anleitungen/{slug}/" for slug in TUTORIALS),
]
# Every German original of these snippets (Leichte Sprache: the digital services only).
REQUIRED_SNIPPETS = ["courses.Topic", "courses.DigitalService", "events.District", "events.Venue"]
REQUIRED_SNIPPETS_LEICHTE_SPRACHE = ["courses.DigitalService"]
# Inline rich-text tags and placeholders must survive translation unchanged.
TOKEN = re.compile(r"%\(\w+\)s|\{\{[^}]*\}\}|</?[a-z][^>]*>")


def _files_id(file: TranslationFile) -> str:
    return f"{file.language}/{file.path.name}"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded once for this module, rolled back afterwards."""
    var_dir = tmp_path_factory.mktemp("var")
    with (
        django_db_blocker.unblock(),
        override_settings(VAR_DIR=var_dir, LERNHAFEN_H5P_SAMPLES=var_dir / "ohne-hub"),
        transaction.atomic(),
    ):
        call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def _snippet_source_id(obj) -> str:
    fields = {model_field.name for model_field in obj._meta.get_fields()}
    key = obj.slug if "slug" in fields else obj.name
    return f"snippet:{obj._meta.label}:{key}"


def _required(language: str) -> set[str]:
    leichte = language == LEICHTE_SPRACHE
    pages = REQUIRED_PAGES_LEICHTE_SPRACHE if leichte else REQUIRED_PAGES
    labels = REQUIRED_SNIPPETS_LEICHTE_SPRACHE if leichte else REQUIRED_SNIPPETS
    snippets = {
        _snippet_source_id(obj)
        for label in labels
        for obj in apps.get_model(label).objects.originals()
    }
    return {*pages, *snippets}


def _source_strings(obj) -> set[str]:
    from wagtail_localize.models import TranslationSource

    source, _ = TranslationSource.update_or_create_from_instance(obj)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


@pytest.mark.parametrize("file", ALL_FILES, ids=_files_id)
def test_every_po_file_parses_and_names_its_source(file):
    po = polib.pofile(str(file.path))
    assert file.source_id == po.metadata.get(SOURCE_HEADER), "missing X-Lernhafen-Source"
    assert file.source_id.startswith(("page:", "snippet:"))
    assert not any(entry.msgctxt for entry in po), "the loader matches by msgid only"
    assert file.language in {*LANGUAGES, LEICHTE_SPRACHE}


@pytest.mark.parametrize("language", [*LANGUAGES, LEICHTE_SPRACHE])
def test_every_object_the_demo_promises_has_a_file(seeded, language):
    have = {file.source_id for file in ALL_FILES if file.language == language}
    assert sorted(_required(language) - have) == []


@pytest.mark.parametrize("file", ALL_FILES, ids=_files_id)
def test_every_source_string_is_translated_with_its_tags(seeded, file):
    wanted = _source_strings(resolve_source(file.source_id))
    missing = sorted(msgid for msgid in wanted if not file.strings.get(msgid, "").strip())
    assert missing == []
    tokens_differ = [
        msgid
        for msgid in wanted
        if sorted(TOKEN.findall(msgid)) != sorted(TOKEN.findall(file.strings[msgid]))
    ]
    assert tokens_differ == []


def _msgstr(file: TranslationFile, text: str) -> str:
    # wagtail-localize extracts text fields HTML-escaped: "Schulen &amp; Lehrkräfte".
    return file.strings.get(text) or file.strings[escape(text, quote=False)]


def _translated_pages(language: str):
    locale = Locale.objects.get(language_code=language)
    for file in ALL_FILES:
        if file.language == language and file.is_page:
            source = resolve_source(file.source_id)
            yield file, source, source.get_translation(locale).specific


@pytest.mark.parametrize("language", sorted({file.language for file in ALL_FILES}))
def test_seeding_publishes_every_page_at_its_translated_address(seeded, client, language):
    for file, source, page in _translated_pages(language):
        assert page.live and page.alias_of_id is None, file.path.name
        assert page.title == unescape(_msgstr(file, source.title))
        if page.depth > 2:
            assert page.slug == _msgstr(file, source.slug), file.path.name
        url = page.get_url()
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        assert page.title in unescape(response.content.decode()), url


@pytest.mark.parametrize("language", sorted({file.language for file in ALL_FILES}))
def test_translated_links_lead_to_pages_of_the_same_language(seeded, client, language):
    """Task links translated to an address in the language (/en/calendar/) must exist."""
    links = {
        msgstr
        for file in ALL_FILES
        if file.language == language
        for msgstr in file.strings.values()
        if msgstr.startswith(f"/{language}/")
    }
    broken = [link for link in sorted(links) if client.get(link).status_code != 200]
    assert broken == []


WORKSHOP_WITH_COURSE = "/kalender/stadt-wlan-sicher-nutzen/"  # its course is translated


def _german_pages_by_url() -> dict[str, Page]:
    german = Locale.objects.get(language_code="de")
    return {page.url: page for page in Page.objects.live().filter(locale=german, depth__gt=1)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_on_translated_pages_lead_to_the_translation_where_there_is_one(
    seeded, client, language
):
    """Chosen pages (the home page's audience cards, task links, a workshop's course) point at
    German pages in the data; a visitor reading Turkish must land on the Turkish page, and on
    the German one only where no translation is live."""
    german = _german_pages_by_url()
    target = Locale.objects.get(language_code=language)
    pages = [german[url].get_translation(target) for url in ("/senioren/", WORKSHOP_WITH_COURSE)]
    wrong = []
    for url in (f"/{language}/", *(page.url for page in pages)):
        html = client.get(url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        for href in re.findall(r'href="(/[^"#?]*)', main):
            page = german.get(href)
            if page is not None and page.get_translation_or_none(target) is not None:
                wrong.append(f"{url} → {href}")
    assert wrong == []


def test_english_home_and_a_tutorial_read_in_english(seeded, client):
    home = client.get("/en/").content.decode()
    assert "Welcome to Lernhafen" in home
    tutorial = client.get("/en/guides/connecting-to-city-wifi/")
    assert tutorial.status_code == 200
    assert "Go to a place with Stadt-WLAN" in tutorial.content.decode()


@pytest.mark.parametrize("language", sorted({file.language for file in ALL_FILES}))
def test_tutorial_steps_are_translated(seeded, language):
    for file, _source, page in _translated_pages(language):
        if not hasattr(page, "steps"):
            continue
        translations = set(file.strings.values())
        for step in page.steps.all():
            assert step.instruction in translations, (file.path.name, step.instruction)


def test_a_second_seed_changes_nothing(seeded, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.LERNHAFEN_H5P_SAMPLES = tmp_path / "ohne-hub"
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        StringTranslation.objects.count(),
        Translation.objects.count(),
    )
    call_command("seed_demo", verbosity=0)
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        StringTranslation.objects.count(),
        Translation.objects.count(),
    ) == counts


def test_editors_see_the_english_home_as_a_synced_translation(seeded, admin_client):
    english = Page.objects.get(depth=2, locale__language_code="en").specific
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    total, translated = translation.get_progress()
    assert total == translated > 0

    response = admin_client.get(f"/admin/pages/{english.pk}/edit/")

    assert response.status_code == 200
    assert response.context["translation"] == translation  # wagtail-localize's editor
    props = json.loads(response.context["props"])
    segments = [s for s in props["segments"] if s["type"] == "string"]
    translated_ids = {t["segment_id"] for t in props["initialStringTranslations"]}
    assert segments and all(segment["id"] in translated_ids for segment in segments)


def test_po_files_are_package_data():
    pyproject = (Path(__file__).parents[2] / "pyproject.toml").read_text()
    for app in ["cms", "courses", "events"]:
        section = pyproject.split("[tool.setuptools.package-data]")[1].split("\n[")[0]
        line = section.split(f"{app} = ")[1].split("]")[0]
        assert "demo/translations/*/*.po" in line, app
