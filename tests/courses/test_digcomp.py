"""DigComp 2.2 is data: 5 areas, 21 competences with German titles, levels 1–8 in 4 groups."""

import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from courses.digcomp import LEVEL_CHOICES, level_group
from courses.models import DigCompArea, DigCompCompetence
from courses.services import ensure_digcomp_framework
from courses.wording import level_label

pytestmark = pytest.mark.django_db


def test_data_migration_loads_the_five_areas_and_21_competences_in_german():
    # Run the migration's function against the historical models, from an empty table (a
    # reused test database may have been flushed by transactional tests).
    DigCompCompetence.objects.all().delete()
    DigCompArea.objects.all().delete()
    state = MigrationExecutor(connection).loader.project_state(
        ("courses", "0003_digcomp_framework")
    )
    importlib.import_module("courses.migrations.0003_digcomp_framework").load_digcomp(
        state.apps, None
    )
    assert list(DigCompArea.objects.values_list("number", "name")) == [
        (1, "Umgang mit Informationen und Daten"),
        (2, "Kommunikation und Zusammenarbeit"),
        (3, "Erstellung digitaler Inhalte"),
        (4, "Sicherheit"),
        (5, "Problemlösung"),
    ]
    assert DigCompCompetence.objects.count() == 21
    first = DigCompCompetence.objects.get(code="1.1")
    assert first.name == (
        "Browsen, Suchen und Filtern von Daten, Informationen und digitalen Inhalten"
    )
    assert first.area.number == 1 and first.plain_name
    counts = [area.competences.count() for area in DigCompArea.objects.all()]
    assert counts == [3, 6, 4, 4, 4]


def test_loading_again_creates_nothing_and_keeps_editors_wording(digcomp):
    competence = DigCompCompetence.objects.get(code="4.2")
    competence.plain_name = "Eigene Daten schützen"
    competence.save()
    assert ensure_digcomp_framework() == 0
    assert DigCompCompetence.objects.get(code="4.2").plain_name == "Eigene Daten schützen"


def test_proficiency_levels_one_to_eight_fall_into_four_named_groups():
    assert [level for level, _label in LEVEL_CHOICES] == list(range(1, 9))
    assert [level_group(level)[1] for level in range(1, 9)] == [
        "Grundlagen",
        "Grundlagen",
        "Aufbau",
        "Aufbau",
        "Fortgeschritten",
        "Fortgeschritten",
        "Hochspezialisiert",
        "Hochspezialisiert",
    ]
    assert level_group(None) is None
    assert level_label(3) == "Aufbau (Stufe 3 von 8)"


def test_admin_folds_the_21_competences_into_five_areas_naming_the_chosen_ones(
    admin_client, tutorial
):
    from django.urls import reverse

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[tutorial.pk])).content.decode()
    assert html.count('<details class="digcomp-chooser__area">') == 5
    assert "– gewählt: 5.1" in html
    assert html.count('name="competences"') == 21
    chosen = re.search(
        rf'<input[^>]*name="competences" value="{tutorial.competences.get().pk}"[^>]*>', html
    ).group(0)
    assert "checked" in chosen
