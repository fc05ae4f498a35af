"""Views of the calendar pages; called from the route methods of EventIndexPage/WorkshopPage."""

from __future__ import annotations

import calendar as pycalendar
import re
import uuid
from datetime import date, datetime, timedelta
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.http import urlencode
from wagtail.views import serve

from cms.i18n import localized_pages, source_locale_id
from cms.ratelimits import rate_limited
from courses.models import CoursePage
from events import ics, services
from events.filters import CalendarFilter, local_day_start
from events.forms import HONEYPOT_FIELD, RegistrationForm
from events.models import (
    EventIndexPage,
    LotseProfile,
    Registration,
    Session,
    SessionLanguage,
    WorkshopPage,
)
from events.models.pages import ics_url
from events.throttling import RATE_LIMITED

PAGE_SIZE = 30
WORKSHOP_SESSION_LIMIT = 30
MONTH_FORMAT = "%Y-%m"


def group_by_day(sessions) -> list[tuple[date, list[Session]]]:
    return [
        (day, list(items))
        for day, items in groupby(sessions, key=lambda s: timezone.localtime(s.start).date())
    ]


def _filter_query(request: HttpRequest, *drop: str) -> str:
    pairs = [
        (key, value)
        for key, values in request.GET.lists()
        if key not in drop
        for value in values
        if value
    ]
    return urlencode(pairs)


def month_grid(month: date, sessions) -> list[list[dict | None]]:
    """Weeks (Monday first) of day cells {day, sessions}; None pads the first/last week."""
    by_day = dict(group_by_day(sessions))
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(
            [
                {"day": day, "sessions": by_day.get(day, []), "weekday": WEEKDAYS[day.weekday()]}
                if day.month == month.month
                else None
                for day in week
            ]
        )
    return weeks


def calendar(request: HttpRequest, page: EventIndexPage) -> HttpResponse:
    filters = CalendarFilter(request.GET or None, queryset=Session.objects.public().for_listing())
    form = filters.form
    sessions = filters.sessions
    now = timezone.now()
    today = timezone.localdate()
    view = "monat" if request.GET.get("ansicht") == "monat" else "liste"
    context = page.get_context(request)
    context.update(
        {
            "filter_form": form,
            "view": view,
            "filter_query": _filter_query(request, "seite", "ansicht", "monat"),
            "feeds": feed_links(request, page),
        }
    )
    if view == "monat":
        month = parse_month(request.GET.get("monat"), today)
        next_month = (month + timedelta(days=32)).replace(day=1)
        prev_month = (month - timedelta(days=1)).replace(day=1)
        in_month = sessions.filter(
            start__gte=local_day_start(month), start__lt=local_day_start(next_month)
        )
        context.update(
            {
                "month": month,
                "month_label": f"{MONTHS[month.month]} {month.year}",
                "prev_month": prev_month.strftime("%Y-%m"),
                "prev_label": f"{MONTHS[prev_month.month]} {prev_month.year}",
                "next_month": next_month.strftime("%Y-%m"),
                "next_label": f"{MONTHS[next_month.month]} {next_month.year}",
                "weeks": month_grid(month, list(in_month)),
                "weekdays": [WEEKDAYS[number] for number in range(7)],
            }
        )
    else:
        upcoming = sessions.filter(end__gte=now)
        page_obj = Paginator(upcoming, PAGE_SIZE).get_page(request.GET.get("seite"))
        context.update({"page_obj": page_obj, "days": group_by_day(page_obj.object_list)})
    status = 400 if form.is_bound and not form.is_valid() else 200
    return TemplateResponse(request, page.get_template(request), context, status=status)


def parse_month(value: str | None, today: date) -> date:
    """First day of the month `YYYY-MM`; the current month for missing or odd values."""
    try:
        month = datetime.strptime(value or "", MONTH_FORMAT).date()
    except ValueError:
        return today.replace(day=1)
    if not 2000 <= month.year <= 2100:
        return today.replace(day=1)
    return month


