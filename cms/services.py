"""Rules of the general site that write or delete data."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission


def purge_form_submissions(now: datetime | None = None) -> int:
    """Delete form submissions (feedback, contact) older than their retention period.

    Submissions may hold names and e-mail addresses; the privacy statement promises deletion
    after LERNHAFEN_FORM_SUBMISSION_RETENTION_DAYS days.
    """
    cutoff = (now or timezone.now()) - timedelta(
        days=settings.LERNHAFEN_FORM_SUBMISSION_RETENTION_DAYS
    )
    deleted, _ = FormSubmission.objects.filter(submit_time__lt=cutoff).delete()
    return deleted
