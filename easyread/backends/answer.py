"""The answer an LLM backend asks for, its JSON schema, and the checks every answer must pass.

A model answers each section with an `EasyReadAnswer`: a heading in plain words and items, each
a sentence, a picture description, its hard words (with a one-sentence explanation) and the words
it avoided. `problems_with` says, in words the model can act on, what is wrong with an answer:
not JSON, not the schema, no items, a sentence over 15 words, a block of the section in no item,
a fact of a block missing from the items made from it (in any of its equivalent forms: the one
definition of a fact in `language.facts`, so "25 out of 100" keeps "25%").
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from easyread.backends.prompts import numbered_blocks
from easyread.language.facts import extract_facts, missing_facts
from easyread.language.headings import without_heading_number
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
    source_blocks: list[int] = Field(description="The numbers of the source blocks this sentence says, e.g. [2].")


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


def answer_text(answer: EasyReadAnswer) -> str:
    return "\n".join([answer.heading, *(item.sentence for item in answer.items)])


def problems_with(answer: EasyReadAnswer, section: Section) -> list[str]:
    """Every way `answer` breaks the rules for `section`; empty when it is good.

    Facts are checked block by block: each fact of block N must be in an item that names block N
    in its source_blocks (a fact moved to another item is a fact lost), in any of its forms. The
    heading's facts may be in the answer's heading or any item.
    """
    problems: list[str] = []
    blocks = numbered_blocks(section)
    if not answer.items:
        problems.append("There are no items. Rewrite the whole section into items.")
    said: dict[int, list[str]] = {number: [] for number in range(1, len(blocks) + 1)}
    for number, item in enumerate(answer.items, start=1):
        words = word_count(item.sentence)
        if not item.sentence.strip():
            problems.append(f"Item {number} has no sentence.")
        elif words > MAX_SENTENCE_WORDS:
            problems.append(f"Item {number} has {words} words; split it into sentences of "
                            f"{MAX_SENTENCE_WORDS} words or fewer: \"{item.sentence}\"")
        if not item.picture.strip():
            problems.append(f"Item {number} has no picture description.")
        wrong = [block for block in item.source_blocks if block not in said]
        if wrong or not item.source_blocks:
            problems.append(f"Item {number} must name, in source_blocks, the numbers of the blocks it says "
                            f"(1 to {len(blocks)}).")
        for block in item.source_blocks:
            said.setdefault(block, []).append(item.sentence)
    for number, block in enumerate(blocks, start=1):
        if not said[number]:
            problems.append(f"Block [{number}] is in no item: \"{_start(block.text)}\". Rewrite it into items "
                            "and name it in their source_blocks.")
            continue
        missing = missing_facts(block.text, said[number])
        if missing:
            facts = ", ".join(f"\"{fact.text}\"" for fact in missing)
            problems.append(f"Facts of block [{number}] are missing from the items made from it: {facts}. Put each "
                            "one in a sentence of those items; a fact may be written in its Easy Read form "
                            "(a date in full, \"25 out of 100\" for 25%), but never dropped, rounded or changed.")
    heading = without_heading_number(section.heading)
    if extract_facts(heading):
        missing = missing_facts(heading, answer_text(answer))
        if missing:
            facts = ", ".join(f"\"{fact.text}\"" for fact in missing)
            problems.append(f"Facts of the section heading are missing: {facts}. Put each one in the heading or a "
                            "sentence.")
    return problems


def _start(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def merge_answers(first: EasyReadAnswer, second: EasyReadAnswer) -> EasyReadAnswer:
    """Two halves of one section, answered apart, as one answer under the first half's heading.
    Their block numbers must already be the whole section's (see `renumbered`)."""
    return EasyReadAnswer(heading=first.heading or second.heading, items=[*first.items, *second.items])


def renumbered(answer: EasyReadAnswer, numbers: list[int]) -> EasyReadAnswer:
    """`answer` to a part of a section with its block numbers made the whole section's: block N of
    the part is block numbers[N - 1] of the section. Numbers out of range are left for the checks."""
    items = [item.model_copy(update={"source_blocks": [numbers[n - 1] if 0 < n <= len(numbers) else n
                                                       for n in item.source_blocks]})
             for item in answer.items]
    return answer.model_copy(update={"items": items})


def to_easy_section(answer: EasyReadAnswer, section: Section | None = None) -> EasySection:
    """The pipeline's `EasySection` for an answer to `section`; sentences a person should review are
    flagged, and each item records the locations of the source blocks it names."""
    blocks = numbered_blocks(section) if section is not None else []
    items = []
    for entry in answer.items:
        flags = [flag for flag, applies in (("long-sentence", is_long(entry.sentence)),
                                            ("passive", is_passive(entry.sentence))) if applies]
        hard_words = [HardWord(hard.word.strip(), hard.explanation.strip() or None) for hard in entry.hard_words
                      if hard.word.strip() and hard.word.strip().lower() in entry.sentence.lower()]  # bold, so in it
        source = [blocks[n - 1].location for n in dict.fromkeys(entry.source_blocks)
                  if 0 < n <= len(blocks) and blocks[n - 1].location]
        items.append(Item(sentence=entry.sentence.strip(), picture=entry.picture.strip(), hard_words=hard_words,
                          flags=flags, source=source))
    return EasySection(heading=answer.heading.strip(), items=items)
