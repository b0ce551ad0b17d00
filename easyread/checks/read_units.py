"""Read any document `check` accepts into units (`TextUnit`), with the layout findings of its format.

Our own outputs (`readers.own_output`: `<name>.easyread.<ext>`, or the mark inside) are read as
items in every format, by `own_units` (Markdown, Word), `html_units` and `pdf_units`: pictures left
out, the title page "front", the Hard words page "glossary". Other documents are read by the
readers `convert` uses (`readers.read_document`), HTML pages by `html_units`, and other PDFs by
paragraph, line and bullet (`pdf_units`).
"""

from __future__ import annotations

import re
from pathlib import Path

from easyread.checks.findings import Finding
from easyread.checks.html_units import HTML_SUFFIXES
from easyread.checks.pdf_units import FURNITURE
from easyread.checks.units import TextUnit
from easyread.config import Settings
from easyread.errors import EasyReadError, UnreadableDocument
from easyread.model import SourceDocument


def read_units(path: Path, settings: Settings) -> tuple[list[TextUnit], list[Finding], str]:
    """(units in reading order, layout findings, all the text for facts and acronyms) of `path`.

    Raises the readers' errors (UsageError, UnsupportedFormat, UnreadableDocument, EmptyDocument),
    each one line naming the file.
    """
    from easyread.readers.own_output import is_own_output

    suffix = path.suffix.lower()
    own = is_own_output(path)
    if suffix == ".pdf":
        units, layout, text = _pdf(path, settings, own)
        return (without_repeated_headings(units) if own else units), layout, text
    if suffix in HTML_SUFFIXES:
        from easyread.checks.html_units import read_html_units

        units = read_html_units(path)
        return (without_repeated_headings(units) if own else units), [], _all_text(units)
    if own and suffix in (".md", ".markdown", ".docx"):
        units = without_repeated_headings(_own_units(path, suffix))
        if units:
            return units, _docx_layout(path, settings) if suffix == ".docx" else [], _all_text(units)
    from easyread.readers import read_document

    document = read_document(path)
    return document_units(document), _docx_layout(path, settings) if suffix == ".docx" else [], document.text()


def without_repeated_headings(units: list[TextUnit]) -> list[TextUnit]:
    """`units` without a heading that repeats the one above it with no other heading between.

    Our outputs print a section's heading again on each page it runs onto; that is layout, not a
    new section, and checking it again would report its words twice.
    """
    kept: list[TextUnit] = []
    last_heading = None
    for unit in units:
        if unit.kind == "heading":
            if unit.text == last_heading:
                continue
            last_heading = unit.text
        kept.append(unit)
    return kept


def _own_units(path: Path, suffix: str) -> list[TextUnit]:
    """Our own Markdown or Word output read as items; an empty list when it holds none (the caller
    then reads it as any document of its format)."""
    from easyread.checks.own_units import docx_units, markdown_units
    from easyread.readers import check_file

    check_file(path)
    try:
        if suffix == ".docx":
            return docx_units(path)
        from easyread.readers.txt import decode

        return markdown_units(decode(path.read_bytes(), path))
    except EasyReadError:
        raise
    except Exception:  # damaged past what the item reader expects: the document reader says what is wrong
        return []


def document_units(document: SourceDocument, furniture: bool = True) -> list[TextUnit]:
    """A unit for each heading and block of a document read by `readers` (the title is not one).

    Blocks with a furniture role (running header, footer, margin text) are left out unless `furniture`.
    """
    units: list[TextUnit] = []
    for section in document.sections:
        if section.heading:
            location = _heading_location(section.blocks[0].location if section.blocks else "")
            units.append(TextUnit(section.heading, location, kind="heading"))
        units += [TextUnit(block.text, block.location) for block in section.blocks
                  if furniture or block.role not in FURNITURE]
    return units


def _heading_location(first_block_location: str) -> str:
    """Where a heading is: its first block's location (in a text file, two lines above it)."""
    match = re.fullmatch(r"line (\d+)", first_block_location)
    return f"line {max(1, int(match.group(1)) - 2)}" if match else first_block_location


def _all_text(units: list[TextUnit]) -> str:
    return "\n".join(unit.text for unit in units)


def _pdf(path: Path, settings: Settings, own: bool) -> tuple[list[TextUnit], list[Finding], str]:
    """A PDF's units, and its layout findings: italics and items per page from pypdf's text runs
    (font names, picture labels), small text (ER301) from pdfminer's lines (the size most characters have)."""
    from easyread.checks.layout_rules import pdf_style_findings, small_text_findings
    from easyread.checks.pdf_text import read_runs
    from easyread.checks.pdf_units import pdf_units
    from easyread.readers import check_file

    check_file(path)
    runs = read_runs(path)
    reading = pdf_units(path, own)
    if not reading.units:
        raise UnreadableDocument(path, "has no text layer (it may be a scanned image); run OCR first")
    layout = [*small_text_findings(reading.sized, settings.min_font_size, settings.small_print),
              *pdf_style_findings(runs, settings.max_items_per_page)]
    return reading.units, layout, reading.text


def _docx_layout(path: Path, settings: Settings) -> list[Finding]:
    from easyread.checks.layout_rules import docx_layout_findings

    try:
        return list(docx_layout_findings(path, settings.min_font_size, settings.small_print))
    except EasyReadError:
        raise
    except Exception as exc:  # python-docx on a damaged file the reader got through
        from easyread.readers import unexpected_reason

        raise UnreadableDocument(path, unexpected_reason(exc)) from exc
