"""Facts kept where they belong: every fact of each source block is in the items made from it.

Checking the whole document as one bag of facts misses a fact that moved: an agenda item's number
attached to the item before it is still "in the document", but a reader acting on it goes to the
wrong item. So each block's facts are looked for in the items whose `source` names that block
(items made from several blocks serve them all); a heading's facts in the Easy Read headings and the
items made from it; the title's in the Easy Read title. Parts set aside (letter furniture, repeats,
page numbers) are not looked for: the ledger says why each is out. What a fact is, and which forms
count as the same fact, is `language.facts` (one definition for convert, `check --source` and the
LLM answer checks).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from easyread.language.facts import extract_facts, missing_facts
from easyread.language.headings import without_heading_number
from easyread.model import EasyReadDocument, SourceDocument


@dataclass(frozen=True)
class MissingFact:
    """A fact of the source (`kind`, `text` as written) not found where it belongs, and where it was."""

    kind: str
    text: str
    location: str


def missing_by_block(source: SourceDocument, document: EasyReadDocument) -> list[MissingFact]:
    """The facts of `source` missing from the items made from their block, in source order, each
    (fact, location) once. Empty when every fact is where it belongs, in any equivalent form."""
    said: dict[str, list[str]] = defaultdict(list)
    for section in document.sections:
        for item in section.items:
            for location in item.source:
                said[location].append(item.sentence)
    missing: list[MissingFact] = []
    headings = [section.heading for section in document.sections]
    if source.title:
        missing += _missing(without_heading_number(source.title), [document.title, *headings],
                            source.title_location or "title")
    for section in source.sections:
        if section.heading:
            heading = without_heading_number(section.heading)
            missing += _missing(heading, [*headings, *said[section.heading_location]], section.heading_location)
        for block in section.blocks:
            missing += _missing(block.text, said[block.location], block.location)
    seen: set[tuple[str, str]] = set()
    unique = []
    for fact in missing:
        if (fact.text, fact.location) not in seen:
            seen.add((fact.text, fact.location))
            unique.append(fact)
    return unique


def _missing(text: str, easy_texts: list[str], location: str) -> list[MissingFact]:
    """The facts of `text` that no one of `easy_texts` carries whole (a date cut between two items is lost)."""
    if not easy_texts:
        return [MissingFact(fact.kind, fact.text, location) for fact in extract_facts(text)]
    return [MissingFact(fact.kind, fact.text, location) for fact in missing_facts(text, easy_texts)]


def source_fact_text(source: SourceDocument) -> str:
    """A source document's text for whole-document fact checks (`check --source`): the title,
    headings without their section numbers ("4.1"), and every block; set-aside parts left out."""
    parts = [without_heading_number(source.title)]
    for section in source.sections:
        parts.append(without_heading_number(section.heading))
        parts.extend(block.text for block in section.blocks)
    return "\n".join(part for part in parts if part)
