"""Registrations of one session: by phone, waitlist moves, attendance, print list and CSV."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms.exports import csv_text
from events.models import Registration
from events.workspace import forms, permissions, services
from events.workspace.views.base import add_errors, session_url
from events.workspace.views.sessions import registration_groups, session_detail


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
                language=data["language"] or "de",
                user=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            where = (
                "mit festem Platz angemeldet"
                if registration.status == Registration.CONFIRMED
                else f"auf Platz {registration.waitlist_position} der Warteliste gesetzt"
            )
            messages.success(request, f"{registration.name} ist {where}.")
            return redirect(session_url(session, "#anmeldungen"))
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
            promoted = services.unregister(registration)
            text = f"{registration.name or 'Die Anmeldung'} ist abgemeldet."
            if promoted:
                names = ", ".join(r.name for r in promoted)
                text += f" Von der Warteliste nachgerückt: {names}."
            messages.success(request, text)
        else:
            messages.error(request, "Diese Aktion gibt es nicht.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(session_url(session, "#anmeldungen"))


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
    return redirect(session_url(session, "#anwesenheit"))


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


CSV_HEADER = [
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


def session_csv(request: HttpRequest, session_id: int) -> HttpResponse:
    session = permissions.session_or_404(request.user, session_id)
    rows: list[list] = [CSV_HEADER]
    groups = registration_groups(session)
    waitlisted = groups[Registration.WAITLISTED]
    for number, registration in enumerate(groups[Registration.CONFIRMED] + waitlisted, start=1):
        attendance = getattr(registration, "attendance", None)
        position = (
            waitlisted.index(registration) + 1
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
