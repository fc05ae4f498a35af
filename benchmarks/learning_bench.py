"""Figures of the learning engine: H5P package check + import, answering an exercise, the
xAPI intake and the class report of a 30-pupil Lerngruppe.

Run:  DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python benchmarks/learning_bench.py
Builds its data in a throwaway test database (never touches var/db.sqlite3) and prints the
median and the slowest of 20 runs, plus the queries each request needs.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

RUNS = 20


def timed(label: str, action, queries_of=None) -> None:
    durations = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        durations.append((time.perf_counter() - start) * 1000)
    extra = ""
    if queries_of is not None:
        with CaptureQueriesContext(connection) as captured:
            queries_of()
        extra = f", {len(captured)} queries"
    print(
        f"{label:<46} median {statistics.median(durations):7.1f} ms, "
        f"slowest {max(durations):7.1f} ms{extra}"
    )


def run() -> None:
    from wagtail.models import Locale, Page, Site

    from learning import h5p, services
    from learning.views import H5P_TOKEN_SALT
    from tests.factories.cms import HomePageFactory
    from tests.factories.courses import (
        CourseIndexPageFactory,
        CoursePageFactory,
        LessonPageFactory,
    )
    from tests.factories.learning import lesson_done, quiz_package, single_choice

    settings.RATELIMIT_ENABLE = False
    Locale.objects.get_or_create(language_code="de")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home))
    lessons = [
        LessonPageFactory(parent=course, body=json.dumps([single_choice(), lesson_done()]))
        for _ in range(8)
    ]
    package = quiz_package("Benchmark")
    print(f"package size: {len(package) / 1024:.1f} KB")
    timed("check_package (our rules + pyh5p)", lambda: h5p.check_package(package))
    h5p.import_package(package, may_install_libraries=True)
    timed("import_package (check + extract + rows)", lambda: h5p.import_package(package))

    lernpass = services.create_lernpass()
    client = Client()
    from django.http import HttpResponse

    response = HttpResponse()
    services.remember_lernpass(response, lernpass, secure=False)
    client.cookies[services.LERNPASS_COOKIE] = response.cookies[services.LERNPASS_COOKIE].value
    lesson = lessons[0]
    block_id = next(c.id for c in lesson.body if c.block_type == "single_choice")
    url = f"/lernen/uebung/{lesson.pk}/{block_id}/"

    def answer():
        assert client.post(url, {"antwort": "1"}).status_code == 200

    def answer_json():
        assert client.post(url, {"antwort": "1"}, HTTP_ACCEPT="application/json").status_code == 200

    timed("exercise POST, page re-rendered (no JS)", answer, answer)
    timed("exercise POST, JSON (with JS)", answer_json, answer_json)

    from django.core import signing

    token = signing.dumps({"c": 1, "p": lesson.pk, "b": "h5p"}, salt=H5P_TOKEN_SALT)
    body = json.dumps(
        {
            "token": token,
            "statement": {
                "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                "result": {"score": {"raw": 1, "max": 1}, "success": True},
            },
        }
    )

    def xapi():
        response = client.post("/lernen/xapi/", body, content_type="application/json")
        assert response.status_code == 201

    timed("xAPI statement intake", xapi, xapi)

    from django.contrib.auth import get_user_model

    teacher = get_user_model().objects.create_superuser("bench", "b@example.org", "x" * 16)
    group = services.create_group(teacher, "Benchmark-Klasse", [course])
    for index in range(30):
        pupil = services.create_lernpass()
        services.join_group(pupil, group.join_code, f"Kind {index}")
        for done in lessons[: index % 9]:
            services.mark_page_done(pupil, done)
    teacher_client = Client()
    teacher_client.force_login(teacher)

    def report():
        assert teacher_client.get(f"/lernen/klassen/{group.pk}/").status_code == 200

    timed("class report, 30 pupils x 8 lessons", report, report)
    timed(
        "Lernpass page with progress",
        lambda: client.get("/lernen/lernpass/"),
        lambda: client.get("/lernen/lernpass/"),
    )


def main() -> None:
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
