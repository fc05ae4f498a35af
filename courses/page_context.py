"""How each courses page type gets what its template shows, without importing the read module.

Page models sit at the bottom of the app's import graph (see `.importlinter`): they hold fields,
panels and querysets. What a page shows – the catalogue's filter and results, a course's
lessons, a tutorial's current step – is read in `courses/queries.py`, which registers one
builder per page type here:

    @builds_context(CourseIndexPage)
    def course_catalogue(index: CourseIndexPage, request: HttpRequest) -> dict: ...

`ContextFromQueries.get_context` (mixed into the page models) adds the builder's dict to
Wagtail's context. `courses.apps.CoursesConfig.ready()` imports `courses.queries`, so every
builder is registered before the first page is served.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

ContextBuilder = Callable[[Any, HttpRequest], dict]

_builders: dict[type, ContextBuilder] = {}


def builds_context(page_class: type) -> Callable[[ContextBuilder], ContextBuilder]:
    """Register the decorated function as the context builder of `page_class`."""

    def register(builder: ContextBuilder) -> ContextBuilder:
        _builders[page_class] = builder
        return builder

    return register


class ContextFromQueries:
    """Mixin for page models: `get_context` adds what the registered builder returns."""

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        builder = next((_builders[cls] for cls in type(self).__mro__ if cls in _builders), None)
        if builder is not None:
            context.update(builder(self, request))
        return context
