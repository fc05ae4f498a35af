"""Demo content of the workspace (seed_demo, order 25, after the calendar's order 20).

Three Digitallotsen with their districts and a Koordination login (passwords generated once into
var/demo-<username>-password, printed by `make run` as demo-only), Lotsen on upcoming sessions
(some left without one), four months of past sessions with bookings and attendance so the reports
show real figures, and one Lotse-made session waiting for approval.

Idempotent: users and profiles by username, history only when no attendance exists yet, the
approval example only when no review exists yet. Who and what: `events/demo/workspace.toml`.
"""

from __future__ import annotations

import secrets
from datetime import datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import GroupPagePermission

from cms.demo import DemoSite, load_demo_data
from events.demo import DEMO_PEOPLE, DISTRICTS
from events.models import (
    Attendance,
    District,
    EventIndexPage,
    LotseProfile,
    Registration,
    Session,
    SessionReview,
    SessionSeries,
)
from events.models.lotsen import DIGITALLOTSEN_GROUP, KOORDINATION_GROUP
from events.workspace import services

DATA = load_demo_data("events", "workspace.toml")
LOTSEN: list[dict] = DATA["lotse"]
KOORDINATION: dict = DATA["koordination"]
HISTORY_MONTHS: int = DATA["history_months"]


def password_file(username: str) -> Path:
    return Path(settings.VAR_DIR) / f"demo-{username}-password"


def _password(username: str) -> str:
    path = password_file(username)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    return path.read_text().strip()


def _user(data: dict, group: str):
    user, created = get_user_model().objects.get_or_create(
        username=data["username"],
        defaults={
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": f"{data['username']}@datteln.example",
        },
    )
    password = _password(data["username"])
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def seed_workspace(demo: DemoSite) -> None:
    coordinator = _user(KOORDINATION, KOORDINATION_GROUP)
    lotsen = []
    for data in LOTSEN:
        user = _user(data, DIGITALLOTSEN_GROUP)
        profile, created = LotseProfile.objects.get_or_create(
            user=user,
            defaults={
                "display_name": f"{data['first_name']} {data['last_name']}",
                "phone": data["phone"],
                "email": user.email,
                "languages": data["languages"],
                "availability_note": data["availability_note"],
                "contact_public": data["contact_public"],
            },
        )
        if created:
            profile.districts.set(District.objects.originals().filter(slug__in=data["districts"]))
        lotsen.append(profile)
    _coordination_page_permissions()
    _assign_upcoming(lotsen)
    _history(lotsen)
    _pending_example(lotsen, coordinator)


def _coordination_page_permissions() -> None:
    """Koordination edits and publishes the workshop pages under /kalender/."""
    calendar = EventIndexPage.objects.first()
    if calendar is None:
        return
    group = Group.objects.get(name=KOORDINATION_GROUP)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=calendar,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def _district_map(lotsen: list[LotseProfile]) -> dict:
    mapping = {}
    for profile in lotsen:
        for district in profile.districts.all():
            mapping.setdefault(district.pk, profile.user)
    return mapping


def _assign_upcoming(lotsen: list[LotseProfile]) -> None:
    """Lotsen on two of three upcoming sessions; the rest show up as „Termine ohne Lotse“."""
    if Session.objects.filter(digitallotsen__isnull=False).exists():
        return
    by_district = _district_map(lotsen)
    upcoming = Session.objects.upcoming().select_related("venue").order_by("start")
    for index, session in enumerate(upcoming):
        person = by_district.get(session.venue.district_id)
        if person is not None and index % 3 != 2:
            session.digitallotsen.add(person)


