"""Template tags of course and tutorial pages."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from courses import queries, wording
from courses.hooks import LEARNER_PROGRESS

register = template.Library()


@register.filter
def duration(minutes: int | None) -> str:
    """{{ course.duration_minutes|duration }} → '1 Stunde 30 Minuten'."""
    return wording.format_duration(minutes)


@register.filter
def level_label(level: int | None) -> str:
    """{{ course.level|level_label }} → 'Grundlagen (Stufe 1 von 8)'."""
    return wording.level_label(level)


@register.simple_tag(takes_context=True)
def related_workshops(context, page) -> SafeString:
    """The section "Lieber mit Hilfe? Termine in Ihrem Stadtteil" of a course or tutorial.

    Renders what the `lernhafen_related_workshops` hooks return (see courses/hooks.py); when
    they return nothing, a link to the calendar page if there is one; otherwise nothing.
    """
    request = context.get("request")
    sections = queries.related_workshop_sections(request, page) if request else []
    calendar = None if sections else queries.calendar_page_for(page)
    if not sections and calendar is None:
        return SafeString("")
    rendered = _render_sections(sections, request)
    return render_to_string(
        "courses/includes/related_workshops.html",
        {"sections": rendered, "calendar": calendar, "page": page},
        request=request,
    )


def _render_sections(sections: list[dict], request) -> list[str]:
    return [
        render_to_string(
            section["template"],
            # Like home page sections, the context is also available as `section`.
            {**section.get("context", {}), "section": section.get("context", {})},
            request=request,
        )
        for section in sections
    ]


@register.simple_tag(takes_context=True)
def learner_progress(context, page, step: int | None = None) -> SafeString:
    """What the `lernhafen_learner_progress` hooks show on a course or a tutorial step."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    sections = queries.hook_sections(LEARNER_PROGRESS, request, page, step)
    return SafeString("".join(_render_sections(sections, request)))
