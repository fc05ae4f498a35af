"""Demo rooms of the demo venues (seed_demo), and sessions linked to them.

Registered twice in admin_hooks: at order 22, after the calendar (20) made the venues and its
sessions, so the workspace demo (25) plans into existing rooms; and at order 26, to link the
sessions the workspace demo wrote with a room name only. Idempotent: rooms by venue and
spelling key, sessions only while they lack a room.
"""

from __future__ import annotations

from cms.demo import DemoSite
from events.models import Room, Session, SessionSeries, Venue, room_key

ROOMS = {
    "Stadtbibliothek Datteln": [
        {"name": "Seminarraum", "capacity": 12, "accessibility_note": "Erdgeschoss, stufenlos"},
        {"name": "Lesecafé", "capacity": 20, "accessibility_note": "Erdgeschoss, stufenlos"},
    ],
    "Bürgerhaus Hagem": [
        {"name": "Seminarraum", "capacity": 10, "accessibility_note": "1. Stock, mit Aufzug"},
        {"name": "Großer Saal", "capacity": 60, "accessibility_note": "Erdgeschoss, stufenlos"},
    ],
    "Stadtteiltreff Meckinghoven": [
        {"name": "Seminarraum", "capacity": 8, "accessibility_note": ""},
        {"name": "Küche", "capacity": 6, "accessibility_note": ""},
    ],
    "Dorfgemeinschaftshaus Ahsen": [
        {"name": "Seminarraum", "capacity": 10, "accessibility_note": "Rampe am Seiteneingang"},
    ],
    "Gesamtschule Datteln": [
        {"name": "Raum 1.12", "capacity": 32, "accessibility_note": "1. Stock, mit Aufzug"},
        {"name": "Seminarraum", "capacity": 16, "accessibility_note": "Erdgeschoss"},
    ],
}


def seed_rooms(demo: DemoSite | None = None) -> None:
    venues = {venue.name: venue for venue in Venue.objects.originals().filter(name__in=ROOMS)}
    rooms = {
        (room.venue_id, room.key): room for room in Room.objects.filter(venue__in=venues.values())
    }
    for venue_name, items in ROOMS.items():
        venue = venues.get(venue_name)
        if venue is None:
            continue
        for item in items:
            key = (venue.pk, room_key(item["name"]))
            if key not in rooms:
                rooms[key] = Room.objects.create(venue=venue, **item)
    for model in (Session, SessionSeries):
        unlinked = model.objects.filter(venue_room__isnull=True, venue__in=venues.values())
        for pk, venue_id, name in unlinked.exclude(room="").values_list("pk", "venue_id", "room"):
            room = rooms.get((venue_id, room_key(name)))
            if room is not None:
                model.objects.filter(pk=pk).update(venue_room=room, room=room.name)
