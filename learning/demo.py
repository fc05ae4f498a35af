"""Demo content of the learning app, and the packaging of our own H5P content type.

``build_h5p_package`` zips learning/h5p_demo/H5P.LernhafenQuiz-1.0 with a content.json into
an .h5p file – used by ``seed_demo`` and by the tests, so no third-party H5P content is needed.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

QUIZ_LIBRARY = Path(__file__).resolve().parent / "h5p_demo" / "H5P.LernhafenQuiz-1.0"
QUIZ_MACHINE_NAME = "H5P.LernhafenQuiz"


def quiz_library_files() -> dict[str, bytes]:
    return {
        f"{QUIZ_LIBRARY.name}/{path.relative_to(QUIZ_LIBRARY).as_posix()}": path.read_bytes()
        for path in sorted(QUIZ_LIBRARY.rglob("*"))
        if path.is_file()
    }


def h5p_metadata(title: str) -> dict:
    return {
        "title": title,
        "language": "de",
        "mainLibrary": QUIZ_MACHINE_NAME,
        "embedTypes": ["div"],
        "license": "CC BY 4.0",
        "authors": [{"name": "Stadt Datteln", "role": "Author"}],
        "preloadedDependencies": [
            {"machineName": QUIZ_MACHINE_NAME, "majorVersion": 1, "minorVersion": 0}
        ],
    }


def zip_files(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, payload in files.items():
            archive.writestr(name, payload)
    return buffer.getvalue()


def quiz_package_files(title: str, content: dict) -> dict[str, bytes]:
    return {
        "h5p.json": json.dumps(h5p_metadata(title), ensure_ascii=False).encode(),
        "content/content.json": json.dumps(content, ensure_ascii=False).encode(),
        **quiz_library_files(),
    }


def build_h5p_package(title: str, content: dict) -> bytes:
    """An .h5p file of our quiz content type with this question."""
    return zip_files(quiz_package_files(title, content))


PHISHING_QUIZ = {
    "question": "Ihre Bank schreibt per SMS: „Ihr Konto wird gesperrt. Bestätigen Sie jetzt Ihre "
    "Daten unter bank-sicher-login.info.“ Was tun Sie?",
    "answers": [
        {
            "text": "Ich tippe auf den Link und gebe meine Daten ein.",
            "correct": False,
            "feedback": "Bitte nie! Banken fragen nie per SMS nach Ihren Zugangsdaten. Der Link "
            "führt auf eine gefälschte Seite.",
        },
        {
            "text": "Ich lösche die SMS und rufe bei Bedarf meine Bank unter der bekannten "
            "Nummer an.",
            "correct": True,
            "feedback": "Genau richtig. Die Telefonnummer Ihrer Bank steht auf Ihrer Bankkarte.",
        },
        {
            "text": "Ich antworte auf die SMS und frage nach.",
            "correct": False,
            "feedback": "Besser nicht: Eine Antwort zeigt den Betrügern, dass Ihre Nummer "
            "genutzt wird.",
        },
    ],
}


# --- seed_demo (hook lernhafen_seed_demo, order 30: after courses) ------------------------------

TEACHER_USERNAME = "lehrkraft"
TEACHER_PASSWORD_FILE = "demo-teacher-password"  # noqa: S105 – a file name
DEMO_GROUP = "Klasse 7b – Medienkompetenz"
DEMO_GROUP_COURSE = "fake-news-und-betrug-erkennen"
EXERCISE_TYPES = {
    "single_choice",
    "multiple_choice",
    "true_false",
    "order_steps",
    "spot_the_fake",
    "h5p",
    "lesson_done",
}


def _answers(*answers: tuple[str, bool, str]) -> list[dict]:
    return [
        {"text": text, "correct": correct, "feedback": feedback}
        for text, correct, feedback in answers
    ]


def _lesson_done() -> tuple[str, dict]:
    return (
        "lesson_done",
        {
            "text": "Haben Sie alles gelesen und ausprobiert? Dann markieren Sie die Lektion als "
            "erledigt."
        },
    )


SPOT_PARCEL = (
    "spot_the_fake",
    {
        "heading": "Sicher üben: Echt oder gefälscht?",
        "intro": "Drei Nachrichten sind auf Ihrem Smartphone angekommen. Welche sind echt, "
        "welche wollen Sie betrügen?",
        "messages": [
            {
                "sender": "+49 151 23456789",
                "subject": "Ihr Paket",
                "text": "Ihr Paket konnte nicht zugestellt werden. Bestätigen Sie die "
                "Lieferadresse: http://paket-info-de.top/sendung",
                "is_fake": True,
                "explanation": "Unbekannte Handynummer, fremde Internetadresse, Zeitdruck: "
                "typisch für Betrug. Echte Paketdienste nennen die Sendungsnummer.",
            },
            {
                "sender": "Stadt Datteln – Bürgerbüro",
                "subject": "Terminbestätigung",
                "text": "Ihr Termin im Bürgerbüro am Dienstag um 10:30 Uhr ist bestätigt. "
                "Bitte bringen Sie Ihren Personalausweis mit.",
                "is_fake": False,
                "explanation": "Die Nachricht bestätigt nur einen Termin, den Sie selbst "
                "gebucht haben, und fragt nach keinen Daten.",
            },
            {
                "sender": "Mama",
                "subject": "Neue Nummer",
                "text": "Hallo, mein Handy ist kaputt, das ist meine neue Nummer. Kannst du "
                "mir schnell 480 Euro überweisen? Ich erkläre es dir später.",
                "is_fake": True,
                "explanation": "Der „Enkeltrick“ per Messenger: Rufen Sie die alte, bekannte "
                "Nummer an, bevor Sie Geld überweisen.",
            },
        ],
    },
)

LESSON_EXERCISES: dict[tuple[str, str], list[tuple[str, dict]]] = {
    ("sicher-mit-dem-smartphone", "smartphone-kennenlernen"): [
        (
            "true_false",
            {
                "statement": "Updates für das Smartphone sollte man lieber nicht installieren, "
                "weil sie das Gerät langsamer machen.",
                "is_true": False,
                "explanation": "Updates schließen Sicherheitslücken. Installieren Sie sie "
                "möglichst bald, am besten im WLAN und mit geladenem Akku.",
            },
        ),
        _lesson_done(),
    ],
    ("sicher-mit-dem-smartphone", "sicher-im-internet"): [SPOT_PARCEL, ("h5p", {}), _lesson_done()],
    ("sicher-mit-dem-smartphone", "nachrichten-und-videoanrufe"): [
        (
            "order_steps",
            {
                "question": "In welcher Reihenfolge starten Sie einen Videoanruf?",
                "steps": [
                    "Die Messenger-App öffnen",
                    "Den Chat mit der Person antippen",
                    "Auf das Kamera-Symbol tippen",
                    "Warten, bis die andere Person annimmt",
                ],
                "explanation": "Erst die App, dann die Person, dann das Kamera-Symbol – so "
                "klappt es in WhatsApp, Signal und Threema.",
            },
        ),
        _lesson_done(),
    ],
    ("fake-news-und-betrug-erkennen", "quellen-pruefen"): [
        (
            "multiple_choice",
            {
                "question": "Woran erkennen Sie, dass eine Nachricht vertrauenswürdig sein könnte?",
                "hint": "Mehrere Antworten können richtig sein.",
                "answers": _answers(
                    (
                        "Es gibt ein Impressum mit Namen und Anschrift.",
                        True,
                        "Richtig: Seriöse Seiten sagen, wer verantwortlich ist.",
                    ),
                    (
                        "Andere bekannte Medien berichten dasselbe.",
                        True,
                        "Richtig: Prüfen Sie, ob mehrere unabhängige Quellen berichten.",
                    ),
                    (
                        "Die Nachricht wurde sehr oft geteilt.",
                        False,
                        "Nein: Auch Falschmeldungen werden oft geteilt – gerade weil sie aufregen.",
                    ),
                    (
                        "Die Überschrift ist in Großbuchstaben und mit Ausrufezeichen.",
                        False,
                        "Nein: Das ist eher ein Warnzeichen für Stimmungsmache.",
                    ),
                ),
            },
        ),
        _lesson_done(),
    ],
    ("fake-news-und-betrug-erkennen", "betrugsmaschen"): [
        (
            "single_choice",
            {
                "question": "Ein Online-Shop verkauft eine Spielkonsole für die Hälfte des "
                "üblichen Preises, nur gegen Vorkasse. Was ist am wahrscheinlichsten?",
                "hint": "",
                "answers": _answers(
                    (
                        "Ein echtes Schnäppchen – schnell zugreifen.",
                        False,
                        "Vorsicht: Zu günstige Preise mit Vorkasse sind ein typischer Fake-Shop.",
                    ),
                    (
                        "Ein Fake-Shop: Das Geld ist weg, die Ware kommt nie.",
                        True,
                        "Genau. Prüfen Sie Impressum, Bewertungen und den Fakeshop-Finder der "
                        "Verbraucherzentrale.",
                    ),
                    (
                        "Ein Fehler im Preis, den der Shop einhalten muss.",
                        False,
                        "Nein: Darauf sollten Sie sich nicht verlassen – und bei Vorkasse ist "
                        "das Geld schnell weg.",
                    ),
                ),
            },
        ),
        _lesson_done(),
    ],
}

TUTORIAL_EXERCISES: dict[str, list[tuple[str, dict]]] = {
    "betrugs-nachrichten-erkennen": [SPOT_PARCEL],
    "sichere-passwoerter": [
        (
            "single_choice",
            {
                "question": "Welches Passwort ist am sichersten?",
                "hint": "",
                "answers": _answers(
                    ("Datteln2024", False, "Ortsname und Jahreszahl sind leicht zu erraten."),
                    (
                        "Kaffee-Fahrrad-Mondschein-17",
                        True,
                        "Richtig: Lang und aus zufälligen Wörtern – gut zu merken, schwer zu "
                        "erraten.",
                    ),
                    ("123456", False, "Das ist eines der häufigsten Passwörter überhaupt."),
                ),
            },
        )
    ],
}


def _with_exercises(page, field_name: str, exercises: list[tuple[str, dict]], h5p_id: int | None):
    """Append the demo exercises to a StreamField that has none yet; publish. Idempotent."""
    import uuid

    stream = getattr(page, field_name)
    if any(child.block_type in EXERCISE_TYPES for child in stream):
        return False
    raw = list(stream.raw_data)
    for block_type, value in exercises:
        if block_type == "h5p":
            if h5p_id is None:
                continue
            value = {"content": h5p_id, "heading": "Interaktive Übung: Eine verdächtige SMS"}
        raw.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    setattr(page, field_name, raw)
    page.save_revision().publish()
    return True


def ensure_demo_h5p(log) -> int:
    from learning import h5p
    from learning.models import H5PContent

    title = "Verdächtige SMS von der Bank"
    existing = H5PContent.objects.filter(title=title).first()
    if existing is not None:
        return existing.pk
    content = h5p.import_package(
        build_h5p_package(title, PHISHING_QUIZ), title=title, may_install_libraries=True
    )
    log(f"  + Interaktive Übung (H5P): {content.title}")
    return content.pk


# Real content types from the H5P Hub, placed next to the native exercises of this lesson when
# the shared example packages are present (settings.LERNHAFEN_H5P_SAMPLES; never in the repo).
HUB_SAMPLES = {
    "H5P.MultiChoice": "Beispiel aus dem H5P-Hub: Multiple Choice (englisch)",
    "H5P.Blanks": "Beispiel aus dem H5P-Hub: Lückentext (englisch)",
}
HUB_SAMPLE_LESSON = ("sicher-mit-dem-smartphone", "sicher-im-internet")


def ensure_hub_samples(log) -> list[tuple[int, str]]:
    """Import the Hub example packages that are present; (content id, heading) for each."""
    from django.conf import settings

    from learning import h5p
    from learning.models import H5PContent

    placed = []
    for machine_name, heading in HUB_SAMPLES.items():
        path = Path(settings.LERNHAFEN_H5P_SAMPLES) / f"{machine_name}.h5p"
        content = H5PContent.objects.filter(title=heading).first()
        if content is None:
            if not path.is_file():
                log(f"  – H5P-Beispiel {machine_name} fehlt ({path}); übersprungen")
                continue
            content = h5p.import_package(
                path.read_bytes(), title=heading, may_install_libraries=True
            )
            log(f"  + Interaktive Übung (H5P): {content.title}")
        placed.append((content.pk, heading))
    return placed


def _add_h5p_blocks(page, contents: list[tuple[int, str]]) -> bool:
    """Put these H5P contents before the page's "done" button unless they are there already."""
    import uuid

    raw = list(page.body.raw_data)
    present = {child["value"].get("content") for child in raw if child["type"] == "h5p"}
    new = [
        {"type": "h5p", "value": {"content": pk, "heading": heading}, "id": str(uuid.uuid4())}
        for pk, heading in contents
        if pk not in present
    ]
    if not new:
        return False
    at = next((i for i, child in enumerate(raw) if child["type"] == "lesson_done"), len(raw))
    page.body = raw[:at] + new + raw[at:]
    page.save_revision().publish()
    return True


