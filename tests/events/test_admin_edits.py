"""Organisers editing a session in the admin: registrants are told, the calendar entry updates."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events import services
from events.models import Registration, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(session):
    # The admin form works in whole minutes, as organisers plan sessions.
    session.start = session.start.replace(second=0, microsecond=0)
    session.end = session.end.replace(second=0, microsecond=0)
    session.save()
    return Session.objects.get(pk=session.pk)


def _form_data(session: Session, **changes) -> dict:
    start = timezone.localtime(changes.pop("start", session.start))
    end = timezone.localtime(changes.pop("end", session.end))
    data = {
        "workshop": session.workshop_id,
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": end.strftime("%Y-%m-%d %H:%M"),
        "venue": session.venue_id,
        "room": session.room,
        "capacity": session.capacity,
        "group_limit": session.group_limit,
        "status": session.status,
    }
    data.update(changes)
    return data


def _edit(admin_client, session: Session, **changes):
    url = f"/admin/snippets/events/session/edit/{session.pk}/"
    response = admin_client.post(url, _form_data(session, **changes))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_moving_a_session_in_the_admin_mails_registrants_and_raises_the_sequence(
    admin_client, session
):
    services.register(session, name="Erika Muster", email="erika@example.org")
    mail.outbox.clear()

    _edit(
        admin_client,
        session,
        start=session.start + timedelta(hours=2),
        end=session.end + timedelta(hours=2),
    )

    session.refresh_from_db()
    assert session.sequence == 1
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]


def test_an_edit_residents_need_not_know_about_sends_nothing(admin_client, session):
    services.register(session, name="Erika Muster", email="erika@example.org")
    mail.outbox.clear()

    _edit(admin_client, session, capacity=session.capacity + 2)

    session.refresh_from_db()
    assert session.sequence == 0 and mail.outbox == []


def test_more_capacity_in_the_admin_hands_seats_to_the_waitlist(admin_client, session):
    session.capacity = 1
    session.save()
    services.register(session, name="Erste Person", phone="02363 1")
    waiting = services.register(session, name="Zweite Person", email="zwei@example.org")
    assert waiting.status == Registration.WAITLISTED

    _edit(admin_client, session, capacity=2)

    waiting.refresh_from_db()
    assert waiting.status == Registration.CONFIRMED
