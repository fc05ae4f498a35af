"""Rules of the learning app (STYLE.md §2): checking answers, recording results, the Lernpass,
course progress, Lerngruppen and certificates. Views, the xAPI endpoint, commands, the demo and
the tests all call these functions; H5P packages have their own module, learning/h5p.py.

Learner data is pseudonymous: a Lernpass is a random code, a group member a nickname.
"""

from __future__ import annotations

import datetime
import random
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.charts import BarChart, Series
from courses.models import CoursePage, LessonPage
from learning.models import H5PContent, Lerngruppe, Lernpass, Membership, Statement

# Without 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LERNPASS_COOKIE = "lernhafen_lernpass"
LERNPASS_COOKIE_SALT = "learning.lernpass"
TEACHERS_GROUP = "Lehrkräfte"
MAX_STATEMENT_BYTES = 16 * 1024


# --- Checking answers ---------------------------------------------------------------------------


@dataclass
class ItemFeedback:
    """Feedback on one answer option, step or message."""

    text: str
    chosen: bool
    correct: bool
    feedback: str = ""
    label: str = ""


@dataclass
class ExerciseResult:
    correct: bool
    score: int
    max_score: int
    items: list[ItemFeedback] = field(default_factory=list)
    error: str = ""
    submitted: dict[str, Any] = field(default_factory=dict)
    # Set by the view: was the result stored on a Lernpass, and what else to tell the learner.
    saved: bool = False
    note: str = ""

    @property
    def summary(self) -> str:
        if self.error:
            return self.error
        if self.correct:
            return "Richtig! Gut gemacht."
        return (
            f"Noch nicht ganz: {self.score} von {self.max_score} richtig. "
            "Versuchen Sie es noch einmal."
        )


def _indices(values: Iterable[str], size: int) -> list[int] | None:
    try:
        chosen = sorted({int(value) for value in values})
    except (TypeError, ValueError):
        return None
    return chosen if all(0 <= index < size for index in chosen) else None


def check_choice(value: Mapping, selected: list[str], *, multiple: bool) -> ExerciseResult:
    answers = list(value["answers"])
    chosen = _indices(selected, len(answers))
    if not chosen or (not multiple and len(chosen) != 1):
        message = (
            "Bitte wählen Sie mindestens eine Antwort aus."
            if multiple
            else "Bitte wählen Sie eine Antwort aus."
        )
        return ExerciseResult(False, 0, len(answers) if multiple else 1, error=message)
    items = [
        ItemFeedback(
            text=answer["text"],
            chosen=index in chosen,
            correct=bool(answer["correct"]),
            feedback=answer["feedback"] or "",
        )
        for index, answer in enumerate(answers)
    ]
    if multiple:
        score = sum(1 for item in items if item.chosen == item.correct)
        max_score = len(items)
    else:
        score = int(items[chosen[0]].correct)
        max_score = 1
    return ExerciseResult(
        score == max_score, score, max_score, items, submitted={"antwort": chosen}
    )


def check_true_false(value: Mapping, answer: str) -> ExerciseResult:
    if answer not in {"wahr", "falsch"}:
        return ExerciseResult(False, 0, 1, error="Bitte wählen Sie „Richtig“ oder „Falsch“.")
    correct = (answer == "wahr") == bool(value["is_true"])
    return ExerciseResult(correct, int(correct), 1, submitted={"antwort": answer})


def shuffled_steps(value: Mapping, block_id: str) -> list[tuple[int, str]]:
    """The steps in a fixed mixed order per block: (correct index, text) pairs.

    Seeded with the block id so that the form and the check see the same order; never the
    correct order itself.
    """
    steps = list(value["steps"])
    order = list(range(len(steps)))
    random.Random(block_id or "uebung").shuffle(order)  # noqa: S311 – not for security
    if order == sorted(order) and len(order) > 1:
        order = order[1:] + order[:1]
    return [(index, steps[index]) for index in order]


