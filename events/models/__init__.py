from .pages import EventIndexPage, WorkshopPage
from .sessions import Registration, Session, SessionQuerySet, SessionSeries
from .snippets import District, Venue

__all__ = [
    "District",
    "EventIndexPage",
    "Registration",
    "Session",
    "SessionQuerySet",
    "SessionSeries",
    "Venue",
    "WorkshopPage",
]
from .lotsen import Attendance, LotseProfile, SessionReview, WorkspaceSettings  # noqa: F401
