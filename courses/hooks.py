"""Wagtail hooks the courses app defines, so that other apps plug into its pages without
courses importing them (ARCHITECTURE.md: dependencies point one way).

Register them in an app's ``wagtail_hooks.py`` with ``@hooks.register(NAME)``.

``lernhafen_related_workshops`` (RELATED_WORKSHOPS)
    Sent while rendering a CoursePage or TutorialPage (template tag ``related_workshops`` in
    ``courses/templatetags/courses_tags.py``) as ``fn(request, page)``, where ``page`` is the
    specific CoursePage or TutorialPage. Return ``{"template": "<app>/x.html", "context":
    {...}}`` or ``None`` when there is nothing to show. The template is rendered with that
    context (also available as ``section``, as for home page sections) and the request, inside
    the section "Lieber mit Hilfe? Termine in Ihrem Stadtteil", which supplies the heading.
    When no hook returns anything, the section links to the calendar page at ``/kalender/`` if
    such a page exists, and is hidden otherwise.

``lernhafen_learner_progress`` (LEARNER_PROGRESS)
    Sent while rendering a CoursePage (``step`` is None) and the one-step view of a TutorialPage
    (``step`` is the 1-based number of the step shown), as ``fn(request, page, step)``. Return
    ``{"template": …, "context": {...}}`` or ``None``; the learning app uses it to show
    "3 von 5 Lektionen" and to let a learner with a Lernpass mark a step as done.
"""

RELATED_WORKSHOPS = "lernhafen_related_workshops"
LEARNER_PROGRESS = "lernhafen_learner_progress"
