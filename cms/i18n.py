"""Languages: the source locale, translated snippets shown in the visitor's language, switcher data.

German is the source: pages and snippets are written in German and translated with
wagtail-localize into the other locales (settings.LANGUAGES). Records that point at a snippet
(a session's venue, a tutorial's digital service) always point at the German original; what a
visitor reads is the translation in the active language, looked up here.

`localized(obj)` costs no query in German. In another language it loads all translations of
that model in the active locale once per request (the snippets translated this way are small
tables: districts, venues, topics, digital services), so a list of 200 sessions costs one query
per model, not one per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import request_started
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, Site, TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)

# language code → Locale id; Locales change almost never (cleared on every save or delete).
_locale_ids: dict[str, int | None] = {}
# (model label, locale id) → {translation_key: translated object}, for the current request.
_translations: ContextVar[dict | None] = ContextVar("lernhafen_translations", default=None)


def locale_id(language_code: str) -> int | None:
    if language_code not in _locale_ids:
        locale = Locale.objects.filter(language_code=language_code).only("pk").first()
        _locale_ids[language_code] = locale.pk if locale else None
    return _locale_ids[language_code]


def source_locale_id() -> int | None:
    return locale_id(settings.LANGUAGE_CODE)


def active_locale_id() -> int | None:
    return locale_id(translation.get_language() or settings.LANGUAGE_CODE)


def forget_cached_locales(**kwargs) -> None:
    """Drop the remembered Locale ids and translations (a test database is flushed, say)."""
    _locale_ids.clear()
    _translations.set(None)


def _forget_translations(**kwargs) -> None:
    _translations.set(None)


def _forget_changed_translations(sender, **kwargs) -> None:
    # Outside a request (a task, a test) the table lives on: drop it when a translation changes.
    if issubclass(sender, TranslatableMixin):
        _translations.set(None)


post_save.connect(forget_cached_locales, sender=Locale, dispatch_uid="lernhafen-locale-saved")
post_delete.connect(forget_cached_locales, sender=Locale, dispatch_uid="lernhafen-locale-deleted")
post_save.connect(_forget_changed_translations, dispatch_uid="lernhafen-translation-saved")
post_delete.connect(_forget_changed_translations, dispatch_uid="lernhafen-translation-deleted")
request_started.connect(_forget_translations, dispatch_uid="lernhafen-request-translations")


def localized(obj: T | None) -> T | None:
    """The translation of `obj` in the active language, or `obj` itself when there is none."""
    if obj is None:
        return None
    wanted = active_locale_id()
    if wanted is None or obj.locale_id == wanted:
        return obj
    table = _translations.get()
    if table is None:
        table = {}
        _translations.set(table)
    model = type(obj)
    key = (model._meta.label, wanted)
    if key not in table:
        table[key] = {
            row.translation_key: row for row in model._default_manager.filter(locale_id=wanted)
        }
    return table[key].get(obj.translation_key, obj)


class ValidatesTranslatableChildren:
    """A page whose translatable child objects (tutorial steps, course materials) are validated
    with the page when something other than an admin form saves it.

    wagtail-localize writes a translation's child objects from translated strings and validates
    only the page's own fields, so a translation office's text longer than a step's field reached
    the database (PostgreSQL answered with a server error, SQLite stored it). Here each child's
    fields are checked, and an error is keyed by the path wagtail-localize gives the string
    (`<relation>.<translation key>.<field>`), so its editor shows the message at that string.

    Admin forms validate the children in their inline formsets and call `full_clean` with an
    `exclude` set; only callers without one (`save`, `save_revision`, wagtail-localize, code) get
    this check, because a form cannot place errors keyed by paths it has no field for.
    """

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        super().full_clean(
            exclude=exclude,
            validate_unique=validate_unique,
            validate_constraints=validate_constraints,
        )
        if exclude is None:
            self.clean_translatable_children()

    def minimal_clean(self):
        # Wagtail's check before saving a draft (a new translation is one): field lengths are
        # data integrity, so the children's are checked here too.
        super().minimal_clean()
        self.clean_translatable_children()

    def clean_translatable_children(self) -> None:
        errors: dict[str, list] = {}
        for relation in self._meta.related_objects:
            if not (
                isinstance(relation, models.ManyToOneRel)
                and isinstance(relation.remote_field, ParentalKey)
                and issubclass(relation.related_model, TranslatableMixin)
            ):
                continue
            for child in getattr(self, relation.get_accessor_name()).all():
                try:
                    child.clean_fields(exclude=[relation.field.name])
                except ValidationError as error:
                    for field, messages in error.error_dict.items():
                        errors[f"{relation.name}.{child.translation_key}.{field}"] = messages
        if errors:
            raise ValidationError(errors)


class SourceLocaleQuerySet(models.QuerySet):
    """Querysets of translated snippets: `.originals()` are the German rows others point at."""

    def originals(self):
        # By language code, not a remembered id: querysets built at import time stay right.
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)


def language_name(code: str) -> str:
    """The language named in itself, as settings.LANGUAGES spells it (Türkçe, العربية …)."""
    return dict(settings.LANGUAGES).get(code, code)


def html_lang(code: str) -> str:
    """The `lang` attribute of a language: Leichte Sprache is German (de)."""
    return "de" if code == settings.LEICHTE_SPRACHE else code


class LocalizedModelChoiceField(forms.ModelChoiceField):
    """Offers the German originals (what records point at), labelled in the visitor's language."""

    def label_from_instance(self, obj):
        return str(localized(obj))


