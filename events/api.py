"""Public JSON API for the CityApp (ARCHITECTURE.md, OpenAPI in events/api_schema.py).

The contract is strict: requests are checked against the same constants the OpenAPI document
states, then booked through events.services like the registration page. Every answer under
/api/ that is not a success is RFC 9457 problem details (application/problem+json). No cookie
session, so no CSRF; a rate limit per address instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt

from cms.ratelimits import rate_limited
from events import services
from events.api_schema import (
    DATE_MAX,
    DATE_MIN,
    EMAIL_MAX,
    EMAIL_PATTERN,
    IDEMPOTENCY_KEY_PATTERN,
    LIST_LIMIT_DEFAULT,
    LIST_LIMIT_MAX,
    NAME_MAX,
    NAME_PATTERN,
    NOTES_MAX,
    NOTES_PATTERN,
    PHONE_MAX,
    PHONE_PATTERN,
    PROBLEM_TYPE,
    SCHEMA,
    SEATS_MAX,
    SESSION_LANGUAGES,
    SITE_LANGUAGES,
)
from events.models import Session
from events.throttling import RATE_LIMITED

MAX_BODY = 10_000

TITLES = {
    400: "Die Anfrage enthält ungültige Angaben.",
    403: "Diese Anfrage ist nicht erlaubt.",
    404: "Diese Adresse gibt es nicht.",
    405: "Diese Methode ist hier nicht erlaubt.",
    409: "Die Anfrage passt nicht zum aktuellen Stand.",
    413: "Die Anfrage ist zu groß.",
    415: "Bitte senden Sie JSON (Content-Type: application/json).",
    422: "Die Anfrage kann für diesen Termin nicht ausgeführt werden.",
    429: "Zu viele Anfragen.",
}
MESSAGES = {
    "unknown_field": "Dieses Feld gibt es nicht.",
    "text": "Bitte geben Sie hier einen Text an.",
    "characters": "Bitte verwenden Sie hier keine Steuer- oder ungültigen Zeichen.",
    "too_long": "Bitte geben Sie höchstens {max} Zeichen an.",
    "seats": "Bitte geben Sie die Zahl der Plätze als ganze Zahl ab 1 an.",
    "consent": services.MESSAGES["privacy"],
    "json": "Bitte senden Sie ein JSON-Objekt in UTF-8 (ohne NaN oder Infinity, nicht zu tief "
    "verschachtelt).",
    "integer": "Bitte geben Sie eine ganze Zahl von {min} bis {max} an.",
    "date": "Bitte geben Sie ein Datum wie 2026-12-24 an.",
    "slug": "Bitte geben Sie den Stadtteil als district_slug aus der Terminliste an.",
    "language": f"Bitte geben Sie eine dieser Sprachen an: {', '.join(SESSION_LANGUAGES)}.",
    "site_language": f"Bitte geben Sie eine dieser Sprachen an: {', '.join(SITE_LANGUAGES)}.",
    "key": "Bitte verwenden Sie 8 bis 100 Buchstaben, Ziffern oder . _ : -",
    "key_reused": "Dieser Idempotency-Key gehört zu einer anderen Anmeldung.",
}


def problem(
    status: int,
    *,
    detail: str = "",
    errors: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JsonResponse:
    """RFC 9457 problem details; `errors` (field → messages) as the form shows them."""
    body: dict[str, Any] = {"type": "about:blank", "title": TITLES[status], "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = JsonResponse(body, status=status, content_type=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def endpoint(*methods: str) -> Callable:
    """Method check with a problem-details 405 (and Allow), HEAD wherever GET, no CSRF."""
    allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)
    allow_header = ", ".join(sorted(allowed))

    def decorate(view: Callable) -> Callable:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in allowed:
                return problem(405, headers={"Allow": allow_header})
            response = view(request, *args, **kwargs)
            if request.method == "HEAD":
                response["Content-Length"] = str(len(response.content))
                response.content = b""
            return response

        return wrapper

    return decorate


@csrf_exempt
def unknown_path(request: HttpRequest, path: str = "") -> JsonResponse:
    """Anything under /api/ that is no API address – whatever the method."""
    return problem(404, detail="Unter /api/v1/schema/ steht, welche Adressen es gibt.")


# --- Sessions -----------------------------------------------------------------------------------


def session_json(request: HttpRequest, session: Session) -> dict:
    return {
        "id": session.pk,
        "workshop": session.workshop.title,
        "start": _iso(session.start),
        "end": _iso(session.end),
        "district": session.venue.district.name,
        "district_slug": session.venue.district.slug,
        "venue": session.venue.name,
        "language": session.language,
        "capacity": session.capacity,
        "group_limit": session.group_limit,
        "seats_left": session.seats_left,
        "waitlist_count": session.waitlist_count,
        "url": request.build_absolute_uri(session.get_url()),
    }


def _iso(value: datetime) -> str:
    return timezone.localtime(value).isoformat()


DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def _int_param(
    request: HttpRequest, name: str, default: int, low: int, high: int, errors: dict
) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if re.fullmatch(r"[0-9]{1,7}", raw) and low <= int(raw) <= high:
        return int(raw)
    errors[name] = [MESSAGES["integer"].format(min=low, max=high)]
    return default


def _date_param(request: HttpRequest, name: str, errors: dict) -> date | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        if not DATE_RE.match(raw):
            raise ValueError(raw)
        value = date.fromisoformat(raw)
    except ValueError:
        errors[name] = [MESSAGES["date"]]
        return None
    # Outside the range the calendar plans for, a filter day means the range's end.
    return min(max(value, date.fromisoformat(DATE_MIN)), date.fromisoformat(DATE_MAX))


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@endpoint("GET")
def sessions(request: HttpRequest) -> JsonResponse:
    errors: dict[str, list[str]] = {}
    limit = _int_param(request, "limit", LIST_LIMIT_DEFAULT, 1, LIST_LIMIT_MAX, errors)
    offset = _int_param(request, "offset", 0, 0, 100_000, errors)
    first_day = _date_param(request, "from", errors)
    last_day = _date_param(request, "to", errors)
    district = request.GET.get("district")
    if district is not None and not SLUG_RE.match(district):
        errors["district"] = [MESSAGES["slug"]]
    language = request.GET.get("language")
    if language is not None and language not in SESSION_LANGUAGES:
        errors["language"] = [MESSAGES["language"]]
    if errors:
        return problem(400, errors=errors)
    queryset = Session.objects.public().upcoming().filter(status=Session.SCHEDULED)
    if district:
        queryset = queryset.filter(venue__district__slug=district)
    if language:
        queryset = queryset.filter(language=language)
    if first_day:
        queryset = queryset.filter(end__gte=_day_start(first_day))
    if last_day:
        queryset = queryset.filter(start__lt=_day_start(last_day + timedelta(days=1)))
    count = queryset.count()
    page = queryset.for_listing()[offset : offset + limit]
    next_url = None
    if offset + limit < count:
        query = {**request.GET.dict(), "limit": limit, "offset": offset + limit}
        next_url = request.build_absolute_uri(f"{request.path}?{urlencode(query)}")
    return JsonResponse(
        {
            "sessions": [session_json(request, s) for s in page],
            "count": count,
            "limit": limit,
            "offset": offset,
            "next": next_url,
        }
    )


# --- Registrations ------------------------------------------------------------------------------


class InvalidJSON(ValueError):
    pass


def _reject_constant(name: str) -> float:
    raise InvalidJSON(name)  # NaN, Infinity, -Infinity are not JSON


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise InvalidJSON(text)
    return value


def parse_json(body: bytes) -> Any:
    """Strict JSON (RFC 8259): UTF-8, no NaN/Infinity, nesting the parser can handle."""
    try:
        return json.loads(
            body.decode("utf-8"), parse_constant=_reject_constant, parse_float=_finite_float
        )
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise InvalidJSON from None


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


TEXT_FIELDS = {
    "name": (NAME_PATTERN, NAME_MAX, services.MESSAGES["name"]),
    "email": (EMAIL_PATTERN, EMAIL_MAX, services.MESSAGES["email"]),
    "phone": (PHONE_PATTERN, PHONE_MAX, services.MESSAGES["phone"]),
    "accessibility_needs": (NOTES_PATTERN, NOTES_MAX, MESSAGES["characters"]),
}
FIELDS = {*TEXT_FIELDS, "seats", "privacy_consent", "language"}


def check_registration(payload: Any) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The RegistrationRequest schema, rule by rule: (values, errors per field)."""
    if not isinstance(payload, dict):
        return {}, {"non_field_errors": [MESSAGES["json"]]}
    errors: dict[str, list[str]] = {
        name: [MESSAGES["unknown_field"]] for name in payload if name not in FIELDS
    }
    values: dict[str, Any] = {}
    for name, (pattern, max_length, message) in TEXT_FIELDS.items():
        if name not in payload and name != "name":
            values[name] = ""
            continue
        value = payload.get(name)
        if not isinstance(value, str):
            errors[name] = [MESSAGES["text"] if name in payload else message]
        elif len(value) > max_length:
            errors[name] = [MESSAGES["too_long"].format(max=max_length)]
        elif _has_surrogate(value):
            errors[name] = [MESSAGES["characters"]]
        elif not re.match(pattern, value):
            errors[name] = [message]
        else:
            values[name] = value
    if "email" not in payload and "phone" not in payload:
        errors["email"] = [services.MESSAGES["contact"]]
    seats = payload.get("seats", 1)
    if isinstance(seats, float) and seats.is_integer():
        seats = int(seats)  # JSON Schema's integer: 2.0 is the integer 2
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= SEATS_MAX:
        errors["seats"] = [MESSAGES["seats"]]
    values["seats"] = seats
    if payload.get("privacy_consent") is not True:
        errors["privacy_consent"] = [MESSAGES["consent"]]
    language = payload.get("language", settings.LANGUAGE_CODE)
    if not isinstance(language, str) or language not in SITE_LANGUAGES:
        errors["language"] = [MESSAGES["site_language"]]
    values["language"] = language
    return values, errors


