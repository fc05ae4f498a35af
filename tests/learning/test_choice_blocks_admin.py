"""Choice exercises in the admin: two numbered answers to start with, no error before typing."""

import pytest
from wagtail.blocks import StructBlockValidationError

from learning.blocks import AnswerBlock, MultipleChoiceBlock, SingleChoiceBlock


@pytest.mark.parametrize("block_class", [SingleChoiceBlock, MultipleChoiceBlock])
def test_a_new_choice_exercise_starts_with_two_empty_answers(block_class):
    block = block_class()
    answers = block.child_blocks["answers"]
    default = block.get_default()["answers"]
    assert len(default) == 2
    assert all(answer["text"] == "" for answer in default)
    assert answers.meta.min_num == 2
    assert answers.meta.form_classname == "lh-numbered-list"  # numbered by the admin CSS
    assert answers.child_block.label == "Antwort"
    # What the admin's JavaScript builds the form from: two answer forms, not one.
    assert len(block.get_form_state(block.get_default())["answers"]) == 2


def test_the_empty_answers_ask_for_text_not_for_more_answers():
    block = SingleChoiceBlock()
    value = block.get_default()
    value["question"] = "Wo buchen Sie einen Termin?"
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    messages = str(raised.value.as_json_data())
    assert "minimale Anzahl" not in messages
    assert "Dieses Feld muss ausgefüllt werden." in messages


def test_revision_comparison_shows_a_changed_correct_answer_as_ja_nein():
    from wagtail.admin.compare import StructBlockComparison

    block = AnswerBlock()
    before = block.to_python({"text": "Im Bürgerbüro", "correct": False, "feedback": ""})
    after = block.to_python({"text": "Im Bürgerbüro", "correct": True, "feedback": ""})
    html = StructBlockComparison(block, True, True, before, after).htmldiff()
    assert '<span class="deletion">Nein</span>' in html
    assert '<span class="addition">Ja</span>' in html
    assert "True" not in html and "False" not in html
