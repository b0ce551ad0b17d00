"""Pagination: 4 or 5 ideas a page, never more than 5, sections on new pages, no item lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from easyread.layout.paginate import page_size, paginate, paginate_glossary
from easyread.model import EasyReadDocument, EasySection, HardWord, Item, Page


def items(count: int, prefix: str = "s") -> list[Item]:
    return [Item(f"{prefix} sentence {i}.", f"picture {i}") for i in range(count)]


def document(*counts: int) -> EasyReadDocument:
    sections = [EasySection(f"Heading {n}", items(count, prefix=f"s{n}")) for n, count in enumerate(counts)]
    return EasyReadDocument("Title", "source.txt", sections)


def check_rules(doc: EasyReadDocument, pages: list[Page]) -> None:
    """Every rule that holds with or without `fits`."""
    assert all(1 <= len(page.items) <= 5 for page in pages)
    # all items present once and in order
    assert [item for page in pages for item in page.items] == doc.items()
    assert all(
        all(x is not y for y in page.items[i + 1 :]) for page in pages for i, x in enumerate(page.items)
    )
    for index, section in enumerate(doc.sections):
        own = [page for page in pages if page.section_index == index]
        assert [item for page in own for item in page.items] == section.items
        assert all(page.heading == section.heading for page in own)
        assert [page.continued for page in own] == ([False] + [True] * (len(own) - 1) if own else [])
    # sections start new pages: a page never mixes sections, and section order is kept
    indexes = [page.section_index for page in pages]
    assert indexes == sorted(indexes)


EXPECTED = {
    0: [],
    1: [1],
    2: [2],
    3: [3],
    4: [4],
    5: [5],
    6: [4, 2],
    7: [4, 3],
    8: [4, 4],
    9: [5, 4],
    10: [5, 5],
    11: [5, 4, 2],
    12: [5, 4, 3],
    13: [5, 4, 4],
    14: [5, 5, 4],
    15: [5, 5, 5],
    16: [5, 5, 4, 2],
}


@pytest.mark.parametrize("count", range(24))
def test_page_sizes_for_one_section(count):
    doc = document(count)
    pages = paginate(doc)
    sizes = [len(page.items) for page in pages]
    check_rules(doc, pages)
    if count in EXPECTED:
        assert sizes == EXPECTED[count]
    assert all(size <= 5 for size in sizes)
    assert all(size >= 4 for size in sizes[:-1])
    if count > 1:
        assert sizes[-1] >= 2  # never a last page with a single item when the section allows it
    assert sum(sizes) == count


def test_page_size_rule():
    assert [page_size(r) for r in range(1, 13)] == [1, 2, 3, 4, 5, 4, 4, 4, 5, 5, 5, 5]


def test_sections_start_new_pages():
    doc = document(3, 0, 2, 7)
    pages = paginate(doc)
    check_rules(doc, pages)
    assert [(p.section_index, len(p.items), p.continued) for p in pages] == [
        (0, 3, False),
        (2, 2, False),
        (3, 4, False),
        (3, 3, True),
    ]
    assert [p.heading for p in pages] == ["Heading 0", "Heading 2", "Heading 3", "Heading 3"]


def test_empty_document_has_no_pages():
    assert paginate(EasyReadDocument("Title", "x.txt")) == []
    assert paginate(document(0, 0)) == []


def test_fits_moves_items_to_the_next_page():
    doc = document(10)
    calls: list[Page] = []

    def fits(page: Page) -> bool:
        calls.append(page)
        return len(page.items) <= 3

    pages = paginate(doc, fits=fits)
    check_rules(doc, pages)
    assert [len(p.items) for p in pages] == [3, 3, 3, 1]
    assert calls[0].items == doc.sections[0].items[:5] and calls[0].continued is False
    assert all(c.heading == "Heading 0" for c in calls)


def test_fits_that_never_agrees_still_gives_one_item_a_page():
    doc = document(7)
    pages = paginate(doc, fits=lambda page: False)
    check_rules(doc, pages)
    assert [len(p.items) for p in pages] == [1] * 7


def test_fits_can_depend_on_the_item():
    doc = document(9)
    tall = doc.sections[0].items[2]
    pages = paginate(doc, fits=lambda page: not (tall in page.items and len(page.items) > 2))
    check_rules(doc, pages)
    assert [len(p.items) for p in pages] == [2, 2, 5]


def test_paginate_does_not_change_the_document():
    doc = document(11, 3)
    before = [list(section.items) for section in doc.sections]
    paginate(doc)
    assert [section.items for section in doc.sections] == before


@given(
    counts=st.lists(st.integers(min_value=0, max_value=30), max_size=6),
    limit=st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
)
def test_paginate_properties(counts, limit):
    doc = document(*counts)
    fits = None if limit is None else (lambda page: len(page.items) <= limit)
    pages = paginate(doc, fits=fits)
    check_rules(doc, pages)
    if limit is None:
        for index, count in enumerate(counts):
            sizes = [len(p.items) for p in pages if p.section_index == index]
            assert all(size >= 4 for size in sizes[:-1])
            assert count <= 1 or sizes[-1] >= 2
    else:
        assert all(len(p.items) <= limit for p in pages)


def test_glossary_pages():
    words = [HardWord(f"word{i}", f"Explanation {i}.") for i in range(7)]
    glossary = [*words[:3], HardWord("none"), HardWord("blank", "  "), HardWord("WORD1", "again"), *words[3:]]
    pages = paginate_glossary(glossary)
    assert [len(p) for p in pages] == [4, 3]
    assert [entry for page in pages for entry in page] == words
    assert paginate_glossary([]) == []
    assert paginate_glossary([HardWord("x")]) == []
    assert [len(p) for p in paginate_glossary(words, per_page=3)] == [3, 3, 1]
    many = [HardWord(f"many{i}", "Explained.") for i in range(12)]
    assert [len(p) for p in paginate_glossary(many, per_page=9)] == [5, 4, 3]
    assert [len(p) for p in paginate_glossary(words, fits=lambda entries: len(entries) <= 2)] == [2, 2, 2, 1]


def test_the_contact_section_goes_after_everything_else():
    from easyread.contact import CONTACT_HEADING
    from easyread.layout.paginate import last_pages, paginate
    from easyread.model import EasyReadDocument, EasySection, Item

    sections = [EasySection("Bins", [Item(f"Bin {n}.", "a bin") for n in range(7)]),
                EasySection(CONTACT_HEADING, [Item("Call 01632 960123.", "a telephone")])]
    document = EasyReadDocument("Bins", "bins.txt", sections)
    before, after = last_pages(document, paginate(document))
    assert [page.heading for page in before] == ["Bins", "Bins"] and [page.heading for page in after] == [CONTACT_HEADING]
    plain = EasyReadDocument("Bins", "bins.txt", sections[:1])
    assert last_pages(plain, paginate(plain)) == (paginate(plain), [])
