"""The Lernpass: a random code that carries a learner's progress across devices – no name, no
e-mail. Creating, finding, remembering it in a signed cookie, deleting and expiring it."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from learning.models import Lernpass

# Without 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LERNPASS_COOKIE = "lernhafen_lernpass"
LERNPASS_COOKIE_SALT = "learning.lernpass"


def random_code(length: int) -> str:
    """`length` characters from CODE_ALPHABET (Lernpass and class codes)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def generate_code() -> str:
    raw = random_code(12)
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


def normalize_code(text: str) -> str:
    """'abcd efgh-jkmn' → 'ABCD-EFGH-JKMN'; look-alikes O→0? No: they are not in the alphabet."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != 12:
        return ""
    return f"{letters[0:4]}-{letters[4:8]}-{letters[8:12]}"


def create_lernpass() -> Lernpass:
    for _ in range(5):
        try:
            with transaction.atomic():
                return Lernpass.objects.create(code=generate_code(), last_used_at=timezone.now())
        except IntegrityError:  # pragma: no cover – 31^12 codes, a clash is near impossible
            continue
    raise RuntimeError("Could not find a free Lernpass code")


def find_lernpass(code: str) -> Lernpass | None:
    normalized = normalize_code(code)
    if not normalized:
        return None
    lernpass = Lernpass.objects.filter(code=normalized).first()
    if lernpass is not None:
        touch(lernpass, force=True)
    return lernpass


def touch(lernpass: Lernpass, *, force: bool = False) -> None:
    """Keep a used Lernpass from expiring (written at most once an hour)."""
    now = timezone.now()
    if force or now - lernpass.last_used_at > datetime.timedelta(hours=1):
        Lernpass.objects.filter(pk=lernpass.pk).update(last_used_at=now)
        lernpass.last_used_at = now


def lernpass_from_request(request: HttpRequest) -> Lernpass | None:
    if hasattr(request, "_lernpass"):
        return request._lernpass
    lernpass = None
    try:
        pk = request.get_signed_cookie(LERNPASS_COOKIE, default=None, salt=LERNPASS_COOKIE_SALT)
    except Exception:  # a tampered cookie counts as no Lernpass
        pk = None
    if pk and str(pk).isdigit():
        lernpass = Lernpass.objects.filter(pk=int(pk)).first()
    request._lernpass = lernpass
    return lernpass


def remember_lernpass(response, lernpass: Lernpass, *, secure: bool) -> None:
    response.set_signed_cookie(
        LERNPASS_COOKIE,
        str(lernpass.pk),
        salt=LERNPASS_COOKIE_SALT,
        max_age=settings.LERNHAFEN_LERNPASS_EXPIRY_DAYS * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=secure,
    )


def forget_lernpass(response) -> None:
    response.delete_cookie(LERNPASS_COOKIE, samesite="Lax")


def delete_lernpass(lernpass: Lernpass) -> int:
    """ "Fortschritt löschen": the Lernpass, every result and every group membership."""
    deleted, _ = lernpass.delete()
    return deleted


def purge_expired_lernpaesse(now: datetime.datetime) -> int:
    cutoff = now - datetime.timedelta(days=settings.LERNHAFEN_LERNPASS_EXPIRY_DAYS)
    count = Lernpass.objects.filter(last_used_at__lt=cutoff).count()
    Lernpass.objects.filter(last_used_at__lt=cutoff).delete()
    return count
