"""The source ledger: what became of every part of the source, so nothing disappears silently.

Each part a reader met is in the ledger once: the title, each heading, each block with the number
of Easy Read items that say it, and each part set aside with its reason (by a reader: "page
number", "table of contents"; before simplifying: letter furniture, repeats; by the pipeline: a
heading over the sections below it). A block that gave no item and has no reason is listed as
UNEXPLAINED: the conversion report warns about it, because it is a part of the source that was lost.
"""

from __future__ import annotations

from collections import Counter

from easyread.model import EasyReadDocument, LedgerEntry, SourceDocument

UNEXPLAINED = "gave no item, and no reason is known: check that nothing was lost"
TITLE_FROM_PROPERTIES = "document properties"


def item_counts(document: EasyReadDocument, skip_last: bool = False) -> Counter[str]:
    """How many items name each source location; `skip_last` leaves out the last section (the
    gathered contact page, whose items are copies)."""
    sections = document.sections[:-1] if skip_last else document.sections
    return Counter(location for section in sections for item in section.items for location in set(item.source))


def build_ledger(source: SourceDocument, document: EasyReadDocument, notes: dict[str, str],
                 contact_page: bool = False) -> list[LedgerEntry]:
    """The ledger of `source` converted into `document`, in reading order, set-aside parts last.

    `notes` gives the pipeline's reasons for parts that gave no item, by location. `contact_page`
    says the last section of `document` is the gathered contact page (its items are copies).
    """
    counts = item_counts(document, skip_last=contact_page)
    entries: list[LedgerEntry] = []
    if source.title:
        entries.append(LedgerEntry(source.title_location or TITLE_FROM_PROPERTIES, source.title, "title"))
    for section in source.sections:
        if section.heading and section.heading_location != source.title_location:
            entries.append(_entry(section.heading_location, section.heading, counts, notes, heading=True))
        entries += [_entry(block.location, block.text, counts, notes) for block in section.blocks]
    entries += [LedgerEntry(part.location, part.text, "set aside", reason=part.reason) for part in source.set_aside]
    return entries


def _entry(location: str, text: str, counts: Counter[str], notes: dict[str, str], heading: bool = False) -> LedgerEntry:
    if counts[location]:
        return LedgerEntry(location, text, "items", items=counts[location])
    if location in notes:
        return LedgerEntry(location, text, "set aside", reason=notes[location])
    if heading:
        return LedgerEntry(location, text, "heading")
    return LedgerEntry(location, text, "set aside", reason=UNEXPLAINED)


def unexplained(ledger: list[LedgerEntry]) -> list[LedgerEntry]:
    """The parts of the source that gave no item for no known reason: lost, unless a person says otherwise."""
    return [entry for entry in ledger if entry.reason == UNEXPLAINED]


def set_aside_summary(ledger: list[LedgerEntry]) -> Counter[str]:
    """How many parts were set aside for each reason ("the same as ..." counted as "a repeat")."""
    reasons = Counter()
    for entry in ledger:
        if entry.use == "set aside":
            reasons["a repeat of an earlier part" if entry.reason.startswith("the same as") else entry.reason] += 1
    return reasons


def counted(number: int, noun: str) -> str:
    """ "1 part", "44 parts": a count for a report line."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def summary_line(ledger: list[LedgerEntry]) -> str:
    """One line for the conversion report, adding up to every part: "source: 44 parts: 1 title, 5
    headings, 27 gave items, 11 gave none (5 letter furniture: ..., 1 page number)"."""
    used = sum(1 for entry in ledger if entry.use == "items")
    titles = sum(1 for entry in ledger if entry.use == "title")
    headings = sum(1 for entry in ledger if entry.use == "heading")
    summary = set_aside_summary(ledger)
    none = sum(summary.values())
    reasons = ", ".join(f"{number} {reason}" for reason, number in summary.most_common())
    return (f"source: {counted(len(ledger), 'part')}: {titles} title, {counted(headings, 'heading')}, "
            f"{used} gave items, {none} gave none" + (f" ({reasons})" if none else ""))
