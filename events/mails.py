"""Mails to registrants: plain text and HTML, with the person's calendar entry.

Subject, texts, links and the calendar entry are in the language the registration was made in
(Registration.language): build_registration_mail is the one place that switches to it.

Which mail carries an entry, and its SEQUENCE, is decided in events.booking.calendar_message;
the attachment's METHOD matches the Content-Type's method parameter (RFC 6047).
"""

from __future__ import annotations

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from cms.models import SiteSettings
from events import ics
from events.links import cancel_url
from events.models import Registration

SUBJECTS = {
    "confirmed": gettext_lazy("Ihre Anmeldung: %(title)s"),
    "waitlisted": gettext_lazy("Sie stehen auf der Warteliste: %(title)s"),
    "promoted": gettext_lazy("Ein Platz ist frei geworden – Sie sind angemeldet: %(title)s"),
    "reminder": gettext_lazy("Erinnerung: %(title)s am %(date)s"),
    "cancelled": gettext_lazy("Ihre Abmeldung: %(title)s"),
    "session_changed": gettext_lazy("Geänderter Termin: %(title)s"),
    "session_cancelled": gettext_lazy("Abgesagt: %(title)s am %(date)s"),
}


def build_registration_mail(
    registration: Registration, kind: str, calendar_method: str | None = None
) -> EmailMultiAlternatives:
    """The mail in the language the registration was made in: subject, texts, calendar entry
    and the links (the translated workshop page when it is live, else the German one)."""
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return _build_registration_mail(registration, kind, calendar_method)


def _build_registration_mail(
    registration: Registration, kind: str, calendar_method: str | None = None
) -> EmailMultiAlternatives:
    session = registration.session
    workshop = session.localized_workshop
    start = timezone.localtime(session.start)
    site = workshop.get_site()
    site_settings = SiteSettings.for_site(site) if site else None
    context = {
        "kind": kind,
        "registration": registration,
        "session": session,
        "workshop": workshop,
        "venue": session.localized_venue,
        "base_url": settings.BASE_URL,
        "session_url": settings.BASE_URL + session.get_url(),
        "cancel_url": settings.BASE_URL + cancel_url(registration)
        if registration.status != Registration.CANCELLED
        else "",
        "waitlist_position": registration.waitlist_position,
        "retention_days": settings.LERNHAFEN_EVENTS_RETENTION_DAYS,
        "calendar_method": calendar_method,
        "contact_phone": site_settings.contact_phone if site_settings else "",
        "contact_hours": site_settings.contact_hours if site_settings else "",
    }
    subject = SUBJECTS[kind] % {"title": workshop.title, "date": f"{start:%d.%m.%Y}"}
    text = render_to_string("events/mail/registration.txt", context)
    html = render_to_string("events/mail/registration.html", context)
    message = EmailMultiAlternatives(subject, text, to=[registration.email])
    message.attach_alternative(html, "text/html")
    if calendar_method:
        body = ics.personal_entry(
            registration, method=calendar_method, base_url=settings.BASE_URL
        ).decode()
        part = MIMEText(body, "calendar", "utf-8")
        part.set_param("method", calendar_method)
        part.add_header("Content-Disposition", "attachment", filename="termin.ics")
        message.attach(part)
    return message


def send_registration_mail(
    registration: Registration, kind: str, calendar_method: str | None = None
) -> None:
    build_registration_mail(registration, kind, calendar_method).send()
