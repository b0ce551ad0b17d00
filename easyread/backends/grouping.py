"""Which sections of a document go to the model together, in one request.

A request costs its fixed part (system prompt, document context, answer schema) whatever its
size, so sections are packed, in document order, into groups of at most `budget` characters of
section text: a short document goes whole, small neighbouring sections go together, and a section
over the budget goes alone (its answer may still be split in halves when it runs too long; see
llm.py). A heading with nothing under it is never sent alone: it travels with the section after it
(or, at the end of the document, the one before), so the model sees what it stands over and an
address in it is never lost. Order is always kept: concatenating the groups gives the sections back.
"""

from __future__ import annotations

import os

from easyread.backends.prompts import section_text
from easyread.model import Section

# About 3,000 tokens of section text a request (characters / 4). An answer is about twice its
# section's length (usage.OUTPUT_PER_INPUT), so it stays well inside the 8,192 output tokens each
# request allows (anthropic.MAX_TOKENS); a longer section goes alone and may be split.
DEFAULT_BUDGET_CHARS = 12_000
BUDGET_VARIABLE = "EASYREAD_GROUP_CHARS"  # another budget, e.g. for a local model with a small context


def budget_from_environment() -> int:
    """The characters of section text one request may carry: EASYREAD_GROUP_CHARS when it is a
    whole number of 0 or more (0 sends each section alone), else DEFAULT_BUDGET_CHARS."""
    value = os.environ.get(BUDGET_VARIABLE, "").strip().replace("_", "")
    return int(value) if value.isdigit() else DEFAULT_BUDGET_CHARS


def section_size(section: Section) -> int:
    """Characters the section adds to a request: its heading and numbered blocks."""
    return len(section.heading) + len(section_text(section))


def group_sections(sections: list[Section], budget: int = DEFAULT_BUDGET_CHARS) -> list[list[int]]:
    """Indexes of `sections` in groups, in order (every index once). A group holds neighbours whose
    sizes add up to `budget` at most, except that a section over the budget is a group of its own;
    bare headings (no text) join the group of the next section with text, or else the last group."""
    groups: list[list[int]] = []
    current: list[int] = []
    size = 0
    waiting: list[int] = []  # bare headings before the next section with text
    for index, section in enumerate(sections):
        if not section_text(section):
            waiting.append(index)
            continue
        cost = section_size(section) + sum(len(sections[i].heading) for i in waiting)
        if current and size + cost > budget:
            groups.append(current)
            current, size = [], 0
        current += [*waiting, index]
        size += cost
        waiting = []
    if current:
        groups.append(current)
    if waiting:
        if groups:
            groups[-1] += waiting
        else:
            groups.append(waiting)  # a document of headings only: one group the model still sees
    return groups
