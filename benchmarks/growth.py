"""Growth benchmark: does a page's cost stay flat as the city's history grows?

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lh_growth \\
        .venv/bin/python benchmarks/growth.py [--requests 5] [--sessions 20000] [--keep]

Creates a throw-away database (``test_<name>`` next to DATABASE_URL's, via Django's test-database
utilities; destroyed at the end), seeds the demo site (S), measures, then bulk-inserts the L data
set on top — 20,000 sessions, 200,000 registrations (with attendance for past ones), 50,000
learning statements — and measures again. Prints, per page, the median time of N requests and
the number of queries, for S and L. The cache is cleared before every request, so each figure is
the cost of building the answer, not of serving it from the cache. Meant for PostgreSQL (it runs
on SQLite too, but the figures then say little).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

BATCH = 5000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5, help="requests per page (median)")
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--registrations", type=int, default=200_000)
    parser.add_argument("--statements", type=int, default=50_000)
    parser.add_argument(
        "--keep", action="store_true", help="keep the database for a look (drop it by hand)"
    )
    args = parser.parse_args()
    setup_test_environment()
    settings.RATELIMIT_ENABLE = False
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args)
    finally:
        connections.close_all()
        if args.keep:
            print(f"kept database {connection.settings_dict['NAME']}")
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def pages() -> list[tuple[str, str, str]]:
    """(label, who, path) of every page measured; who: anon, koordination, lotse, admin."""
    from wagtail.models import Page

    from courses.models import TutorialPage
    from events.models import District, EventIndexPage, Session

    calendar = EventIndexPage.objects.live().first().url
    district = District.objects.order_by("slug").first().slug
    tutorial = TutorialPage.objects.live().first().url
    session = Session.objects.public().upcoming().select_related("workshop").first()
    session_url = f"{session.workshop.url}termin/{session.pk}/"
    courses = Page.objects.live().filter(slug="kurse").first()
    return [
        ("feed.ics", "anon", f"{calendar}feed.ics"),
        ("district feed", "anon", f"{calendar}stadtteil/{district}/feed.ics"),
        ("/api/v1/sessions/", "anon", "/api/v1/sessions/"),
        ("calendar month", "anon", f"{calendar}?ansicht=monat"),
        ("calendar list", "anon", calendar),
        ("city reports", "koordination", "/admin/lotsen/berichte/"),
        ("registrations snippets", "admin", "/admin/snippets/events/registration/"),
        ("workspace list", "lotse", "/admin/lotsen/"),
        ("home", "anon", "/"),
        ("/kurse/", "anon", courses.url if courses else "/kurse/"),
        ("tutorial", "anon", tutorial),
        ("session page", "anon", session_url),
    ]


def clients() -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from events.workspace.demo import KOORDINATION, LOTSEN

    users = get_user_model().objects
    admin, _ = users.get_or_create(
        username="growth-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    result = {"anon": Client()}
    for who, username in [
        ("koordination", KOORDINATION["username"]),
        ("lotse", LOTSEN[0]["username"]),
        ("admin", admin.username),
    ]:
        client = Client()
        client.force_login(users.get(username=username))
        result[who] = client
    return result


def measure(requests: int) -> dict[str, tuple[float, int, int, int]]:
    """label → (median ms, queries, bytes, status)."""
    from django.core.cache import cache

    by_who = clients()
    results = {}
    for label, who, path in pages():
        client = by_who[who]
        times = []
        for _ in range(requests):
            cache.clear()
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                response = client.get(path)
                body = b"".join(response) if response.streaming else response.content
                times.append((time.perf_counter() - began) * 1000)
        results[label] = (statistics.median(times), len(queries), len(body), response.status_code)
    return results


def grow(args) -> None:
    """Bulk-insert the L data set on top of the seeded site (no services, no signals)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import LessonPage, TutorialPage
    from events.models import Attendance, Registration, Session, Venue, WorkshopPage
    from events.models.sessions import random_reference
    from events.workspace.demo import LOTSEN
    from learning.models import Lernpass, Statement

    rng = random.Random(15)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    workshops = list(WorkshopPage.objects.live())
    venues = list(Venue.objects.all())
    # A few years of history and one year ahead: three quarters in the past.
    span_hours = 4 * 365 * 24
    past_hours = 3 * 365 * 24
    sessions = []
    for i in range(args.sessions):
        start = now + timedelta(hours=rng.randrange(span_hours) - past_hours)
        sessions.append(
            Session(
                workshop=workshops[i % len(workshops)],
                venue=venues[i % len(venues)],
                capacity=12,
                start=start,
                end=start + timedelta(minutes=90),
            )
        )
    sessions = Session.objects.bulk_create(sessions, batch_size=BATCH)
    lotse = get_user_model().objects.get(username=LOTSEN[0]["username"])
    through = Session.digitallotsen.through
    through.objects.bulk_create(
        [through(session=s, user=lotse) for s in sessions[::20]], batch_size=BATCH
    )

    per_session = max(1, args.registrations // len(sessions))
    statuses = [Registration.CONFIRMED] * 8 + [Registration.WAITLISTED, Registration.CANCELLED]
    registrations = []
    taken = set(Registration.objects.values_list("reference", flat=True))

    def unused_reference() -> str:
        # Six random characters: 200,000 of them collide now and then, so remember them.
        while (reference := random_reference()) in taken:
            pass
        taken.add(reference)
        return reference

    for session in sessions:
        for n in range(per_session):
            registrations.append(
                Registration(
                    session=session,
                    status=statuses[n % len(statuses)],
                    reference=unused_reference(),
                    name=f"Person {n}",
                    phone=f"02363 {rng.randrange(10**6):06d}",
                    created_at=session.start - timedelta(days=rng.randrange(1, 30)),
                )
            )
    registrations = Registration.objects.bulk_create(registrations, batch_size=BATCH)
    Attendance.objects.bulk_create(
        [
            Attendance(
                registration=r,
                status=rng.choice(Attendance.Status.values),
                recorded_at=r.session.end,
                recorded_by=lotse,
            )
            for r in registrations
            if r.status == Registration.CONFIRMED and r.session.end < now
        ],
        batch_size=BATCH,
    )

    lernpasses = Lernpass.objects.bulk_create(
        [Lernpass(code=f"GROWTH{i:08d}", last_used_at=now) for i in range(args.statements // 10)],
        batch_size=BATCH,
    )
    learn_pages = list(TutorialPage.objects.live()) + list(LessonPage.objects.live())
    Statement.objects.bulk_create(
        [
            Statement(
                lernpass=lernpasses[i % len(lernpasses)],
                page=learn_pages[i % len(learn_pages)],
                block_id=f"b{i % 7}",
                verb=Statement.Verb.ANSWERED if i % 3 else Statement.Verb.COMPLETED,
                success=bool(i % 2),
            )
            for i in range(args.statements)
        ],
        batch_size=BATCH,
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


def counts() -> str:
    from events.models import Registration, Session
    from learning.models import Statement

    return (
        f"{Session.objects.count():,} sessions, {Registration.objects.count():,} registrations, "
        f"{Statement.objects.count():,} statements"
    )


def run(args) -> None:
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    print(f"database: {connection.vendor}; median of {args.requests} requests, cache cleared")
    print(f"S: {counts()}")
    small = measure(args.requests)
    began = time.perf_counter()
    grow(args)
    print(f"L: {counts()} (built in {time.perf_counter() - began:.0f} s)")
    large = measure(args.requests)

    print()
    print("| page | S ms | S queries | L ms | L queries | L bytes |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, (s_ms, s_q, _s_bytes, s_status) in small.items():
        l_ms, l_q, l_bytes, l_status = large[label]
        flag = "" if s_status == l_status == 200 else f" (HTTP {s_status}/{l_status})"
        print(f"| {label}{flag} | {s_ms:.0f} | {s_q} | {l_ms:.0f} | {l_q} | {l_bytes:,} |")


if __name__ == "__main__":
    main()
