"""Exercise blocks for lessons and tutorials (courses includes them via
``settings.LERNHAFEN_EXERCISE_BLOCKS``; courses never imports this module).

Every block a learner answers with a form is a ``CheckableExerciseBlock``: it renders a real form
that POSTs to ``learning:exercise`` with the page id and its StreamField block id, and checks the
answer itself (rules in ``learning.answers``). Without JavaScript the view records the result and
redirects back to the page with the answer in a signed ``?ergebnis=…`` parameter, anchored at the
exercise: reload and bookmark show the same result. With JavaScript (learning/js/exercises.js)
the same endpoint answers with the rendered block only. H5P content is an exercise too, but its
results arrive as xAPI statements, not as a form.

``stream_children`` is the one walker over a page's StreamFields; everything that looks for
exercises on a page goes through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.http import HttpRequest, QueryDict
from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.blocks.stream_block import StreamValue
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import YesNoBlock
from learning import answers
from learning.answers import ExerciseResult

RESULT_PARAM = "ergebnis"
RESULT_SALT = "learning.exercise-result"


# --- Finding exercises on a page ----------------------------------------------------------------


def stream_children(page) -> Iterator[StreamValue.StreamChild]:
    """Every top-level child of every StreamField of `page`, in field order."""
    if page is None:
        return
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            yield from getattr(page, model_field.name)


def exercise_children(page) -> Iterator[StreamValue.StreamChild]:
    """The exercises on `page` (form exercises and H5P)."""
    return (child for child in stream_children(page) if isinstance(child.block, ExerciseBlock))


def find_exercise(page, block_id: str) -> tuple[ExerciseBlock, Any] | None:
    """(block, value) of the exercise with this StreamField id on `page`, or None."""
    for child in exercise_children(page):
        if child.id == block_id:
            return child.block, child.value
    return None


def required_exercise_ids(page) -> list[str]:
    """Ids of the exercises that must be solved for the page to count as done."""
    return [child.id for child in exercise_children(page) if child.block.required_to_complete]


def find_block_id(page, value) -> str:
    """The StreamField id of the child whose value is `value` (the object being rendered)."""
    for child in stream_children(page):
        if child.value is value:
            return child.id or ""
    return ""


# --- The answer in the address (no JavaScript) --------------------------------------------------


def result_token(block_id: str, data: QueryDict, *, saved: bool, note: str) -> str:
    """The submitted answer, signed, for the page address after POST-redirect-GET.

    Only the answer travels (the result is checked again when the page shows it): a bookmark
    shows what the exercise says today.
    """
    fields = {key: data.getlist(key) for key in data if key != "csrfmiddlewaretoken"}
    payload = {"b": block_id, "d": fields, "s": saved, "n": note}
    return signing.dumps(payload, salt=RESULT_SALT, compress=True)


def _answer_in_address(request: HttpRequest) -> dict | None:
    if not hasattr(request, "_learning_answer"):
        try:
            payload = signing.loads(request.GET.get(RESULT_PARAM, "")[:4000], salt=RESULT_SALT)
        except signing.BadSignature:
            payload = None
        request._learning_answer = payload if isinstance(payload, dict) else None
    return request._learning_answer


def _error(field: str, message: str) -> StructBlockValidationError:
    return StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


# --- Bases --------------------------------------------------------------------------------------


class ExerciseBlock(blocks.StructBlock):
    """Base of all exercises: finds its id, the result of the last answer and the form action."""

    kind = ""
    #: Must be solved before the page counts as done ("3 von 5 Lektionen").
    required_to_complete = True

    def result_for(
        self, value, block_id: str, request: HttpRequest | None
    ) -> ExerciseResult | None:
        results = getattr(request, "learning_results", None) or {}
        return results.get(block_id)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        request = parent_context.get("request")
        block_id = parent_context.get("exercise_block_id") or find_block_id(page, value)
        context["block_id"] = block_id
        context["result"] = self.result_for(value, block_id, request)
        context["kind"] = self.kind
        # A new page in the editor's preview has no id yet: nothing to answer to.
        if page is not None and page.pk is not None and block_id:
            action = reverse("learning:exercise", args=[page.pk, block_id])
            query = request.GET.copy() if request is not None else QueryDict(mutable=True)
            query.pop(RESULT_PARAM, None)
            if query:
                action += "?" + query.urlencode()
            context["action"] = f"{action}#uebung-{block_id}"
        if request is not None and "csrf_token" not in context:
            context["csrf_token"] = get_token(request)
        return context


class CheckableExerciseBlock(ExerciseBlock):
    """An exercise answered with the block's own form and checked on the server.

    Every subclass has ``check_answer(value, data: QueryDict, block_id) -> ExerciseResult``,
    which checks the submitted data and returns the result (errors included, never raises); a
    class without it is refused when it is defined, not when a learner answers. The exercise
    view accepts answers for these blocks only. ``completes_page``: a correct answer marks the
    whole page as done.
    """

    completes_page = False

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if not callable(getattr(cls, "check_answer", None)):
            raise TypeError(f"{cls.__name__} is answerable but has no check_answer()")

    def result_for(self, value, block_id, request):
        result = super().result_for(value, block_id, request)
        if result is not None or request is None:
            return result
        answer = _answer_in_address(request)
        if answer is None or answer.get("b") != block_id:
            return None
        data = QueryDict(mutable=True)
        for key, values in dict(answer.get("d") or {}).items():
            data.setlist(str(key), [str(item) for item in values][:20])
        result = self.check_answer(value, data, block_id)
        result.saved, result.note = bool(answer.get("s")), str(answer.get("n") or "")
        return result


# --- Choice -------------------------------------------------------------------------------------


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Antworttext", max_length=200)
    correct = YesNoBlock(label="Richtig", required=False)
    feedback = blocks.CharBlock(
        label="Rückmeldung zu dieser Antwort",
        max_length=300,
        required=False,
        help_text="Erscheint nach dem Prüfen, z. B. warum diese Antwort (nicht) stimmt.",
    )

    class Meta:
        label = "Antwort"
        # The collapsed header reads "Antwort 2: Im Bürgerbüro" (number from the admin CSS).
        label_format = "{text}"


def answer_list(max_num: int) -> blocks.ListBlock:
    """The answers of a choice exercise: numbered in the admin, two empty ones to start with.

    Two, because an exercise needs at least two answers: starting with one showed an error
    before the editor had typed anything. ``lh-numbered-list`` (cms admin CSS) numbers the
    answers and puts the word "Hinzufügen" next to the plus buttons.
    """
    empty = {"text": "", "correct": False, "feedback": ""}
    return blocks.ListBlock(
        AnswerBlock(),
        label="Antworten",
        help_text="Mit „Hinzufügen“ unter einer Antwort fügen Sie danach eine weitere ein.",
        min_num=2,
        max_num=max_num,
        default=[dict(empty), dict(empty)],
        form_classname="lh-numbered-list",
    )


class ChoiceExerciseBlock(CheckableExerciseBlock):
    """A question with answers to choose from; one (radio) or several (checkbox) are right."""

    multiple = False
    question = blocks.CharBlock(label="Frage", max_length=250)
    hint = blocks.CharBlock(label="Hinweis zur Frage", max_length=250, required=False)
    answers = answer_list(max_num=8)

    def count_error(self, correct_count: int) -> str:
        """The editor's error when the number of right answers does not fit, or ""."""
        return "" if correct_count == 1 else "Bitte genau eine Antwort als richtig markieren."

    def clean(self, value):
        value = super().clean(value)
        message = self.count_error(sum(1 for answer in value["answers"] if answer["correct"]))
        if message:
            raise _error("answers", message)
        return value

    def check_answer(self, value, data, block_id):
        return answers.check_choice(value, data.getlist("antwort"), multiple=self.multiple)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        result = context["result"]
        chosen = set(result.submitted.get("antwort", [])) if result else set()
        feedback = result.items if result and result.items else []
        context["options"] = [
            {
                "index": index,
                "answer": answer,
                "checked": index in chosen,
                "feedback": feedback[index] if feedback and index in chosen else None,
            }
            for index, answer in enumerate(value["answers"])
        ]
        context["input_type"] = "checkbox" if self.multiple else "radio"
        return context

    class Meta:
        template = "learning/blocks/choice.html"


