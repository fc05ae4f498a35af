"""Never overbooked: parallel registrations from separate connections (PostgreSQL only).

The negative control runs the same load with the row lock switched off and all requests lined
up behind one count; it must overbook, which proves the test can see the failure it guards.
"""

import threading
import time

import pytest
from django.db import connection, connections

from events import booking, services
from events.models import Registration
from tests.factories.events import (
    EventIndexPageFactory,
    SessionFactory,
    VenueFactory,
    WorkshopPageFactory,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]

PARALLEL = 50
CAPACITY = 10
ALREADY_BOOKED = 7  # the requests fight over the last 3 seats


def _session_with_last_seats(home):
    calendar = EventIndexPageFactory(parent=home)
    workshop = WorkshopPageFactory(parent=calendar)
    session = SessionFactory(workshop=workshop, venue=VenueFactory(), capacity=CAPACITY)
    for i in range(ALREADY_BOOKED):
        services.register(session, name=f"Vorab {i}", phone=f"02363 100{i:02d}")
    return session


def _fire(session, between=None) -> list[str]:
    start = threading.Barrier(PARALLEL)
    errors: list[BaseException] = []

    def book(number: int) -> None:
        try:
            start.wait(timeout=30)
            services.register(session, name=f"Person {number}", phone=f"02363 200{number:02d}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    services._between_count_and_insert = between
    try:
        threads = [threading.Thread(target=book, args=(n,)) for n in range(PARALLEL)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        services._between_count_and_insert = None
    assert not errors, errors
    return list(
        Registration.objects.filter(session=session, name__startswith="Person").values_list(
            "status", flat=True
        )
    )


def test_fifty_parallel_registrations_for_the_last_seats_never_overbook(home):
    session = _session_with_last_seats(home)
    # Widen the window between count and insert: only the lock keeps requests apart.
    statuses = _fire(session, between=lambda: time.sleep(0.002))
    assert len(statuses) == PARALLEL
    assert statuses.count("confirmed") == CAPACITY - ALREADY_BOOKED
    assert statuses.count("waitlisted") == PARALLEL - (CAPACITY - ALREADY_BOOKED)
    assert booking.booked_seats(session.pk) == CAPACITY


def test_negative_control_without_the_row_lock_the_same_load_overbooks(home, monkeypatch):
    session = _session_with_last_seats(home)
    monkeypatch.setattr(booking, "_USE_ROW_LOCK", False)
    counted = threading.Barrier(PARALLEL)
    statuses = _fire(session, between=lambda: counted.wait(timeout=30))
    assert statuses.count("confirmed") > CAPACITY - ALREADY_BOOKED
    assert booking.booked_seats(session.pk) > CAPACITY
