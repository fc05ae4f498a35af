"""Background work (django-tasks): the registrants' mails.

Tests and the local demo use the immediate backend; production queues them in the database for
`manage.py db_worker` (README). Scheduled jobs are management commands that call the services:
`manage.py send_event_reminders` (hourly) and `manage.py purge_personal_data` (daily).
"""

from __future__ import annotations

from django_tasks import task

from cms.i18n import forget_cached_locales
from events import mails
from events.models import Registration


@task()
def send_registration_mail(
    registration_id: int, kind: str, calendar_method: str | None = None
) -> bool:
    """`calendar_method` (REQUEST, CANCEL or None) was decided and its SEQUENCE stored by
    events.booking.calendar_message when the mail was enqueued."""
    registration = (
        Registration.objects.select_related("session__workshop", "session__venue__district")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or not registration.email:
        return False
    # A worker runs for days: read translations (venue names, pages) fresh for every mail.
    forget_cached_locales()
    mails.send_registration_mail(registration, kind, calendar_method)
    return True
