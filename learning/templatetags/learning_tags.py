"""Template tags for what a learner has done, read from their Lernpass."""

from __future__ import annotations

from django import template

from learning.services.lernpass import lernpass_from_request
from learning.services.progress import completed_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def page_done(context, page) -> bool:
    """Whether the visitor's Lernpass has `page` (a lesson) as done – one query, none without one.

    A learner who comes back to a lesson they finished sees "Als erledigt markiert", not the
    invitation to mark it again.
    """
    request = context.get("request")
    if request is None or page is None or getattr(request, "is_preview", False):
        return False
    lernpass = lernpass_from_request(request)
    if lernpass is None:
        return False
    return completed_pages([lernpass.pk], [page.pk]).exists()
