"""The answer an LLM backend asks for, its JSON schema, and the checks every answer must pass.

A model answers each section with an `EasyReadAnswer`: a heading in plain words and items, each
a sentence, a picture description, its hard words (with a one-sentence explanation) and the words
it avoided. `problems_with` says, in words the model can act on, what is wrong with an answer:
not JSON, not the schema, no items, a sentence over 15 words, a fact of the section missing.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from easyread.language.facts import missing_facts, without_heading_number
from easyread.language.sentences import word_count
from easyread.language.style import is_long, is_passive
from easyread.model import EasySection, HardWord, Item, Section

MAX_SENTENCE_WORDS = 15


class AnswerHardWord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    word: str = Field(description="A hard word kept in the sentence.")
    explanation: str = Field(description="What it means, in one short sentence of everyday words.")


class AnswerItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sentence: str = Field(description="One short sentence with one idea, 15 words at most.")
    picture: str = Field(description="What the picture beside the sentence shows, in a few words.")
    hard_words: list[AnswerHardWord] = Field(description="Hard words kept in the sentence, explained.")
    words_avoided: list[str] = Field(description="Hard words of the source replaced by everyday ones.")


class EasyReadAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    heading: str = Field(description="The section heading in plain words, without a section number.")
    items: list[AnswerItem] = Field(description="The Easy Read items, in the order of the section.")


@cache
def answer_schema() -> dict[str, Any]:
    """The JSON schema of an answer. It is already in the strict form structured outputs accept
    (every property required, no other properties, no length limits), for Anthropic and OpenAI alike."""
    return EasyReadAnswer.model_json_schema()


def _schema_errors(error: ValidationError) -> str:
    parts = []
    for detail in error.errors()[:5]:
        where = ".".join(str(part) for part in detail["loc"]) or "the answer"
        parts.append(f"{where}: {detail['msg']}")
    return "; ".join(parts)


def parse_answer(text: str | None) -> tuple[EasyReadAnswer | None, str | None]:
    """The answer in `text`, or None and what is wrong with it (not JSON, or not the schema)."""
    if not text or not text.strip():
        return None, "The answer was empty. Answer with the JSON described."
    cleaned = text.strip()
    if cleaned.startswith("```"):  # a fenced block, though we asked for bare JSON
        cleaned = cleaned.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(cleaned)
    except json.JSONDecodeError as error:
        return None, f"The answer is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})."
    try:
        return EasyReadAnswer.model_validate(data), None
    except ValidationError as error:
        return None, f"The answer does not follow the schema: {_schema_errors(error)}."


def source_text(section: Section) -> str:
    return "\n".join([without_heading_number(section.heading), *(block.text for block in section.blocks)])


def answer_text(answer: EasyReadAnswer) -> str:
    return "\n".join([answer.heading, *(item.sentence for item in answer.items)])


def problems_with(answer: EasyReadAnswer, section: Section) -> list[str]:
    """Every way `answer` breaks the rules for `section`; empty when it is good."""
    problems: list[str] = []
    if not answer.items:
        problems.append("There are no items. Rewrite the whole section into items.")
    for number, item in enumerate(answer.items, start=1):
        words = word_count(item.sentence)
        if not item.sentence.strip():
            problems.append(f"Item {number} has no sentence.")
        elif words > MAX_SENTENCE_WORDS:
            problems.append(f"Item {number} has {words} words; split it into sentences of "
                            f"{MAX_SENTENCE_WORDS} words or fewer: \"{item.sentence}\"")
        if not item.picture.strip():
            problems.append(f"Item {number} has no picture description.")
    missing = missing_facts(source_text(section), answer_text(answer))
    if missing:
        facts = ", ".join(f"\"{fact.text}\"" for fact in missing)
        problems.append(f"These facts of the section are missing; put each one in a sentence, "
                        f"exactly as in the section: {facts}.")
    return problems


def merge_answers(first: EasyReadAnswer, second: EasyReadAnswer) -> EasyReadAnswer:
    """Two halves of one section, answered apart, as one answer under the first half's heading."""
    return EasyReadAnswer(heading=first.heading or second.heading, items=[*first.items, *second.items])


def to_easy_section(answer: EasyReadAnswer) -> EasySection:
    """The pipeline's `EasySection` for an answer; sentences a person should review are flagged."""
    items = []
    for entry in answer.items:
        flags = [flag for flag, applies in (("long-sentence", is_long(entry.sentence)),
                                            ("passive", is_passive(entry.sentence))) if applies]
        hard_words = [HardWord(hard.word.strip(), hard.explanation.strip() or None) for hard in entry.hard_words
                      if hard.word.strip() and hard.word.strip().lower() in entry.sentence.lower()]  # bold, so in it
        items.append(Item(sentence=entry.sentence.strip(), picture=entry.picture.strip(), hard_words=hard_words,
                          flags=flags))
    return EasySection(heading=answer.heading.strip(), items=items)
