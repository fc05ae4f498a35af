from .pages import EventIndexPage, WorkshopPage
from .rooms import Room, room_key
from .sessions import Registration, Session, SessionQuerySet, SessionSeries
from .snippets import District, Venue

__all__ = [
    "District",
    "EventIndexPage",
    "Registration",
    "Room",
    "Session",
    "SessionQuerySet",
    "SessionSeries",
    "Venue",
    "WorkshopPage",
    "room_key",
]
from .lotsen import Attendance, LotseProfile, SessionReview, WorkspaceSettings  # noqa: F401
