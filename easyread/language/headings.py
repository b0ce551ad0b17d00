"""Section numbering at the start of a heading: what it is, and the heading without it.

"4.", "4.1", "4.1.2", "Section 4", "Part II", "Appendix B", "(a)", "iv." order a document's parts;
they are not facts a reader needs, and Easy Read headings are short and plain, so they go. A number
that is part of what the heading says stays: "82 George Square", "3 ways to pay", "10 things to
know", "2026 budget" (the issue "Nothing lost, nothing changed").
"""

from __future__ import annotations

import re

_NUMBERING = re.compile(
    r"^\s*(?:"
    r"\d{1,2}(?:\.\d{1,2})+\.?"  # 4.1, 4.1.2, 4.1.
    r"|\d{1,2}\.(?!\d)"  # 4.
    r"|(?:section|part|chapter|schedule|appendix|annex|annexe)\s+(?:\d{1,3}(?:\.\d{1,2})*|[ivxlc]{1,6}|[a-z])\b[.:]?"
    r"|[ivxlc]{1,6}\."  # iv.
    r"|[a-z]\."  # a.  B.
    r"|\(?(?:[a-z]|[ivxlc]{1,6}|\d{1,2})\)"  # (a)  a)  (iv)  (3)  3)
    r")(?:\s*[-–—:]\s*|\s+)(?=\S)",
    re.IGNORECASE,
)


def section_number(heading: str) -> str:
    """The section numbering that starts `heading` ("4.1 ", "Part II: "), or "" when it has none."""
    match = _NUMBERING.match(heading)
    return match.group(0) if match else ""


def without_heading_number(heading: str) -> str:
    """`heading` without its section numbering: "4.1 The assessment process" -> "The assessment process",
    "Part II: Money" -> "Money"; "3 ways to pay" and "82 George Square" are returned as they are."""
    return heading[len(section_number(heading)):]
