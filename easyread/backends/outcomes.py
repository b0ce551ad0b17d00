"""What became of each section an LLM backend was asked for, as the conversion report says it.

A section's answer is used as it came, or after one repair round; when it still breaks soft
rules it is kept with its items flagged for review (`Kept`); when no answer is usable the rules
backend converts the section instead (`Fallback`). Each reason is one line, for the report (the
checks are in answer.py; llm.py decides which answer is kept).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from easyread.backends.answer import Problem
from easyread.secrets import scrub

REASON_CHARS = 300  # a reason in the conversion report is one line of at most this many characters


@dataclass
class Fallback:
    """A section the rules backend converted instead, and why (one line)."""

    heading: str
    reason: str


@dataclass
class Kept:
    """A section whose answer was kept though it breaks soft rules: its items are flagged for review,
    and `reason` says which, in one line ("item 3 has 17 words (long-sentence)")."""

    heading: str
    reason: str


def one_line(text: str, limit: int = REASON_CHARS) -> str:
    """`text` without secrets (easyread.secrets), on one line (runs of white space, line breaks
    included, as one space), cut to `limit` characters. Scrubbed before it is cut, so no part of a
    secret survives the cut."""
    text = " ".join(scrub(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def failure_reason(problems: Sequence[Problem]) -> str:
    """The one-line reason a section fell back: the hard problems its repaired answer still had."""
    hard = "; ".join(problem.summary for problem in problems if problem.hard)
    return one_line(f"the answer broke the rules after a repair: {hard}")


def kept_reason(problems: Sequence[Problem]) -> str:
    """The one-line reason a kept section's items are flagged: each soft problem and its flag, or ""."""
    return one_line("; ".join(problem.summary + (f" ({problem.flag})" if problem.flag else "")
                              for problem in problems if not problem.hard))
