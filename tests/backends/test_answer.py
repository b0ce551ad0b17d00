"""The checks every LLM answer must pass before it is used."""

from __future__ import annotations

from easyread.backends.answer import EasyReadAnswer, answer_schema, parse_answer, problems_with, to_easy_section
from easyread.model import Block, Section

SECTION = Section("Paying", [Block("paragraph", "Pay £120 by 1 April 2026 or call 01632 960123.")])


def answer(*sentences: str, blocks: list[list[int]] | None = None) -> EasyReadAnswer:
    blocks = blocks or [[1]] * len(sentences)
    return EasyReadAnswer.model_validate({"heading": "Paying", "items": [
        {"sentence": s, "picture": "money", "hard_words": [], "words_avoided": [], "source_blocks": b}
        for s, b in zip(sentences, blocks, strict=True)]})


AGENDA = Section("Agenda", [Block("list_item", "3121. Highways update", "line 3"),
                            Block("list_item", "3122. Any other business", "line 4")])


def test_a_good_answer_has_no_problems():
    assert problems_with(answer("Pay £120 by 1 April 2026.", "Call 01632 960123."), SECTION) == []


def test_problems_name_what_to_fix():
    problems = problems_with(answer("Pay £120 by Wednesday the first day of April in the year 2026 please or else."),
                             SECTION)
    assert any("15 words or fewer" in problem for problem in problems)
    assert any("01632 960123" in problem for problem in problems)
    assert problems_with(answer(), SECTION)[0].startswith("There are no items")


def test_not_json_and_not_the_schema_are_told_apart():
    assert "not valid JSON" in parse_answer('{"heading": ')[1]
    assert "schema" in parse_answer('{"heading": "x", "items": [{"sentence": "y"}]}')[1]
    assert "schema" in parse_answer('{"heading": "x", "items": [], "extra": 1}')[1]
    assert parse_answer('```json\n{"heading": "x", "items": []}\n```')[0] is not None


def test_the_schema_is_strict_and_as_the_sdk_would_send_it():
    from anthropic import transform_schema

    schema = answer_schema()
    assert schema["additionalProperties"] is False and set(schema["required"]) == {"heading", "items"}
    item = schema["$defs"]["AnswerItem"]
    assert "source_blocks" in item["required"]
    assert transform_schema(schema) == schema


def test_long_and_passive_sentences_are_flagged_for_review():
    easy = to_easy_section(answer("Your bin will be collected by us on Monday.", "Pay now."))
    assert "passive" in easy.items[0].flags and easy.items[1].flags == []


def test_hard_words_are_kept_only_when_in_their_sentence():
    answer = EasyReadAnswer.model_validate({"heading": "Tax", "items": [{
        "sentence": "Pay your Council Tax by Friday.", "picture": "money", "words_avoided": [], "source_blocks": [1],
        "hard_words": [{"word": "council tax", "explanation": "Money for local services."},
                       {"word": "appeal", "explanation": "Asking us to look again."}]}]})
    assert [hard.word for hard in to_easy_section(answer).items[0].hard_words] == ["council tax"]


def test_facts_in_their_easy_read_forms_need_no_repair():
    """A good answer written the way the system prompt asks is not sent back (a false repair costs
    money and trust): a percentage in words, a date in full, a time on the 12-hour clock."""
    section = Section("Paying", [Block("paragraph", "A 25% discount applies from 01/04/2026; call before 18:30.")])
    good = answer("You get 25 out of 100 off your bill.", "This starts on Wednesday 1 April 2026.",
                  "Call us before 6:30pm.")
    assert problems_with(good, section) == []


def test_every_block_must_be_in_an_item():
    problems = problems_with(answer("3121. Highways update.", blocks=[[1]]), AGENDA)
    assert any(problem.startswith("Block [2] is in no item") for problem in problems)


def test_a_number_moved_to_another_item_is_a_fact_lost():
    moved = answer("Highways update 3122.", "Any other business.", blocks=[[1], [2]])
    problems = problems_with(moved, AGENDA)
    assert any("block [1]" in problem and "3121" in problem for problem in problems)
    assert any("block [2]" in problem and "3122" in problem for problem in problems)
    assert problems_with(answer("Item 3121: the highways update.", "Item 3122: any other business.",
                                blocks=[[1], [2]]), AGENDA) == []


def test_items_record_the_locations_of_the_blocks_they_say():
    easy = to_easy_section(answer("Item 3121: the highways update.", "Both items are short.", blocks=[[1], [1, 2]]),
                           AGENDA)
    assert [item.source for item in easy.items] == [["line 3"], ["line 3", "line 4"]]


def test_block_numbers_outside_the_section_are_a_problem():
    problems = problems_with(answer("3121. Highways update.", "3122. Any other business.", blocks=[[1], [7]]), AGENDA)
    assert any("source_blocks" in problem for problem in problems)


def test_the_forms_the_system_prompt_asks_for_need_no_repair():
    """Recorded false repairs: "2026/27" as "2026 to 2027", "25%" as "25 out of every 100", "May 2026"
    written as a date in full. Each is the same fact, so a good answer is not sent back."""
    section = Section("Your bill", [Block("paragraph", "Your bill for 2026/27 has a 25% discount from May 2026.")])
    good = answer("Your bill is for 2026 to 2027.", "You get 25 out of every 100 pounds off.",
                  "This starts on Friday 1 May 2026.")
    assert problems_with(good, section) == []


def test_an_idiom_in_a_model_sentence_is_flagged_with_a_suggestion_and_not_changed():
    from easyread.backends.answer import EasyReadAnswer, to_easy_section

    answer = EasyReadAnswer.model_validate({"heading": "Giving", "items": [
        {"sentence": "Please dig deep into your pockets for the food bank.", "picture": "a food bank",
         "hard_words": [], "words_avoided": [], "source_blocks": [1]}]})
    item = to_easy_section(answer).items[0]
    assert item.sentence == "Please dig deep into your pockets for the food bank."  # the model's words stay
    assert "idiom" in item.flags and item.suggestions
