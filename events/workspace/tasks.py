"""Mails the workspace sends in the background (django-tasks, like events.tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django_tasks import task

from events.models import Registration
from events.services import cancel_url


@task()
def send_session_message(registration_id: int, subject: str, body: str) -> bool:
    """A message of the Lotse or the office to one registrant of a session."""
    registration = (
        Registration.objects.select_related("session__workshop", "session__venue")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or not registration.email:
        return False
    text = render_to_string(
        "events/workspace/mail/message.txt",
        {
            "registration": registration,
            "session": registration.session,
            "body": body,
            "session_url": settings.BASE_URL + registration.session.get_url(),
            "cancel_url": settings.BASE_URL + cancel_url(registration),
        },
    )
    EmailMessage(subject, text, to=[registration.email]).send()
    return True
