from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language, get_language_bidi

from cms.display import DisplayPreferences
from cms.i18n import html_lang


def display_preferences(request: HttpRequest) -> dict:
    return {"display": DisplayPreferences.from_request(request)}


def language(request: HttpRequest) -> dict:
    """`html_lang` (Leichte Sprache is "de") and `text_direction` ("rtl" for Arabic) for <html>."""
    code = get_language() or settings.LANGUAGE_CODE
    return {
        "html_lang": html_lang(code),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
