"""How durations and levels read on pages, cards and in the admin, in the active language."""

from __future__ import annotations

from django.utils.translation import gettext, ngettext, pgettext

from courses.digcomp import level_group

LEVEL_COUNT = 8
LESSON_UNIT_MINUTES = 45


def format_duration(minutes: int | None) -> str:
    """'45 Minuten', '1 Stunde', '1 Stunde 30 Minuten', '2 Stunden' – as people say it."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    hours_text = ngettext("%(hours)d Stunde", "%(hours)d Stunden", hours) % {"hours": hours}
    minutes_text = ngettext("%(minutes)d Minute", "%(minutes)d Minuten", rest) % {"minutes": rest}
    if hours and rest:
        # Some languages join hours and minutes with a word ("1 hour and 30 minutes").
        return pgettext("duration", "%(hours)s %(minutes)s") % {
            "hours": hours_text,
            "minutes": minutes_text,
        }
    return hours_text if hours else minutes_text


def level_label(level: int | None) -> str:
    """'Grundlagen (Stufe 1 von 8)' for DigComp proficiency level 1."""
    group = level_group(level)
    if not group:
        return ""
    return gettext("%(group)s (Stufe %(level)d von %(total)d)") % {
        "group": group[1],
        "level": level,
        "total": LEVEL_COUNT,
    }


def lesson_units_label(units: int | None) -> str:
    """'2 Unterrichtsstunden (je 45 Minuten)'."""
    if not units:
        return ""
    return ngettext(
        "%(units)d Unterrichtsstunde (je %(minutes)d Minuten)",
        "%(units)d Unterrichtsstunden (je %(minutes)d Minuten)",
        units,
    ) % {"units": units, "minutes": LESSON_UNIT_MINUTES}
