"""Personal links of a registration: the confirmation page and the cancellation link.

Signed with Django's signing (no login needed); mails, pages, the API and the workspace build
them here. They lead to the pages in the active language: a mail is built in the language of its
registration (events.mails), so its links open the pages in that language.
"""

from __future__ import annotations

from django.core import signing
from django.utils.crypto import constant_time_compare

from events.models import Registration

CANCEL_SALT = "events.registration.cancel"


def cancel_token(registration: Registration) -> str:
    """A signed token for the personal cancellation link (no login needed).

    "<pk>-<HMAC signature>": only letters, digits, "-" and "_", as Wagtail's page URLs allow.
    """
    signature = signing.Signer(salt=CANCEL_SALT).signature(str(registration.pk))
    return f"{registration.pk}-{signature}"


def registration_for_token(token: str) -> Registration | None:
    pk, _, signature = token.partition("-")
    if not pk.isdigit() or not constant_time_compare(
        signature, signing.Signer(salt=CANCEL_SALT).signature(pk)
    ):
        return None
    return (
        Registration.objects.select_related("session__workshop", "session__venue__district")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )


def cancel_url(registration: Registration) -> str:
    """On the calendar in the active language (the translated one when it is live)."""
    index = registration.session.localized_workshop.get_parent().specific
    return index.url + index.reverse_subpage("cancel", args=[cancel_token(registration)])


def confirmation_url(registration: Registration) -> str:
    """On the workshop page in the active language (the translated one when it is live)."""
    workshop = registration.session.localized_workshop
    return workshop.url + workshop.reverse_subpage(
        "confirmation", args=[cancel_token(registration)]
    )
