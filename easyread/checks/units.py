"""The units `check` reads a document into: each heading, line, list item or Easy Read item is one.

A unit is never joined to the next one for scoring: a bullet without a full stop is still a
sentence of its own (issue 14: scores must not depend on layout).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from easyread.layout.no_break import plain_spaces

UnitKind = Literal["body", "heading", "glossary", "front"]


@dataclass(frozen=True)
class TextUnit:
    """A piece of text to check and where it is.

    `kind` is "body" (sentences to score and check), "heading", "glossary" (a line of an Easy Read
    Hard words page; `term` is the word it explains) or "front" (our own title-page lines, which
    are not the document's words). `location` is human-readable: "line 12", "page 3", "item 4".
    """

    text: str
    location: str
    kind: UnitKind = "body"
    term: str = ""

    def __post_init__(self) -> None:
        # Our outputs keep phone numbers, dates, ... on one line with U+00A0 and U+2011
        # (layout.no_break): a person reads them as a space and a hyphen, and so does every check.
        object.__setattr__(self, "text", plain_spaces(self.text))

    @property
    def is_heading(self) -> bool:
        """Whether the unit is a heading (kind "heading")."""
        return self.kind == "heading"

    @property
    def line(self) -> int | None:
        """The line number of a unit read from a text or Markdown file, else None."""
        match = re.fullmatch(r"line (\d+)", self.location)
        return int(match.group(1)) if match else None
