"""The answer an LLM backend asks for, its JSON schema, and the checks every answer must pass.

A model answers each section with an `EasyReadAnswer`: a heading in plain words and items, each
a sentence, a picture description, its hard words (with a one-sentence explanation) and the words
it avoided. `parse_answer` says when it is not JSON or not the schema; `answer_problems` says, in
words the model can act on, what else is wrong, each problem hard or soft:
- hard (the answer cannot be used): no items, a block of the section in no item, a fact of a block
  missing from the items made from it, a fact the section does not give. Facts are the one
  definition in `language.facts`, in any of their equivalent forms ("25 out of 100" keeps "25%");
- soft (the answer is kept, its items flagged for review, when a repair did not fix them): a
  sentence over 15 words, no picture description, no block number of the section, no sentence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from easyread.backends.prompts import numbered_blocks
from easyread.language.fact_types import Fact
from easyread.language.facts import extract_facts, missing_facts
from easyread.language.figurative import Figure, find_figures
from easyread.language.headings import without_heading_number
from easyread.language.invented import invented_facts
from easyread.language.sentences import word_count
from easyread.language.style import is_long, is_passive
from easyread.model import EasySection, HardWord, Item, Section

MAX_SENTENCE_WORDS = 15
ModelT = TypeVar("ModelT", bound=BaseModel)


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


def parse_model(text: str | None, model: type[ModelT]) -> tuple[ModelT | None, str | None]:
    """The JSON object in a model's reply `text` as `model` (an answer, a group of answers, a plan),
    or None and what is wrong with it, in words the model can act on (empty, not JSON, not the
    schema). A fenced block is read though bare JSON was asked for."""
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
        return model.model_validate(data), None
    except ValidationError as error:
        return None, f"The answer does not follow the schema: {_schema_errors(error)}."


def parse_answer(text: str | None) -> tuple[EasyReadAnswer | None, str | None]:
    """The answer in `text`, or None and what is wrong with it (not JSON, or not the schema)."""
    return parse_model(text, EasyReadAnswer)


def answer_text(answer: EasyReadAnswer) -> str:
    return "\n".join([answer.heading, *(item.sentence for item in answer.items)])


@dataclass(frozen=True)
class Problem:
    """One way an answer breaks the rules. `text` says what to fix, in words the model can act on.

    A hard problem makes the answer unusable (nothing to keep, or a fact lost or invented); a soft
    one does not: when it is still there after the repair round, the answer is kept and the item
    it is about (`item`, from 1) gets `flag` for a person to review ("" for none: an item with no
    sentence is left out, one that names a block of the section besides wrong ones is placed)."""

    text: str
    hard: bool
    flag: str = ""
    item: int = 0
    brief: str = ""  # a few words for the conversion report, e.g. 'item 3 has 17 words'

    @property
    def summary(self) -> str:
        return self.brief or self.text


LONG_SENTENCE_FLAG = "long-sentence"
NO_PICTURE_FLAG = "no-picture"
NO_SOURCE_FLAG = "no-source-block"


def problems_with(answer: EasyReadAnswer, section: Section, known: Sequence[str] = ()) -> list[str]:
    """Every way `answer` breaks the rules for `section`, as the repair message says them; empty
    when it is good. See `answer_problems`."""
    return [problem.text for problem in answer_problems(answer, section, known)]


def is_usable(problems: Sequence[Problem]) -> bool:
    """Whether an answer with these problems can be kept (with its soft problems flagged)."""
    return not any(problem.hard for problem in problems)


def answer_problems(answer: EasyReadAnswer, section: Section, known: Sequence[str] = ()) -> list[Problem]:
    """Every way `answer` breaks the rules for `section`, hard ones and soft ones; empty when good.

    Hard: no items; a block of the section in no item (an item with no sentence says nothing);
    a fact of block N not in an item that names block N in its source_blocks (a fact moved to
    another item is a fact lost), in any of its forms; a fact of the heading in neither the answer's
    heading nor an item; a fact in the answer that the section does not give (see
    `easyread.language.invented`; `known` are other texts the model was shown, such as the
    document's title and opening, whose facts it may repeat).
    Soft: a sentence over 15 words, an item with no sentence, no picture description, or no block
    number of the section in its source_blocks.
    """
    problems: list[Problem] = []
    blocks = numbered_blocks(section)
    if not answer.items:
        problems.append(Problem("There are no items. Rewrite the whole section into items.", hard=True, brief="no items"))
    said: dict[int, list[str]] = {number: [] for number in range(1, len(blocks) + 1)}
    for number, item in enumerate(answer.items, start=1):
        words = word_count(item.sentence)
        if not item.sentence.strip():
            problems.append(Problem(f"Item {number} has no sentence.", hard=False, item=number,
                                    brief=f"item {number} has no sentence (left out)"))
            continue
        if words > MAX_SENTENCE_WORDS:
            problems.append(Problem(f"Item {number} has {words} words; split it into sentences of "
                                    f"{MAX_SENTENCE_WORDS} words or fewer: \"{item.sentence}\"", hard=False,
                                    flag=LONG_SENTENCE_FLAG, item=number, brief=f"item {number} has {words} words"))
        if not item.picture.strip():
            problems.append(Problem(f"Item {number} has no picture description.", hard=False,
                                    flag=NO_PICTURE_FLAG, item=number,
                                    brief=f"item {number} has no picture description"))
        wrong = [block for block in item.source_blocks if block not in said]
        if wrong or not item.source_blocks:
            placed = len(wrong) < len(item.source_blocks)
            problems.append(Problem(f"Item {number} must name, in source_blocks, the numbers of the blocks it says "
                                    f"(1 to {len(blocks)}).", hard=False, flag="" if placed else NO_SOURCE_FLAG,
                                    item=number, brief=f"item {number} names " + ("a block the section does not have"
                                                                                  if placed else "no block of it")))
        for block in item.source_blocks:
            if block in said:
                said[block].append(item.sentence)
    for number, block in enumerate(blocks, start=1):
        if not said[number]:
            problems.append(Problem(f"Block [{number}] is in no item: \"{_start(block.text)}\". Rewrite it into "
                                    "items and name it in their source_blocks.", hard=True,
                                    brief=f"block [{number}] is in no item"))
            continue
        missing = missing_facts(block.text, said[number])
        if missing:
            problems.append(Problem(f"Facts of block [{number}] are missing from the items made from it: "
                                    f"{_named(missing)}. Put each one in a sentence of those items. {FORMS}",
                                    hard=True, brief=f"block [{number}] lost {_named(missing)}"))
    heading = without_heading_number(section.heading)
    if extract_facts(heading):
        missing = missing_facts(heading, answer_text(answer))
        if missing:
            problems.append(Problem(f"Facts of the section heading are missing: {_named(missing)}. Put each one "
                                    f"in the heading or a sentence. {FORMS}", hard=True,
                                    brief=f"the heading's {_named(missing)} lost"))
    problems += _invented(answer, [heading, *(block.text for block in blocks), *known])
    return problems


FORMS = ("A number, date, time or amount may be written in its Easy Read form (a date in full, \"25 out of "
         "100\" for 25%, \"2026 to 2027\" for 2026/27), but never dropped, rounded or changed; copy phone "
         "numbers, emails, web addresses, postcodes and codes exactly as written.")


def _invented(answer: EasyReadAnswer, source: list[str]) -> list[Problem]:
    """A hard problem for each item (and the heading) with a fact the section does not give."""
    texts = [("The heading", answer.heading)] + [(f"Item {n}", item.sentence)
                                                 for n, item in enumerate(answer.items, start=1)]
    invented = invented_facts(source, [text for _, text in texts])
    problems = []
    for where, text in texts:
        facts = [fact for fact in invented if fact.text in text]
        invented = [fact for fact in invented if fact not in facts]
        if facts:
            problems.append(Problem(f"{where} has facts the section does not give: {_named(facts)}. Take each one "
                                    "out, or write it as the section gives it; never add a date, amount, time, "
                                    "phone number, email or web address of your own.", hard=True,
                                    brief=f"{where.lower()} adds {_named(facts)}"))
    return problems


def _named(facts: Sequence[Fact]) -> str:
    """Facts as a repair message names them: each in quotes, exactly as the fact, without a bracket
    or punctuation that is not part of it ("(01632 960457" names "01632 960457")."""
    return ", ".join(f"\"{fact_name(fact)}\"" for fact in facts)


def fact_name(fact: Fact) -> str:
    """The fact's text without stray punctuation around it: an unpaired bracket at either end, and
    a comma, colon or semicolon at its end ("(0)1632 960457" keeps its pair of brackets)."""
    text = fact.text.strip().rstrip(",;:")
    while text.startswith(("(", "[")) and text.count(text[0]) > text.count(")" if text[0] == "(" else "]"):
        text = text[1:].lstrip()
    while text.endswith((")", "]")) and text.count(text[-1]) > text.count("(" if text[-1] == ")" else "["):
        text = text[:-1].rstrip()
    return text or fact.text


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


def _figures(sentence: str, hard_words: list[HardWord]) -> list[Figure]:
    """The idioms and confusing double-meaning words of a model's sentence (language.figurative),
    except those it explains as hard words: the model's words are flagged, never changed."""
    explained = {hard.word.lower() for hard in hard_words}
    return [figure for figure in find_figures(sentence.strip()) if figure.text.lower() not in explained]


def to_easy_section(answer: EasyReadAnswer, section: Section | None = None) -> EasySection:
    """The pipeline's `EasySection` for an answer to `section`. Items a person should review are
    flagged (long-sentence, passive, no-picture; no-source-block when none of the block numbers it
    names is the section's; idiom and ambiguous-word, with suggestions, as the rules backend flags
    them), items with no sentence are left out, and each item records the locations of the source
    blocks it names."""
    blocks = numbered_blocks(section) if section is not None else []
    items = []
    for entry in answer.items:
        if not entry.sentence.strip():
            continue  # says nothing; answer_problems has made sure its blocks are said by other items
        numbers = [n for n in dict.fromkeys(entry.source_blocks) if 0 < n <= len(blocks)]
        flags = [flag for flag, applies in ((LONG_SENTENCE_FLAG, is_long(entry.sentence)),
                                            ("passive", is_passive(entry.sentence)),
                                            (NO_PICTURE_FLAG, not entry.picture.strip()),
                                            (NO_SOURCE_FLAG, section is not None and not numbers)) if applies]
        hard_words = [HardWord(hard.word.strip(), hard.explanation.strip() or None) for hard in entry.hard_words
                      if hard.word.strip() and hard.word.strip().lower() in entry.sentence.lower()]  # bold, so in it
        source = [blocks[n - 1].location for n in numbers if blocks[n - 1].location]
        figures = _figures(entry.sentence, hard_words)
        flags += sorted({figure.kind for figure in figures})
        items.append(Item(sentence=entry.sentence.strip(), picture=entry.picture.strip(), hard_words=hard_words,
                          flags=flags, source=source, suggestions=[figure.note() for figure in figures]))
    return EasySection(heading=answer.heading.strip(), items=items)
