"""The interface catalogues (locale/<lang>/LC_MESSAGES/django.po) are complete and compiled.

German is the source language: every msgid is the German text. `makemessages` runs into a copy
of the catalogues (the project's own stay untouched) and no string of the four translated
languages may be left untranslated or fuzzy; the committed .mo files are what msgfmt makes of
the .po files; placeholders survive translation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

LANGUAGES = ["en", "tr", "ar", "uk"]
ROOT = Path(settings.BASE_DIR)
SOURCES = ["cms", "courses", "events", "learning", "templates"]
# The admin's own wording (templates/wagtailadmin) uses Wagtail's msgids and catalogues; the
# JavaScript gets its texts from the templates (data attributes).
IGNORE = ["*/migrations/*", "*/demo/*", "templates/wagtailadmin/*"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory) -> Path:
    # makemessages writes into the catalogues beside the sources it reads: run it on a copy of
    # both, so the project's files stay untouched.
    tree = tmp_path_factory.mktemp("catalogues")
    skip = shutil.ignore_patterns("migrations", "demo", "static", "__pycache__", "wagtailadmin")
    for folder in SOURCES:
        shutil.copytree(ROOT / folder, tree / folder, ignore=skip)
    shutil.copytree(ROOT / "locale", tree / "locale")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tree)
        patch.setattr(settings, "LOCALE_PATHS", [tree / "locale"])
        call_command(
            "makemessages",
            locale=LANGUAGES,
            ignore_patterns=IGNORE,
            no_obsolete=True,
            verbosity=0,
        )
    return tree / "locale"


@pytest.mark.parametrize("language", LANGUAGES)
def test_makemessages_leaves_nothing_untranslated(fresh_catalogues, language):
    po = polib.pofile(str(fresh_catalogues / language / "LC_MESSAGES" / "django.po"))
    open_entries = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert not open_entries, (
        f"{len(open_entries)} strings without a {language} translation, e.g. {open_entries[:5]}; "
        "run makemessages (README, Übersetzungen) and translate them"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    po = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    for entry in po.translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            # A plural form for one item may leave the number out ("ein Platz").
            assert set(PLACEHOLDER.findall(form)) <= set(wanted) | {"%(counter)s"}, entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_files_are_compiled_from_the_po_files(tmp_path, language):
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(folder / "django.po")], check=True
    )
    ours = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(folder / "django.mo"))}
    fresh = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(compiled))}
    assert ours == fresh, f"locale/{language}: run compilemessages"


def test_interface_strings_render_in_each_language():
    samples = {
        "en": "Skip to content",
        "tr": "İçeriğe geç",
        "ar": "الانتقال إلى المحتوى",
        "uk": "Перейти до основного вмісту",
    }
    for language, expected in samples.items():
        with translation.override(language):
            assert translation.gettext("Zum Inhalt springen") == expected
    with translation.override(settings.LEICHTE_SPRACHE):
        assert translation.gettext("Zum Inhalt springen") == "Zum Inhalt springen"
