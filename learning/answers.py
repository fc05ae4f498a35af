"""What counts as a right answer: pure functions over an exercise block's value and the submitted
form data, and the result they return. No database, no request – the blocks call them to check
an answer, the services to record one, and the tests to specify the rules.

Scores count questions, not options: a multiple-choice question is one question, solved when
exactly the right answers are chosen; "2 von 4" means two of four messages or steps.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

# An editor's feedback often opens with the verdict the page already gives ("Richtig: …");
# shown after our own "Richtig." it would read twice.
_LEADING_VERDICT = re.compile(
    r"^\s*(richtig|genau|falsch|nicht richtig|nein|leider nein)\s*[:.!–-]\s*", re.IGNORECASE
)


class TrueFalseAnswer(models.TextChoices):
    """The two answers of "Richtig oder falsch?"."""

    TRUE = "wahr", pgettext_lazy("Antwort auf eine Aussage", "Richtig")
    FALSE = "falsch", pgettext_lazy("Antwort auf eine Aussage", "Falsch")


class MessageVerdict(models.TextChoices):
    """The two answers per message of "Sicher üben"."""

    REAL = "echt", pgettext_lazy("Nachricht", "Echt")
    FAKE = "gefaelscht", pgettext_lazy("Nachricht", "Gefälscht")


@dataclass
class ItemFeedback:
    """Feedback on one answer option, step or message."""

    text: str
    chosen: bool
    correct: bool
    feedback: str = ""
    label: str = ""

    @property
    def verdict(self) -> str:
        return _("Richtig.") if self.correct else _("Nicht richtig.")

    @property
    def explanation(self) -> str:
        """The editor's feedback without a verdict of its own at the start."""
        text = _LEADING_VERDICT.sub("", self.feedback or "", count=1)
        return text[:1].upper() + text[1:]


@dataclass
class ExerciseResult:
    correct: bool
    score: int
    max_score: int
    items: list[ItemFeedback] = field(default_factory=list)
    error: str = ""
    submitted: dict[str, Any] = field(default_factory=dict)
    # Set when recorded: was the result stored on a Lernpass, and what else to tell the learner.
    saved: bool = False
    note: str = ""

    @property
    def summary(self) -> str:
        if self.error:
            return self.error
        if self.correct:
            return _("Richtig! Gut gemacht.")
        if self.max_score > 1:
            return _(
                "Noch nicht ganz: %(score)s von %(max_score)s richtig. "
                "Versuchen Sie es noch einmal."
            ) % {"score": self.score, "max_score": self.max_score}
        return _("Noch nicht ganz. Versuchen Sie es noch einmal.")

    @property
    def message(self) -> str:
        """What the page announces after an answer."""
        return self.note or self.summary


def _indices(values: Iterable[str], size: int) -> list[int] | None:
    try:
        chosen = sorted({int(value) for value in values})
    except (TypeError, ValueError):
        return None
    return chosen if all(0 <= index < size for index in chosen) else None


def check_choice(value: Mapping, selected: list[str], *, multiple: bool) -> ExerciseResult:
    """One question: solved when exactly the right answers are chosen."""
    answers = list(value["answers"])
    chosen = _indices(selected, len(answers))
    if not chosen or (not multiple and len(chosen) != 1):
        message = (
            _("Bitte wählen Sie mindestens eine Antwort aus.")
            if multiple
            else _("Bitte wählen Sie eine Antwort aus.")
        )
        return ExerciseResult(False, 0, 1, error=message)
    items = [
        ItemFeedback(
            text=answer["text"],
            chosen=index in chosen,
            correct=bool(answer["correct"]),
            feedback=answer["feedback"] or "",
        )
        for index, answer in enumerate(answers)
    ]
    solved = all(item.chosen == item.correct for item in items)
    return ExerciseResult(solved, int(solved), 1, items, submitted={"antwort": chosen})


def check_true_false(value: Mapping, answer: str) -> ExerciseResult:
    if answer not in TrueFalseAnswer.values:
        return ExerciseResult(False, 0, 1, error=_("Bitte wählen Sie „Richtig“ oder „Falsch“."))
    correct = (answer == TrueFalseAnswer.TRUE) == bool(value["is_true"])
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
    """Each step is a question: is it at its position?"""
    items = shuffled_steps(value, block_id)
    count = len(items)
    positions: list[int | None] = []
    for shown in range(count):
        raw = data.get(f"schritt-{shown}", "")
        positions.append(int(raw) if raw.isdigit() and 1 <= int(raw) <= count else None)
    submitted = {f"schritt-{shown}": pos for shown, pos in enumerate(positions)}
    if None in positions:
        return ExerciseResult(
            False,
            0,
            count,
            error=_("Bitte geben Sie jedem Schritt eine Position."),
            submitted=submitted,
        )
    if len(set(positions)) != count:
        return ExerciseResult(
            False,
            0,
            count,
            error=_("Bitte vergeben Sie jede Position nur einmal."),
            submitted=submitted,
        )
    feedback = [
        ItemFeedback(
            text=text,
            chosen=True,
            correct=positions[shown] == index + 1,
            label=_("Richtig ist Position %(position)s.") % {"position": index + 1},
        )
        for shown, (index, text) in enumerate(items)
    ]
    score = sum(item.correct for item in feedback)
    return ExerciseResult(score == count, score, count, feedback, submitted=submitted)


def check_spot_the_fake(value: Mapping, data: Mapping) -> ExerciseResult:
    """Each message is a question: real or fake?"""
    messages = list(value["messages"])
    answers = [data.get(f"nachricht-{index}", "") for index in range(len(messages))]
    submitted = {f"nachricht-{index}": answer for index, answer in enumerate(answers)}
    if any(answer not in MessageVerdict.values for answer in answers):
        return ExerciseResult(
            False,
            0,
            len(messages),
            error=_("Bitte entscheiden Sie bei jeder Nachricht: echt oder gefälscht?"),
            submitted=submitted,
        )
    items = [
        ItemFeedback(
            text=message["subject"],
            chosen=True,
            correct=(answer == MessageVerdict.FAKE) == bool(message["is_fake"]),
            feedback=message["explanation"],
            label=_("Diese Nachricht ist gefälscht.")
            if message["is_fake"]
            else _("Diese Nachricht ist echt."),
        )
        for message, answer in zip(messages, answers, strict=True)
    ]
    score = sum(item.correct for item in items)
    return ExerciseResult(score == len(items), score, len(items), items, submitted=submitted)


def marked_done() -> ExerciseResult:
    """ "Als erledigt markieren" has no wrong answer."""
    return ExerciseResult(correct=True, score=1, max_score=1)