def feed_links(request: HttpRequest, page: EventIndexPage, *, path: str | None = None) -> dict:
    """https and webcal:// addresses of a feed (the whole calendar unless `path` is given)."""
    path = path or ics_url(page, "feed")
    https = request.build_absolute_uri(path)
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def workshop(request: HttpRequest, page: WorkshopPage) -> HttpResponse:
    context = page.get_context(request)
    sessions = list(page.upcoming_sessions()[: WORKSHOP_SESSION_LIMIT + 1])
    context.update(
        {
            "session_languages": session_languages(sessions),
            "days": group_by_day(sessions[:WORKSHOP_SESSION_LIMIT]),
            "more_sessions": len(sessions) > WORKSHOP_SESSION_LIMIT,
            "feeds": feed_links(request, page.get_parent().specific, path=ics_url(page, "feed")),
            # The course in the visitor's language where it has a live translation.
            "course": localized_pages([page.course])[0] if page.course_id else None,
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def session_languages(sessions: list[Session]) -> list[str]:
    """The languages the listed sessions are held in (German first), named for the visitor."""
    codes = {session.language for session in sessions}
    return [label for code, label in SessionLanguage.choices if code in codes]


def _session_of(page: WorkshopPage, session_id: int) -> Session:
    """A session visitors may see and book: waiting for approval or rejected answers 404."""
    session = (
        Session.objects.public()
        .with_seats()
        .select_related("venue__district", "workshop")
        .filter(page.sessions_condition(), pk=session_id)
        .first()
    )
    if session is None:
        raise Http404("Termin nicht gefunden")
    return session


def session_detail(request: HttpRequest, page: WorkshopPage, session_id: int) -> HttpResponse:
    session = _session_of(page, session_id)
    retention = settings.LERNHAFEN_EVENTS_RETENTION_DAYS
    status = 200
    if request.method == "POST" and session.is_open_for_registration:
        form = RegistrationForm(request.POST, session=session, retention_days=retention)
        if rate_limited(request, "events:register"):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            if form.cleaned_data[HONEYPOT_FIELD]:
                # Looks like success to a bot; nothing is stored or sent.
                return TemplateResponse(
                    request, "events/registration_received.html", {"page": page}
                )
            try:
                registration = _register_once(request, session, form)
            except ValidationError as error:
                _add_service_errors(form, error)
                status = 400
            else:
                # The fragment lets the page start at the confirmation, also without JavaScript.
                return redirect(
                    services.confirmation_url(registration) + "#bestaetigung", permanent=False
                )
        else:
            status = 400
    else:
        form = RegistrationForm(session=session, retention_days=retention)
    context = page.get_context(request)
    context.update(
        {
            "session": session,
            "form": form,
            "submission_token": _submission_token(request),
            "venue": session.localized_venue,
            "district": session.localized_district,
            "retention_days": retention,
            "guides": session_guides(session),
        }
    )
    return TemplateResponse(request, "events/session_page.html", context, status=status)


SUBMISSION_TOKEN_FIELD = "anmeldung_token"  # noqa: S105 (a field name, not a secret)
SUBMISSION_TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")


def _submission_token(request: HttpRequest) -> str:
    """The form's own idempotency key: new per form shown, kept when the form comes back
    with errors, so a second click or a resent POST finds the first booking."""
    token = request.POST.get(SUBMISSION_TOKEN_FIELD, "")
    return token if SUBMISSION_TOKEN_RE.match(token) else uuid.uuid4().hex


def _register_once(request: HttpRequest, session: Session, form: RegistrationForm):
    user = request.user if request.user.is_authenticated else None
    token = request.POST.get(SUBMISSION_TOKEN_FIELD, "")
    try:
        key = token if SUBMISSION_TOKEN_RE.match(token) else ""
        return services.register_request(
            session, form.cleaned_data, idempotency_key=key, registered_by=user
        )
    except services.IdempotencyKeyReused:
        # The same form page sent again with other details (back button): a new booking.
        return services.register_request(session, form.cleaned_data, registered_by=user)


def session_guides(session: Session) -> list:
    """The Digitallotsen of a session as residents may see them: their chosen name, languages
    and – only if they chose to publish it – how to reach them. One query."""
    return list(
        LotseProfile.objects.filter(user__in=session.digitallotsen.all()).order_by("display_name")
    )


def _add_service_errors(form: RegistrationForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def session_ics(request: HttpRequest, page: WorkshopPage, session_id: int) -> HttpResponse:
    session = _session_of(page, session_id)
    body = ics.invitation(session, base_url=_base_url(request))
    return _ics_response(body, f"termin-{session.pk}.ics", download=True)


def confirmation(request: HttpRequest, page: WorkshopPage, token: str) -> HttpResponse:
    registration = services.registration_for_token(token)
    # The German page or any of its translations (they share the translation_key).
    if registration is None or registration.session.workshop.translation_key != (
        page.translation_key
    ):
        return _invalid_link(request, page)
    context = page.get_context(request)
    context.update(
        {
            "registration": registration,
            "session": registration.session,
            "cancel_url": services.cancel_url(registration),
            "others_waiting": Registration.objects.waitlisted()
            .filter(session_id=registration.session_id)
            .exclude(pk=registration.pk)
            .exists(),
        }
    )
    return TemplateResponse(request, "events/confirmation_page.html", context)


def cancel_registration(request: HttpRequest, page: EventIndexPage, token: str) -> HttpResponse:
    registration = services.registration_for_token(token)
    if registration is None:
        return _invalid_link(request, page)
    done = False
    was_waiting = registration.status == Registration.Status.WAITLISTED
    promoted: list[Registration] = []
    if request.method == "POST" and registration.status != Registration.CANCELLED:
        promoted = services.cancel(registration)
        done = True
    context = page.get_context(request)
    context.update(
        {
            "registration": registration,
            "session": registration.session,
            "done": done,
            # What the cancellation set free, so the page says only what is true.
            "was_waiting": was_waiting,
            "seat_went_to_waitlist": bool(promoted),
            "already_cancelled": registration.status == Registration.CANCELLED and not done,
        }
    )
    return TemplateResponse(request, "events/cancel_page.html", context)


def _invalid_link(request: HttpRequest, page) -> HttpResponse:
    context = page.get_context(request)
    return TemplateResponse(request, "events/invalid_link.html", context, status=404)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _ics_response(body: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# --- Sections for other pages (hooks) ---------------------------------------------------------


def related_sessions(page, limit: int = 6) -> list[Session]:
    """Upcoming sessions of workshops linked to a course or tutorial page or its services."""
    # Workshops point at German courses and services; a translated page stands for its German
    # source, and its services for theirs, through the shared translation_key (German pages: the
    # queries as before; a translated tutorial loads its service's key, one query more).
    if page.locale_id == source_locale_id():
        course, services_in, service = "course_id", "digital_service_id__in", "digital_service_id"
        key = "pk"
    else:
        course, services_in = "course__translation_key", "digital_service__translation_key__in"
        service, key = "digital_service__translation_key", "translation_key"
    condition = Q()
    if isinstance(page, CoursePage):
        condition |= Q(**{f"workshop__{course}": getattr(page, key)})
        service_values = list(page.digital_services.values_list(key, flat=True))
        if service_values:
            condition |= Q(**{f"workshop__{services_in}": service_values})
    if getattr(page, "digital_service_id", None):
        value = page.digital_service_id if key == "pk" else page.digital_service.translation_key
        condition |= Q(**{f"workshop__{service}": value})
    if not condition:
        return []
    return list(
        Session.objects.public()
        .upcoming()
        .filter(condition, status=Session.SCHEDULED)
        .for_listing()[:limit]
    )


def next_sessions(limit: int = 4) -> list[Session]:
    return list(
        Session.objects.public().upcoming().filter(status=Session.SCHEDULED).for_listing()[:limit]
    )


def serve_ics(request: HttpRequest, path: str) -> HttpResponse:
    """Serve `/kalender/feed.ics` & co.: Wagtail only routes paths that end in a slash."""
    return serve(request, path + "/")
