"""The lean front-end files into settings.LERNHAFEN_BUILD_DIR (var/build/, never committed).

* Fira Sans from the npm package @kern-ux/native, subset with fontTools per script (Latin for
  German, Latin Extended for Turkish and other Latin languages, Cyrillic for Ukrainian) and only
  in the weights the design uses, plus fonts.css with ``unicode-range`` so a browser loads only
  the files whose characters a page shows, ``font-display: swap`` and a metric-matched local
  fallback so the swap does not move the text. The OFL notice goes along as fonts/OFL.txt and
  stays in every font's name table.
* kern.css: KERN's stylesheet purged (PurgeCSS from npm, purgecss.config.cjs) to the selectors
  our templates, JavaScript and Python (widget classes) use.

`make assets` (manage.py build_assets) runs this once per change of its inputs (a stamp file);
`make run`, `make dev` and `make test` depend on it. templates/base.html falls back to KERN's
full files while the build is missing (cms/templatetags/assets.py).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

FONT_SOURCE = settings.NODE_MODULES / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
PURGECSS = settings.NODE_MODULES / "purgecss" / "bin" / "purgecss.js"
PURGECSS_CONFIG = settings.BASE_DIR / "purgecss.config.cjs"
KERN_CSS = settings.NODE_MODULES / "@kern-ux" / "native" / "dist" / "kern.min.css"

# (weight, style, source file). 600 also serves 700 (our bold headings): one file less, and the
# difference does not show at the sizes we use. Italic only in the regular weight (rich text <em>).
FACES = [
    ("400", "normal", "FiraSans-Regular.woff2"),
    ("500", "normal", "FiraSans-Medium.woff2"),
    ("600 700", "normal", "FiraSans-SemiBold.woff2"),
    ("400", "italic", "FiraSans-Italic.woff2"),
]

# Unicode ranges per subset; they do not overlap, so each character comes from exactly one file.
SUBSETS = {
    # Basic Latin, Latin-1 (ä ö ü ß), general punctuation („ “ – … ), €, ™, arrows, minus.
    "latin": (
        "U+0000-00FF, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, "
        "U+0329, U+1E9E, U+2000-206F, U+20AC, U+2122, U+2190-2193, U+2212, U+2215, U+FEFF, "
        "U+FFFD"
    ),
    # Turkish (ğ ı İ ş), Polish, Romanian, Vietnamese letters and further currency signs.
    "latin-ext": (
        "U+0100-0151, U+0154-02AF, U+1E00-1E9D, U+1E9F-1EFF, U+2020, U+20A0-20AB, "
        "U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF"
    ),
    # Ukrainian and Russian (і ї є ґ), the numero sign.
    "cyrillic": "U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116",
}

# Local fallback shown until Fira Sans arrives, scaled to Fira's average width and vertical
# metrics so the swap moves nothing. Computed with fontTools from Fira Sans 4.106 and Liberation
# Sans (metric-compatible with Arial) over German sample text: size-adjust = Fira's average
# advance / Arial's; the overrides are Fira's hhea ascent/descent ÷ unitsPerEm ÷ size-adjust.
FALLBACKS = [
    (
        "300 500",
        'local("Arial"), local("ArialMT"), local("Liberation Sans"), local("Arimo")',
        "101.12%",
        "92.47%",
        "26.21%",
    ),
    (
        "600 900",
        'local("Arial Bold"), local("Arial-BoldMT"), local("Liberation Sans Bold"), '
        'local("Arimo Bold")',
        "95.03%",
        "98.39%",
        "27.89%",
    ),
]

FAMILY = '"Fira Sans", "Fira Sans Fallback", "Noto Sans", Arial, sans-serif'


def font_file_name(weight: str, style: str, subset: str) -> str:
    suffix = "-italic" if style == "italic" else ""
    return f"fira-sans-{weight.split()[0]}{suffix}-{subset}.woff2"


# The one file every German page needs first; base.html preloads it.
PRELOAD_FONT = "fonts/" + font_file_name("400", "normal", "latin")


def unicodes(ranges: str) -> list[int]:
    result: list[int] = []
    for part in ranges.split(","):
        part = part.strip().removeprefix("U+")
        start, _, end = part.partition("-")
        result.extend(range(int(start, 16), int(end or start, 16) + 1))
    return result


PARTS = ("fonts", "css")


def build(parts: tuple[str, ...] = PARTS, log=print) -> Path:
    """Builds the given parts into LERNHAFEN_BUILD_DIR; each file is swapped in whole, so a
    running server never reads half a file."""
    out = Path(settings.LERNHAFEN_BUILD_DIR)
    out.mkdir(parents=True, exist_ok=True)
    if "fonts" in parts:
        build_fonts(out)
    if "css" in parts:
        purge_kern(out)
    log(f"Front-end build ({', '.join(parts)}) written to {out}")
    return out


def build_fonts(out: Path) -> None:
    # Imported here: fontTools is a build dependency, not needed to serve the site.
    from fontTools import subset
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    staging = out / "fonts.new"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()

    rules = [
        "/* Fira Sans: Digitized data copyright © 2012-2015, The Mozilla Foundation and "
        "Telefonica S.A.; licensed under the SIL Open Font License 1.1 (fonts/OFL.txt). "
        "Subsets of the files in @kern-ux/native, built by manage.py build_assets. */"
    ]
    notice = ""
    for weight, style, source in FACES:
        path = FONT_SOURCE / source
        if not path.exists():
            raise CommandError(f"{path} is missing: run `make setup` (npm ci) first.")
        for name, ranges in SUBSETS.items():
            font = TTFont(path)
            if not notice:
                notice = license_notice(font)
            options = subset.Options()
            options.flavor = "woff2"
            options.name_IDs = ["*"]  # keeps copyright and licence in the font itself
            options.name_languages = ["*"]
            options.hinting = False
            options.desubroutinize = True
            options.notdef_outline = True
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=unicodes(ranges))
            subsetter.subset(font)
            file_name = font_file_name(weight, style, name)
            font.flavor = "woff2"
            font.save(staging / file_name)
            rules.append(
                "@font-face{"
                f'font-family:"Fira Sans";font-style:{style};font-weight:{weight};'
                f'font-display:swap;src:url("fonts/{file_name}") format("woff2");'
                f"unicode-range:{ranges}"
                "}"
            )
    for weight, sources, size, ascent, descent in FALLBACKS:
        rules.append(
            "@font-face{"
            f'font-family:"Fira Sans Fallback";font-weight:{weight};src:{sources};'
            f"size-adjust:{size};ascent-override:{ascent};descent-override:{descent};"
            "line-gap-override:0%"
            "}"
        )
    # Loaded after kern.css, so these win over KERN's own :root values.
    rules.append(
        f":root{{--kern-typography-font-family-fira-sans:{FAMILY};"
        f"--kern-component-kopfzeile-font-family:{FAMILY}}}"
    )
    (staging / "OFL.txt").write_text(notice, encoding="utf-8")
    shutil.rmtree(out / "fonts", ignore_errors=True)
    staging.rename(out / "fonts")
    (out / "fonts.css.new").write_text("\n".join(rules) + "\n", encoding="utf-8")
    (out / "fonts.css.new").replace(out / "fonts.css")


def license_notice(font) -> str:
    names = font["name"]

    def name(name_id: int) -> str:
        record = names.getName(name_id, 3, 1, 0x409)
        return str(record) if record else ""

    return (
        f"Fira Sans {name(5)}\n{name(0)}\n{name(7)}\n\n"
        f"{name(13)}.\nThe licence text: {name(14)}\n\n"
        "The files in this folder are subsets of the Fira Sans fonts shipped in the npm "
        "package @kern-ux/native, made with fontTools (manage.py build_assets). They keep the "
        "font's name table with the copyright and licence notice.\n"
    )


def purge_kern(out: Path) -> None:
    node = shutil.which("node")
    if node is None or not PURGECSS.exists():
        raise CommandError("PurgeCSS needs Node.js and `npm ci` (make setup).")
    with tempfile.TemporaryDirectory(dir=out) as staging:
        source = Path(staging) / "source" / "kern.min.css"
        source.parent.mkdir()
        source.write_text(keep_functional_pseudo_rules(KERN_CSS.read_text()), encoding="utf-8")
        subprocess.run(  # noqa: S603 – fixed arguments, our own files
            [
                node,
                str(PURGECSS),
                "--config",
                str(PURGECSS_CONFIG),
                "--css",
                str(source),
                "--output",
                staging,
            ],
            cwd=settings.BASE_DIR,
            check=True,
        )
        purged = Path(staging) / "kern.min.css"
        if not purged.exists():
            raise CommandError("PurgeCSS wrote no kern.min.css.")
        css = purged.read_text(encoding="utf-8")
        purged.write_text(css + auto_dark_theme(css), encoding="utf-8")
        purged.replace(out / "kern.css")


def keep_functional_pseudo_rules(css: str) -> str:
    """Marks rules whose selector has :is()/:where() for PurgeCSS to keep.

    PurgeCSS does not look inside them and would drop e.g. KERN's
    ``:is(body, [data-kern-theme=dark], …)`` rule that gives every page its text colours.
    """
    return re.sub(r"(?<=[{}])([^{}@]*:(?:is|where)\()", r"/* purgecss ignore */\1", css)


def auto_dark_theme(css: str) -> str:
    """KERN's dark tokens for visitors whose choice is "auto" and whose device is dark.

    The server renders data-kern-theme="light" for "auto"; display.js (deferred, so it
    blocks nothing) sets "dark" later. This copy of the token block applies from the first
    paint, so the page never flashes light first.
    """
    match = re.search(r"\[data-kern-theme=dark\]\{([^{}]*)\}", css)
    if match is None:
        raise CommandError("KERN's dark theme block [data-kern-theme=dark]{…} is missing.")
    return (
        f"\n@media (prefers-color-scheme: dark){{[data-theme-choice=auto]{{{match.group(1)}}}}}\n"
    )


FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")


def font_files_for(text: str, fonts_css: str) -> list[str]:
    """The font URLs in fonts_css a browser may fetch for a page showing this text: those
    Fira Sans faces whose unicode-range holds one of its characters (every weight counts, an
    upper bound). The local fallback faces load nothing."""
    characters = {ord(character) for character in text}
    files = []
    for declaration in FONT_FACE.findall(fonts_css):
        url = re.search(r'url\("?([^")]+)"?\)', declaration)
        ranges = re.search(r"unicode-range:([^;}]+)", declaration)
        if url is None:
            continue
        if ranges is None or characters & set(unicodes(ranges.group(1))):
            files.append(url.group(1))
    return files