@endpoint("POST")
def registrations(request: HttpRequest, session_id: int) -> JsonResponse:
    if request.content_type != "application/json":
        return problem(415)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY or len(request.body) > MAX_BODY:
        return problem(413, detail=f"Höchstens {MAX_BODY} Bytes.")
    key = request.headers.get("Idempotency-Key", "")
    if key and not re.match(IDEMPOTENCY_KEY_PATTERN, key):
        return problem(400, errors={"Idempotency-Key": [MESSAGES["key"]]})
    try:
        payload = parse_json(request.body)
    except InvalidJSON:
        return problem(400, errors={"non_field_errors": [MESSAGES["json"]]})
    values, errors = check_registration(payload)
    if errors:
        return problem(400, errors=errors)
    session = Session.objects.public().with_seats().filter(pk=session_id).first()
    if session is None:
        return problem(404, detail="Diesen Termin gibt es nicht.")
    if rate_limited(request, "events:register"):
        return problem(429, detail=RATE_LIMITED)
    if not session.is_open_for_registration:
        return problem(409, errors={"non_field_errors": [services.MESSAGES["closed"]]})
    if values["seats"] > session.group_limit:
        return problem(422, errors={"seats": [services.seats_message(session)]})
    try:
        # The registration keeps the language it was made in: here the one the client names.
        with translation.override(values.pop("language")):
            registration = services.register_request(session, values, idempotency_key=key)
    except services.IdempotencyKeyReused:
        return problem(422, errors={"Idempotency-Key": [MESSAGES["key_reused"]]})
    except ValidationError as error:
        return _service_problem(error)
    body = {
        "status": registration.status,
        "reference": registration.reference,
        "cancel_url": request.build_absolute_uri(services.cancel_url(registration)),
    }
    if registration.status == registration.WAITLISTED:
        body["waitlist_position"] = registration.waitlist_position
    return JsonResponse(body, status=201)


def _service_problem(error: ValidationError) -> JsonResponse:
    """The service refuses for the session's state (409) or, rarely, for the input (400)."""
    if not hasattr(error, "error_dict"):
        return problem(409, errors={"non_field_errors": error.messages})
    codes = {e.code for errors in error.error_dict.values() for e in errors}
    status = 409 if codes & {"closed", "contact_limit"} else 400
    return problem(status, errors=error.message_dict)


@endpoint("GET")
def schema(request: HttpRequest) -> JsonResponse:
    document = dict(SCHEMA)
    document["servers"] = [{"url": request.build_absolute_uri("/api/v1")}]
    return JsonResponse(document)
