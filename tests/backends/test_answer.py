"""The checks every LLM answer must pass before it is used."""

from __future__ import annotations

from easyread.backends.answer import EasyReadAnswer, answer_schema, parse_answer, problems_with, to_easy_section
from easyread.model import Block, Section

SECTION = Section("Paying", [Block("paragraph", "Pay £120 by 1 April 2026 or call 01632 960123.")])


def answer(*sentences: str) -> EasyReadAnswer:
    return EasyReadAnswer.model_validate({"heading": "Paying", "items": [
        {"sentence": s, "picture": "money", "hard_words": [], "words_avoided": []} for s in sentences]})


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
    assert transform_schema(schema) == schema


def test_long_and_passive_sentences_are_flagged_for_review():
    easy = to_easy_section(answer("Your bin will be collected by us on Monday.", "Pay now."))
    assert "passive" in easy.items[0].flags and easy.items[1].flags == []


def test_hard_words_are_kept_only_when_in_their_sentence():
    answer = EasyReadAnswer.model_validate({"heading": "Tax", "items": [{
        "sentence": "Pay your Council Tax by Friday.", "picture": "money", "words_avoided": [],
        "hard_words": [{"word": "council tax", "explanation": "Money for local services."},
                       {"word": "appeal", "explanation": "Asking us to look again."}]}]})
    assert [hard.word for hard in to_easy_section(answer).items[0].hard_words] == ["council tax"]
