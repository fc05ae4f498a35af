"""The frame every workspace page shares, and the role check in front of each URL group."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, reverse

from events.models import WorkspaceSettings
from events.workspace import permissions

ICON = "group"


def _crumbs(*items: tuple[str, str | None]) -> list[dict]:
    trail = [
        {"url": reverse("wagtailadmin_home"), "label": "Übersicht"},
        {"url": reverse("events_workspace:sessions"), "label": "Meine Termine"},
    ]
    return trail + [{"url": url or "", "label": label} for label, url in items]


def render_page(request, template: str, title: str, context: dict, crumbs=()) -> HttpResponse:
    """A workspace page in the admin frame; `crumbs=None` leaves out the breadcrumbs."""
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": ICON,
        "breadcrumbs_items": _crumbs(*crumbs, (title, None)) if crumbs is not None else [],
        "is_coordinator": permissions.is_coordinator(request.user),
        **context,
    }
    return render(request, template, context)


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "events/workspace/forbidden.html",
        {"page_title": "Kein Zugang", "header_title": "Kein Zugang", "header_icon": ICON},
        status=403,
    )


def answer_403(view):
    """Answer a missing role with 403 and a German explanation.

    Wagtail's admin wrapper would turn PermissionDenied into a redirect to the dashboard; a
    typed-in address of the workspace should say plainly that it is not for this account.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    return wrapper


def role_required(require: Callable) -> Callable:
    """Check the role with `require(user)` (raises PermissionDenied) before the view runs."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            require(request.user)
            return view(request, *args, **kwargs)

        return answer_403(checked)

    return decorator


def guarded(patterns: list[URLPattern], require: Callable) -> list[URLPattern]:
    """The URL group `patterns` with one role check (`require`) in front of every view."""
    decorate = role_required(require)
    return [
        URLPattern(pattern.pattern, decorate(pattern.callback), pattern.default_args, pattern.name)
        for pattern in patterns
    ]


def need_approval(request: HttpRequest) -> bool:
    return WorkspaceSettings.for_request(request).lotse_sessions_need_approval


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or above the form).

    A form's `error_fields` maps model fields to its own (e.g. a session's "start" is entered
    as day and time).
    """
    if hasattr(error, "error_dict"):
        aliases = getattr(form, "error_fields", {})
        for field, errors in error.message_dict.items():
            field = aliases.get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def session_url(session, anchor: str = "") -> str:
    return reverse("events_workspace:session", args=[session.pk]) + anchor
