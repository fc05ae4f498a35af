"""Who may see which sessions. Every workspace view goes through these functions.

A Digitallotse (permission events.use_workspace) sees sessions in the districts of their
LotseProfile only; Koordination (events.coordinate_sessions) and superusers see every district.
Sessions outside a user's scope answer 404, users without the workspace permission get 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from events.models import District, Registration, Session, SessionSeries, Venue, WorkshopPage


def is_coordinator(user) -> bool:
    return user.is_active and user.has_perm("events.coordinate_sessions")


def can_use_workspace(user) -> bool:
    return user.is_active and (is_coordinator(user) or user.has_perm("events.use_workspace"))


def require_workspace(user) -> None:
    if not can_use_workspace(user):
        raise PermissionDenied


def require_coordinator(user) -> None:
    if not is_coordinator(user):
        raise PermissionDenied


def districts_for(user) -> QuerySet[District]:
    """The German districts a user works in (sessions and profiles point at those)."""
    if is_coordinator(user):
        return District.objects.originals()
    if not can_use_workspace(user):
        return District.objects.none()
    return District.objects.originals().filter(lotsen__user=user)


def venues_for(user) -> QuerySet[Venue]:
    return Venue.objects.filter(district__in=districts_for(user)).select_related("district")


def district_rows_for(user) -> QuerySet[District]:
    """The admin's rows: the user's districts and their translations."""
    keys = districts_for(user).values("translation_key")
    return District.objects.filter(translation_key__in=keys)


def venue_rows_for(user) -> QuerySet[Venue]:
    keys = venues_for(user).values("translation_key")
    return Venue.objects.filter(translation_key__in=keys).select_related("district")


def sessions_for(user) -> QuerySet[Session]:
    if is_coordinator(user):
        return Session.objects.all()
    return Session.objects.filter(venue__district__in=districts_for(user))


def series_for(user) -> QuerySet[SessionSeries]:
    if is_coordinator(user):
        return SessionSeries.objects.all()
    return SessionSeries.objects.filter(venue__district__in=districts_for(user))


def registrations_for(user) -> QuerySet[Registration]:
    if is_coordinator(user):
        # The whole table, unfiltered: the admin list then counts it without an IN (...) scan.
        return Registration.objects.all()
    return Registration.objects.filter(session__in=sessions_for(user))


def workshops_for(user) -> QuerySet[WorkshopPage]:
    """Workshops a Lotse may plan sessions of: every workshop, the content is the office's."""
    return WorkshopPage.objects.order_by("title")


def session_or_404(user, session_id: int) -> Session:
    require_workspace(user)
    session = (
        sessions_for(user)
        .with_seats()
        .select_related("workshop", "venue__district", "series")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise Http404("Diesen Termin gibt es nicht in Ihren Stadtteilen.")
    return session


def series_or_404(user, series_id: int) -> SessionSeries:
    require_workspace(user)
    series = (
        series_for(user).select_related("workshop", "venue__district").filter(pk=series_id).first()
    )
    if series is None:
        raise Http404("Diese Terminreihe gibt es nicht in Ihren Stadtteilen.")
    return series
