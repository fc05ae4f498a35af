"""Personal data has a deletion date: form submissions are purged after their retention."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from tests.factories.cms import FormPageFactory

pytestmark = pytest.mark.django_db


def test_form_submissions_are_deleted_after_the_retention_period(client, home, settings):
    settings.LERNHAFEN_FORM_SUBMISSION_RETENTION_DAYS = 180
    FormPageFactory(parent=home, slug="feedback")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post("/feedback/", {"beschreibung": "Alte Meldung"})
    with time_machine.travel(start + timedelta(days=100), tick=False):
        client.post("/feedback/", {"beschreibung": "Neue Meldung"})

    with time_machine.travel(start + timedelta(days=179), tick=False):
        call_command("purge_personal_data", verbosity=0)
    assert FormSubmission.objects.count() == 2

    with time_machine.travel(start + timedelta(days=181), tick=False):
        call_command("purge_personal_data", verbosity=0)
    assert [s.get_data()["beschreibung"] for s in FormSubmission.objects.all()] == ["Neue Meldung"]
