"""One budget of booking requests per client for the form and the JSON API: a registration
counts wherever it comes from."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from cms.ratelimits import rate_limited

RATE_LIMITED = (
    "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Anmeldungen. Bitte versuchen Sie es "
    "in einer Stunde noch einmal oder rufen Sie uns an."
)


def registration_rate_limited(request: HttpRequest) -> bool:
    return rate_limited(request, "events:register", settings.LERNHAFEN_EVENTS_REGISTRATION_RATE)
