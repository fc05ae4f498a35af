"""Input checks every app's forms and JSON endpoints share.

Text that a database cannot store (a lone UTF-16 surrogate such as "\\ud800") or that has no
business in a name or a message (control characters) is refused with a clear message before it
reaches a model; JSON is parsed with a depth limit and without NaN/Infinity.
"""

from __future__ import annotations

import json
import math
import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

PLAIN_TEXT_MESSAGE = gettext_lazy(
    "Dieses Feld enthält Zeichen, die wir nicht speichern können (Steuerzeichen oder ungültige "
    "Unicode-Zeichen). Bitte geben Sie nur normalen Text ein."
)
# Line breaks and tabs are part of ordinary multi-line text.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def has_forbidden_characters(value: str) -> bool:
    """True for a lone surrogate or a control character other than tab and line breaks."""
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs" or (category == "Cc" and char not in _ALLOWED_CONTROLS):
            return True
    return False


def validate_plain_text(value: Any) -> None:
    """Form/model validator: refuse text the database cannot store or people cannot read."""
    if isinstance(value, str) and has_forbidden_characters(value):
        raise ValidationError(PLAIN_TEXT_MESSAGE, code="forbidden_characters")


class PlainTextFormMixin:
    """Adds `validate_plain_text` to every text field of a form (public forms use it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and validate_plain_text not in field.validators:
                field.validators.append(validate_plain_text)


# --- JSON ---------------------------------------------------------------------------------------


class JSONRejected(ValueError):
    """The body is not JSON we accept; the message is German and safe to show."""


def _refuse_constant(name: str) -> Any:
    raise JSONRejected(f"Ungültige Zahl {name!s} im JSON.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONRejected("Zahlen im JSON müssen endlich sein.")
    return value


def _nesting_depth(text: str) -> int:
    """Deepest bracket nesting outside strings, found without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _check_strings(value: Any) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if has_forbidden_characters(item):
                raise JSONRejected("Der Text enthält Steuerzeichen oder ungültige Zeichen.")
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def loads_checked(body: bytes | str, *, max_depth: int = 20) -> Any:
    """Parse JSON that may be stored: bounded nesting, no NaN/Infinity, only storable text.

    Raises `JSONRejected` (a ValueError) with a German message for anything else.
    """
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
    except UnicodeDecodeError:
        raise JSONRejected("Die Anfrage ist kein gültiges UTF-8.") from None
    if _nesting_depth(text) > max_depth:
        raise JSONRejected("Das JSON ist zu tief verschachtelt.")
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except JSONRejected:
        raise
    except (ValueError, RecursionError):
        raise JSONRejected("Die Anfrage ist kein gültiges JSON.") from None
    _check_strings(value)
    return value


# --- Dates --------------------------------------------------------------------------------------

# Dates outside these years are typing slips or probes; they also overflow date arithmetic.
EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


def _date_range_message() -> str:
    return gettext("Bitte wählen Sie ein Datum zwischen %(earliest)s und %(latest)s.") % {
        "earliest": EARLIEST_YEAR,
        "latest": LATEST_YEAR,
    }


# Lazy: translated into the language of the request that shows it, not at import.
DATE_RANGE_MESSAGE = lazy(_date_range_message, str)()


def validate_sane_date(value: Any) -> None:
    """Validator for DateField/DateTimeField: only years EARLIEST_YEAR … LATEST_YEAR."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_range")
