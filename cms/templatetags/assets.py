"""The stylesheet and font links of every public page: the lean build when it exists.

`manage.py build_assets` (run by make) writes subset fonts and a purged KERN stylesheet into
settings.LERNHAFEN_BUILD_DIR. Without that build (a bare `pytest` in a fresh checkout) pages
link KERN's full files instead, so they still look right, only heavier.
"""

from __future__ import annotations

from functools import cache

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join

from cms.assets import PRELOAD_FONT

register = template.Library()


@cache
def build_exists() -> bool:
    build = settings.LERNHAFEN_BUILD_DIR
    return (build / "kern.css").exists() and (build / "fonts.css").exists()


@register.simple_tag
def kern_stylesheets() -> str:
    """Preload of the regular Latin font, then KERN's CSS and the fonts (fonts.css after
    kern.css: its font stack with the metric-matched fallback overrides KERN's)."""
    if not build_exists():
        return format_html_join(
            "\n",
            '<link rel="stylesheet" href="{}">',
            [(static("vendor/kern/fonts/fira-sans.css"),), (static("vendor/kern/kern.min.css"),)],
        )
    return format_html(
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>\n'
        '<link rel="stylesheet" href="{}">\n<link rel="stylesheet" href="{}">',
        static(f"build/{PRELOAD_FONT}"),
        static("build/kern.css"),
        static("build/fonts.css"),
    )
