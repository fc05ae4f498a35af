"""Demo content of the learning app, and the packaging of our own H5P content type.

The exercises, the H5P quiz and the demo class are data in `learning/demo/exercises.toml` and
`learning/demo/class.toml`; this module packages the quiz and places the exercises.

``build_h5p_package`` zips learning/h5p_demo/H5P.LernhafenQuiz-1.0 with a content.json into
an .h5p file – used by ``seed_demo`` and by the tests, so no third-party H5P content is needed.
"""

from __future__ import annotations

import io
import json
import secrets
import uuid
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.demo import load_demo_data
from courses.models import CoursePage, LessonPage, TutorialPage
from learning import h5p, services
from learning.models import H5PContent, Lerngruppe, Statement
from learning.services import TEACHERS_GROUP

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


EXERCISES = load_demo_data("learning", "exercises.toml")
CLASS = load_demo_data("learning", "class.toml")
PHISHING_QUIZ = {
    "question": EXERCISES["h5p_quiz"]["question"],
    "answers": EXERCISES["h5p_quiz"]["answers"],
}


# --- seed_demo (hook lernhafen_seed_demo, order 30: after courses) ------------------------------

TEACHER_USERNAME = CLASS["teacher"]["username"]
TEACHER_PASSWORD_FILE = "demo-teacher-password"  # noqa: S105 – a file name
DEMO_GROUP = CLASS["group"]["name"]
DEMO_GROUP_COURSE = CLASS["group"]["course"]
EXERCISE_TYPES = {
    "single_choice",
    "multiple_choice",
    "true_false",
    "order_steps",
    "spot_the_fake",
    "h5p",
    "lesson_done",
}


def _exercise(spec: dict) -> tuple[str, dict]:
    """(block type, value) of an exercise entry; `use` names a block of [shared]."""
    if "use" in spec:
        spec = EXERCISES["shared"][spec["use"]]
    value = {key: item for key, item in spec.items() if key != "type"}
    return (spec["type"], value)


LESSON_EXERCISES: dict[tuple[str, str], list[tuple[str, dict]]] = {
    (entry["course"], entry["lesson"]): [_exercise(spec) for spec in entry["exercise"]]
    for entry in EXERCISES["lesson"]
}
TUTORIAL_EXERCISES: dict[str, list[tuple[str, dict]]] = {
    entry["slug"]: [_exercise(spec) for spec in entry["exercise"]]
    for entry in EXERCISES["tutorial"]
}


def _with_exercises(page, field_name: str, exercises: list[tuple[str, dict]], h5p_id: int | None):
    """Append the demo exercises to a StreamField that has none yet; publish. Idempotent."""
    stream = getattr(page, field_name)
    if any(child.block_type in EXERCISE_TYPES for child in stream):
        return False
    raw = list(stream.raw_data)
    for block_type, value in exercises:
        if block_type == "h5p":
            if h5p_id is None:
                continue
            value = {"content": h5p_id, "heading": EXERCISES["h5p_quiz"]["heading"]}
        # Stored as the admin stores it: list items with their own ids, which translation
        # (wagtail-localize) needs to find the answers and messages inside an exercise.
        block = stream.stream_block.child_blocks[block_type]
        value = block.get_prep_value(block.to_python(value))
        raw.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    setattr(page, field_name, raw)
    page.save_revision().publish()
    return True


def ensure_demo_h5p(log) -> int:
    title = EXERCISES["h5p_quiz"]["title"]
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
    package["machine_name"]: package["heading"] for package in EXERCISES["hub_samples"]["package"]
}
HUB_SAMPLE_LESSON = (EXERCISES["hub_samples"]["course"], EXERCISES["hub_samples"]["lesson"])


def ensure_hub_samples(log) -> list[tuple[int, str]]:
    """Import the Hub example packages that are present; (content id, heading) for each."""
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
    password_file = settings.VAR_DIR / TEACHER_PASSWORD_FILE
    if not password_file.exists():
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(secrets.token_urlsafe(12))
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
    user, created = get_user_model().objects.get_or_create(
        username=TEACHER_USERNAME,
        defaults={key: value for key, value in CLASS["teacher"].items() if key != "username"},
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
    password_file = settings.VAR_DIR / TEACHER_PASSWORD_FILE
    if not password_file.exists():
        return []
    return [("Lehrkraft (Lerngruppen)", TEACHER_USERNAME, password_file.read_text().strip())]


DEMO_MEMBERS = [(member["nickname"], member["lessons_done"]) for member in CLASS["group"]["member"]]


def ensure_demo_group(teacher, log) -> None:
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