def check_order(value: Mapping, data: Mapping, block_id: str) -> ExerciseResult:
    items = shuffled_steps(value, block_id)
    count = len(items)
    positions: list[int | None] = []
    for shown, _ in enumerate(items):
        raw = data.get(f"schritt-{shown}", "")
        positions.append(int(raw) if raw.isdigit() and 1 <= int(raw) <= count else None)
    submitted = {f"schritt-{shown}": pos for shown, pos in enumerate(positions)}
    if None in positions:
        return ExerciseResult(
            False,
            0,
            count,
            error="Bitte geben Sie jedem Schritt eine Position.",
            submitted=submitted,
        )
    if len(set(positions)) != count:
        return ExerciseResult(
            False,
            0,
            count,
            error="Bitte vergeben Sie jede Position nur einmal.",
            submitted=submitted,
        )
    feedback = [
        ItemFeedback(
            text=text,
            chosen=True,
            correct=positions[shown] == index + 1,
            label=f"Richtig ist Position {index + 1}.",
        )
        for shown, (index, text) in enumerate(items)
    ]
    score = sum(item.correct for item in feedback)
    return ExerciseResult(score == count, score, count, feedback, submitted=submitted)


def check_spot_the_fake(value: Mapping, data: Mapping) -> ExerciseResult:
    messages = list(value["messages"])
    answers = [data.get(f"nachricht-{index}", "") for index in range(len(messages))]
    submitted = {f"nachricht-{index}": answer for index, answer in enumerate(answers)}
    if any(answer not in {"echt", "gefaelscht"} for answer in answers):
        return ExerciseResult(
            False,
            0,
            len(messages),
            error="Bitte entscheiden Sie bei jeder Nachricht: echt oder gefälscht?",
            submitted=submitted,
        )
    items = [
        ItemFeedback(
            text=message["subject"],
            chosen=True,
            correct=(answer == "gefaelscht") == bool(message["is_fake"]),
            feedback=message["explanation"],
            label="Diese Nachricht ist gefälscht."
            if message["is_fake"]
            else "Diese Nachricht ist echt.",
        )
        for message, answer in zip(messages, answers, strict=True)
    ]
    score = sum(item.correct for item in items)
    return ExerciseResult(score == len(items), score, len(items), items, submitted=submitted)


def find_exercise(page: Page, block_id: str):
    """(block, value) of the StreamField child with this id on `page`, or None."""
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            for child in getattr(page, model_field.name):
                if child.id == block_id:
                    return child.block, child.value
    return None


def exercise_ids(page: Page) -> list[str]:
    """Ids of the exercises on a page that must be solved for the page to count as done."""
    from learning.blocks import FORM_EXERCISES, H5PBlock, LessonDoneBlock

    ids = []
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            for child in getattr(page, model_field.name):
                if isinstance(child.block, (*FORM_EXERCISES, H5PBlock)) and not isinstance(
                    child.block, LessonDoneBlock
                ):
                    ids.append(child.id)
    return ids


# --- Recording results --------------------------------------------------------------------------


def record_statement(
    lernpass: Lernpass,
    page: Page,
    *,
    verb: str,
    block_id: str = "",
    success: bool | None = None,
    score_raw: float | None = None,
    score_max: float | None = None,
    self_reported: bool = False,
    raw: dict | None = None,
    h5p_content: H5PContent | None = None,
) -> Statement:
    """Store one result and, when every exercise of the page is solved, the page as completed.

    Native exercises and H5P statements both arrive here; scores the browser sent are marked
    ``self_reported``.
    """
    if verb not in {Statement.ANSWERED, Statement.COMPLETED}:
        raise ValueError(f"Unknown verb {verb!r}")
    success = success_from_score(success, score_raw, score_max)
    with transaction.atomic():
        statement = Statement.objects.create(
            lernpass=lernpass,
            page=page,
            block_id=block_id,
            verb=verb,
            success=success,
            score_raw=score_raw,
            score_max=score_max,
            self_reported=self_reported,
            raw=raw or {},
            h5p_content=h5p_content,
        )
        if block_id and (success or verb == Statement.COMPLETED):
            _complete_page_if_solved(lernpass, page)
        touch(lernpass)
    return statement


