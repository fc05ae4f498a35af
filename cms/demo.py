"""Building blocks for `manage.py seed_demo`: idempotent upserts every app's seeding uses.

The demo's texts and structure are data: TOML files under `<app>/demo/` (keyed fields, read with
the standard library's `tomllib`), loaded by each app's small `demo` module with these helpers.
Pages are found by parent and slug and created only when missing, so running the command again
changes nothing and never duplicates content.
"""

from __future__ import annotations

import io
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

P = TypeVar("P", bound=Page)


@dataclass
class DemoSite:
    site: Site
    home: Page
    log: Callable[[str], None] = print
    pages: dict[str, Page] = field(default_factory=dict)

    def ensure_page(self, parent: Page, model: type[P], slug: str, **fields) -> P:
        """The published child of `parent` with this slug, created with `fields` if missing.

        An existing page is left exactly as it is: editors may have improved the demo text.
        """
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, **fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            page.refresh_from_db()
            self.log(f"  + {model._meta.verbose_name}: {page.url_path}")
        self.pages[page.url_path] = page
        return page


def demo_image(
    title: str,
    draw: Callable[[ImageDraw.ImageDraw, tuple[int, int]], None],
    size: tuple[int, int] = (1200, 800),
    background: str = "#ffffff",
):
    """A Wagtail image generated with Pillow, created once per title."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", size, background)
    draw(ImageDraw.Draw(canvas), size)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    filename = "".join(c if c.isalnum() else "-" for c in title.lower())[:60] + ".png"
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))


# --- Demo data files ----------------------------------------------------------------------------


def load_demo_data(package: str, name: str) -> dict[str, Any]:
    """The TOML file `<package>/demo/<name>`, found through the installed package's resources."""
    return tomllib.loads((resources.files(package) / "demo" / name).read_text(encoding="utf-8"))


def load_demo_folder(package: str, folder: str, names: list[str]) -> list[dict[str, Any]]:
    """The files `<package>/demo/<folder>/<name>.toml` in the order `names` gives."""
    return [load_demo_data(package, f"{folder}/{name}.toml") for name in names]


def html(text: str) -> str:
    """HTML written over several lines in a data file, joined as an editor's rich text would be.

    A line break between two tags disappears; any other line break (with its indentation) is a
    space, so prose can wrap in the file.
    """
    text = re.sub(r">\s*\n\s*<", "><", text.strip())
    return re.sub(r"\s*\n\s*", " ", text)


def body_block(spec: dict[str, Any], resolve: Callable[[dict[str, Any]], tuple] | None = None):
    """One StreamField child `(type, value)` from a data entry with a `type` key.

    Handles the shared blocks of `cms.blocks.BodyBlock` (paragraph, callout, accordion); an
    app passes `resolve` for the blocks only it can build (images, documents, pages).
    """
    kind = spec["type"]
    if kind == "paragraph":
        return ("paragraph", RichText(html(spec["html"])))
    if kind == "callout":
        value = {"kind": spec["kind"], "title": spec["title"], "text": RichText(html(spec["html"]))}
        return ("callout", value)
    if kind == "accordion":
        items = [
            {"title": item["title"], "body": RichText(html(item["html"]))} for item in spec["items"]
        ]
        return ("accordion", {"heading": spec.get("heading", ""), "items": items})
    if resolve is not None:
        return resolve(spec)
    raise ValueError(f"Unknown demo block type {kind!r}")
