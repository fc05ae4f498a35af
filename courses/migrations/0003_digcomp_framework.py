"""Load the 5 competence areas and 21 competences of DigComp 2.2 (German titles).

The data is copied in here on purpose: a migration must keep doing what it did when it was
written, so it imports no live app code (courses.digcomp may change, courses.services may move)
and works on the historical models only.
"""

from django.db import migrations

AREAS = [
    (1, "Umgang mit Informationen und Daten"),
    (2, "Kommunikation und Zusammenarbeit"),
    (3, "Erstellung digitaler Inhalte"),
    (4, "Sicherheit"),
    (5, "Problemlösung"),
]

# (code, official German title, plain German phrase)
COMPETENCES = [
    (
        "1.1",
        "Browsen, Suchen und Filtern von Daten, Informationen und digitalen Inhalten",
        "Im Internet gezielt suchen und finden",
    ),
    (
        "1.2",
        "Bewerten von Daten, Informationen und digitalen Inhalten",
        "Prüfen, ob eine Information stimmt und woher sie kommt",
    ),
    (
        "1.3",
        "Verwalten von Daten, Informationen und digitalen Inhalten",
        "Dateien, Fotos und Informationen ordnen und wiederfinden",
    ),
    (
        "2.1",
        "Interagieren mithilfe digitaler Technologien",
        "Mit anderen über Nachrichten, Anrufe und Videoanrufe sprechen",
    ),
    (
        "2.2",
        "Teilen mithilfe digitaler Technologien",
        "Fotos, Dateien und Links mit anderen teilen",
    ),
    (
        "2.3",
        "Gesellschaftliche Teilhabe mithilfe digitaler Technologien",
        "Online-Angebote der Stadt und des Staates nutzen",
    ),
    (
        "2.4",
        "Zusammenarbeiten mithilfe digitaler Technologien",
        "Gemeinsam mit anderen digital an etwas arbeiten",
    ),
    ("2.5", "Netiquette", "Freundlich und respektvoll im Netz miteinander umgehen"),
    (
        "2.6",
        "Verwalten der digitalen Identität",
        "Eigene Konten und den Online-Ausweis sicher verwalten",
    ),
    ("3.1", "Entwickeln digitaler Inhalte", "Eigene Texte, Fotos und Videos erstellen"),
    (
        "3.2",
        "Integrieren und Neuerarbeiten digitaler Inhalte",
        "Vorhandene Inhalte bearbeiten und neu zusammenstellen",
    ),
    ("3.3", "Urheberrecht und Lizenzen", "Wissen, welche Bilder und Texte man verwenden darf"),
    ("3.4", "Programmieren", "Einem Computer Schritt für Schritt Anweisungen geben"),
    ("4.1", "Schützen von Geräten", "Smartphone und Computer vor Schadprogrammen schützen"),
    (
        "4.2",
        "Schützen personenbezogener Daten und der Privatsphäre",
        "Persönliche Daten und Passwörter schützen",
    ),
    (
        "4.3",
        "Schützen der Gesundheit und des Wohlbefindens",
        "Gesund mit Bildschirmzeit umgehen und sich vor Betrug schützen",
    ),
    ("4.4", "Schützen der Umwelt", "Geräte lange nutzen und Strom sparen"),
    ("5.1", "Lösen technischer Probleme", "Kleine technische Probleme selbst lösen"),
    (
        "5.2",
        "Ermitteln von Bedürfnissen und technologischen Antworten",
        "Die passende App oder das passende Online-Angebot finden",
    ),
    (
        "5.3",
        "Kreatives Nutzen digitaler Technologien",
        "Digitale Werkzeuge für eigene Ideen nutzen",
    ),
    (
        "5.4",
        "Erkennen digitaler Kompetenzlücken",
        "Erkennen, was man noch lernen möchte, und dazulernen",
    ),
]


def load_digcomp(apps, schema_editor):
    area_model = apps.get_model("courses", "DigCompArea")
    competence_model = apps.get_model("courses", "DigCompCompetence")
    areas = {}
    for number, name in AREAS:
        areas[number], _created = area_model.objects.get_or_create(
            number=number, defaults={"name": name}
        )
    for code, name, plain_name in COMPETENCES:
        competence_model.objects.get_or_create(
            code=code,
            defaults={
                "area": areas[int(code.split(".")[0])],
                "name": name,
                "plain_name": plain_name,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_course_and_tutorial_details"),
    ]

    operations = [
        migrations.RunPython(load_digcomp, migrations.RunPython.noop),
    ]
