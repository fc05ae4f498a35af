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

from contextvars import ContextVar
from typing import TypeVar

from django import forms
from django.conf import settings
from django.core.signals import request_started
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Locale, Page, TranslatableMixin

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
