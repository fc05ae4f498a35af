"""Render times of the catalogue and of a 30-step tutorial with 200 courses in the catalogue.

Run:  DJANGO_SETTINGS_MODULE=cms.settings.test .venv/bin/python benchmarks/courses_render.py
Builds its data in a throwaway test database (never touches var/db.sqlite3) and prints the
median and the slowest of 20 requests per page, plus the queries each request needs.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

RUNS = 20


def build() -> dict[str, str]:
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Locale, Page, Site

    from courses.models import DigCompCompetence
    from tests.factories.cms import HomePageFactory
    from tests.factories.courses import (
        CourseIndexPageFactory,
        CoursePageFactory,
        TopicFactory,
        TutorialIndexPageFactory,
        TutorialPageFactory,
        TutorialStepFactory,
    )

    Locale.objects.get_or_create(language_code="de")
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    competences = list(DigCompCompetence.objects.all())
    topics = [TopicFactory(name=f"Thema {n}", slug=f"thema-{n}") for n in range(5)]
    index = CourseIndexPageFactory(parent=home)
    for n in range(200):
        CoursePageFactory(
            parent=index,
            slug=f"kurs-{n}",
            audience=["seniors", "youth", "adults", "all"][n % 4],
            level=n % 8 + 1,
            topics=[topics[n % 5]],
            competences=competences[n % 17 : n % 17 + 4],
        )
    tutorial = TutorialPageFactory(
        parent=TutorialIndexPageFactory(parent=home), competences=competences[:6]
    )
    image_model = get_image_model()
    for n in range(30):
        image = image_model.objects.create(title=f"Schritt {n}", file=get_test_image_file())
        TutorialStepFactory(
            page=tutorial,
            screenshot=image,
            screenshot_alt="Bildschirm mit markierter Zeile",
            device=["", "android", "iphone"][n % 3],
        )
    return {
        "Katalog, 200 Kurse, ohne Filter": "/kurse/",
        "Katalog, 200 Kurse, 4 Filter": "/kurse/?zielgruppe=seniors&stufe=grundlagen&bereich=2"
        "&thema=thema-1",
        "Anleitung, 30 Schritte, Schrittansicht": tutorial.url + "?geraet=android&schritt=5",
        "Anleitung, 30 Schritte, alle Schritte": tutorial.url + "?geraet=android&ansicht=alle",
        "Anleitung, 30 Schritte, Druckansicht": tutorial.url + "?ansicht=drucken",
    }


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm-up: caches and image renditions
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return statistics.median(timings), max(timings), len(captured)


def main() -> None:
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        urls = build()
        client = Client()
        print(f"{'Seite':45} {'Median':>9} {'Maximum':>9} {'Abfragen':>9}")
        for label, url in urls.items():
            median, slowest, queries = measure(client, url)
            print(f"{label:45} {median:7.1f} ms {slowest:7.1f} ms {queries:9d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
