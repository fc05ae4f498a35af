"""Personal data of registrations is erased after the retention period; counts remain."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command

from events import services
from events.models import Registration

pytestmark = pytest.mark.django_db


def test_personal_data_is_erased_after_the_retention_and_anonymous_counts_remain(session, settings):
    settings.LERNHAFEN_EVENTS_RETENTION_DAYS = 30
    services.register(
        session,
        name="Erika Brandt",
        email="erika@example.org",
        phone="",
        accessibility_needs="Rollstuhl",
    )
    services.register(session, name="Heinz", phone="02363 12345", seats=1)

    with time_machine.travel(session.end + timedelta(days=29), tick=False):
        call_command("purge_personal_data", verbosity=0)
    assert Registration.objects.filter(name="Erika Brandt").exists()

    with time_machine.travel(session.end + timedelta(days=31), tick=False):
        call_command("purge_personal_data", verbosity=0)
    rows = list(
        Registration.objects.values(
            "name", "email", "phone", "accessibility_needs", "status", "seats"
        )
    )
    assert (
        rows
        == [
            {
                "name": "",
                "email": "",
                "phone": "",
                "accessibility_needs": "",
                "status": "confirmed",
                "seats": 1,
            },
        ]
        * 2
    )
    assert (
        services.registration_for_token(services.cancel_token(Registration.objects.first())) is None
    )


def test_registration_form_shows_the_privacy_notice(client, session, settings):
    settings.LERNHAFEN_EVENTS_RETENTION_DAYS = 30
    html = client.get(session.get_url()).content.decode()
    assert "Datenschutz:" in html and "30 Tage nach dem Termin" in html