def localized_pages(pages: list) -> list:
    """Each page's live translation in the active language (itself if none), in one query.

    For pages named by a link (featured tutorials, a course's tutorials): the link points at the
    German page; a visitor in another language sees its translation.
    """
    wanted = active_locale_id()
    foreign = [page for page in pages if page.locale_id != wanted]
    if wanted is None or not foreign:
        return list(pages)
    model = type(foreign[0])
    if any(type(page) is not model for page in foreign):
        model = Page
    found = {
        page.translation_key: page
        for page in model.objects.live()
        .public()
        .filter(locale_id=wanted, translation_key__in=[page.translation_key for page in foreign])
    }
    return [found.get(page.translation_key, page) for page in pages]


# --- Language versions of what a visitor reads: switcher, hreflang, menus ----------------------
#
# The URL prefix is the visitor's whole language choice (no cookie): German at the addresses it
# always had, the other languages under /<code>/. Every link that stays on the site therefore
# has to lead to pages of the active language: the menu starts at the translated home page, the
# footer shows the translations of the German pages the site settings name, and the switcher
# leads to the same page in another language.


@dataclass(frozen=True)
class LanguageVersion:
    """One entry of the language switcher: where choosing this language leads."""

    code: str
    name: str  # the language named in itself (settings.LANGUAGES)
    lang: str  # `lang` of the link text: Leichte Sprache is German ("de")
    url: str  # relative address of this version, without query string
    href: str  # where the link leads: `url` with the query string of an equivalent view
    is_current: bool
    # True: the same page (or view) in that language. False: the page has no live translation
    # there, so the switcher leads to that language's home page and <head> names no alternate.
    is_equivalent: bool


def _live_translations(keys: Iterable) -> list[Page]:
    return list(Page.objects.live().filter(translation_key__in=list(keys)).select_related("locale"))


def _site_root(request: HttpRequest) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site else None


def language_homes(request: HttpRequest) -> dict[str, Page]:
    """The live translations of the site's home page by language code (German: the root itself).

    One query per request, shared with `language_versions`."""
    if not hasattr(request, "_lernhafen_language_homes"):
        root = _site_root(request)
        rows = _live_translations([root.translation_key]) if root else []
        request._lernhafen_language_homes = {row.locale.language_code: row for row in rows}
    return request._lernhafen_language_homes


