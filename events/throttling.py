"""What a client that booked too often is told, by the form and the JSON API alike.

Both count in the one budget `cms.ratelimits.rate_limited(request, "events:register")`: a
registration counts wherever it comes from."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

RATE_LIMITED = gettext_lazy(
    "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Anmeldungen. Bitte versuchen Sie es "
    "in einer Stunde noch einmal oder rufen Sie uns an."
)
