"""DigComp 2.2, the European framework of digital competences, as plain data.

The five competence areas and 21 competences carry their German titles (as in the German
translation of DigComp 2.2) and a plain-German phrase that pages show to learners. The data
migration 0003 and `courses.services.ensure_digcomp_framework` load them; nothing else writes them.
"""

from __future__ import annotations

from courses.choices import Level, LevelGroup

AREAS: list[tuple[int, str]] = [
    (1, "Umgang mit Informationen und Daten"),
    (2, "Kommunikation und Zusammenarbeit"),
    (3, "Erstellung digitaler Inhalte"),
    (4, "Sicherheit"),
    (5, "Problemlösung"),
]

# (code, official German title, plain German phrase)
COMPETENCES: list[tuple[str, str, str]] = [
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
    (
        "3.3",
        "Urheberrecht und Lizenzen",
        "Wissen, welche Bilder und Texte man verwenden darf",
    ),
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

# Proficiency levels 1–8 of DigComp 2.2, grouped into its four broad levels (courses/choices.py).
LEVEL_GROUPS: list[tuple[str, str, tuple[int, int]]] = [
    (group.value, group.label, group.levels) for group in LevelGroup
]

LEVEL_CHOICES: list[tuple[int, str]] = Level.choices


def level_group(level: int | None) -> tuple[str, str] | None:
    """('grundlagen', 'Grundlagen') for level 1 or 2, and so on; None for no level."""
    for key, label, (low, high) in LEVEL_GROUPS:
        if level is not None and low <= level <= high:
            return key, label
    return None
