"""Rules of the general site that write or delete data."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Revision

if TYPE_CHECKING:
    from django.contrib.auth.models import User


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


def restore_revision(
    page: Page, revision: Revision, user: User, *, keep_schedule: bool
) -> Revision:
    """Restore an old revision of a page, deciding explicitly about a change scheduled for it.

    Wagtail locks a page while a change is scheduled, and its own "restore" first needs the
    schedule cancelled, which silently throws the scheduled change away. Here the editor decides:
    `keep_schedule=True` replaces the scheduled change by the restored content and publishes it at
    the same date and time; `keep_schedule=False` cancels the schedule and restores the revision
    as a draft to work on. Either way the formerly scheduled revision stays in the history.
    """
    scheduled = page.scheduled_revision
    restored = revision.as_object()
    with transaction.atomic():
        if scheduled is not None and keep_schedule:
            restored.go_live_at = scheduled.approved_go_live_at
            new_revision = restored.save_revision(user=user, previous_revision=revision)
            # Publishing a revision whose go-live lies ahead schedules it and unschedules the
            # others (Wagtail's PublishRevisionAction), with the permission check and log entry.
            new_revision.publish(user=user, previous_revision=revision)
            return new_revision
        if scheduled is not None:
            scheduled.approved_go_live_at = None
            scheduled.save(user=user, update_fields=["approved_go_live_at"])
        return restored.save_revision(user=user, previous_revision=revision)
