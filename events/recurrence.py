"""Recurrence rules of a session series (RFC 5545 RRULE with exception dates).

Pure rules: turns a series' rule text into start times or a German ValueError. It reads the
rule fields of a series (the `SeriesRule` protocol) and imports no model, so models
(SessionSeries.clean), services (generate_sessions) and the workspace forms (previews) all use
the same rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Protocol

from dateutil.rrule import rrulestr
from django.utils import timezone

from cms.validators import DATE_RANGE_MESSAGE, EARLIEST_YEAR, LATEST_YEAR


class SeriesRule(Protocol):
    """What the rules read of a series (events.models.SessionSeries has these fields)."""

    first_start: datetime | None
    rrule: str
    exdates: str


MAX_SERIES_SESSIONS = 200
# A series ends within this many days of its first date. Rules are checked before dateutil
# expands them: it walks candidate dates until the next match, so a rule that (almost) never
# matches – every 30 February, the 2nd Monday of a week – would burn CPU up to year 9999.
# Hence only the parts a workshop series needs, each in a range that matches every few months.
MAX_SERIES_DAYS = 2 * 366
SERIES_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY")
_RULE_MESSAGE = "Diese Regel verstehen wir nicht. Beispiel: FREQ=WEEKLY;BYDAY=TU;COUNT=10"
_HORIZON_MESSAGE = (
    "Eine Terminreihe darf höchstens zwei Jahre dauern. Bitte legen Sie danach eine neue an."
)
_WEEKDAY = r"(MO|TU|WE|TH|FR|SA|SU)"
_MONTHDAY = r"-?([1-9]|[12]\d|3[01])"
_RULE_PARTS = {
    "FREQ": re.compile(r"[A-Z]+"),
    "INTERVAL": re.compile(r"[1-4]"),
    "COUNT": re.compile(r"\d{1,6}"),
    "UNTIL": re.compile(r"\d{8}(T\d{6}Z?)?"),
    "WKST": re.compile(_WEEKDAY),
    "BYDAY": re.compile(rf"[+-]?[1-5]?{_WEEKDAY}(,[+-]?[1-5]?{_WEEKDAY})*"),
    "BYMONTHDAY": re.compile(rf"{_MONTHDAY}(,{_MONTHDAY})*"),
}


def parse_exdates(text: str) -> set[date]:
    days = set()
    for line in (text or "").split():
        try:
            days.add(date.fromisoformat(line.strip().rstrip(",")))
        except ValueError:
            raise ValueError(
                f"„{line}“ ist kein Datum. Bitte je Zeile ein Datum wie 2026-12-24 eingeben."
            ) from None
    return days


def check_rule(text: str) -> dict[str, str]:
    """The parts of an RRULE; a German ValueError unless it is a bounded workshop series."""
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name, _, value = part.partition("=")
        pattern = _RULE_PARTS.get(name)
        if pattern is None or name in parts or not pattern.fullmatch(value):
            raise ValueError(_RULE_MESSAGE)
        parts[name] = value
    if parts.get("FREQ") not in SERIES_FREQUENCIES:
        raise ValueError(
            "Eine Terminreihe wiederholt sich täglich, wöchentlich oder monatlich "
            "(FREQ=DAILY, WEEKLY oder MONTHLY)."
        )
    if parts["FREQ"] != "MONTHLY" and (
        "BYMONTHDAY" in parts or re.search(r"\d", parts.get("BYDAY", ""))
    ):
        raise ValueError("Tage wie „1WE“ und BYMONTHDAY gibt es nur bei FREQ=MONTHLY.")
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        # "the 5th Monday that is the 1st" never happens.
        raise ValueError("Bitte verwenden Sie entweder BYDAY oder BYMONTHDAY, nicht beides.")
    if "COUNT" not in parts and "UNTIL" not in parts:
        raise ValueError("Bitte begrenzen Sie die Regel mit COUNT= oder UNTIL=.")
    if int(parts.get("COUNT", 0)) > MAX_SERIES_SESSIONS:
        raise ValueError(f"Eine Terminreihe hat höchstens {MAX_SERIES_SESSIONS} Termine.")
    return parts


def series_starts(series: SeriesRule) -> list[datetime]:
    """Start times (aware, Europe/Berlin wall clock kept across DST) the rule produces."""
    if not series.first_start:
        return []
    local_start = timezone.localtime(series.first_start).replace(tzinfo=None)
    if not EARLIEST_YEAR <= local_start.year <= LATEST_YEAR:
        raise ValueError(DATE_RANGE_MESSAGE)
    rule_text = series.rrule.strip().removeprefix("RRULE:").upper()
    parts = check_rule(rule_text)
    horizon = local_start + timedelta(days=MAX_SERIES_DAYS)
    if "UNTIL" in parts:
        try:
            until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d")
        except ValueError:
            raise ValueError(_RULE_MESSAGE) from None
        if until > horizon:
            raise ValueError(_HORIZON_MESSAGE)
    try:
        # Naive local times: a weekly 10:00 course stays at 10:00 after the clocks change.
        rule = rrulestr(rule_text, dtstart=local_start, ignoretz=True)
        starts = list(islice(iter(rule), MAX_SERIES_SESSIONS + 1))
    except (TypeError, ValueError, OverflowError):
        raise ValueError(_RULE_MESSAGE) from None
    if len(starts) > MAX_SERIES_SESSIONS:
        raise ValueError(
            f"Die Regel ergibt mehr als {MAX_SERIES_SESSIONS} Termine. "
            "Bitte begrenzen Sie sie mit COUNT= oder UNTIL=."
        )
    if starts and starts[-1] > horizon:
        raise ValueError(_HORIZON_MESSAGE)
    skipped = parse_exdates(series.exdates)
    tz = timezone.get_default_timezone()
    return [s.replace(tzinfo=tz) for s in starts if s.date() not in skipped]
