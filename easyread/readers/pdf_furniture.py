"""Page furniture: page numbers and running headers and footers, found so they can be set aside.

* A page number is a paragraph that is only a number ("3", "- 3 -", "Page 3 of 5", "3/5") at the
  top or bottom of the page (in the margin zone, or first or last in reading order).
* A running header or footer is text in the margin zone (the top or bottom 12% of the page) that
  comes back on at least two pages and on at least half of them. Its first appearance is kept as
  content when it holds contact details (a phone number, email, web address or postcode: people
  need those) or a date (an election date in a notice's header is news, not furniture), otherwise
  set aside; later appearances are set aside as "the same as" the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easyread.readers.common import normalise_space

MARGIN_ZONE = 0.12
PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Placed:
    """A paragraph on a page: where it is (location, page, top and bottom in points) and its text."""

    location: str
    page: int
    text: str
    top: float
    bottom: float
    page_height: float
    first: bool  # first in the page's reading order
    last: bool

    def zone(self) -> str:
        """"header" in the top margin zone, "footer" in the bottom one, else ""."""
        if self.top >= self.page_height * (1 - MARGIN_ZONE):
            return "header"
        if self.bottom <= self.page_height * MARGIN_ZONE:
            return "footer"
        return ""


@dataclass(frozen=True)
class Verdict:
    """What to do with a paragraph: set it aside with `reason`, or keep it (with `role`)."""

    reason: str = ""
    role: str = ""


def furniture(placed: list[Placed], pages: int) -> dict[str, Verdict]:
    """Verdicts by location for the page numbers and running headers and footers among `placed`.

    `placed` is every paragraph of the document in reading order; `pages` the number of pages.
    Paragraphs not in the result are ordinary content.
    """
    verdicts: dict[str, Verdict] = {}
    for part in placed:
        if PAGE_NUMBER.match(part.text) and (part.zone() or part.first or part.last):
            verdicts[part.location] = Verdict("page number")
    groups: dict[str, list[Placed]] = {}
    for part in placed:
        if part.location not in verdicts and part.zone():
            groups.setdefault(_key(part.text), []).append(part)
    for group in groups.values():
        on_pages = {part.page for part in group}
        if len(on_pages) < 2 or 2 * len(on_pages) < pages:
            continue
        first = group[0]
        if worth_keeping(first.text):
            verdicts[first.location] = Verdict(role=first.zone())
        else:
            every = "every page" if len(on_pages) == pages else f"{len(on_pages)} of {pages} pages"
            verdicts[first.location] = Verdict(f"running {first.zone()} repeated on {every}")
        for part in group[1:]:
            same = normalise_space(part.text) == normalise_space(first.text)
            verdicts[part.location] = Verdict(
                f"the same as {first.location}" if same else f"running {part.zone()}, as {first.location}")
    return verdicts


def worth_keeping(text: str) -> bool:
    """Whether `text` holds a phone number, email address, web address, postcode or date."""
    from easyread.language.facts import CONTACT_KINDS, has_fact

    return has_fact(text, CONTACT_KINDS | {"date"})


def _key(text: str) -> str:
    """Texts that differ only in their numbers (a date, a page number) are the same header."""
    return _DIGITS.sub("#", normalise_space(text).casefold())
