"""The "About this document" opening, shown as the first section of every laid-out format.

An LLM backend's planning step writes 2-4 opening items (what the document is, who it is for,
what the reader must do and by when: `EasyReadDocument.opening`); with the rules backend,
`easyread.from_and_about` writes who a letter is from and what it is about, from the letter's own
words (and who any document is from when its title line was only that). The plan keeps them apart from the
sections, so the fact checks and the source ledger never count them for a part of the source; the
PDF, Word, HTML and Markdown show them first, under their own heading, with pictures like any item.
Easy Read guides open with this kind of summary (Mencap, *Make it clear*, 2000s; Department of
Health, *Making written information easier to understand*, 2010: say what the document is about
first).
"""

from __future__ import annotations

from dataclasses import replace

from easyread.model import EasyReadDocument, EasySection

OPENING_HEADING = "About this document"


def with_opening_shown(document: EasyReadDocument) -> EasyReadDocument:
    """`document` for the laid-out formats: its opening (when it has one) as the first section,
    headed "About this document". The items are the same objects, so a picture chosen for one is
    chosen for both. A document without an opening is returned as it is."""
    if not document.opening:
        return document
    return replace(document, sections=[EasySection(OPENING_HEADING, list(document.opening)), *document.sections],
                   opening=[])
