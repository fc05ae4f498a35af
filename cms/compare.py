"""The admin's revision comparison in German: Ja/Nein, "–" and 30.11.2026 14:30.

Wagtail compares plain fields by their Python value, so editors saw "True", "None" and
"2026-11-30 13:30:00+00:00". Registered in CmsConfig.ready() for every field type that
has no comparison of its own in Wagtail.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape
from wagtail.admin.compare import (
    BlockComparison,
    FieldComparison,
    TextDiff,
    register_comparison_class,
)

EMPTY = "–"


def display_value(value: object) -> str:
    """A field value as the editor reads it."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, datetime.time):
        return formats.time_format(value, "H:i")
    return formats.localize(value)


class DisplayValueComparison(FieldComparison):
    def htmldiff(self):
        before, after = display_value(self.val_a), display_value(self.val_b)
        if self.has_changed():
            return TextDiff([("deletion", before), ("addition", after)]).to_html()
        return escape(before)


class YesNoBlockComparison(BlockComparison):
    """For cms.blocks.YesNoBlock inside StreamFields."""

    def htmlvalue(self, val):
        return escape(display_value(bool(val)))

    def htmldiff(self):
        before, after = display_value(bool(self.val_a)), display_value(bool(self.val_b))
        if before != after:
            return TextDiff([("deletion", before), ("addition", after)]).to_html()
        return escape(before)


FIELD_TYPES = (
    models.BooleanField,
    models.DateTimeField,
    models.DateField,
    models.TimeField,
    models.IntegerField,
    models.DecimalField,
    models.FloatField,
)


def register_german_comparisons() -> None:
    for field_class in FIELD_TYPES:
        register_comparison_class(field_class, comparison_class=DisplayValueComparison)
