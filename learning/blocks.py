"""Exercise blocks for lessons and tutorials (courses includes them via
``settings.LERNHAFEN_EXERCISE_BLOCKS``; courses never imports this module).

Every exercise renders a real form that POSTs to ``learning:exercise`` with the page id and its
StreamField block id. The view checks the answer with ``learning.services``, records the result
and renders the same page again with the result attached to the request
(``request.learning_results[block_id]``), which ``get_context`` here reads. With JavaScript
(learning/js/exercises.js) the same endpoint answers with the rendered block only.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.middleware.csrf import get_token
from django.urls import reverse
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import YesNoBlock


def _error(field: str, message: str) -> StructBlockValidationError:
    return StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


def find_block_id(page, value) -> str:
    """The StreamField id of the child whose value is `value` (the object being rendered)."""
    if page is None:
        return ""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for child in getattr(page, field.name):
                if child.value is value:
                    return child.id or ""
    return ""


class ExerciseBlock(blocks.StructBlock):
    """Base of all exercises: finds its id, the result of the last answer and the form action."""

    kind = ""

    def check_answer(self, value, data, block_id: str):
        """Check the submitted `data` (a QueryDict) and return a services.ExerciseResult."""
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        request = parent_context.get("request")
        block_id = parent_context.get("exercise_block_id") or find_block_id(page, value)
        results = getattr(request, "learning_results", {}) if request is not None else {}
        context["block_id"] = block_id
        context["result"] = results.get(block_id)
        context["kind"] = self.kind
        # A new page in the editor's preview has no id yet: nothing to answer to.
        if page is not None and page.pk is not None and block_id:
            action = reverse("learning:exercise", args=[page.pk, block_id])
            if request is not None and request.GET:
                action += "?" + request.GET.urlencode()
            context["action"] = f"{action}#uebung-{block_id}"
        if request is not None and "csrf_token" not in context:
            context["csrf_token"] = get_token(request)
        return context


def _choice_options(value, result) -> list[dict]:
    chosen = set(result.submitted.get("antwort", [])) if result else set()
    feedback = result.items if result and result.items else []
    return [
        {
            "index": index,
            "answer": answer,
            "checked": index in chosen,
            "feedback": feedback[index] if feedback and index in chosen else None,
        }
        for index, answer in enumerate(value["answers"])
    ]


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


class SingleChoiceBlock(ExerciseBlock):
    kind = "single_choice"
    question = blocks.CharBlock(label="Frage", max_length=250)
    hint = blocks.CharBlock(label="Hinweis zur Frage", max_length=250, required=False)
    answers = answer_list(max_num=8)

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for answer in value["answers"] if answer["correct"]) != 1:
            raise _error("answers", "Bitte genau eine Antwort als richtig markieren.")
        return value

    def check_answer(self, value, data, block_id):
        from learning import services

        return services.check_choice(value, data.getlist("antwort"), multiple=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["options"] = _choice_options(value, context["result"])
        context["input_type"] = "radio"
        return context

    class Meta:
        icon = "radio-full"
        label = "Übung: Eine Antwort wählen"
        template = "learning/blocks/choice.html"


class MultipleChoiceBlock(ExerciseBlock):
    kind = "multiple_choice"
    question = blocks.CharBlock(label="Frage", max_length=250)
    hint = blocks.CharBlock(
        label="Hinweis zur Frage",
        max_length=250,
        required=False,
        default="Mehrere Antworten können richtig sein.",
    )
    answers = answer_list(max_num=10)

    def clean(self, value):
        value = super().clean(value)
        if not any(answer["correct"] for answer in value["answers"]):
            raise _error("answers", "Bitte mindestens eine Antwort als richtig markieren.")
        return value

    def check_answer(self, value, data, block_id):
        from learning import services

        return services.check_choice(value, data.getlist("antwort"), multiple=True)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["options"] = _choice_options(value, context["result"])
        context["input_type"] = "checkbox"
        return context

    class Meta:
        icon = "tick-inverse"
        label = "Übung: Mehrere Antworten wählen"
        template = "learning/blocks/choice.html"


class TrueFalseBlock(ExerciseBlock):
    kind = "true_false"
    statement = blocks.CharBlock(label="Aussage", max_length=250)
    is_true = blocks.BooleanBlock(
        label="Die Aussage stimmt", required=False, help_text="Ankreuzen, wenn sie wahr ist."
    )
    explanation = blocks.CharBlock(
        label="Erklärung", max_length=400, help_text="Erscheint nach dem Prüfen."
    )

    def check_answer(self, value, data, block_id):
        from learning import services

        return services.check_true_false(value, data.get("antwort", ""))

    class Meta:
        icon = "help"
        label = "Übung: Richtig oder falsch"
        template = "learning/blocks/true_false.html"


class OrderStepsBlock(ExerciseBlock):
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
        from learning import services

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
            for shown, (_, text) in enumerate(services.shuffled_steps(value, context["block_id"]))
        ]
        context["positions"] = range(1, len(value["steps"]) + 1)
        return context

    def check_answer(self, value, data, block_id):
        from learning import services

        return services.check_order(value, data, block_id)

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


class SpotTheFakeBlock(ExerciseBlock):
    kind = "spot_the_fake"
    heading = blocks.CharBlock(label="Überschrift", max_length=120, default="Sicher üben")
    intro = blocks.CharBlock(
        label="Einleitung",
        max_length=300,
        default="Sehen Sie sich die Nachrichten an. Welche sind echt, welche gefälscht?",
    )
    messages = blocks.ListBlock(MessageBlock(), label="Nachrichten", min_num=1, max_num=6)

    def check_answer(self, value, data, block_id):
        from learning import services

        return services.check_spot_the_fake(value, data)

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
        return context

    class Meta:
        icon = "warning"
        label = "Übung: Sicher üben (Fälschung erkennen)"
        template = "learning/blocks/spot_the_fake.html"


class LessonDoneBlock(ExerciseBlock):
    """A button that marks the page as done: counts towards "3 von 5 Lektionen"."""

    kind = "lesson_done"
    text = blocks.CharBlock(
        label="Text über der Schaltfläche",
        max_length=200,
        required=False,
        default="Haben Sie alles gelesen und ausprobiert? Dann markieren Sie die Lektion als "
        "erledigt.",
    )

    def check_answer(self, value, data, block_id):
        from learning import services

        return services.ExerciseResult(correct=True, score=1, max_score=1, items=[])

    class Meta:
        icon = "tick"
        label = "Lektion abschließen"
        template = "learning/blocks/lesson_done.html"


class H5PBlock(ExerciseBlock):
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

    def check_answer(self, value, data, block_id):
        # Results of H5P content arrive as xAPI statements (learning:xapi), not as a form.
        raise NotImplementedError

    class Meta:
        icon = "pick"
        label = "Interaktive Übung (H5P)"
        template = "learning/blocks/h5p.html"


#: Checkable exercise blocks – the view refuses POSTs for any other block type.
FORM_EXERCISES = (
    SingleChoiceBlock,
    MultipleChoiceBlock,
    TrueFalseBlock,
    OrderStepsBlock,
    SpotTheFakeBlock,
    LessonDoneBlock,
)
