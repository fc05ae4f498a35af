from .pages import EventIndexPage, WorkshopPage
from .rooms import Room, room_key
from .sessions import (
    OWN_NAMES,
    Registration,
    Session,
    SessionLanguage,
    SessionQuerySet,
    SessionSeries,
)
from .snippets import District, Venue

__all__ = [
    "OWN_NAMES",
    "District",
    "EventIndexPage",
    "Registration",
    "Room",
    "Session",
    "SessionLanguage",
    "SessionQuerySet",
    "SessionSeries",
    "Venue",
    "WorkshopPage",
    "room_key",
]
from .lotsen import Attendance, LotseProfile, SessionReview, WorkspaceSettings  # noqa: F401
