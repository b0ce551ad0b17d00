"""The answer to a request for one or more sections: `{"sections": [answer, ...]}`, one per section.

Prompts v3 send neighbouring sections together (see `grouping`), and the model answers each as
its own `EasyReadAnswer` (backends/answer.py), in order, so each is checked on its own exactly as a
lone section's answer is. A bare `{"heading", "items"}` answer is accepted for a request of one
section (the v2 shape). A section with no blocks (a heading over the sections after it) is answered
with a heading and no items; its only check is that the heading's facts are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from easyread.backends.answer import (
    EasyReadAnswer,
    Problem,
    answer_problems,
    answer_text,
    fact_name,
    parse_answer,
    parse_model,
)
from easyread.backends.prompts import numbered_blocks
from easyread.language.facts import extract_facts, missing_facts
from easyread.language.headings import without_heading_number
from easyread.model import Section


class GroupAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sections: list[EasyReadAnswer] = Field(description="One answer for each section of the request, in order.")


@cache
def group_schema() -> dict[str, Any]:
    """The JSON schema of a group answer, in the strict form structured outputs accept."""
    return GroupAnswer.model_json_schema()


def is_bare(section: Section) -> bool:
    """True for a section with a heading and no text: a heading over the sections after it."""
    return not numbered_blocks(section)


def parse_group(text: str | None, count: int) -> tuple[list[EasyReadAnswer] | None, str | None]:
    """The `count` section answers in `text`, in order, or None and what is wrong with the answer."""
    answer, _ = parse_answer(text)  # one section, the v2 shape
    if answer is not None and count == 1:
        return [answer], None
    group, problem = parse_model(text, GroupAnswer)
    if group is None:
        return None, problem
    if len(group.sections) != count:
        return None, (f"The answer has {len(group.sections)} sections; the request has {count}. Answer each "
                      "section of the request, in order, as its own entry of \"sections\".")
    return list(group.sections), None


def section_findings(answer: EasyReadAnswer, section: Section, known: Sequence[str] = ()) -> list[Problem]:
    """What is wrong with the answer for one section, hard and soft (`answer.answer_problems`, with
    `known`: the texts of the document context, whose facts an answer may repeat); for a bare
    heading only that its facts (an address, a date) are kept in the answer, a hard problem."""
    if not is_bare(section):
        return answer_problems(answer, section, known)
    heading = without_heading_number(section.heading)
    if not extract_facts(heading):
        return []
    missing = missing_facts(heading, answer_text(answer))
    if not missing:
        return []
    facts = ", ".join(f"\"{fact_name(fact)}\"" for fact in missing)
    return [Problem(f"Facts of the heading are missing: {facts}. Keep each one in the heading in plain words.",
                    hard=True, brief=f"the heading lost {facts}")]


def section_problems(answer: EasyReadAnswer, section: Section, known: Sequence[str] = ()) -> list[str]:
    """`section_findings` as the repair message says them; empty when the answer is good."""
    return [problem.text for problem in section_findings(answer, section, known)]


def labelled(problems: list[list[str]]) -> list[str]:
    """Each section's problems as lines for the repair message, named by section when there are several."""
    if len(problems) == 1:
        return list(problems[0])
    return [f"Section {number}: {problem}" for number, found in enumerate(problems, start=1) for problem in found]
