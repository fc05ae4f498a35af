"""First visit within 150 KB without images: subset fonts, purged KERN CSS, nothing blocking.

Needs the front-end build (`make assets`, which `make test` runs); a bare pytest builds it once.
"""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from cms import assets
from cms.templatetags.assets import build_exists

BUDGET = 150 * 1024
LINK = re.compile(r"<link\b([^>]*)>")
SCRIPT = re.compile(r"<script\b([^>]*)>")


@pytest.fixture(scope="module")
def build():
    if not build_exists():
        assets.build(log=lambda message: None)
        build_exists.cache_clear()
    return Path(settings.LERNHAFEN_BUILD_DIR)


def _attribute(tag: str, name: str) -> str | None:
    match = re.search(rf'\b{name}(?:="([^"]*)")?', tag)
    if match is None:
        return None
    return match.group(1) or ""


def _static_file(url: str) -> Path:
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not a static file"
    return Path(path)


def _transfer_size(path: Path) -> int:
    data = path.read_bytes()
    # What whitenoise sends to a browser that accepts gzip (fonts are compressed already).
    return len(data) if path.suffix == ".woff2" else len(gzip.compress(data, 9))


def _first_visit(client: Client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    head = page.split("</head>", 1)[0]
    stylesheets, preloads = [], []
    for tag in LINK.findall(page):
        rel, href = _attribute(tag, "rel"), _attribute(tag, "href")
        if rel == "stylesheet" and _attribute(tag, "media") != "print":
            stylesheets.append(href)
        elif rel == "preload":
            preloads.append(href)
    fonts_css = "".join(
        _static_file(href).read_text(encoding="utf-8") for href in stylesheets if "fonts" in href
    )
    fonts = ["build/" + name for name in assets.font_files_for(html.unescape(page), fonts_css)]
    blocking_scripts = [
        tag
        for tag in SCRIPT.findall(head)
        if _attribute(tag, "src") is not None
        and _attribute(tag, "defer") is None
        and _attribute(tag, "async") is None
        and _attribute(tag, "type") != "module"
    ]
    total = len(gzip.compress(response.content, 9))
    total += sum(_transfer_size(_static_file(href)) for href in stylesheets)
    total += sum(_transfer_size(_static_file(settings.STATIC_URL + font)) for font in fonts)
    return {
        "total": total,
        "fonts": fonts,
        "preloads": preloads,
        "stylesheets": stylesheets,
        "blocking_scripts": blocking_scripts,
    }


@pytest.fixture
def pages(demo_site):
    return [demo_site.home, *demo_site.home.get_children().live().specific()]


@pytest.mark.django_db
def test_every_page_loads_within_150_kb_without_images(build, client, pages):
    for page in pages:
        visit = _first_visit(client, page.url)
        assert visit["total"] <= BUDGET, (page.url, visit["total"])


@pytest.mark.django_db
def test_german_pages_need_only_the_latin_subset_and_preload_the_regular_one(build, client, pages):
    for page in pages:
        visit = _first_visit(client, page.url)
        assert visit["fonts"], page.url
        assert all(font.endswith("-latin.woff2") for font in visit["fonts"]), visit["fonts"]
        assert visit["preloads"] == [settings.STATIC_URL + "build/" + assets.PRELOAD_FONT]
        assert "build/kern.css" in " ".join(visit["stylesheets"])
        assert visit["blocking_scripts"] == []


def test_other_languages_get_their_own_subsets(build):
    fonts_css = (build / "fonts.css").read_text(encoding="utf-8")
    turkish = assets.font_files_for("Bir ağaç, İstanbul’da ışık", fonts_css)
    ukrainian = assets.font_files_for("Їжак, ґанок і Європа", fonts_css)
    assert any(font.endswith("-latin-ext.woff2") for font in turkish)
    assert any(font.endswith("-cyrillic.woff2") for font in ukrainian)
    assert not any("cyrillic" in font for font in turkish)


def test_fonts_swap_with_a_metric_matched_fallback_and_carry_the_licence(build):
    fonts_css = (build / "fonts.css").read_text(encoding="utf-8")
    faces = assets.FONT_FACE.findall(fonts_css)
    fira = [face for face in faces if '"Fira Sans"' in face]
    assert fira and all("font-display:swap" in face for face in fira)
    fallback = [face for face in faces if "Fira Sans Fallback" in face]
    assert fallback and all(
        "size-adjust" in face and "ascent-override" in face for face in fallback
    )
    assert "Open Font License" in (build / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    # Only the weights the design uses: regular, medium, semibold (also for bold), italic.
    assert len(list((build / "fonts").glob("*.woff2"))) == len(assets.FACES) * len(assets.SUBSETS)


def test_purged_kern_css_keeps_what_the_templates_use_and_drops_the_rest(build):
    css = (build / "kern.css").read_text(encoding="utf-8")
    full = (settings.NODE_MODULES / "@kern-ux/native/dist/kern.min.css").read_text()
    assert len(css) < len(full) / 2
    for used in (".kern-btn--primary", ".kern-container", ".kern-link", ".kern-alert"):
        assert used in css
    # The dark theme also for "auto" on a dark device, before any script runs.
    assert "@media (prefers-color-scheme: dark){[data-theme-choice=auto]{" in css
