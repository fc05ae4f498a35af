"""Screenshots and worksheets for the demo, drawn with Pillow by `seed_demo`.

A screen is described as data (which app, which rows, which row to tap); the same description
yields the picture and its alternative text, so the alt text always says what the image shows.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files import File
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model

from cms.demo import demo_image

FONT_DIR = Path(settings.NODE_MODULES) / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
BLUE = "#12325f"
ORANGE = "#c2410c"
INK = "#1b1f2a"
GREY = "#e6e9ef"
DEVICE_NAMES = {
    "android": "auf dem Android-Smartphone",
    "iphone": "auf dem iPhone",
    "computer": "im Browser am Computer",
    "": "auf dem Smartphone",
}


def font(size: int, bold: bool = False):
    name = "FiraSans-SemiBold.woff2" if bold else "FiraSans-Book.woff2"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:  # no FreeType/WOFF2 support: Pillow's own font still shows the text
        return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, typeface, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=typeface) <= width:
            line = candidate
        else:
            if line:
                lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


@dataclass
class Screen:
    """What a screenshot shows: the app or page, its rows, and the row to tap (if any)."""

    app: str
    rows: list[str] = field(default_factory=list)
    action: str = ""
    kind: str = "phone"  # phone, browser or sign

    def alt_text(self, device: str = "") -> str:
        """What the picture shows, at most 250 characters (the limit of alt text fields)."""
        if self.kind == "sign":
            text = f"Schild: „{self.app}“. Darunter steht: " + " – ".join(self.rows) + "."
            return text if len(text) <= 250 else f"Schild: „{self.app}“."
        where = DEVICE_NAMES["computer"] if self.kind == "browser" else DEVICE_NAMES[device]
        marked = f" „{self.action}“ ist orange umrandet." if self.action else ""
        rows = ", ".join(f"„{row}“" for row in self.rows)
        text = f"Bildschirm „{self.app}“ {where} mit {rows}.{marked}"
        if len(text) > 250:
            text = f"Bildschirm „{self.app}“ {where}.{marked}"
        return text[:250]

    def draw(self, draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
        width, height = size
        if self.kind == "sign":
            self._draw_sign(draw, width, height)
            return
        if self.kind == "browser":
            frame = (20, 20, width - 20, height - 20)
            draw.rounded_rectangle(frame, radius=16, fill="#ffffff", outline=INK, width=4)
            draw.rectangle((24, 24, width - 24, 96), fill=GREY)
            draw.rounded_rectangle((60, 40, width - 60, 82), radius=20, fill="#ffffff")
            draw.text((84, 46), self.app, font=font(26), fill=INK)
            top, left, right = 130, 60, width - 60
        else:
            draw.rounded_rectangle((30, 20, width - 30, height - 20), radius=56, fill=INK)
            draw.rounded_rectangle((52, 70, width - 52, height - 70), radius=18, fill="#ffffff")
            draw.rectangle((52, 70, width - 52, 170), fill=BLUE)
            draw.text((80, 98), self.app, font=font(38, bold=True), fill="#ffffff")
            top, left, right = 200, 76, width - 76
        row_font = font(32)
        for row in self.rows:
            lines = _wrap(draw, row, row_font, right - left - 40)
            row_height = 30 + 42 * len(lines)
            box = (left, top, right, top + row_height)
            if row == self.action:
                draw.rounded_rectangle(box, radius=14, fill="#fff1e8", outline=ORANGE, width=8)
            else:
                draw.rounded_rectangle(box, radius=14, fill=GREY)
            for index, line in enumerate(lines):
                draw.text((left + 20, top + 14 + 42 * index), line, font=row_font, fill=INK)
            top += row_height + 22

    def _draw_sign(self, draw: ImageDraw.ImageDraw, width: int, height: int) -> None:
        draw.rounded_rectangle((40, 40, width - 40, height - 40), radius=30, fill=BLUE)
        title_font, row_font = font(52, bold=True), font(34)
        top = 110
        for line in _wrap(draw, self.app, title_font, width - 160):
            draw.text((80, top), line, font=title_font, fill="#ffffff")
            top += 66
        top += 30
        for row in self.rows:
            for line in _wrap(draw, row, row_font, width - 160):
                draw.text((80, top), line, font=row_font, fill="#ffffff")
                top += 48
            top += 16


def screenshot(title: str, screen: Screen):
    """The Wagtail image for this screen, generated once per title."""
    size = (1000, 700) if screen.kind in {"browser", "sign"} else (640, 1100)
    return demo_image(title, screen.draw, size=size)


def worksheet(title: str, heading: str, paragraphs: list[str], filename: str):
    """A one-page A4 PDF (150 dpi) made with Pillow, stored once as a Wagtail document."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "#ffffff")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1240, 24), fill=BLUE)
    top = 110
    heading_font, body_font = font(54, bold=True), font(34)
    for line in _wrap(draw, heading, heading_font, 1040):
        draw.text((100, top), line, font=heading_font, fill=INK)
        top += 70
    top += 30
    for paragraph in paragraphs:
        for line in _wrap(draw, paragraph, body_font, 1040):
            draw.text((100, top), line, font=body_font, fill=INK)
            top += 48
        top += 28
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150.0)
    return document_model.objects.create(title=title, file=File(buffer, name=filename))