class SingleChoiceBlock(ChoiceExerciseBlock):
    kind = "single_choice"

    class Meta:
        icon = "radio-full"
        label = "Übung: Eine Antwort wählen"


class MultipleChoiceBlock(ChoiceExerciseBlock):
    kind = "multiple_choice"
    multiple = True
    hint = blocks.CharBlock(
        label="Hinweis zur Frage",
        max_length=250,
        required=False,
        default="Mehrere Antworten können richtig sein.",
    )
    answers = answer_list(max_num=10)

    def count_error(self, correct_count):
        return "" if correct_count else "Bitte mindestens eine Antwort als richtig markieren."

    class Meta:
        icon = "tick-inverse"
        label = "Übung: Mehrere Antworten wählen"


# --- Other exercises ----------------------------------------------------------------------------


class TrueFalseBlock(CheckableExerciseBlock):
    kind = "true_false"
    statement = blocks.CharBlock(label="Aussage", max_length=250)
    is_true = blocks.BooleanBlock(
        label="Die Aussage stimmt", required=False, help_text="Ankreuzen, wenn sie wahr ist."
    )
    explanation = blocks.CharBlock(
        label="Erklärung", max_length=400, help_text="Erscheint nach dem Prüfen."
    )

    def check_answer(self, value, data, block_id):
        return answers.check_true_false(value, data.get("antwort", ""))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["choices"] = answers.TrueFalseAnswer.choices
        return context

    class Meta:
        icon = "help"
        label = "Übung: Richtig oder falsch"
        template = "learning/blocks/true_false.html"


