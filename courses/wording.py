"""How durations and levels read in German on pages, cards and in the admin."""

from __future__ import annotations

from courses.digcomp import level_group


def format_duration(minutes: int | None) -> str:
    """'45 Minuten', '1 Stunde', '1 Stunde 30 Minuten', '2 Stunden' – as people say it."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append("1 Stunde" if hours == 1 else f"{hours} Stunden")
    if rest:
        parts.append("1 Minute" if rest == 1 else f"{rest} Minuten")
    return " ".join(parts)


def level_label(level: int | None) -> str:
    """'Grundlagen (Stufe 1 von 8)' for DigComp proficiency level 1."""
    group = level_group(level)
    return f"{group[1]} (Stufe {level} von 8)" if group else ""


def lesson_units_label(units: int | None) -> str:
    """'2 Unterrichtsstunden (je 45 Minuten)'."""
    if not units:
        return ""
    noun = "Unterrichtsstunde" if units == 1 else "Unterrichtsstunden"
    return f"{units} {noun} (je 45 Minuten)"
