"""The source ledger: every part of the source once, with what became of it, and a summary that adds up."""

from __future__ import annotations

from pathlib import Path

from easyread.ledger import UNEXPLAINED, build_ledger, summary_line, unexplained
from easyread.model import Block, EasyReadDocument, EasySection, Item, Section, SetAside, SourceDocument

SOURCE = SourceDocument(
    Path("notice.md"), "md", "Parking", [
        Section("Permits", [Block("paragraph", "Permits cost £30.", "line 3"),
                            Block("paragraph", "---", "line 5"),
                            Block("list_item", "Apply online.", "line 7")], heading_location="line 1", level=2)],
    title_location="front matter", set_aside=[SetAside("line 9, comment 1", "check wording", "an HTML comment")])


def document(*items: Item) -> EasyReadDocument:
    return EasyReadDocument("Parking", "notice.md", [EasySection("Permits", list(items))])


def test_every_part_is_listed_once_with_what_became_of_it():
    easy = document(Item("A permit costs £30.", "money", source=["line 3"]),
                    Item("You can apply online.", "a computer", source=["line 7"]),
                    Item("It is quick.", "a clock", source=["line 7"]))
    ledger = build_ledger(SOURCE, easy, {"line 5": "no words"})
    assert [(entry.location, entry.use, entry.items, entry.reason) for entry in ledger] == [
        ("front matter", "title", 0, ""), ("line 1", "heading", 0, ""), ("line 3", "items", 1, ""),
        ("line 5", "set aside", 0, "no words"), ("line 7", "items", 2, ""),
        ("line 9, comment 1", "set aside", 0, "an HTML comment")]
    assert unexplained(ledger) == []
    assert summary_line(ledger) == ("source: 6 parts: 1 title, 1 heading, 2 gave items, 2 gave none "
                                    "(1 no words, 1 an HTML comment)")


def test_a_block_with_no_item_and_no_reason_is_unexplained():
    ledger = build_ledger(SOURCE, document(Item("A permit costs £30.", "money", source=["line 3"])), {})
    lost = unexplained(ledger)
    assert [entry.location for entry in lost] == ["line 5", "line 7"]
    assert all(entry.reason == UNEXPLAINED for entry in lost)


def test_copies_on_the_gathered_contact_page_are_not_counted_twice():
    easy = document(Item("A permit costs £30.", "money", source=["line 3"]),
                    Item("You can apply online.", "a computer", source=["line 7"]))
    easy.sections.append(EasySection("How to contact us", [Item("You can apply online.", "a computer",
                                                                    source=["line 7"])]))
    ledger = {entry.location: entry for entry in build_ledger(SOURCE, easy, {}, contact_page=True)}
    assert ledger["line 7"].items == 1
