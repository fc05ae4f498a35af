"""Sessions: the lists, planning (one date, a series, copies), one session, message, cancel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from events.models import Registration, Session, SessionReview
from events.workspace import forms, permissions, services
from events.workspace.views.base import add_errors, need_approval, render_page, session_url


def session_list(request: HttpRequest) -> HttpResponse:
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
    return render_page(
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


def attendance_open(request: HttpRequest) -> HttpResponse:
    """Past sessions in the user's districts where someone's attendance is still not recorded."""
    sessions = (
        services.attendance_open(permissions.sessions_for(request.user))
        .select_related("workshop", "venue__district")
        .prefetch_related("digitallotsen__lotse_profile")[:200]
    )
    return render_page(
        request,
        "events/workspace/attendance_open.html",
        "Anwesenheit noch offen",
        {"sessions": sessions},
    )


# --- Planning --------------------------------------------------------------------------------


def session_create(request: HttpRequest) -> HttpResponse:
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
            language=data["language"],
            lotsen=list(data["digitallotsen"]),
        )
        try:
            [session] = services.create_sessions(
                [(data["start"], data["end"])],
                options,
                user=request.user,
                need_approval=need_approval(request),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            _saved_message(request, [session])
            return redirect("events_workspace:session", session.pk)
    return render_page(
        request,
        "events/workspace/session_form.html",
        "Neuer Termin",
        {"form": form, "submit": "Termin anlegen"},
    )


def series_create(request: HttpRequest) -> HttpResponse:
    """Plan a series; „Vorschau“ lists its dates and conflicts first and saves nothing."""
    form = forms.SeriesForm(
        request.POST or None, user=request.user, initial={"digitallotsen": [request.user.pk]}
    )
    preview = None
    if request.method == "POST" and "vorschau" in request.POST and form.is_valid():
        try:
            dates, other = services.preview_series(
                form.build_series(), list(form.cleaned_data["digitallotsen"])
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            preview = {
                "dates": dates,
                "other": other,
                "blocked": sum(1 for item in dates if item.conflicts),
            }
    elif request.method == "POST" and form.is_valid():
        try:
            sessions = services.create_series(
                form.build_series(),
                list(form.cleaned_data["digitallotsen"]),
                user=request.user,
                need_approval=need_approval(request),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            _saved_message(request, sessions)
            return redirect("events_workspace:sessions")
    return render_page(
        request,
        "events/workspace/session_form.html",
        "Neue Terminreihe",
        {"form": form, "submit": "Terminreihe anlegen", "preview": preview, "can_preview": True},
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
                need_approval=need_approval(request),
                workshop=data["workshop"],
                start=data["start"],
                end=data["end"],
                venue=data["venue"],
                room=data["room"],
                capacity=data["capacity"],
                group_limit=data["group_limit"],
                language=data["language"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            text = "Die Änderungen sind gespeichert."
            if notified:
                text += f" {notified} angemeldete Personen mit E-Mail-Adresse wurden informiert."
            if SessionReview.objects.filter(session=session, state=SessionReview.PENDING).exists():
                text += " Der Termin liegt der Koordination zur Freigabe vor."
            messages.success(request, text)
            return redirect("events_workspace:session", session.pk)
    return render_page(
        request,
        "events/workspace/session_form.html",
        "Termin bearbeiten",
        {"form": form, "submit": "Änderungen speichern", "session": session},
        crumbs=[(str(session), session_url(session))],
    )


def session_duplicate(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    form = forms.DuplicateSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        local = timezone.localtime(session.start)
        starts = [forms.local_datetime(day, local.time()) for day in form.cleaned_data["dates"]]
        try:
            created = services.duplicate_session(
                session, starts, user=request.user, need_approval=need_approval(request)
            )
        except ValidationError as error:
            form.add_error("dates", error.messages)
        else:
            _saved_message(request, created)
            return redirect("events_workspace:sessions")
    return render_page(
        request,
        "events/workspace/duplicate.html",
        "Termin kopieren",
        {"form": form, "session": session, "submit": "Kopien anlegen"},
        crumbs=[(str(session), session_url(session))],
    )


def series_duplicate(request: HttpRequest, series_id: int) -> HttpResponse:
    series = permissions.series_or_404(request.user, series_id)
    form = forms.DuplicateSeriesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        local = timezone.localtime(series.first_start)
        first_start = forms.local_datetime(form.cleaned_data["first_day"], local.time())
        try:
            _, created = services.duplicate_series(
                series, first_start, user=request.user, need_approval=need_approval(request)
            )
        except ValidationError as error:
            form.add_error("first_day", error.messages)
        else:
            _saved_message(request, created)
            return redirect("events_workspace:sessions")
    return render_page(
        request,
        "events/workspace/duplicate.html",
        "Terminreihe kopieren",
        {"form": form, "series": series, "submit": "Reihe kopieren"},
    )


# --- One session -----------------------------------------------------------------------------


def registration_groups(session: Session) -> dict[str, list[Registration]]:
    groups: dict[str, list[Registration]] = {
        Registration.CONFIRMED: [],
        Registration.WAITLISTED: [],
        Registration.CANCELLED: [],
    }
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
    groups = registration_groups(session)
    response = render_page(
        request,
        "events/workspace/session_detail.html",
        str(session),
        {
            "session": session,
            "confirmed": groups[Registration.CONFIRMED],
            "waitlisted": groups[Registration.WAITLISTED],
            "cancelled": groups[Registration.CANCELLED],
            "seats_free": session.capacity - session.booked_seats,
            "on_behalf_form": on_behalf_form or forms.OnBehalfForm(),
            "can_record_attendance": services.can_record_attendance(session),
            "has_begun": services.has_begun(session),
            "attendance_choices": forms.AttendanceMark.choices,
            "review": getattr(session, "review", None),
        },
        crumbs=[],
    )
    response.status_code = status
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
    return render_page(
        request,
        "events/workspace/message.html",
        "Nachricht an alle Angemeldeten",
        {
            "form": form,
            "session": session,
            "result": result,
            "without_email": session.registrations.active().filter(email="").count(),
        },
        crumbs=[(str(session), session_url(session))],
    )


def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    if services.has_begun(session):
        messages.error(request, services.MESSAGES["session_begun"])
        return redirect(session_url(session))
    if request.method == "POST":
        notified = services.cancel_session(session)
        messages.success(
            request,
            f"Der Termin ist abgesagt. {notified} Angemeldete mit E-Mail-"
            "Adresse werden benachrichtigt; bitte rufen Sie die übrigen an.",
        )
        return redirect(reverse("events_workspace:message", args=[session.pk]))
    return render_page(
        request,
        "events/workspace/cancel.html",
        "Termin absagen",
        {
            "session": session,
            "active": session.registrations.active().count(),
        },
        crumbs=[(str(session), session_url(session))],
    )
