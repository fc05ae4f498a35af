"""The city reports for Koordination: one page with charts and tables, and a CSV per dimension."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from cms.validators import DATE_RANGE_MESSAGE, validate_sane_date
from events.workspace import reports
from events.workspace.views.base import render_page


def _period(request: HttpRequest) -> tuple[date, date, list[str]]:
    start, end = reports.default_period()
    errors = []
    for name in ("von", "bis"):
        value = request.GET.get(name)
        if not value:
            continue
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            errors.append(f"„{value}“ ist kein Datum; es gilt der Standardzeitraum.")
            continue
        try:
            validate_sane_date(parsed)
        except ValidationError:
            errors.append(f"„{value}“: {DATE_RANGE_MESSAGE} Es gilt der Standardzeitraum.")
            continue
        if name == "von":
            start = parsed
        else:
            end = parsed
    if end < start:
        errors.append("Das Ende des Zeitraums liegt vor dem Anfang; es gilt der Standardzeitraum.")
        start, end = reports.default_period()
    return start, end, errors


def report_overview(request: HttpRequest) -> HttpResponse:
    """One dimension at a time (?nach=…): a chart per measure, then every figure in a table."""
    start, end, errors = _period(request)
    slug = request.GET.get("nach", "")
    if slug not in reports.DIMENSIONS:
        slug = next(iter(reports.DIMENSIONS))
    report = reports.city_report(slug, start, end, empty_months=True)
    query = f"von={start.isoformat()}&bis={end.isoformat()}"
    return render_page(
        request,
        "events/workspace/reports.html",
        "Berichte für die Stadt",
        {
            "report": report,
            "charts": report.charts(),
            "dimensions": [
                (dimension, f"?{query}&nach={key}", key == slug)
                for key, dimension in reports.DIMENSIONS.items()
            ],
            "start": start,
            "end": end,
            "errors": errors,
            "header": reports.PAGE_HEADER,
            "query": query,
        },
    )


def report_csv(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in reports.DIMENSIONS:
        return HttpResponse(
            "Diesen Bericht gibt es nicht.", status=404, content_type="text/plain; charset=utf-8"
        )
    start, end, _ = _period(request)
    report = reports.city_report(slug, start, end, empty_months=True)
    response = HttpResponse(reports.report_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="bericht-{slug}-{start.isoformat()}-{end.isoformat()}.csv"'
    )
    return response