def _history(lotsen: list[LotseProfile]) -> None:
    """Past sessions of every series' workshop and venue with bookings and attendance.

    Sessions in the past cannot be booked through events.services.register (it refuses closed
    sessions), so the demo writes these historical rows directly. Those older than the retention
    period are stored already anonymised, as purge_personal_data would leave them.
    """
    if Attendance.objects.exists():
        return
    now = timezone.now()
    by_district = _district_map(lotsen)
    retention = timedelta(days=settings.LERNHAFEN_EVENTS_RETENTION_DAYS)
    today = timezone.localdate()
    number = 0
    for series in SessionSeries.objects.select_related("workshop", "venue").order_by("pk"):
        local_first = timezone.localtime(series.first_start)
        for week in range(1, HISTORY_MONTHS * 4 + 1, 2):  # every other week, about 4 months back
            day = today - timedelta(weeks=week, days=(today.weekday() - local_first.weekday()) % 7)
            start = timezone.make_aware(datetime.combine(day, time(local_first.hour)))
            end = start + timedelta(minutes=series.duration_minutes)
            if end >= now:
                continue
            number += 1
            session = Session.objects.create(
                workshop=series.workshop,
                start=start,
                end=end,
                venue=series.venue,
                room=series.room,
                capacity=series.capacity,
                group_limit=series.group_limit,
                status=Session.CANCELLED if number % 17 == 0 else Session.SCHEDULED,
            )
            person = by_district.get(series.venue.district_id)
            if person is not None:
                session.digitallotsen.add(person)
            # The last week's sessions still wait for their Lotse to record attendance, so the
            # list "Anwesenheit noch offen" has something to show.
            _past_bookings(
                session, number, anonymous=end < now - retention, attendance_recorded=week > 1
            )


def _past_bookings(
    session: Session, number: int, *, anonymous: bool, attendance_recorded: bool = True
) -> None:
    if session.group_limit > 1:  # a class workshop: one teacher books the class
        bookings = [(Registration.CONFIRMED, 22 + number % 6)]
    else:
        confirmed = session.capacity - number % 4
        waiting = 2 if number % 3 == 0 and confirmed == session.capacity else 0
        bookings = [(Registration.CONFIRMED, 1)] * confirmed + [(Registration.WAITLISTED, 1)] * (
            waiting
        )
        if number % 5 == 0:
            bookings.append((Registration.CANCELLED, 1))
    created_at = session.start - timedelta(days=10)
    for index, (status, seats) in enumerate(bookings):
        name = DEMO_PEOPLE[(number + index) % len(DEMO_PEOPLE)]
        registration = Registration.objects.create(
            session=session,
            status=status,
            seats=seats,
            name="" if anonymous else name,
            phone="" if anonymous else f"02363 555 {200 + index}",
            created_at=created_at + timedelta(minutes=index),
            cancelled_at=created_at + timedelta(days=3)
            if status == Registration.CANCELLED
            else None,
            anonymised_at=session.end + timedelta(days=31) if anonymous else None,
        )
        if attendance_recorded and status == Registration.CONFIRMED and not session.is_cancelled:
            no_show = (number + index) % 7 == 0
            Attendance.objects.create(
                registration=registration,
                status=Attendance.NO_SHOW if no_show else Attendance.ATTENDED,
                recorded_at=session.end,
            )


def _pending_example(lotsen: list[LotseProfile], coordinator) -> None:
    """One session a Lotse planned that waits for Koordination's approval."""
    if SessionReview.objects.exists():
        return
    example = DATA["pending_example"]
    profile = next((p for p in lotsen if p.user.username == example["lotse"]), None)
    series = (
        SessionSeries.objects.filter(
            workshop__slug=example["workshop"], venue__district__slug=example["district"]
        )
        .select_related("workshop", "venue")
        .first()
    )
    if profile is None or series is None:
        return
    today = timezone.localdate()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 + 14)
    start = timezone.make_aware(datetime.combine(saturday, time(example["hour"])))
    options = services.PlanOptions(
        workshop=series.workshop,
        venue=series.venue,
        room=example["room"],
        capacity=example["capacity"],
        lotsen=[profile.user],
    )
    try:
        services.create_sessions(
            [(start, start + timedelta(minutes=example["duration_minutes"]))],
            options,
            user=profile.user,
            need_approval=True,
        )
    except ValidationError:
        return  # the hall is taken that day; the queue stays empty rather than double-booked


def demo_logins() -> list[tuple[str, str, str]]:
    logins = []
    people = [("Koordination", KOORDINATION), *[("Digitallotse", data) for data in LOTSEN]]
    for role, data in people:
        path = password_file(data["username"])
        if path.exists():
            names = dict(DISTRICTS)
            districts = ", ".join(names[slug] for slug in data.get("districts", []))
            districts = districts or "alle Stadtteile"
            logins.append((f"{role} ({districts})", data["username"], path.read_text().strip()))
    return logins
