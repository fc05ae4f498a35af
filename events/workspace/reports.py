"""City-wide figures for Koordination: aggregates only, never a name or contact.

A session is "held" when it was not cancelled and has ended. Per group (district, month,
audience, workshop) the report counts:

- sessions held and their seats offered,
- registrations (confirmed or still waiting; cancelled ones are not counted),
- seats filled (confirmed seats) and the fill rate (filled / offered),
- attended and no-show seats as recorded by the Lotsen, and the no-show rate among the recorded,
- waitlist demand: seats of people still on the waitlist when the session took place.

Each dimension takes two queries (sessions, registrations), whatever the amount of data.

A registration can hold many seats (a teacher books a whole class), so the page names the two
apart: „Anmeldungen (Buchungen)“ counts bookings, „belegte Plätze (Personen)“ counts people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.dates import MONTHS

from cms.charts import BarChart, Series
from cms.exports import csv_text
from events.models import Attendance, Registration, Session
from events.models.pages import AUDIENCE_CHOICES


@dataclass(frozen=True)
class Measure:
    """One figure charted across all groups of a dimension."""

    slug: str
    title: str
    value: Callable[[ReportRow], float | None]
    unit: str = "Personen"
    decimals: int = 0
    scale_max: float | None = None  # 100 for rates: a full bar is 100 %


MEASURES = [
    Measure("plaetze", "Belegte Plätze (Personen)", lambda row: row.seats_filled),
    Measure(
        "auslastung",
        "Auslastung (belegte von angebotenen Plätzen)",
        lambda row: row.fill_rate,
        unit="%",
        decimals=1,
        scale_max=100,
    ),
    Measure(
        "nicht-erschienen",
        "Nicht-erschienen-Quote (von den eingetragenen Plätzen)",
        lambda row: row.no_show_rate,
        unit="%",
        decimals=1,
        scale_max=100,
    ),
    Measure("warteliste", "Warteliste ohne Platz (Personen)", lambda row: row.waitlist_unserved),
]


@dataclass(frozen=True)
class Dimension:
    slug: str
    label: str  # column heading, e.g. "Stadtteil"
    title: str  # e.g. "nach Stadtteil"


DIMENSIONS = {
    "stadtteil": Dimension("stadtteil", "Stadtteil", "nach Stadtteil"),
    "monat": Dimension("monat", "Monat", "nach Monat"),
    "zielgruppe": Dimension("zielgruppe", "Zielgruppe", "nach Zielgruppe"),
    "workshop": Dimension("workshop", "Workshop", "nach Workshop"),
}


@dataclass
class ReportRow:
    label: str
    sessions_held: int = 0
    seats_offered: int = 0
    registrations: int = 0
    seats_filled: int = 0
    attended: int = 0
    no_show: int = 0
    waitlist_unserved: int = 0

    @property
    def fill_rate(self) -> float | None:
        return 100 * self.seats_filled / self.seats_offered if self.seats_offered else None

    @property
    def no_show_rate(self) -> float | None:
        recorded = self.attended + self.no_show
        return 100 * self.no_show / recorded if recorded else None

    @property
    def values(self) -> list[str]:
        """The figures as shown in tables and the CSV, in CSV_HEADER order."""
        return report_values(self)

    def add(self, other: ReportRow) -> None:
        for name in (
            "sessions_held",
            "seats_offered",
            "registrations",
            "seats_filled",
            "attended",
            "no_show",
            "waitlist_unserved",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Report:
    dimension: Dimension
    start: date
    end: date
    rows: list[ReportRow]

    @property
    def total(self) -> ReportRow:
        total = ReportRow("Gesamt")
        for row in self.rows:
            total.add(row)
        return total

    def charts(self) -> list[BarChart]:
        """One chart per measure, every group of the dimension in it (no data counts as 0)."""
        labels = [row.label for row in self.rows]
        period = f"{self.start:%d.%m.%Y} bis {self.end:%d.%m.%Y}"
        return [
            BarChart(
                title=f"{measure.title} {self.dimension.title}",
                description=f"{measure.title} {self.dimension.title}, {period}",
                categories=labels,
                series=[Series(measure.title, [_rounded(measure.value(row)) for row in self.rows])],
                unit=measure.unit,
                decimals=measure.decimals,
                scale_max=measure.scale_max,
                category_label=self.dimension.label,
                chart_id=f"diagramm-{self.dimension.slug}-{measure.slug}",
            )
            for measure in MEASURES
        ]


def _rounded(value: float | None) -> float:
    """Half up to one decimal, as in the table (31,25 % → 31,3 %); no figure counts as 0."""
    if value is None:
        return 0
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def held_sessions(start: date, end: date, now: datetime | None = None) -> QuerySet[Session]:
    """Sessions that took place from `start` to `end` (local days, both included)."""
    now = now or timezone.now()
    first = timezone.make_aware(datetime.combine(start, time.min))
    after = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    return Session.objects.filter(
        status=Session.SCHEDULED, start__gte=first, start__lt=after, end__lt=now
    )


def _keys(slug: str, prefix: str = ""):
    """The group-by expression of a dimension, for sessions ("") or registrations."""
    tz = timezone.get_default_timezone()
    if slug == "monat":
        return {"key": TruncMonth(f"{prefix}start", tzinfo=tz)}
    field = {
        "stadtteil": "venue__district__name",
        "zielgruppe": "workshop__audience",
        "workshop": "workshop__title",
    }[slug]
    return {"key": F(f"{prefix}{field}")}


def _label(slug: str, key) -> str:
    if slug == "monat":
        local = key.astimezone(timezone.get_default_timezone()) if key.tzinfo else key
        return f"{MONTHS[local.month]} {local.year}"
    if slug == "zielgruppe":
        return dict(AUDIENCE_CHOICES).get(key, key)
    return key or "ohne Angabe"


def _months(start: date, end: date) -> list[datetime]:
    """The first instant (Berlin) of every month from `start` to `end`."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(timezone.make_aware(datetime(year, month, 1)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def city_report(
    slug: str,
    start: date,
    end: date,
    now: datetime | None = None,
    *,
    empty_months: bool = False,
) -> Report:
    """The figures of one dimension; `empty_months` adds months without sessions as zeros."""
    dimension = DIMENSIONS[slug]
    held = held_sessions(start, end, now)
    rows: dict = {}
    for item in (
        held.annotate(**_keys(slug))
        .values("key")
        .order_by("key")
        .annotate(count=Count("pk"), seats=Sum("capacity"))
    ):
        rows[item["key"]] = ReportRow(
            _label(slug, item["key"]), sessions_held=item["count"], seats_offered=item["seats"]
        )
    confirmed = Q(status=Registration.CONFIRMED)
    for item in (
        Registration.objects.filter(session__in=held)
        .annotate(**_keys(slug, "session__"))
        .values("key")
        .order_by("key")
        .annotate(
            registrations=Count("pk", filter=~Q(status=Registration.CANCELLED)),
            seats_confirmed=Sum("seats", filter=confirmed),
            seats_attended=Sum(
                "seats", filter=confirmed & Q(attendance__status=Attendance.ATTENDED)
            ),
            seats_no_show=Sum("seats", filter=confirmed & Q(attendance__status=Attendance.NO_SHOW)),
            seats_waiting=Sum("seats", filter=Q(status=Registration.WAITLISTED)),
        )
    ):
        row = rows.get(item["key"])
        if row is None:
            continue
        row.registrations = item["registrations"] or 0
        row.seats_filled = item["seats_confirmed"] or 0
        row.attended = item["seats_attended"] or 0
        row.no_show = item["seats_no_show"] or 0
        row.waitlist_unserved = item["seats_waiting"] or 0
    if slug == "monat" and empty_months:
        tz = timezone.get_default_timezone()
        found = {}
        for key, row in rows.items():
            local = key.astimezone(tz) if key.tzinfo else key
            found[(local.year, local.month)] = row
        rows = {}
        for month in _months(start, end):
            local = month.astimezone(tz)
            rows[month] = found.get((local.year, local.month)) or ReportRow(_label(slug, month))
    ordered = list(rows.values())
    if slug != "monat":
        ordered.sort(key=lambda row: row.label.casefold())
    return Report(dimension, start, end, ordered)


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last twelve months up to today."""
    today = today or timezone.localdate()
    year, month = today.year, today.month - 11
    if month <= 0:
        year, month = year - 1, month + 12
    return date(year, month, 1), today


def percent(value: float | None) -> str:
    if value is None:
        return "–"
    # Half up, as people round by hand: 31,25 % is shown as 31,3 %.
    rounded = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded} %".replace(".", ",")


CSV_HEADER = [
    "Termine stattgefunden",
    "Plätze angeboten",
    "Anmeldungen",
    "Plätze belegt",
    "Auslastung",
    "Teilgenommen",
    "Nicht erschienen",
    "Nicht-erschienen-Quote",
    "Warteliste ohne Platz",
]


# The page's column headings: the CSV keeps its headings for spreadsheets already built on them.
PAGE_HEADER = [
    "Termine",
    "Plätze angeboten",
    "Anmeldungen (Buchungen)",
    "Plätze belegt (Personen)",
    "Auslastung",
    "Teilgenommen (Personen)",
    "Nicht erschienen (Personen)",
    "Nicht-erschienen-Quote",
    "Warteliste ohne Platz (Personen)",
]


def report_values(row: ReportRow) -> list[str]:
    return [
        str(row.sessions_held),
        str(row.seats_offered),
        str(row.registrations),
        str(row.seats_filled),
        percent(row.fill_rate),
        str(row.attended),
        str(row.no_show),
        percent(row.no_show_rate),
        str(row.waitlist_unserved),
    ]


def report_csv(report: Report) -> str:
    """Semicolon-separated with BOM, so spreadsheet programs in German open it as it is."""
    header = [report.dimension.label, *CSV_HEADER]
    rows = [[row.label, *report_values(row)] for row in [*report.rows, report.total]]
    return csv_text([header, *rows])
