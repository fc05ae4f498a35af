"""Building blocks for `manage.py seed_demo`: idempotent upserts every app's seeding uses.

Pages are found by parent and slug and created only when missing, so running the command again
changes nothing and never duplicates content.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

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
