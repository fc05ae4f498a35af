"""QR codes as SVG images (the Lernpass restore link, a class's join address)."""

from __future__ import annotations

import io

import segno


def qr_svg(text: str, *, scale: int = 6) -> str:
    """A standalone SVG of `text` (with its namespace, so browsers show it as an <img>)."""
    out = io.BytesIO()
    segno.make(text, error="m").save(
        out, kind="svg", scale=scale, xmldecl=False, dark="#000000", light="#ffffff", border=4
    )
    return out.getvalue().decode()
