"""The planning step of an LLM backend: one small request per document, before its sections.

The model reads the whole document (its title, headings and blocks, the blocks numbered [1], [2],
... through the document) and answers with a `PlanAnswer`: an Easy Read title, the "About this
document" opening (2-4 items: what the document is, who it is for, what the reader must do and by
when), and the glossary of hard words that will stay, each explained once. Opening items are
checked like a section's items: sentences of 15 words at most, a picture, the blocks they say, and
every fact they hold found in those blocks (nothing invented); the title keeps the source title's
facts. The result, a `DocumentPlan`, is the document context every section request then carries,
and gives `EasyReadDocument.title` and `.opening`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from easyread.backends.answer import (
    MAX_SENTENCE_WORDS,
    AnswerHardWord,
    AnswerItem,
    EasyReadAnswer,
    fact_name,
    parse_model,
    to_easy_section,
)
from easyread.backends.prompts import block_line, neutralise, numbered_blocks
from easyread.language.facts import missing_facts
from easyread.language.headings import without_heading_number
from easyread.language.invented import invented_facts
from easyread.language.sentences import word_count
from easyread.model import Block, HardWord, Item, Section, SourceDocument

PLAN_MAX_CHARS = 48_000  # about 12,000 tokens of document shown to the planner; the rest is named, not shown
MAX_OPENING_ITEMS = 4


class PlanAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(description="The document's title in plain words, keeping the facts of the source title.")
    opening: list[AnswerItem] = Field(description="2 to 4 'About this document' items: what it is, who it is "
                                                  "for, what the reader must do and by when.")
    glossary: list[AnswerHardWord] = Field(description="The hard words that will stay, each once, explained.")


@cache
def plan_schema() -> dict[str, Any]:
    """The JSON schema of a plan answer, in the strict form structured outputs accept."""
    return PlanAnswer.model_json_schema()


@dataclass(frozen=True)
class DocumentPlan:
    """The document context: the Easy Read title, the opening's items (with the locations of the
    blocks they say) and the glossary. Empty fields when the backend made no plan."""

    title: str = ""
    opening: list[Item] = field(default_factory=list)
    glossary: list[HardWord] = field(default_factory=list)

    def glossary_pairs(self) -> list[tuple[str, str]]:
        return [(hard.word, hard.explanation or "") for hard in self.glossary]

    @property
    def fingerprint(self) -> str:
        """Changes whenever the context a section request carries does (part of the answer cache key)."""
        from easyread.backends.response_cache import digest

        return digest([self.title, [item.sentence for item in self.opening], self.glossary_pairs()])


def plan_blocks(source: SourceDocument) -> list[Block]:
    """The blocks the planner sees, numbered through the document: block N is item N-1."""
    return [block for section in source.sections for block in numbered_blocks(section)]


def document_text(source: SourceDocument, limit: int = PLAN_MAX_CHARS) -> str:
    """The document as the planner sees it: "Title: ...", then each heading ("## ...") and its
    blocks numbered through the document. Past `limit` characters, blocks are left out and counted."""
    lines = [f"Title: {neutralise(source.title) or '(none)'}"]
    size = len(lines[0])
    number = 0
    left_out = 0
    for section in source.sections:
        if section.heading:
            lines.append(f"## {neutralise(section.heading)}")
        for block in numbered_blocks(section):
            number += 1
            line = block_line(number, block)
            if size + len(line) > limit:
                left_out += 1
                continue
            lines.append(line)
            size += len(line)
    if left_out:
        lines.append(f"({left_out} more blocks are left out here for length.)")
    return "\n\n".join(lines)


def plan_section(source: SourceDocument) -> Section:
    """The whole document as one `Section` (title as heading, every block), for the answer cache key."""
    headings = [Block("paragraph", section.heading) for section in source.sections if section.heading]
    return Section(f"plan: {source.title}", [*headings, *plan_blocks(source)])


def parse_plan(text: str | None) -> tuple[PlanAnswer | None, str | None]:
    """The plan in `text`, or None and what is wrong with it (not JSON, or not the schema)."""
    return parse_model(text, PlanAnswer)


def plan_problems(plan: PlanAnswer, source: SourceDocument) -> list[str]:
    """Every way `plan` breaks the rules for `source`, in words the model can act on; empty when good."""
    problems: list[str] = []
    blocks = plan_blocks(source)
    if not plan.title.strip():
        problems.append("The title is empty. Give the document a title in plain words.")
    title = without_heading_number(source.title)
    missing = missing_facts(title, plan.title) if title else []
    if missing:
        facts = ", ".join(f"\"{fact.text}\"" for fact in missing)
        problems.append(f"Facts of the source title are missing from the title: {facts}. Keep each one, in its "
                        "Easy Read form if it has one.")
    if not plan.opening or len(plan.opening) > MAX_OPENING_ITEMS:
        problems.append(f"The opening has {len(plan.opening)} items; write 2 to {MAX_OPENING_ITEMS}.")
    for number, item in enumerate(plan.opening, start=1):
        words = word_count(item.sentence)
        if not item.sentence.strip():
            problems.append(f"Opening item {number} has no sentence.")
        elif words > MAX_SENTENCE_WORDS:
            problems.append(f"Opening item {number} has {words} words; use {MAX_SENTENCE_WORDS} or fewer: "
                            f"\"{item.sentence}\"")
        if not item.picture.strip():
            problems.append(f"Opening item {number} has no picture description.")
        named = [n for n in item.source_blocks if 0 < n <= len(blocks)]
        if not item.source_blocks or len(named) < len(item.source_blocks):
            problems.append(f"Opening item {number} must name, in source_blocks, the blocks it is taken from "
                            f"(1 to {len(blocks)}).")
        added = invented_facts([blocks[n - 1].text for n in named] + [source.title], item.sentence)
        if added:
            facts = ", ".join(f"\"{fact_name(fact)}\"" for fact in added)
            problems.append(f"Opening item {number} has facts that are not in the blocks it names: {facts}. Take "
                            "every fact from those blocks, or name the block it is in.")
    return problems


def to_plan(plan: PlanAnswer, source: SourceDocument) -> DocumentPlan:
    """The `DocumentPlan` of a checked answer: opening items made and flagged as a section's items
    are (`answer.to_easy_section`, the document's blocks numbered through), each recording the
    locations of the blocks it names; glossary words with an explanation, each once."""
    opening = to_easy_section(EasyReadAnswer(heading="", items=plan.opening),
                              Section("", plan_blocks(source))).items
    glossary: dict[str, HardWord] = {}
    for hard in plan.glossary:
        if hard.word.strip() and hard.explanation.strip():
            glossary.setdefault(hard.word.strip().lower(), HardWord(hard.word.strip(), hard.explanation.strip()))
    return DocumentPlan(title=plan.title.strip(), opening=opening, glossary=list(glossary.values()))