# H5P content types that report no score (presentations, cards, hotspots): for them the root
# ``completed`` statement is all there is. Every other type solves an exercise only with a
# successful scored statement – a bare ``completed`` proves nothing.
UNSCORED_H5P_TYPES = frozenset(
    {
        "H5P.Accordion",
        "H5P.Agamotto",
        "H5P.Chart",
        "H5P.Collage",
        "H5P.Dialogcards",
        "H5P.ImageHotspots",
        "H5P.ImageSlider",
        "H5P.Timeline",
    }
)


def success_from_score(
    success: bool | None, score_raw: float | None, score_max: float | None
) -> bool | None:
    """H5P's Blanks, DragText and others send a score but no ``success``: full marks succeed."""
    if success is not None or score_raw is None or not score_max:
        return success
    return score_raw >= score_max


def solved_condition() -> Q:
    """Statements that count an exercise as solved – one rule for pages, classes, certificates."""
    return Q(success=True) | Q(
        verb=Statement.COMPLETED,
        success__isnull=True,
        h5p_content__main_library__machine_name__in=UNSCORED_H5P_TYPES,
    )


def _complete_page_if_solved(lernpass: Lernpass, page: Page) -> None:
    needed = set(exercise_ids(page.specific))
    if not needed:
        return
    solved = set(
        Statement.objects.filter(lernpass=lernpass, page=page, block_id__in=needed)
        .filter(solved_condition())
        .values_list("block_id", flat=True)
    )
    if needed <= solved:
        mark_page_done(lernpass, page)


def mark_page_done(lernpass: Lernpass, page: Page) -> None:
    """The page (a lesson) counts as done: "3 von 5 Lektionen"."""
    if not Statement.objects.filter(
        lernpass=lernpass, page=page, block_id="", verb=Statement.COMPLETED
    ).exists():
        Statement.objects.create(
            lernpass=lernpass, page=page, block_id="", verb=Statement.COMPLETED, success=True
        )


def mark_step_done(lernpass: Lernpass, tutorial: Page, step: int) -> None:
    """Remember that a tutorial step is done (``?schritt=<n>`` numbering, from 1)."""
    block_id = f"schritt-{step}"
    if not Statement.objects.filter(lernpass=lernpass, page=tutorial, block_id=block_id).exists():
        record_statement(lernpass, tutorial, verb=Statement.COMPLETED, block_id=block_id)


def steps_done(lernpass: Lernpass | None, tutorial: Page) -> set[int]:
    if lernpass is None:
        return set()
    ids = Statement.objects.filter(
        lernpass=lernpass, page=tutorial, block_id__startswith="schritt-"
    ).values_list("block_id", flat=True)
    return {int(block_id.removeprefix("schritt-")) for block_id in ids}


XAPI_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered": Statement.ANSWERED,
    "http://adlnet.gov/expapi/verbs/completed": Statement.COMPLETED,
}


class StatementRejected(ValueError):
    pass


