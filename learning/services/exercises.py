"""Answers arriving: a native exercise's form (checked on the server) and H5P's xAPI statements
(checked for shape, scores marked as self-reported). Both end in ``progress.record_statement``."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.models import LessonPage
from learning.answers import ExerciseResult
from learning.blocks import CheckableExerciseBlock
from learning.models import Lernpass, Statement
from learning.services.lernpass import touch
from learning.services.progress import course_progress, mark_page_done, record_statement

MAX_STATEMENT_BYTES = 16 * 1024


def answer_exercise(
    page: Page,
    block: CheckableExerciseBlock,
    value: Any,
    block_id: str,
    data: QueryDict,
    lernpass: Lernpass | None,
) -> ExerciseResult:
    """Check an answer and, with a Lernpass, record it; "erledigt" marks the page as done."""
    result = block.check_answer(value, data, block_id)
    if result.error:
        return result
    if lernpass is not None:
        if block.completes_page:
            mark_page_done(lernpass, page)
            touch(lernpass)
        else:
            record_statement(
                lernpass,
                page,
                verb=Statement.Verb.ANSWERED,
                block_id=block_id,
                success=result.correct,
                score_raw=result.score,
                score_max=result.max_score,
                raw={"kind": block.kind, "answer": result.submitted},
            )
        result.saved = True
    if block.completes_page:
        result.note = _done_note(lernpass, page)
    return result


def _done_note(lernpass: Lernpass | None, page: Page) -> str:
    if lernpass is None:
        return _("Gut gemacht! Mit einem Lernpass merken wir uns, was Sie erledigt haben.")
    if isinstance(page, LessonPage):
        progress = course_progress(lernpass, page.get_parent().specific)
        return _("Erledigt! Im Kurs „%(course)s“: %(progress)s.") % {
            "course": progress.course.title,
            "progress": progress.label,
        }
    return _("Erledigt!")


XAPI_VERBS = {
    "http://adlnet.gov/expapi/verbs/answered": Statement.Verb.ANSWERED,
    "http://adlnet.gov/expapi/verbs/completed": Statement.Verb.COMPLETED,
}


class StatementRejected(ValueError):
    pass


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


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
    success = result.get("success") if isinstance(result, dict) else None
    raw, maximum = _number(score.get("raw")), _number(score.get("max"))
    if raw is not None and (raw < 0 or (maximum is not None and raw > maximum)):
        raise StatementRejected("Die Punktzahl liegt außerhalb der möglichen Punkte.")
    return {
        "verb": verb,
        "score_raw": raw,
        "score_max": maximum,
        "success": success if isinstance(success, bool) else None,
    }