def localized_home(request: HttpRequest) -> Page | None:
    """The home page in the active language, else the site's (German) home page."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return language_homes(request).get(code) or _site_root(request)


def _page_versions(request: HttpRequest, page: Page) -> dict[str, str]:
    """Addresses of the page's live translations by language code, sub-route kept.

    Loads the home pages' translations in the same query (`language_homes` then costs none)."""
    root = _site_root(request)
    keys = {page.translation_key} | ({root.translation_key} if root else set())
    rows = _live_translations(keys)
    if root is not None:
        request._lernhafen_language_homes = {
            row.locale.language_code: row
            for row in rows
            if row.translation_key == root.translation_key
        }
    current_url = page.get_url(request) or ""
    # A routable page's sub-route (a workshop's session) continues in the other language.
    suffix = ""
    if current_url.startswith("/") and request.path.startswith(current_url):
        suffix = request.path[len(current_url) :]
    versions = {}
    for row in rows:
        url = row.get_url(request) if row.translation_key == page.translation_key else None
        if url:
            versions[row.locale.language_code] = url + suffix
    return versions


def _view_versions(request: HttpRequest, codes: Iterable[str]) -> dict[str, str]:
    """Addresses of a view inside i18n_patterns (search, display settings …) in each language."""
    match = request.resolver_match
    if match is None or match.url_name == "wagtail_serve":
        # Wagtail's catch-all without a page (a 404): its address means nothing elsewhere.
        return {}
    current = translation.get_language()
    versions = {}
    for code in codes:
        url = translate_url(request.path, code)
        if url != request.path or code == current:
            versions[code] = url
    return versions


def language_versions(
    request: HttpRequest | None, page: Page | None = None
) -> list[LanguageVersion]:
    """The switcher's entries, in the order of settings.LANGUAGES; computed once per request.

    Offered: every language whose home page is live (a language without one is not offered),
    and always the active one. A language leads to the page's live translation (or the view in
    that language), else to that language's home page. One query, however many pages exist.
    """
    if request is None or getattr(request, "is_preview", False):
        return []
    page = page if isinstance(page, Page) and page.pk else None
    cached = getattr(request, "_lernhafen_language_versions", None)
    if cached is not None and cached[0] == (page.pk if page else None):
        return cached[1]
    if page is not None:
        equivalents = _page_versions(request, page)
        homes = language_homes(request)
    else:
        homes = language_homes(request)
        equivalents = _view_versions(request, [*homes, translation.get_language()])
    query = request.META.get("QUERY_STRING", "")
    current = translation.get_language() or settings.LANGUAGE_CODE
    versions = []
    for code, name in settings.LANGUAGES:
        if code in equivalents:
            url = equivalents[code]
            # Search terms and filters mean the same in every language.
            href = f"{url}?{query}" if query else url
        elif code in homes:
            url = href = homes[code].get_url(request) or ""
        elif code == current:
            url = href = request.path
        else:
            continue  # no home page in that language: not offered
        if not url:
            continue
        versions.append(
            LanguageVersion(
                code=code,
                name=name,
                lang=html_lang(code),
                url=url,
                href=href,
                is_current=code == current,
                is_equivalent=code in equivalents,
            )
        )
    request._lernhafen_language_versions = (page.pk if page else None, versions)
    return versions


def language_alternates(
    request: HttpRequest | None, page: Page | None = None
) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for each language version of this page or view, and x-default
    (the German version), for <link rel="alternate">. Nothing when there is only one version.

    Leichte Sprache keeps its own tag, "de-x-ls": valid BCP 47 (a private-use subtag after "x"),
    so its version stays apart from German although its pages say lang="de"."""
    equivalents = [v for v in language_versions(request, page) if v.is_equivalent]
    if len(equivalents) < 2:
        return []
    alternates = [(v.code, request.build_absolute_uri(v.url)) for v in equivalents]
    alternates += [("x-default", url) for code, url in alternates if code == settings.LANGUAGE_CODE]
    return alternates
