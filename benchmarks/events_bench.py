"""Calendar benchmark: render time of /kalender/ and feed generation for 2,000 sessions, and
registrations per second under parallel load (PostgreSQL only).

    DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python benchmarks/events_bench.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lh_events_bench \\
        DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python benchmarks/events_bench.py

Works in a throw-away test database (created and destroyed by Django's test runner utilities).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

SESSIONS = 2000
THREADS = 16
REGISTRATIONS = 400


def timed(label: str, fn, repeat: int = 5) -> None:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    print(f"{label}: median {sorted(times)[len(times) // 2] * 1000:.1f} ms (n={repeat})")


def main() -> None:
    setup_test_environment()
    settings.RATELIMIT_ENABLE = False
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        run()
    finally:
        connections.close_all()
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run() -> None:
    from django.core.cache import cache
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage
    from events import services
    from events.models import District, EventIndexPage, Session, Venue, WorkshopPage

    Locale.objects.get_or_create(language_code="de")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Start", slug="start", intro="Bench"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    calendar = home.add_child(instance=EventIndexPage(title="Kalender", slug="kalender"))
    districts = [District.objects.create(name=f"Stadtteil {i}", slug=f"st-{i}") for i in range(5)]
    venues = [
        Venue.objects.create(
            name=f"Ort {i}", district=districts[i % 5], street="Weg 1", postcode="45711"
        )
        for i in range(10)
    ]
    workshops = [
        calendar.add_child(
            instance=WorkshopPage(title=f"Workshop {i}", slug=f"w-{i}", summary="Bench")
        )
        for i in range(20)
    ]
    start = timezone.now() + timedelta(days=1)
    Session.objects.bulk_create(
        Session(
            workshop=workshops[i % 20],
            venue=venues[i % 10],
            capacity=10,
            start=start + timedelta(hours=2 * i),
            end=start + timedelta(hours=2 * i + 1),
        )
        for i in range(SESSIONS)
    )
    client = Client()
    print(f"{SESSIONS} sessions, database: {connection.vendor}")
    timed("calendar list /kalender/", lambda: client.get("/kalender/"))
    timed("calendar month view", lambda: client.get("/kalender/?ansicht=monat"))

    def uncached_feed():
        cache.clear()
        return client.get("/kalender/feed.ics")

    timed(f"feed /kalender/feed.ics ({SESSIONS} events), uncached", uncached_feed, repeat=3)
    timed(
        f"feed /kalender/feed.ics ({SESSIONS} events), cached",
        lambda: client.get("/kalender/feed.ics"),
    )
    etag = client.get("/kalender/feed.ics")["ETag"]
    timed(
        "feed /kalender/feed.ics, If-None-Match → 304",
        lambda: client.get("/kalender/feed.ics", headers={"if-none-match": etag}),
    )
    timed("API /api/v1/sessions/", lambda: client.get("/api/v1/sessions/"), repeat=3)

    if connection.vendor != "postgresql":
        print("registrations/s under parallel load: skipped (needs PostgreSQL; set DATABASE_URL)")
        return
    target = Session.objects.order_by("start").first()
    target.capacity = 50
    target.save()
    per_thread = REGISTRATIONS // THREADS
    barrier = threading.Barrier(THREADS)

    def worker(number: int) -> None:
        barrier.wait()
        try:
            for i in range(per_thread):
                services.register(target, name=f"P{number}-{i}", phone=f"02363 {number:03d}{i:04d}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    total = per_thread * THREADS
    booked = services._booked_seats(target.pk)
    print(
        f"registrations/s under parallel load ({THREADS} threads, one session): "
        f"{total / elapsed:.0f} ({total} in {elapsed:.2f} s; confirmed seats {booked} of 50)"
    )


if __name__ == "__main__":
    main()
