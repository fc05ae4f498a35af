"""Two app servers on one PostgreSQL and one Redis: what one changes, the other shows at once.

    make scale-out        (or: .venv/bin/python benchmarks/scale_out.py)

Environment (defaults in brackets): SCALE_DATABASE_URL [postgres://postgres@127.0.0.1:5432/
lernhafen_scale], SCALE_REDIS_URL [redis://127.0.0.1:6379/7], SCALE_PORTS [8107,8108]. The
database is created, migrated and seeded when needed (seed_demo is idempotent). Both servers run
gunicorn with the production settings of `make run`. The script checks, and exits non-zero when
one check fails:

1. the page cache is shared: a page rendered by server A is one entry in Redis, which server B
   serves too;
2. a page published by an editor (here: this process, a third one on the same database) is
   fresh on both servers with the next request;
3. a booking through server A's API shows as one seat less on server B's workshop page at once;
4. rate limits are counted in Redis: the registration limit (3 per minute here) is spent across
   both servers, so the next request is refused whichever server it reaches.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lernhafen_scale"
)
REDIS_URL = os.environ.get("SCALE_REDIS_URL", "redis://127.0.0.1:6379/7")
PORTS = [int(port) for port in os.environ.get("SCALE_PORTS", "8107,8108").split(",")]
ENVIRONMENT = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "LERNHAFEN_LOCAL_RUN": "1",
    "LERNHAFEN_EVENTS_REGISTRATION_RATE": "3/m",
    "EMAIL_URL": "locmem://",
}
os.environ.update(ENVIRONMENT)
sys.path.insert(0, str(ROOT))

FAILURES: list[str] = []


def check(condition: bool, message: str) -> None:
    print(("  ok    " if condition else "  FAIL  ") + message)
    if not condition:
        FAILURES.append(message)


def request(url: str, data: dict | None = None) -> tuple[int, str]:
    body = json.dumps(data).encode() if data is not None else None
    # Both servers get the public host name, as behind the load balancer of a real setup.
    headers = {"Host": "localhost"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    # Only http URLs of our own two servers reach here.
    prepared = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(prepared, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENVIRONMENT, check=True)  # noqa: S603


def prepare_database() -> None:
    admin_url, _, name = DATABASE_URL.rpartition("/")
    import psycopg

    with psycopg.connect(admin_url + "/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("seed_demo", "--admin-password-file", str(ROOT / "var" / "admin-password"))
    manage("collectstatic", "--noinput", "--verbosity", "0")


def start_servers() -> list[subprocess.Popen]:
    servers = [
        subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
            ],
            cwd=ROOT,
            env=ENVIRONMENT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for port in PORTS
    ]
    for port in PORTS:
        for _ in range(60):
            try:
                if request(f"http://127.0.0.1:{port}/healthz/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit(f"server on port {port} did not start")
    return servers


def main() -> None:
    print(f"PostgreSQL {DATABASE_URL}, Redis {REDIS_URL}, servers on {PORTS}")
    prepare_database()

    import django

    django.setup()
    from django.core.cache import caches
    from wagtail.models import Page

    from cms.cache import CACHE_ALIAS, GENERATION_KEY
    from events.models import Session

    pages = caches[CACHE_ALIAS]
    pages.clear()
    caches["default"].clear()  # rate-limit counters of an earlier run
    a, b = (f"http://127.0.0.1:{port}" for port in PORTS)
    servers = start_servers()
    try:
        redis = pages._cache.get_client(write=False)
        page = Page.objects.live().filter(slug="impressum").first().specific
        path = page.url

        print("1. The page cache is shared")
        request(a + path)
        entries = len(redis.keys("*page:*"))
        same = request(b + path)[1] == request(a + path)[1]
        check(
            entries >= 1 and len(redis.keys("*page:*")) == entries and same,
            f"{path} rendered on A is one Redis entry ({entries}) that B serves unchanged",
        )

        print("2. A published page is fresh on both servers at once")
        generation = pages.get(GENERATION_KEY)
        original = page.title
        page.title = f"{original} (geändert {time.strftime('%H:%M:%S')})"
        page.save_revision().publish()
        check(pages.get(GENERATION_KEY) != generation, "publishing replaced the generation token")
        check(page.title in request(a + path)[1], "server A shows the new title")
        check(page.title in request(b + path)[1], "server B shows the new title")
        page.title = original
        page.save_revision().publish()

        print("3. A booking through server A shows on server B")
        run = time.strftime("%H%M%S")  # a new phone number per run: a contact may book twice
        session = next(
            s
            for s in Session.objects.with_seats().order_by("start")
            if s.is_open_for_registration and s.seats_left >= 2 and s.workshop.live
        )
        workshop = session.workshop.url
        before = request(b + workshop)[1]
        status, _ = request(
            f"{a}/api/v1/sessions/{session.pk}/registrations/",
            {
                "name": "Skalierung Test",
                "phone": f"02363 {run}",
                "seats": 1,
                "privacy_consent": True,
            },
        )
        check(status == 201, f"server A booked a seat (HTTP {status})")
        after = request(b + workshop)[1]
        check(before != after, "server B's workshop page changed with the next request")

        print("4. Rate limits are counted once for both servers (3 registrations a minute)")
        answers = []
        for index in range(4):
            base = (a, b)[index % 2]
            answers.append(
                request(
                    f"{base}/api/v1/sessions/{session.pk}/registrations/",
                    {
                        "name": f"Limit {index}",
                        "phone": f"02363 {run}{index}",
                        "seats": 1,
                        "privacy_consent": True,
                    },
                )[0]
            )
        check(
            answers[-1] == 429 and 429 not in answers[:2],
            f"answers across A, B, A, B: {answers} – the limit is spent across both",
        )
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    if FAILURES:
        raise SystemExit(f"{len(FAILURES)} check(s) failed")
    print("All checks passed.")


if __name__ == "__main__":
    main()