def parse_xapi(data: Any) -> dict:
    """The fields we keep from an H5P xAPI statement; only root answered/completed count."""
    if not isinstance(data, dict):
        raise StatementRejected("Die Daten sind keine xAPI-Aussage.")
    verb = XAPI_VERBS.get(str((data.get("verb") or {}).get("id", "")))
    if verb is None:
        raise StatementRejected("Nur „answered“ und „completed“ werden gespeichert.")
    context = data.get("context") or {}
    if isinstance(context, dict) and (context.get("contextActivities") or {}).get("parent"):
        raise StatementRejected("Nur Aussagen zur ganzen Übung werden gespeichert.")
    result = data.get("result") or {}
    score = result.get("score") or {} if isinstance(result, dict) else {}

    def number(value):
        return (
            float(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool)
            else None
        )

    success = result.get("success") if isinstance(result, dict) else None
    raw, maximum = number(score.get("raw")), number(score.get("max"))
    if raw is not None and (raw < 0 or (maximum is not None and raw > maximum)):
        raise StatementRejected("Die Punktzahl liegt außerhalb der möglichen Punkte.")
    return {
        "verb": verb,
        "score_raw": number(score.get("raw")),
        "score_max": number(score.get("max")),
        "success": success if isinstance(success, bool) else None,
    }


# --- Lernpass -----------------------------------------------------------------------------------


def generate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


