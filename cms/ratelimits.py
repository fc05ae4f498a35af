"""Who is asking, and how often: the client address behind trusted proxies, and the rate limits.

Every rate limit of the site (public forms, registrations, learning, password reset) and
django-axes' login lock-out count by the address `client_ip()` returns, so a reverse proxy or a
school's shared connection is seen the same way everywhere.

`X-Forwarded-For` is read only when the operator says how many proxies stand in front of the app
(`LERNHAFEN_TRUSTED_PROXY_COUNT`) or which addresses they have (`LERNHAFEN_TRUSTED_PROXIES`);
otherwise anyone could send the header and pick a fresh counter for every request.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited
from python_ipware import IpWare

_FORWARDED_CHAIN = "HTTP_X_FORWARDED_FOR"


def _ipware() -> IpWare | None:
    count = settings.LERNHAFEN_TRUSTED_PROXY_COUNT
    proxies = list(settings.LERNHAFEN_TRUSTED_PROXIES)
    if not count and not proxies:
        return None
    # The chain we hand to ipware ends with the peer that connected to us, so "N proxies"
    # means: the client is the entry just before the last N hops.
    return IpWare(
        precedence=(_FORWARDED_CHAIN,),
        proxy_count=len(proxies) if proxies else count,
        proxy_list=proxies or None,
    )


def client_ip(request: HttpRequest) -> str:
    """The address of the person asking: the peer, or the client a trusted proxy names."""
    peer = request.META.get("REMOTE_ADDR", "") or "unknown"
    ipware = _ipware()
    if ipware is None:
        return peer
    forwarded = request.META.get(_FORWARDED_CHAIN, "")
    chain = f"{forwarded}, {peer}" if forwarded else peer
    # Not strict: extra entries a client prepends are ignored, the proxies' own entries count.
    found, _trusted = ipware.get_client_ip({_FORWARDED_CHAIN: chain}, strict=False)
    # A request that did not pass the configured proxies (a shorter or foreign chain) is
    # counted by its peer address.
    return str(found) if found is not None else peer


def _counted_address(request: HttpRequest) -> str:
    """The client address as a counter key; IPv6 by its /64 network, which one host can fill."""
    address = client_ip(request)
    if ":" not in address:
        return address
    try:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    except ValueError:
        return address


# Every rate limit of the site, by counter group: the setting that holds its rate ("60/h").
# Read at each request, so settings overrides (tests, RATELIMIT_ENABLE) apply at once. One group
# is one budget wherever the request comes from (e.g. booking by form and by API).
RATES = {
    "formpage": "LERNHAFEN_PUBLIC_FORM_RATE",
    "password-reset:address": "LERNHAFEN_PASSWORD_RESET_RATE",
    "password-reset:account": "LERNHAFEN_PASSWORD_RESET_RATE",
    "events:register": "LERNHAFEN_EVENTS_REGISTRATION_RATE",
    "learning:exercise": "LERNHAFEN_LEARNING_RATE",
    "learning:xapi": "LERNHAFEN_LEARNING_RATE",
    "learning:step": "LERNHAFEN_LEARNING_RATE",
    "learning:join": "LERNHAFEN_LEARNING_RATE",
    "learning:join-class": "LERNHAFEN_CLASS_JOIN_RATE",
    "learning:lernpass-create": "LERNHAFEN_LERNPASS_RESTORE_RATE",
    "learning:lernpass-restore": "LERNHAFEN_LERNPASS_RESTORE_RATE",
}


def rate_limited(
    request: HttpRequest,
    group: str,
    rate: str | None = None,
    *,
    key: str = "",
    per_client: bool = True,
) -> bool:
    """Count one POST in `group`; True once more than its rate came in.

    The rate is the setting `RATES` names for the group, or `rate` given explicitly.
    Counted per client address, narrowed by `key` (e.g. a class code: each class gets its own
    budget per address, so thirty pupils behind one school router can all join their class).
    `per_client=False` counts `key` alone wherever it comes from (e.g. one account's resets).
    """
    if rate is None:
        rate = getattr(settings, RATES[group])

    def counter_key(group: str, request: HttpRequest) -> str:
        if not per_client:
            return key
        address = _counted_address(request)
        return f"{address}|{key}" if key else address

    return is_ratelimited(
        request, group=group, key=counter_key, rate=rate, method="POST", increment=True
    )
