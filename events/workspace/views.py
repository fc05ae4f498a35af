"""Admin pages of the workspace (/admin/lotsen/…). Thin: scope via permissions, write via services.

Every view first checks the role (403 without it) and looks sessions up inside the user's
districts only (404 outside them), so a typed-in address shows nothing it should not.
"""

from __future__ import annotations

from datetime import date
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms.exports import csv_text
from cms.validators import DATE_RANGE_MESSAGE, validate_sane_date
from events.models import Registration, Session, SessionReview, WorkspaceSettings
from events.workspace import forms, permissions, reports, services

ICON = "group"


def _crumbs(*items: tuple[str, str | None]) -> list[dict]:
    trail = [
        {"url": reverse("wagtailadmin_home"), "label": "Übersicht"},
        {"url": reverse("events_workspace:sessions"), "label": "Meine Termine"},
    ]
    return trail + [{"url": url or "", "label": label} for label, url in items]


def _render(request, template: str, title: str, context: dict, crumbs=()) -> HttpResponse:
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": ICON,
        "breadcrumbs_items": _crumbs(*crumbs, (title, None)) if crumbs is not None else [],
        "is_coordinator": permissions.is_coordinator(request.user),
        **context,
    }
    return render(request, template, context)


def answer_403(view):
    """Answer a missing role with 403 and a German explanation.

    Wagtail's admin wrapper would turn PermissionDenied into a redirect to the dashboard; a
    typed-in address of the workspace should say plainly that it is not for this account.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return render(
                request,
                "events/workspace/forbidden.html",
                {
                    "page_title": "Kein Zugang",
                    "header_title": "Kein Zugang",
                    "header_icon": ICON,
                },
                status=403,
            )

    return wrapper


def _need_approval(request: HttpRequest) -> bool:
    return WorkspaceSettings.for_request(request).lotse_sessions_need_approval


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# --- Lists -----------------------------------------------------------------------------------


def session_list(request: HttpRequest) -> HttpResponse:
    permissions.require_workspace(request.user)
    now = timezone.now()
    past = request.GET.get("zeitraum") == "vergangen"
    districts = permissions.districts_for(request.user)
    sessions = permissions.sessions_for(request.user)
    district = request.GET.get("stadtteil", "")
    if district:
        sessions = sessions.filter(venue__district__slug=district)
    sessions = (
        sessions.filter(end__lt=now).order_by("-start")
        if past
        else sessions.upcoming(now).order_by("start")
    )
    sessions = (
        sessions.with_seats()
        .select_related("workshop", "venue__district", "review")
        .prefetch_related("digitallotsen__lotse_profile")[:200]
    )
    return _render(
        request,
        "events/workspace/session_list.html",
        "Vergangene Termine" if past else "Meine Termine",
        {
            "sessions": sessions,
            "past": past,
            "districts": districts,
            "district": district,
            "pending_count": SessionReview.objects.filter(state=SessionReview.PENDING).count()
            if permissions.is_coordinator(request.user)
            else 0,
        },
        crumbs=None,
    )


# --- Planning --------------------------------------------------------------------------------


def session_create(request: HttpRequest) -> HttpResponse:
    permissions.require_workspace(request.user)
    initial = {"digitallotsen": [request.user.pk]}
    form = forms.SessionForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        options = services.PlanOptions(
            workshop=data["workshop"],
            venue=data["venue"],
            room=data["room"],
            capacity=data["capacity"],
            group_limit=data["group_limit"],
            lotsen=list(data["digitallotsen"]),
        )
        try:
            [session] = services.create_sessions(
                [(data["start"], data["end"])],
                options,
                user=request.user,
                need_approval=_need_approval(request),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            _saved_message(request, [session])
            return redirect("events_workspace:session", session.pk)
    return _render(
        request,
        "events/workspace/session_form.html",
        "Neuer Termin",
        {"form": form, "submit": "Termin anlegen"},
    )


def series_create(request: HttpRequest) -> HttpResponse:
    permissions.require_workspace(request.user)
    form = forms.SeriesForm(
        request.POST or None, user=request.user, initial={"digitallotsen": [request.user.pk]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            sessions = services.create_series(
                form.build_series(),
                list(form.cleaned_data["digitallotsen"]),
                user=request.user,
                need_approval=_need_approval(request),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            _saved_message(request, sessions)
            return redirect("events_workspace:sessions")
    return _render(
        request,
        "events/workspace/session_form.html",
        "Neue Terminreihe",
        {"form": form, "submit": "Terminreihe anlegen"},
    )


def _saved_message(request: HttpRequest, sessions: list[Session]) -> None:
    count = len(sessions)
    what = "Der Termin ist" if count == 1 else f"{count} Termine sind"
    if sessions and SessionReview.objects.filter(session=sessions[0]).exists():
        messages.success(
            request,
            f"{what} gespeichert und der Koordination zur Freigabe "
            "vorgelegt. Im Kalender erscheinen sie nach der Freigabe.",
        )
    else:
        messages.success(request, f"{what} gespeichert und im Kalender zu sehen.")


def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    form = forms.SessionForm(
        request.POST or None, user=request.user, initial=forms.SessionForm.initial_for(session)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = Session.objects.get(pk=session.pk)  # fresh, so changes are detected
        try:
            notified = services.update_session(
                session,
                lotsen=list(data["digitallotsen"]),
                user=request.user,
                need_approval=_need_approval(request),
                workshop=data["workshop"],
                start=data["start"],
                end=data["end"],
                venue=data["venue"],
                room=data["room"],
                capacity=data["capacity"],
                group_limit=data["group_limit"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            text = "Die Änderungen sind gespeichert."
            if notified:
                text += f" {notified} angemeldete Personen mit E-Mail-Adresse wurden informiert."
            if SessionReview.objects.filter(session=session, state=SessionReview.PENDING).exists():
                text += " Der Termin liegt der Koordination zur Freigabe vor."
            messages.success(request, text)
            return redirect("events_workspace:session", session.pk)
    return _render(
        request,
        "events/workspace/session_form.html",
        "Termin bearbeiten",
        {"form": form, "submit": "Änderungen speichern", "session": session},
        crumbs=[(str(session), reverse("events_workspace:session", args=[session.pk]))],
    )


def session_duplicate(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    form = forms.DuplicateSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        local = timezone.localtime(session.start)
        starts = [forms.local_datetime(day, local.time()) for day in form.cleaned_data["dates"]]
        try:
            created = services.duplicate_session(
                session, starts, user=request.user, need_approval=_need_approval(request)
            )
        except ValidationError as error:
            form.add_error("dates", error.messages)
        else:
            _saved_message(request, created)
            return redirect("events_workspace:sessions")
    return _render(
        request,
        "events/workspace/duplicate.html",
        "Termin kopieren",
        {"form": form, "session": session, "submit": "Kopien anlegen"},
        crumbs=[(str(session), reverse("events_workspace:session", args=[session.pk]))],
    )


def series_duplicate(request: HttpRequest, series_id: int) -> HttpResponse:
    series = permissions.series_or_404(request.user, series_id)
    form = forms.DuplicateSeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        local = timezone.localtime(series.first_start)
        first_start = forms.local_datetime(form.cleaned_data["first_day"], local.time())
        try:
            _, created = services.duplicate_series(
                series, first_start, user=request.user, need_approval=_need_approval(request)
            )
        except ValidationError as error:
            form.add_error("first_day", error.messages)
        else:
            _saved_message(request, created)
            return redirect("events_workspace:sessions")
    return _render(
        request,
        "events/workspace/duplicate.html",
        "Terminreihe kopieren",
        {"form": form, "series": series, "submit": "Reihe kopieren"},
    )


# --- One session -----------------------------------------------------------------------------


def _registrations(session: Session) -> dict[str, list[Registration]]:
    groups: dict[str, list[Registration]] = {"confirmed": [], "waitlisted": [], "cancelled": []}
    for registration in session.registrations.select_related("attendance", "registered_by"):
        groups[registration.status].append(registration)
    return groups


def session_detail(
    request: HttpRequest, session_id: int, *, on_behalf_form=None, status: int = 200
) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    session = (
        permissions.sessions_for(request.user)
        .with_seats()
        .select_related("workshop", "venue__district", "series", "review")
        .prefetch_related(Prefetch("digitallotsen"))
        .get(pk=session.pk)
    )
    groups = _registrations(session)
    response = _render(
        request,
        "events/workspace/session_detail.html",
        str(session),
        {
            "session": session,
            "confirmed": groups["confirmed"],
            "waitlisted": groups["waitlisted"],
            "cancelled": groups["cancelled"],
            "seats_free": session.capacity - session.booked_seats,
            "on_behalf_form": on_behalf_form or forms.OnBehalfForm(),
            "can_record_attendance": services.can_record_attendance(session),
            "attendance_choices": forms.ATTENDANCE_CHOICES,
            "review": getattr(session, "review", None),
        },
        crumbs=[],
    )
    response.status_code = status
    return response


@require_POST
def session_register(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    form = forms.OnBehalfForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register_on_behalf(
                session,
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                seats=data["seats"],
                accessibility_needs=data["accessibility_needs"],
                user=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            where = (
                "mit festem Platz angemeldet"
                if registration.status == Registration.CONFIRMED
                else f"auf Platz {registration.waitlist_position} der Warteliste gesetzt"
            )
            messages.success(request, f"{registration.name} ist {where}.")
            return redirect(reverse("events_workspace:session", args=[session.pk]) + "#anmeldungen")
    return session_detail(request, session_id, on_behalf_form=form, status=400)


@require_POST
def registration_action(request: HttpRequest, session_id: int, registration_id: int):
    session = permissions.session_or_404(request.user, session_id)
    registration = get_object_or_404(Registration, pk=registration_id, session=session)
    action = request.POST.get("aktion")
    try:
        if action == "bestaetigen":
            services.confirm_from_waitlist(registration)
            messages.success(request, f"{registration.name} hat jetzt einen festen Platz.")
        elif action == "warteliste":
            services.move_to_waitlist(registration)
            messages.success(request, f"{registration.name} steht jetzt auf der Warteliste.")
        elif action == "abmelden":
            from events import services as calendar

            promoted = calendar.cancel(registration)
            text = f"{registration.name or 'Die Anmeldung'} ist abgemeldet."
            if promoted:
                names = ", ".join(r.name for r in promoted)
                text += f" Von der Warteliste nachgerückt: {names}."
            messages.success(request, text)
        else:
            messages.error(request, "Diese Aktion gibt es nicht.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("events_workspace:session", args=[session.pk]) + "#anmeldungen")


@require_POST
def session_attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    confirmed = list(session.registrations.confirmed())
    try:
        changed = services.record_attendance(
            session, forms.attendance_marks(request.POST, confirmed), user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Anwesenheit gespeichert ({changed} Änderungen).")
    return redirect(reverse("events_workspace:session", args=[session.pk]) + "#anwesenheit")


def session_print(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    return render(
        request,
        "events/workspace/attendance_print.html",
        {
            "session": session,
            "registrations": list(session.registrations.confirmed().select_related("attendance")),
            "lotsen": list(session.digitallotsen.select_related("lotse_profile")),
        },
    )


def session_csv(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    rows = [
        [
            "Nr.",
            "Status",
            "Warteliste Platz",
            "Name",
            "Telefon",
            "E-Mail",
            "Plätze",
            "Unterstützungsbedarf",
            "Angemeldet am",
            "Anwesenheit",
        ]
    ]
    groups = _registrations(session)
    for number, registration in enumerate(groups["confirmed"] + groups["waitlisted"], start=1):
        attendance = getattr(registration, "attendance", None)
        position = (
            groups["waitlisted"].index(registration) + 1
            if registration.status == Registration.WAITLISTED
            else ""
        )
        rows.append(
            [
                number,
                registration.get_status_display(),
                position,
                registration.name,
                registration.phone,
                registration.email,
                registration.seats,
                registration.accessibility_needs,
                registration.created_at,
                attendance.get_status_display() if attendance else "",
            ]
        )
    local = timezone.localtime(session.start)
    response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="anmeldungen-{local:%Y-%m-%d}-{session.pk}.csv"'
    )
    return response


def session_message(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    form = forms.MessageForm(request.POST or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.send_message(
            session,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            user=request.user,
        )
        messages.success(request, f"Die Nachricht geht an {result.mailed} Personen per E-Mail.")
    return _render(
        request,
        "events/workspace/message.html",
        "Nachricht an alle Angemeldeten",
        {
            "form": form,
            "session": session,
            "result": result,
            "without_email": session.registrations.active().filter(email="").count(),
        },
        crumbs=[(str(session), reverse("events_workspace:session", args=[session.pk]))],
    )


def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    if request.method == "POST":
        from events import services as calendar

        notified = calendar.cancel_session(session)
        messages.success(
            request,
            f"Der Termin ist abgesagt. {notified} Angemeldete mit E-Mail-"
            "Adresse werden benachrichtigt; bitte rufen Sie die übrigen an.",
        )
        return redirect(reverse("events_workspace:message", args=[session.pk]))
    return _render(
        request,
        "events/workspace/cancel.html",
        "Termin absagen",
        {
            "session": session,
            "active": session.registrations.active().count(),
        },
        crumbs=[(str(session), reverse("events_workspace:session", args=[session.pk]))],
    )


# --- Koordination ----------------------------------------------------------------------------


def review_list(request: HttpRequest) -> HttpResponse:
    permissions.require_coordinator(request.user)
    reviews = (
        SessionReview.objects.filter(state=SessionReview.PENDING)
        .select_related("session__workshop", "session__venue__district", "submitted_by")
        .order_by("session__start")
    )
    return _render(
        request,
        "events/workspace/review_list.html",
        "Termine zur Freigabe",
        {"reviews": reviews, "form": forms.ReviewForm()},
    )


@require_POST
def review_decide(request: HttpRequest, session_id: int) -> HttpResponse:
    permissions.require_coordinator(request.user)
    session = get_object_or_404(Session, pk=session_id)
    form = forms.ReviewForm(request.POST)
    form.is_valid()
    approve = request.POST.get("entscheidung") == "freigeben"
    services.decide_review(
        session, approve=approve, user=request.user, comment=form.cleaned_data.get("comment", "")
    )
    messages.success(request, f"„{session}“ ist {'freigegeben' if approve else 'abgelehnt'}.")
    return redirect("events_workspace:reviews")


def _period(request: HttpRequest) -> tuple[date, date, list[str]]:
    start, end = reports.default_period()
    errors = []
    for name in ("von", "bis"):
        value = request.GET.get(name)
        if not value:
            continue
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            errors.append(f"„{value}“ ist kein Datum; es gilt der Standardzeitraum.")
            continue
        try:
            validate_sane_date(parsed)
        except ValidationError:
            errors.append(f"„{value}“: {DATE_RANGE_MESSAGE} Es gilt der Standardzeitraum.")
            continue
        if name == "von":
            start = parsed
        else:
            end = parsed
    if end < start:
        errors.append("Das Ende des Zeitraums liegt vor dem Anfang; es gilt der Standardzeitraum.")
        start, end = reports.default_period()
    return start, end, errors


def report_overview(request: HttpRequest) -> HttpResponse:
    permissions.require_coordinator(request.user)
    start, end, errors = _period(request)
    all_reports = [reports.city_report(slug, start, end) for slug in reports.DIMENSIONS]
    return _render(
        request,
        "events/workspace/reports.html",
        "Berichte für die Stadt",
        {
            "reports": [(report, report.chart()) for report in all_reports],
            "start": start,
            "end": end,
            "errors": errors,
            "header": reports.CSV_HEADER,
            "query": f"von={start.isoformat()}&bis={end.isoformat()}",
        },
    )


def report_csv(request: HttpRequest, slug: str) -> HttpResponse:
    permissions.require_coordinator(request.user)
    if slug not in reports.DIMENSIONS:
        return HttpResponse(
            "Diesen Bericht gibt es nicht.", status=404, content_type="text/plain; charset=utf-8"
        )
    start, end, _ = _period(request)
    report = reports.city_report(slug, start, end)
    response = HttpResponse(reports.report_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="bericht-{slug}-{start.isoformat()}-{end.isoformat()}.csv"'
    )
    return response


# --- Own profile -----------------------------------------------------------------------------


def profile(request: HttpRequest) -> HttpResponse:
    permissions.require_workspace(request.user)
    lotse = getattr(request.user, "lotse_profile", None)
    if lotse is None:
        return _render(
            request, "events/workspace/profile.html", "Mein Lotsenprofil", {"form": None}
        )
    form = forms.ProfileForm(request.POST or None, instance=lotse)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Ihr Profil ist gespeichert.")
        return redirect("events_workspace:profile")
    return _render(
        request,
        "events/workspace/profile.html",
        "Mein Lotsenprofil",
        {"form": form, "lotse": lotse},
    )
