"""Spreadsheet exports as German offices open them, and safe to open.

Every export of the site goes through this module: the workspace's registration lists and city
reports (events), the tutorial review report (courses) and Wagtail's own form submission export
(cms.FormPage). It lives in ``cms`` because every app may import from there.

- ``safe_cell`` neutralises formulas: a spreadsheet runs a cell starting with ``=``, ``+``, ``-``,
  ``@``, tab or carriage return as a formula (``=HYPERLINK(…)`` from a visitor's form), so such a
  cell gets a leading apostrophe and is shown as the text it is.
- CSV files start with a byte order mark and separate columns by semicolons: German Excel reads
  UTF-8 only with the BOM and splits columns at ``;`` (the comma is the decimal separator).
- Times are local (Europe/Berlin) and without seconds, written as the admin lists show them
  (``30.11.2026 14:30``); XLSX gets real date cells in local time.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import chain

from django.utils import timezone
from django.utils.encoding import force_str
from wagtail.admin.views.mixins import SpreadsheetExportMixin

CSV_BOM = "\ufeff"
CSV_DELIMITER = ";"
DATETIME_FORMAT = "%d.%m.%Y %H:%M"
DATE_FORMAT = "%d.%m.%Y"
FORMULA_STARTS = frozenset({"=", "+", "-", "@", "\t", "\r"})


def safe_cell(value: str) -> str:
    """The text of a cell as it is, with an apostrophe in front where a spreadsheet would run it."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """The wall-clock time in Europe/Berlin, naive and without seconds, for a spreadsheet cell."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(second=0, microsecond=0, tzinfo=None)


def cell_text(value: object) -> str:
    """One value as CSV text: German dates, Ja/Nein, lists joined, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, datetime.datetime):
        return local_datetime(value).strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, (list, tuple)):
        return safe_cell(", ".join(force_str(item) for item in value))
    return safe_cell(force_str(value))


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file (header row included) as German spreadsheet programs open it."""
    return "".join(csv_lines(rows))


def csv_lines(rows: Iterable[Iterable[object]]) -> Iterator[str]:
    """The same line by line, BOM first, for streaming responses."""

    class _Line:
        def write(self, line: str) -> str:
            return line

    writer = csv.writer(_Line(), delimiter=CSV_DELIMITER)
    yield CSV_BOM
    for row in rows:
        yield writer.writerow([cell_text(value) for value in row])


def xlsx_value(value: object) -> object:
    """One value for an XLSX cell: real dates and numbers, local time, formulas neutralised."""
    if isinstance(value, bool):
        return "Ja" if value else "Nein"
    if isinstance(value, datetime.datetime):
        return local_datetime(value)
    if value is None or isinstance(value, (int, float, Decimal, datetime.date, datetime.time)):
        return value
    return cell_text(value)


class GermanSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export (reports, form submissions) with the rules above.

    Put it before the Wagtail view class, e.g. ``class View(GermanSpreadsheetExportMixin,
    ReportView)``; Wagtail keeps XLSX as the first download button. A view's
    ``custom_field_preprocess`` still runs first; Wagtail's per-type defaults do not (they would
    write UTC).
    """

    def preprocess_field_value(self, field, value, export_format):
        if export_format in self.custom_field_preprocess.get(field, {}):
            value = super().preprocess_field_value(field, value, export_format)
        return cell_text(value) if export_format == self.FORMAT_CSV else xlsx_value(value)

    def stream_csv(self, queryset):
        headings = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        return csv_lines(chain([headings], rows))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
