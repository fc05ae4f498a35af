"""Demo content of the calendar (seed_demo, order 20): districts, venues, workshops, sessions.

The texts and structure are data in `events/demo/calendar.toml`. Idempotent: districts, venues
and services by slug, workshops by slug under /kalender/, series by workshop, venue and rule.
Demo bookings are phone-only, so seeding sends no mail.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from cms.demo import DemoSite, load_demo_data
from courses.models import CoursePage, DigitalService
from events import services
from events.models import District, EventIndexPage, Session, SessionSeries, Venue, WorkshopPage

DATA = load_demo_data("events", "calendar.toml")
DISTRICTS = [(district["slug"], district["name"]) for district in DATA["district"]]
DEMO_PEOPLE: list[str] = DATA["people"]


def _monday_of_next_week() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(
        datetime.combine(today + timedelta(days=7 - today.weekday()), time.min)
    )


def seed_events(demo: DemoSite) -> None:
    spec = DATA["calendar"]
    calendar = demo.ensure_page(
        demo.home,
        EventIndexPage,
        spec["slug"],
        title=spec["title"],
        show_in_menus=True,
        intro=spec["intro"],
    )
    districts = {}
    for slug, name in DISTRICTS:
        districts[slug], _ = District.objects.originals().get_or_create(
            slug=slug, defaults={"name": name}
        )
    venues = {}
    for data in DATA["venue"]:
        fields = {
            **data,
            "district": districts[data["district"]],
            "latitude": Decimal(data["latitude"]),
            "longitude": Decimal(data["longitude"]),
        }
        venues[data["name"]], _ = Venue.objects.originals().get_or_create(
            name=data["name"], defaults=fields
        )
    known_services = {service["slug"]: service for service in DATA["service"]}
    week = _monday_of_next_week()
    for data in DATA["workshop"]:
        known = known_services[data["service"]]
        service, _ = DigitalService.objects.originals().get_or_create(
            slug=data["service"],
            defaults={"name": known["name"], "description": known["description"]},
        )
        course = CoursePage.objects.live().filter(digital_services=service).first()
        workshop = demo.ensure_page(
            calendar,
            WorkshopPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            audience=data["audience"],
            what_to_bring=data["what_to_bring"],
            digital_service=service,
            course=course,
        )
        if workshop.course_id is None and course is not None:
            workshop.course = course
            workshop.save_revision().publish()
        for plan in data["series"]:
            venue = venues[plan["venue"]]
            rule = plan["rrule"]
            if SessionSeries.objects.filter(workshop=workshop, venue=venue, rrule=rule).exists():
                continue
            series = SessionSeries.objects.create(
                workshop=workshop,
                venue=venue,
                rrule=rule,
                first_start=week + timedelta(hours=plan["hour"]),
                duration_minutes=90,
                room=plan["room"],
                capacity=plan["capacity"],
                group_limit=plan["group_limit"],
                language=plan.get("language", "de"),
                exdates=_holidays(),
            )
            services.generate_sessions(series)
    _demo_bookings()


def _holidays() -> str:
    return "\n".join(
        f"{year}-12-24\n{year}-12-25\n{year}-12-26\n{year}-12-31"
        for year in (timezone.localdate().year, timezone.localdate().year + 1)
    )


def _demo_bookings() -> None:
    """Full sessions with a waitlist, some partly booked, one cancelled – unless already there."""
    upcoming = Session.objects.filter(start__gt=timezone.now(), group_limit=1).order_by("start")
    if not Session.objects.filter(registrations__isnull=False).exists():
        for index, session in enumerate(upcoming[:12]):
            if index % 3 == 0:  # full, two waiting
                wanted = session.capacity + 2
            elif index % 3 == 1:
                wanted = session.capacity - 2
            else:
                wanted = 1
            for number in range(wanted):
                services.register(
                    session,
                    name=DEMO_PEOPLE[number % len(DEMO_PEOPLE)],
                    phone=f"02363 555 {100 + number}",
                )
    if not Session.objects.filter(status=Session.CANCELLED).exists():
        candidate = upcoming.annotate(booked=Sum("registrations__seats")).filter(booked=None).last()
        if candidate:
            services.cancel_session(candidate)
