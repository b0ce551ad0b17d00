"""What became of each section an LLM backend was asked for, as the conversion report says it.

A section's answer is used as it came, or after one repair round; when it still breaks soft
rules it is kept with its items flagged for review (`Kept`); when no answer is usable the rules
backend converts the section instead (`Fallback`). Each reason is one line, for the report.
`checked` and `usable_answer` are the decisions behind them (the checks are in answer.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from easyread.backends.answer import EasyReadAnswer, Problem, answer_problems, is_usable, parse_answer
from easyread.model import Section
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


def checked(text: str | None, section: Section, known: Sequence[str] = ()) -> tuple[EasyReadAnswer | None, list[Problem]]:
    """The answer in a model's reply `text` to `section`, and its problems (answer.answer_problems);
    for a reply that is not an answer (not JSON, not the schema): None and a hard problem saying why."""
    answer, problem = parse_answer(text)
    if answer is None:
        return None, [Problem(problem or "The answer is not JSON.", hard=True, brief=problem or "")]
    return answer, answer_problems(answer, section, known)


def usable_answer(*candidates: tuple[EasyReadAnswer | None, list[Problem]]) -> EasyReadAnswer | None:
    """The first answer of `candidates` (answer, its problems) that can be kept, or None."""
    return next((answer for answer, problems in candidates if answer is not None and is_usable(problems)), None)


def failure_reason(problems: Sequence[Problem]) -> str:
    """The one-line reason a section fell back: the hard problems its repaired answer still had."""
    hard = "; ".join(problem.summary for problem in problems if problem.hard)
    return one_line(f"the answer broke the rules after a repair: {hard}")


def kept_reason(problems: Sequence[Problem]) -> str:
    """The one-line reason a kept section's items are flagged: each soft problem and its flag, or ""."""
    return one_line("; ".join(problem.summary + (f" ({problem.flag})" if problem.flag else "")
                              for problem in problems if not problem.hard))
