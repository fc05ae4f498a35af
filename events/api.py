"""Public JSON API for the CityApp (ARCHITECTURE.md, OpenAPI in events/api_schema.py).

Same form, same service and same messages as the registration page; rate limit and honeypot
instead of CSRF (the app has no cookie session).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from events import services
from events.api_schema import SCHEMA
from events.forms import HONEYPOT_FIELD, RegistrationForm
from events.models import Session
from events.views import RATE_LIMITED, _rate_limited

MAX_BODY = 10_000


def _iso(value) -> str:
    return timezone.localtime(value).isoformat()


def session_json(request: HttpRequest, session: Session) -> dict:
    return {
        "id": session.pk,
        "workshop": session.workshop.title,
        "start": _iso(session.start),
        "end": _iso(session.end),
        "district": session.venue.district.name,
        "venue": session.venue.name,
        "capacity": session.capacity,
        "seats_left": session.seats_left,
        "waitlist_count": session.waitlist_count,
        "url": request.build_absolute_uri(session.get_url()),
    }


@require_GET
def sessions(request: HttpRequest) -> JsonResponse:
    queryset = Session.objects.public().upcoming().filter(status=Session.SCHEDULED).for_listing()
    return JsonResponse({"sessions": [session_json(request, s) for s in queryset]})


def _errors(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return JsonResponse({"errors": errors}, status=status)


@csrf_exempt
@require_http_methods(["POST"])
def registrations(request: HttpRequest, session_id: int) -> JsonResponse:
    session = Session.objects.public().with_seats().filter(pk=session_id).first()
    if session is None:
        return _errors({"non_field_errors": ["Diesen Termin gibt es nicht."]}, status=404)
    if _rate_limited(request):
        return _errors({"non_field_errors": [RATE_LIMITED]}, status=429)
    if len(request.body) > MAX_BODY:
        return _errors({"non_field_errors": ["Die Anfrage ist zu groß."]}, status=413)
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        return _errors({"non_field_errors": ["Bitte senden Sie ein JSON-Objekt."]})
    if not session.is_open_for_registration:
        return _errors({"non_field_errors": [services.MESSAGES["closed"]]}, status=409)
    fields = ("name", "email", "phone", "seats", "accessibility_needs", HONEYPOT_FIELD)
    data = {field: payload.get(field, 1 if field == "seats" else "") for field in fields}
    wrong_type = {
        field: ["Bitte geben Sie hier einen Text oder eine Zahl an."]
        for field, value in data.items()
        if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None)))
    }
    if wrong_type:
        return _errors(wrong_type)
    data = {field: "" if value is None else str(value) for field, value in data.items()}
    if payload.get("privacy_consent") is True:
        data["privacy_consent"] = "on"
    form = RegistrationForm(
        data, session=session, retention_days=settings.LERNHAFEN_EVENTS_RETENTION_DAYS
    )
    if not form.is_valid():
        errors = {f: list(m) for f, m in form.errors.items() if f != "__all__"}
        return _errors(errors | _non_field(form))
    if form.cleaned_data[HONEYPOT_FIELD]:
        return _errors({HONEYPOT_FIELD: ["Bitte dieses Feld leer lassen."]})
    try:
        registration = services.register(
            session,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
            seats=form.cleaned_data["seats"],
            accessibility_needs=form.cleaned_data["accessibility_needs"],
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            return _errors(error.message_dict)
        return _errors({"non_field_errors": error.messages})
    body = {
        "status": registration.status,
        "cancel_url": request.build_absolute_uri(services.cancel_url(registration)),
    }
    if registration.status == registration.WAITLISTED:
        body["waitlist_position"] = registration.waitlist_position
    return JsonResponse(body, status=201)


def _non_field(form: RegistrationForm) -> dict:
    errors = form.errors.get("__all__")
    return {"non_field_errors": list(errors)} if errors else {}


@require_GET
def schema(request: HttpRequest) -> JsonResponse:
    document = dict(SCHEMA)
    document["servers"] = [{"url": request.build_absolute_uri("/api/v1")}]
    return JsonResponse(document)
