"""Recording results and reading progress: statements per Lernpass, pages and tutorial steps
done, "3 von 5 Lektionen" per course and the overview on the Lernpass page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import ngettext
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from learning.blocks import required_exercise_ids
from learning.models import H5PContent, Lernpass, Statement
from learning.services.lernpass import touch

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


def exercise_ids(page: Page) -> list[str]:
    """Ids of the exercises on a page that must be solved for the page to count as done."""
    return required_exercise_ids(page)


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
    if verb not in Statement.Verb.values:
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
        if block_id and (success or verb == Statement.Verb.COMPLETED):
            complete_page_if_solved(lernpass, page)
        touch(lernpass)
    return statement


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
        verb=Statement.Verb.COMPLETED,
        success__isnull=True,
        h5p_content__main_library__machine_name__in=UNSCORED_H5P_TYPES,
    )


def complete_page_if_solved(lernpass: Lernpass, page: Page) -> None:
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
        lernpass=lernpass, page=page, block_id="", verb=Statement.Verb.COMPLETED
    ).exists():
        Statement.objects.create(
            lernpass=lernpass, page=page, block_id="", verb=Statement.Verb.COMPLETED, success=True
        )


def mark_step_done(lernpass: Lernpass, tutorial: Page, step: int) -> None:
    """Remember that a tutorial step is done (``?schritt=<n>`` numbering, from 1)."""
    block_id = f"schritt-{step}"
    if not Statement.objects.filter(lernpass=lernpass, page=tutorial, block_id=block_id).exists():
        record_statement(lernpass, tutorial, verb=Statement.Verb.COMPLETED, block_id=block_id)


def steps_done(lernpass: Lernpass | None, tutorial: Page) -> set[int]:
    if lernpass is None:
        return set()
    ids = Statement.objects.filter(
        lernpass=lernpass, page=tutorial, block_id__startswith="schritt-"
    ).values_list("block_id", flat=True)
    return {int(block_id.removeprefix("schritt-")) for block_id in ids}


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
        # German says "Lektionen" for a course of one lesson too; other languages need the plural
        # forms of the total.
        return ngettext(
            "%(done)s von %(total)s Lektionen", "%(done)s von %(total)s Lektionen", self.total
        ) % {"done": self.done, "total": self.total}


def lessons_under(courses: list[CoursePage]) -> QuerySet:
    """Live lessons of these courses, in one query."""
    if not courses:
        return LessonPage.objects.none()
    condition = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    return LessonPage.objects.live().filter(condition, depth=courses[0].depth + 1)


def completed_pages(lernpass_ids: Iterable[int], page_ids: Iterable[int]) -> QuerySet:
    """Statements saying these Lernpässe completed these pages."""
    return Statement.objects.filter(
        lernpass_id__in=list(lernpass_ids),
        page_id__in=list(page_ids),
        block_id="",
        verb=Statement.Verb.COMPLETED,
    )


def course_progress(lernpass: Lernpass | None, course: CoursePage) -> CourseProgress:
    lesson_ids = list(LessonPage.objects.child_of(course).live().values_list("pk", flat=True))
    done: set[int] = set()
    if lernpass is not None and lesson_ids:
        done = set(completed_pages([lernpass.pk], lesson_ids).values_list("page_id", flat=True))
    return CourseProgress(course, len(done), len(lesson_ids), done)


def progress_overview(lernpass: Lernpass) -> dict:
    """Courses begun, tutorials with steps done and exercises answered – a fixed query count."""
    statements = Statement.objects.filter(lernpass=lernpass)
    page_ids = set(statements.values_list("page_id", flat=True))
    lesson_paths = LessonPage.objects.live().filter(pk__in=page_ids).values_list("path", flat=True)
    course_paths = {path[: -Page.steplen] for path in lesson_paths}
    courses = list(CoursePage.objects.live().filter(path__in=course_paths).order_by("title"))
    lessons_by_course: dict[str, list[int]] = {}
    for lesson_id, path in lessons_under(courses).values_list("pk", "path"):
        lessons_by_course.setdefault(path[: -Page.steplen], []).append(lesson_id)
    done = set(
        statements.filter(block_id="", verb=Statement.Verb.COMPLETED).values_list(
            "page_id", flat=True
        )
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
        "answered": statements.filter(verb=Statement.Verb.ANSWERED).count(),
    }
