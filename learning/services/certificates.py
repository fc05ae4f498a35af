"""The certificate ("Urkunde") of a finished course: what it shows, never stored."""

from __future__ import annotations

from django.utils import timezone

from courses.models import CoursePage
from learning.models import Lernpass
from learning.services.progress import course_progress


def certificate_for(lernpass: Lernpass | None, course: CoursePage) -> dict | None:
    """What the certificate shows, or None while the course is not finished."""
    progress = course_progress(lernpass, course)
    if not progress.finished:
        return None
    return {
        "course": course,
        "progress": progress,
        "date": timezone.localdate(),
        "competences": list(course.competences.select_related("area").order_by("code")),
    }
