"""Template tags for the site shell: navigation, breadcrumbs and small formatting helpers."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms import i18n
from cms.i18n import html_lang

register = template.Library()


def _site_root(request: HttpRequest) -> Page | None:
    # The home page in the visitor's language: menu, breadcrumbs and brand link stay in it.
    # Cached on the request: header, breadcrumbs and footer all ask for it.
    if not hasattr(request, "_lernhafen_root"):
        request._lernhafen_root = i18n.localized_home(request)
    return request._lernhafen_root


@register.simple_tag(takes_context=True)
def home_page(context) -> Page | None:
    """The home page in the visitor's language (the brand link, the breadcrumbs' first step)."""
    request = context.get("request")
    return _site_root(request) if request else None


@register.simple_tag(takes_context=True)
def language_home(context, code: str) -> Page | None:
    """The live home page of one language, or None (e.g. Leichte Sprache before it is written)."""
    request = context.get("request")
    return i18n.language_homes(request).get(code) if request else None


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to this page (or view) in every offered language; see cms.i18n.language_versions."""
    request = context.get("request")
    return {"languages": i18n.language_versions(request, context.get("page"))}


@register.inclusion_tag("components/language_alternates.html", takes_context=True)
def language_alternates(context) -> dict:
    """<link rel="alternate" hreflang> for the language versions of this page or view."""
    request = context.get("request")
    return {"alternates": i18n.language_alternates(request, context.get("page"))}


@register.inclusion_tag("components/easy_language_offer.html", takes_context=True)
def easy_language_offer(context) -> dict:
    """Leichte Sprache and sign language on the home page (BITV 2.0 § 4).

    Leichte Sprache leads to its own home page (/de-x-ls/) once that is live, else to the page
    the site settings name for it (the German explanation, which the footer always links)."""
    request = context.get("request")
    site_settings = context.get("site_settings")
    if request is None or site_settings is None:
        return {}
    current = get_language()
    easy_home = i18n.language_homes(request).get(settings.LEICHTE_SPRACHE)
    pages = [
        page
        for page in (site_settings.easy_language_page, site_settings.sign_language_page)
        if page is not None and page.live
    ]
    localized = dict(zip((p.pk for p in pages), i18n.localized_pages(pages), strict=True))
    easy_page = site_settings.easy_language_page
    sign_page = site_settings.sign_language_page
    return {
        "easy_home": easy_home if current != settings.LEICHTE_SPRACHE else None,
        "easy_language_name": i18n.language_name(settings.LEICHTE_SPRACHE),
        "easy_lang": i18n.html_lang(settings.LEICHTE_SPRACHE),
        "easy_code": settings.LEICHTE_SPRACHE,
        "easy_page": localized.get(easy_page.pk) if easy_page and not easy_home else None,
        "sign_page": localized.get(sign_page.pk) if sign_page else None,
    }


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    request = context.get("request")
    root = _site_root(request) if request else None
    items = list(root.get_children().live().in_menu()) if root else []
    current = context.get("page")
    current_path = current.url_path if current else (request.path if request else "")
    for item in items:
        item.is_current = bool(current_path) and current_path.startswith(item.url_path)
    return {"request": request, "items": items, "root": root}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page | None = None, current_title: str = "") -> dict:
    """Trail from the home page to the current page; `current_title` for non-page views."""
    request = context.get("request")
    if page is not None:
        # The home page (depth 2) has no trail: no query for its ancestors.
        trail = [*page.get_ancestors().filter(depth__gt=1), page] if page.depth > 2 else []
        return {"request": request, "trail": trail, "current_title": ""}
    root = _site_root(request) if request else None
    return {"request": request, "trail": [root] if root else [], "current_title": current_title}


META_DESCRIPTION_LENGTH = 160  # what search engines show before cutting off


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """What a search engine shows under the title: the editor's search description, else the
    page's summary or introduction, else a view's own `meta_description`, else what the site is."""
    page = context.get("page")
    candidates = [
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        getattr(page, "intro", ""),
        context.get("meta_description", ""),
    ]
    for candidate in candidates:
        text = " ".join(str(candidate or "").split())
        if text:
            return Truncator(text).chars(META_DESCRIPTION_LENGTH)
    site_settings = context.get("site_settings")
    parts = (getattr(site_settings, "site_name", ""), getattr(site_settings, "city_name", ""))
    name = " ".join(part for part in parts if part)
    if not name:
        return _(
            "Schritt-für-Schritt-Anleitungen, Kurse und Workshops in Ihrem Stadtteil – "
            "digitale Angebote der Stadt sicher nutzen."
        )
    return _(
        "%(name)s: Schritt-für-Schritt-Anleitungen, Kurse und Workshops in Ihrem Stadtteil – "
        "digitale Angebote der Stadt sicher nutzen."
    ) % {"name": name}


@register.filter(name="html_lang")
def html_lang_filter(language_code: str) -> str:
    """The `lang` attribute for a language code, for pages without context processors (500)."""
    return html_lang(language_code)


@register.filter
def bdi(value) -> str:
    """`value` (escaped) in <bdi>: a search term keeps its own direction inside Arabic text."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def document_meta(document) -> str:
    """'PDF, 120 KB' – what a resident needs to know before downloading."""
    extension = (document.file_extension or "").upper()
    try:
        size = filesizeformat(document.get_file_size() or document.file.size)
    except (OSError, ValueError):
        size = ""
    return ", ".join(part for part in (extension, size) if part)
