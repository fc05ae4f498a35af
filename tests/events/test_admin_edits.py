"""Organisers editing a session in the admin: registrants are told, the calendar entry updates.

The snippet's edit view leads to the workspace form, so both run the same service."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events import services
from events.models import Registration, Session
from tests.factories.events_workspace import session_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(session):
    # The workspace form takes a day and two times in whole minutes, as organisers plan
    # sessions; a morning session does not cross midnight whenever the tests run.
    start = timezone.localtime(session.start).replace(hour=10, minute=0, second=0, microsecond=0)
    session.start, session.end = start, start + timedelta(minutes=90)
    session.save()
    return Session.objects.get(pk=session.pk)


def _edit(admin_client, session: Session, **changes):
    """Edit as Koordination does from the admin: the snippet's edit link leads to the workspace."""
    snippet_edit = f"/admin/snippets/events/session/edit/{session.pk}/"
    form_url = admin_client.get(snippet_edit).url
    assert form_url == f"/admin/lotsen/termine/{session.pk}/bearbeiten/"
    response = admin_client.post(form_url, session_form_data(session, **changes))
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
