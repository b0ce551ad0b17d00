"""Group Easy Read items into pages: 4 or 5 ideas a page, never more than 5, each section on new pages.

Pure functions, no reportlab. A renderer passes `fits` to say whether a candidate page really fits
on paper; items that do not fit move on to the next page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from easyread.model import EasyReadDocument, HardWord, Page

MAX_PER_PAGE = 5
MIN_PER_PAGE = 4

T = TypeVar("T")


def page_size(remaining: int) -> int:
    """How many of `remaining` items the next page takes, so no page has more than 5 and the
    last page of a section is not left with a single item: 6 -> 4+2, 9 -> 5+4, 11 -> 5+4+2."""
    if remaining <= MAX_PER_PAGE:
        return remaining
    if remaining < MAX_PER_PAGE + MIN_PER_PAGE:  # 6, 7, 8
        return MIN_PER_PAGE
    return MAX_PER_PAGE


def chunk(items: Sequence[T], fits: Callable[[list[T]], bool] | None = None) -> list[list[T]]:
    """Split `items` into pages by `page_size`; drop items from the end of a page until `fits` agrees.

    Every page has at least one item, even when a single item does not fit.
    """
    pages: list[list[T]] = []
    start = 0
    while start < len(items):
        take = page_size(len(items) - start)
        while take > 1 and fits is not None and not fits(list(items[start : start + take])):
            take -= 1
        pages.append(list(items[start : start + take]))
        start += take
    return pages


def paginate(document: EasyReadDocument, fits: Callable[[Page], bool] | None = None) -> list[Page]:
    """The content pages of `document`, section by section. The glossary is not included."""
    pages: list[Page] = []
    for index, section in enumerate(document.sections):
        items = section.items
        start = 0
        while start < len(items):
            take = page_size(len(items) - start)
            while True:
                page = Page(section.heading, list(items[start : start + take]), index, continued=start > 0)
                if take == 1 or fits is None or fits(page):
                    break
                take -= 1
            pages.append(page)
            start += take
    return pages


def last_pages(document: EasyReadDocument, pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """(pages before the "Hard words" pages, pages after them): the "How to contact us" section
    gathered at the end of the document goes on the very last pages; all else keeps its order."""
    from easyread.contact import ends_with_contact_page

    if not ends_with_contact_page(document):
        return pages, []
    last = len(document.sections) - 1
    return [p for p in pages if p.section_index != last], [p for p in pages if p.section_index == last]


def glossary_entries(glossary: Sequence[HardWord]) -> list[HardWord]:
    """The entries the "Hard words" pages show: those with an explanation, each word once."""
    seen: set[str] = set()
    entries: list[HardWord] = []
    for entry in glossary:
        key = entry.word.strip().casefold()
        if not key or not (entry.explanation or "").strip() or key in seen:
            continue
        seen.add(key)
        entries.append(entry)
    return entries


def paginate_glossary(
    glossary: Sequence[HardWord],
    per_page: int = MAX_PER_PAGE,
    fits: Callable[[list[HardWord]], bool] | None = None,
) -> list[list[HardWord]]:
    """The "Hard words" pages: entries with an explanation, at most `per_page` (<= 5) a page."""
    entries = glossary_entries(glossary)
    limit = max(1, min(per_page, MAX_PER_PAGE))
    if limit == MAX_PER_PAGE:
        return chunk(entries, fits)
    pages: list[list[HardWord]] = []
    for start in range(0, len(entries), limit):
        pages.extend(chunk(entries[start : start + limit], fits))
    return pages
