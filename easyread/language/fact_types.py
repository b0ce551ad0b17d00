"""What a fact is (`Fact`) and the shape every fact finder returns (`Span`).

A finder is a function from text to `Span`s. The fact modules (web, codes, amounts, dates, clock,
phones) each offer finders; `easyread.language.facts` runs them in order over one text, blanking
out what each found so that one piece of text is never two facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Fact:
    """A fact as written (`text`) and its canonical `key`, e.g. ("phone", "01632 960 123", "phone:+441632960123").

    kind is one of: phone, email, url, postcode, code, money, date, time, percentage, number."""

    kind: str
    text: str
    key: str


class Span(NamedTuple):
    """A fact found at text[start:end] (end exclusive), e.g. Span(4, 16, "phone", "phone:+441632960123")."""

    start: int
    end: int
    kind: str
    key: str


Finder = Callable[[str], Iterable[Span]]


def spans_of(
    pattern: re.Pattern[str], kind: str, key_of: Callable[[re.Match[str]], str | None], group: int | str = 0
) -> Finder:
    """A finder that gives one span per match of `pattern` whose `key_of(match)` is not None.

    `group` names the part of the match that is the fact (a pattern may need words around it, like
    "at" before "18.30", that are not part of the fact)."""

    def find(text: str) -> Iterator[Span]:
        for match in pattern.finditer(text):
            key = key_of(match)
            if key is not None:
                yield Span(match.start(group), match.end(group), kind, key)

    return find


BLANK = "\x00"  # neither a word character nor white space, so no later fact can reach across a found one


def blank_out(text: str, spans: list[Span]) -> str:
    """`text` with each span replaced by as many BLANK characters, so positions stay the same.

    Spans must be sorted and must not overlap. Time: one pass over the text."""
    pieces: list[str] = []
    cursor = 0
    for span in spans:
        pieces += [text[cursor : span.start], BLANK * (span.end - span.start)]
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)