class OrderStepsBlock(CheckableExerciseBlock):
    kind = "order_steps"
    question = blocks.CharBlock(
        label="Aufgabe",
        max_length=250,
        default="Bringen Sie die Schritte in die richtige Reihenfolge.",
    )
    steps = blocks.ListBlock(
        blocks.CharBlock(label="Schritt", max_length=160),
        label="Schritte in der richtigen Reihenfolge",
        min_num=2,
        max_num=8,
        help_text="Geben Sie die Schritte in der richtigen Reihenfolge ein; Lernende sehen sie "
        "gemischt.",
    )
    explanation = blocks.CharBlock(label="Erklärung", max_length=400, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        result = context["result"]
        submitted = result.submitted if result else {}
        feedback = result.items if result and result.items else []
        context["items"] = [
            {
                "name": f"schritt-{shown}",
                "text": text,
                "selected": submitted.get(f"schritt-{shown}"),
                "feedback": feedback[shown] if feedback else None,
            }
            for shown, (_, text) in enumerate(answers.shuffled_steps(value, context["block_id"]))
        ]
        context["positions"] = range(1, len(value["steps"]) + 1)
        return context

    def check_answer(self, value, data, block_id):
        return answers.check_order(value, data, block_id)

    class Meta:
        icon = "order"
        label = "Übung: Schritte ordnen"
        template = "learning/blocks/order_steps.html"


class MessageBlock(blocks.StructBlock):
    sender = blocks.CharBlock(label="Absender", max_length=120)
    subject = blocks.CharBlock(label="Betreff", max_length=160)
    text = blocks.TextBlock(label="Text der Nachricht", max_length=800)
    is_fake = blocks.BooleanBlock(label="Diese Nachricht ist gefälscht", required=False)
    explanation = blocks.CharBlock(
        label="Woran erkennt man es?", max_length=400, help_text="Erscheint nach dem Prüfen."
    )


class SpotTheFakeBlock(CheckableExerciseBlock):
    kind = "spot_the_fake"
    heading = blocks.CharBlock(label="Überschrift", max_length=120, default="Sicher üben")
    intro = blocks.CharBlock(
        label="Einleitung",
        max_length=300,
        default="Sehen Sie sich die Nachrichten an. Welche sind echt, welche gefälscht?",
    )
    messages = blocks.ListBlock(MessageBlock(), label="Nachrichten", min_num=1, max_num=6)

    def check_answer(self, value, data, block_id):
        return answers.check_spot_the_fake(value, data)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        result = context["result"]
        submitted = result.submitted if result else {}
        feedback = result.items if result and result.items else []
        context["items"] = [
            {
                "name": f"nachricht-{index}",
                "message": message,
                "selected": submitted.get(f"nachricht-{index}", ""),
                "feedback": feedback[index] if feedback else None,
            }
            for index, message in enumerate(value["messages"])
        ]
        context["choices"] = answers.MessageVerdict.choices
        return context

    class Meta:
        icon = "warning"
        label = "Übung: Sicher üben (Fälschung erkennen)"
        template = "learning/blocks/spot_the_fake.html"


class LessonDoneBlock(CheckableExerciseBlock):
    """A button that marks the page as done: counts towards "3 von 5 Lektionen"."""

    kind = "lesson_done"
    required_to_complete = False
    completes_page = True
    text = blocks.CharBlock(
        label="Text über der Schaltfläche",
        max_length=200,
        required=False,
        default="Haben Sie alles gelesen und ausprobiert? Dann markieren Sie die Lektion als "
        "erledigt.",
    )

    def check_answer(self, value, data, block_id):
        return answers.marked_done()

    class Meta:
        icon = "tick"
        label = "Lektion abschließen"
        template = "learning/blocks/lesson_done.html"


class H5PBlock(ExerciseBlock):
    """Interactive H5P content; its results arrive as xAPI statements (learning:xapi)."""

    kind = "h5p"
    content = SnippetChooserBlock("learning.H5PContent", label="Interaktive Übung (H5P)")
    heading = blocks.CharBlock(label="Überschrift", max_length=120, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        request = (parent_context or {}).get("request")
        content = value.get("content")
        if content is not None:
            src = reverse("learning:h5p_player", args=[content.pk])
            # A preview shows a draft the player cannot find live: it plays without recording.
            if page is not None and not getattr(request, "is_preview", False):
                src += f"?seite={page.pk}&block={context['block_id']}"
            context["player_url"] = src
        return context

    class Meta:
        icon = "pick"
        label = "Interaktive Übung (H5P)"
        template = "learning/blocks/h5p.html"