def ensure_teacher(log):
    import secrets

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from learning.services import TEACHERS_GROUP

    password_file = settings.VAR_DIR / TEACHER_PASSWORD_FILE
    if not password_file.exists():
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(secrets.token_urlsafe(12))
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
    user, created = get_user_model().objects.get_or_create(
        username=TEACHER_USERNAME,
        defaults={
            "first_name": "Demo",
            "last_name": "Lehrkraft",
            "email": "lehrkraft@schule.datteln.example",
        },
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    group, _ = Group.objects.get_or_create(name=TEACHERS_GROUP)
    user.groups.add(group)
    if created:
        log(f"  + Lehrkraft (Demo): {TEACHER_USERNAME}")
    return user


def teacher_login() -> list[tuple[str, str, str]]:
    from django.conf import settings

    password_file = settings.VAR_DIR / TEACHER_PASSWORD_FILE
    if not password_file.exists():
        return []
    return [("Lehrkraft (Lerngruppen)", TEACHER_USERNAME, password_file.read_text().strip())]


DEMO_MEMBERS = [("Blauer Wal", 2), ("Flinker Fuchs", 1), ("Stille Eule", 0), ("Roter Drache", 2)]


def ensure_demo_group(teacher, log) -> None:
    from courses.models import CoursePage, LessonPage
    from learning import services
    from learning.models import Lerngruppe, Statement

    course = CoursePage.objects.filter(slug=DEMO_GROUP_COURSE).first()
    if course is None or Lerngruppe.objects.filter(name=DEMO_GROUP, teacher=teacher).exists():
        return
    group = services.create_group(teacher, DEMO_GROUP, [course])
    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    for nickname, lessons_done in DEMO_MEMBERS:
        lernpass = services.create_lernpass()
        services.join_group(lernpass, group.join_code, nickname)
        for lesson in lessons[:lessons_done]:
            for block_id in services.exercise_ids(lesson):
                services.record_statement(
                    lernpass,
                    lesson,
                    verb=Statement.ANSWERED,
                    block_id=block_id,
                    success=True,
                    score_raw=1,
                    score_max=1,
                )
            services.mark_page_done(lernpass, lesson)
    log(f"  + Lerngruppe (Demo): {DEMO_GROUP}, Beitrittscode {group.join_code}")


def seed_demo(demo) -> None:
    from courses.models import CoursePage, LessonPage, TutorialPage

    h5p_id = ensure_demo_h5p(demo.log)
    for (course_slug, lesson_slug), exercises in LESSON_EXERCISES.items():
        course = CoursePage.objects.filter(slug=course_slug).first()
        lesson = (
            LessonPage.objects.child_of(course).filter(slug=lesson_slug).first() if course else None
        )
        if lesson is not None and _with_exercises(lesson, "body", exercises, h5p_id):
            demo.log(f"  + Übungen in {lesson.url_path}")
    for slug, exercises in TUTORIAL_EXERCISES.items():
        tutorial = TutorialPage.objects.filter(slug=slug).first()
        if tutorial is not None and _with_exercises(tutorial, "practice", exercises, h5p_id):
            demo.log(f"  + Übungen in {tutorial.url_path}")
    course_slug, lesson_slug = HUB_SAMPLE_LESSON
    course = CoursePage.objects.filter(slug=course_slug).first()
    lesson = (
        LessonPage.objects.child_of(course).filter(slug=lesson_slug).first() if course else None
    )
    samples = ensure_hub_samples(demo.log)
    if lesson is not None and samples and _add_h5p_blocks(lesson, samples):
        demo.log(f"  + H5P-Beispiele aus dem Hub in {lesson.url_path}")
    teacher = ensure_teacher(demo.log)
    ensure_demo_group(teacher, demo.log)