def normalize_code(text: str) -> str:
    """'abcd efgh-jkmn' → 'ABCD-EFGH-JKMN'; look-alikes O→0? No: they are not in the alphabet."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(letters) != 12:
        return ""
    return f"{letters[0:4]}-{letters[4:8]}-{letters[8:12]}"


def create_lernpass() -> Lernpass:
    for _ in range(5):
        try:
            with transaction.atomic():
                return Lernpass.objects.create(code=generate_code(), last_used_at=timezone.now())
        except IntegrityError:  # pragma: no cover – 31^12 codes, a clash is near impossible
            continue
    raise RuntimeError("Could not find a free Lernpass code")


def find_lernpass(code: str) -> Lernpass | None:
    normalized = normalize_code(code)
    if not normalized:
        return None
    lernpass = Lernpass.objects.filter(code=normalized).first()
    if lernpass is not None:
        touch(lernpass, force=True)
    return lernpass


def touch(lernpass: Lernpass, *, force: bool = False) -> None:
    """Keep a used Lernpass from expiring (written at most once an hour)."""
    now = timezone.now()
    if force or now - lernpass.last_used_at > datetime.timedelta(hours=1):
        Lernpass.objects.filter(pk=lernpass.pk).update(last_used_at=now)
        lernpass.last_used_at = now


def lernpass_from_request(request: HttpRequest) -> Lernpass | None:
    if hasattr(request, "_lernpass"):
        return request._lernpass
    lernpass = None
    try:
        pk = request.get_signed_cookie(LERNPASS_COOKIE, default=None, salt=LERNPASS_COOKIE_SALT)
    except Exception:  # a tampered cookie counts as no Lernpass
        pk = None
    if pk and str(pk).isdigit():
        lernpass = Lernpass.objects.filter(pk=int(pk)).first()
    request._lernpass = lernpass
    return lernpass


def remember_lernpass(response, lernpass: Lernpass, *, secure: bool) -> None:
    response.set_signed_cookie(
        LERNPASS_COOKIE,
        str(lernpass.pk),
        salt=LERNPASS_COOKIE_SALT,
        max_age=settings.LERNHAFEN_LERNPASS_EXPIRY_DAYS * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=secure,
    )


def forget_lernpass(response) -> None:
    response.delete_cookie(LERNPASS_COOKIE, samesite="Lax")


def delete_lernpass(lernpass: Lernpass) -> int:
    """ "Fortschritt löschen": the Lernpass, every result and every group membership."""
    deleted, _ = lernpass.delete()
    return deleted


def purge_expired_lernpaesse(now: datetime.datetime) -> int:
    cutoff = now - datetime.timedelta(days=settings.LERNHAFEN_LERNPASS_EXPIRY_DAYS)
    count = Lernpass.objects.filter(last_used_at__lt=cutoff).count()
    Lernpass.objects.filter(last_used_at__lt=cutoff).delete()
    return count


# --- Course progress ----------------------------------------------------------------------------


@dataclass
class CourseProgress:
    course: CoursePage
    done: int
    total: int
    done_lesson_ids: set[int]

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def label(self) -> str:
        return f"{self.done} von {self.total} Lektionen"


def _lessons_under(courses: list[CoursePage]) -> QuerySet:
    """Live lessons of these courses, in one query."""
    if not courses:
        return LessonPage.objects.none()
    condition = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    return LessonPage.objects.live().filter(condition, depth=courses[0].depth + 1)


def _completed_page_ids(lernpass_ids: Iterable[int], page_ids: Iterable[int]) -> QuerySet:
    return Statement.objects.filter(
        lernpass_id__in=list(lernpass_ids),
        page_id__in=list(page_ids),
        block_id="",
        verb=Statement.COMPLETED,
    )


def course_progress(lernpass: Lernpass | None, course: CoursePage) -> CourseProgress:
    lesson_ids = list(LessonPage.objects.child_of(course).live().values_list("pk", flat=True))
    done: set[int] = set()
    if lernpass is not None and lesson_ids:
        done = set(_completed_page_ids([lernpass.pk], lesson_ids).values_list("page_id", flat=True))
    return CourseProgress(course, len(done), len(lesson_ids), done)


def progress_overview(lernpass: Lernpass) -> dict:
    """Courses begun, tutorials with steps done and exercises answered – a fixed query count."""
    statements = Statement.objects.filter(lernpass=lernpass)
    page_ids = set(statements.values_list("page_id", flat=True))
    lesson_paths = LessonPage.objects.live().filter(pk__in=page_ids).values_list("path", flat=True)
    course_paths = {path[: -Page.steplen] for path in lesson_paths}
    courses = list(CoursePage.objects.live().filter(path__in=course_paths).order_by("title"))
    lessons_by_course: dict[str, list[int]] = {}
    for lesson_id, path in _lessons_under(courses).values_list("pk", "path"):
        lessons_by_course.setdefault(path[: -Page.steplen], []).append(lesson_id)
    done = set(
        statements.filter(block_id="", verb=Statement.COMPLETED).values_list("page_id", flat=True)
    )
    course_rows = []
    for course in courses:
        ids = lessons_by_course.get(course.path, [])
        done_ids = done & set(ids)
        course_rows.append(CourseProgress(course, len(done_ids), len(ids), done_ids))
    step_counts = (
        statements.filter(block_id__startswith="schritt-")
        .values("page_id")
        .annotate(count=Count("block_id", distinct=True))
    )
    tutorials = {
        page.pk: page
        for page in Page.objects.live().filter(pk__in=[r["page_id"] for r in step_counts])
    }
    tutorial_rows = [
        (tutorials[r["page_id"]], r["count"]) for r in step_counts if r["page_id"] in tutorials
    ]
    return {
        "courses": course_rows,
        "tutorials": tutorial_rows,
        "answered": statements.filter(verb=Statement.ANSWERED).count(),
    }


# --- Lerngruppen --------------------------------------------------------------------------------


def is_teacher(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or user.groups.filter(name=TEACHERS_GROUP).exists())
    )


def generate_join_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def create_group(teacher, name: str, courses: Iterable[CoursePage]) -> Lerngruppe:
    for _ in range(5):
        try:
            with transaction.atomic():
                group = Lerngruppe.objects.create(
                    name=name, teacher=teacher, join_code=generate_join_code()
                )
                group.courses.set(courses)
                return group
        except IntegrityError:  # pragma: no cover – a join-code clash
            continue
    raise RuntimeError("Could not find a free join code")


class JoinRejected(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def join_group(lernpass: Lernpass, join_code: str, nickname: str) -> Membership:
    code = "".join(ch for ch in join_code.upper() if ch.isalnum())
    group = Lerngruppe.objects.filter(join_code=f"{code[:4]}-{code[4:]}").first()
    if group is None:
        raise JoinRejected(
            "join_code", "Zu diesem Code gibt es keine Lerngruppe. Bitte prüfen Sie ihn."
        )
    existing = Membership.objects.filter(group=group, lernpass=lernpass).first()
    if existing is not None:
        return existing
    if Membership.objects.filter(group=group, nickname__iexact=nickname).exists():
        raise JoinRejected(
            "nickname",
            "Diesen Spitznamen gibt es in der Gruppe schon. Bitte wählen Sie einen anderen.",
        )
    return Membership.objects.create(group=group, lernpass=lernpass, nickname=nickname)


def end_group(group: Lerngruppe) -> None:
    """Delete the group and every membership (the pupils' Lernpässe and progress stay theirs)."""
    group.delete()


@dataclass
class GroupReport:
    group: Lerngruppe
    members: list[Membership]
    # per course: (course, [(lesson, {member_id: done})], {member_id: lessons done})
    courses: list[dict]


def group_report(group: Lerngruppe) -> GroupReport:
    """Who finished which lesson and exercise – fixed query count, any group size."""
    members = list(group.memberships.all())
    courses = list(group.courses.live().order_by("title"))
    lessons = list(_lessons_under(courses).order_by("path"))
    lernpass_to_member = {m.lernpass_id: m.pk for m in members}
    rows = Statement.objects.filter(
        lernpass_id__in=lernpass_to_member, page_id__in=[lesson.pk for lesson in lessons]
    ).filter(Q(block_id="", verb=Statement.COMPLETED) | (~Q(block_id="") & solved_condition()))
    rows = rows.values_list("lernpass_id", "page_id", "block_id").distinct()
    lesson_done: set[tuple[int, int]] = set()
    exercises_solved: dict[int, dict[int, int]] = {}
    for lernpass_id, page_id, block_id in rows:
        member_id = lernpass_to_member[lernpass_id]
        if not block_id:
            lesson_done.add((page_id, member_id))
        else:
            # Distinct block ids: answering the same exercise twice still counts once.
            exercises_solved.setdefault(page_id, {}).setdefault(member_id, 0)
            exercises_solved[page_id][member_id] += 1
    report = []
    for course in courses:
        course_lessons = [lesson for lesson in lessons if lesson.path.startswith(course.path)]
        lesson_rows = []
        for lesson in course_lessons:
            done = {m.pk: (lesson.pk, m.pk) in lesson_done for m in members}
            lesson_rows.append(
                {
                    "lesson": lesson,
                    "done": done,
                    "done_count": sum(done.values()),
                    "solved": exercises_solved.get(lesson.pk, {}),
                }
            )
        totals = {m.pk: sum(row["done"][m.pk] for row in lesson_rows) for m in members}
        chart = BarChart(
            title=f"Erledigte Lektionen: {course.title}",
            description=f"Wie viele der {len(members)} Mitglieder jede Lektion erledigt haben",
            categories=[row["lesson"].title for row in lesson_rows],
            series=[Series("Mitglieder fertig", [row["done_count"] for row in lesson_rows])],
            unit="Mitglieder" if len(members) != 1 else "Mitglied",
            category_label="Lektion",
        )
        member_rows = [
            {
                "member": m,
                "cells": [(row["done"][m.pk], row["solved"].get(m.pk, 0)) for row in lesson_rows],
                "total": totals[m.pk],
            }
            for m in members
        ]
        report.append(
            {
                "course": course,
                "lessons": lesson_rows,
                "totals": totals,
                "member_rows": member_rows,
                "chart": chart,
            }
        )
    return GroupReport(group, members, report)


# --- Certificates -------------------------------------------------------------------------------


def certificate_for(lernpass: Lernpass | None, course: CoursePage) -> dict | None:
    """What the certificate shows, or None while the course is not finished."""
    progress = course_progress(lernpass, course)
    if not progress.finished:
        return None
    return {
        "course": course,
        "progress": progress,
        "date": timezone.localdate(),
        "competences": list(course.competences.select_related("area").order_by("code")),
    }
