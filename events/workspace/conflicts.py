"""Conflict checks run before a session (or every date of a series) is saved.

Each conflict says in plain German what collides with what, so a Lotse can fix it alone:
the same room of a venue at the same time (compared by Room id, so no spelling dodges it), the
same Lotse twice at the same time, a Lotse who does not work in the venue's district, fewer
seats than are already booked. The checks for any number of
dates take a fixed number of queries (one per rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from events.models import LotseProfile, Room, Session, Venue, room_key


@dataclass(frozen=True)
class Conflict:
    field: str  # the form field the message belongs to
    message: str
    start: datetime | None = None  # the planned date it concerns, if it concerns one


def _when(start: datetime, end: datetime) -> str:
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    weekday = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."][local_start.weekday()]
    return f"{weekday} {local_start:%d.%m.%Y}, {local_start:%H:%M}–{local_end:%H:%M} Uhr"


def _overlaps(start: datetime, end: datetime, other: Session) -> bool:
    return other.start < end and other.end > start


def _same_room(room: Room | None, other: Session) -> bool:
    # A session without a room takes the whole venue.
    if room is None or not (other.venue_room_id or other.room.strip()):
        return True
    if other.venue_room_id:
        return other.venue_room_id == room.pk
    # A session saved before rooms were chosen from a list: compare the names by spelling key.
    return room_key(other.room) == room.key


def find_conflicts(
    slots: Sequence[tuple[datetime, datetime]],
    *,
    venue: Venue,
    room: Room | None,
    lotsen: Iterable,
    capacity: int | None = None,
    session: Session | None = None,
    ignore_series_id: int | None = None,
) -> list[Conflict]:
    """All conflicts of sessions at `slots` (start, end); `session` is the one being edited."""
    lotsen = list(lotsen)
    conflicts: list[Conflict] = []
    if not slots:
        return conflicts
    first, last = min(s for s, _ in slots), max(e for _, e in slots)
    others = Session.objects.filter(start__lt=last, end__gt=first).exclude(status=Session.CANCELLED)
    if session is not None and session.pk:
        others = others.exclude(pk=session.pk)
    if ignore_series_id:
        others = others.exclude(series_id=ignore_series_id)

    at_venue = list(others.filter(venue=venue).select_related("workshop"))
    for start, end in slots:
        for other in at_venue:
            if _overlaps(start, end, other) and _same_room(room, other):
                place = f"Raum „{other.room}“ in {venue.name}" if other.room else venue.name
                conflicts.append(
                    Conflict(
                        "start",
                        f"{_when(start, end)}: Im {place} findet zur selben Zeit schon "
                        f"„{other.workshop.title}“ statt ({_when(other.start, other.end)}). "
                        "Bitte wählen Sie eine andere Zeit oder einen anderen Raum.",
                        start,
                    )
                )

    if lotsen:
        busy = list(
            others.filter(digitallotsen__in=lotsen)
            .select_related("workshop", "venue")
            .prefetch_related("digitallotsen")
            .distinct()
        )
        for start, end in slots:
            for other in busy:
                if not _overlaps(start, end, other):
                    continue
                for person in other.digitallotsen.all():
                    if person in lotsen:
                        conflicts.append(
                            Conflict(
                                "digitallotsen",
                                f"{_when(start, end)}: {_person(person)} betreut zur selben Zeit "
                                f"„{other.workshop.title}“ in {other.venue.name}.",
                                start,
                            )
                        )

        profiles = {
            profile.user_id: profile
            for profile in LotseProfile.objects.filter(user__in=lotsen).prefetch_related(
                "districts"
            )
        }
        for person in lotsen:
            profile = profiles.get(person.pk)
            if profile is None:
                conflicts.append(
                    Conflict(
                        "digitallotsen",
                        f"{_person(person)} hat kein Lotsenprofil und kann deshalb keine Termine "
                        "betreuen. Die Koordination legt das Profil an.",
                    )
                )
            elif venue.district_id not in {d.pk for d in profile.districts.all()}:
                conflicts.append(
                    Conflict(
                        "digitallotsen",
                        f"{profile.display_name} ist nicht für den Stadtteil "
                        f"{venue.district.name} eingeteilt, in dem {venue.name} liegt.",
                    )
                )

    if session is not None and session.pk and capacity is not None:
        booked = Session.objects.with_seats().get(pk=session.pk).booked_seats
        if capacity < booked:
            conflicts.append(
                Conflict(
                    "capacity",
                    f"Es sind schon {booked} Plätze fest vergeben. Bitte geben Sie mindestens "
                    f"{booked} Plätze an – oder melden Sie vorher Personen ab.",
                )
            )
    return conflicts


def _person(user) -> str:
    return user.get_full_name() or user.get_username()
