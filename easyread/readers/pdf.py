"""Read a PDF with pdfminer.six: text in reading order, paragraphs, list items and headings from the layout.

Each page's lines are put in reading order from their positions (`pdf_layout`) and grouped into
paragraphs and list items (`pdf_paragraphs`); font size and weight tell headings from body text
(body text is the most common size; heading levels rank the heading sizes, 1 the largest).
Page numbers, running headers and footers, tiny text and rotated text are set aside with a reason
(`pdf_furniture`); ruled tables give one "table_row" block per row (`pdf_tables`); text layers
that are not real text are refused (`pdf_text_layer`). Every paragraph is located as
"page N paragraph M", counted in reading order on its page (headings and set-aside parts too),
and every table row as "page N table T row R".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from easyread.errors import UnreadableDocument
from easyread.model import Block, SourceDocument
from easyread.readers.common import SectionBuilder, same_text, table_row_text
from easyread.readers.pdf_document import ENCRYPTED, NOT_VALID, laid_out_pages, open_document, quiet_pdf_library
from easyread.readers.pdf_document import metadata_title as read_metadata_title
from easyread.readers.pdf_extract import Line, PageText
from easyread.readers.pdf_furniture import Placed, Verdict, furniture
from easyread.readers.pdf_layout import BULLET, reading_order
from easyread.readers.pdf_paragraphs import TABLE_MARK, Unit, join_rows, paragraphs
from easyread.readers.pdf_streams import inflate_budget
from easyread.readers.pdf_tables import Table, find_tables
from easyread.readers.pdf_text_layer import NO_TEXT, text_layer_problem
from easyread.readers.repair import repair_text

__all__ = ["ENCRYPTED", "NOT_VALID", "NO_TEXT", "read", "build_document"]

MIN_TEXT_SIZE = 4.0  # points: smaller text is too small to read
HEADING_SIZE = 1.12  # text this much larger than body text can be a heading
MAX_HEADING_WORDS = 15
MAX_BOLD_HEADING_WORDS = 12
MAX_LABEL_WORDS = 12  # a table's first row is its column labels when every label is this short
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
# A page with pictures and no text at all in a PDF that has text elsewhere: a scanned page. It gives
# nothing to read, so it is set aside with the reason (the ledger and the convert summary show it).
SCANNED_PAGE = "no text layer (a scanned image): run OCR to include it"
SCANNED_PAGE_TEXT = "a picture of a page, with no text to read"
_ADDRESS = re.compile(r"://|www\.|@")  # a line with a web or email address is content, not a heading


@dataclass
class _Part:
    """One paragraph of the document with its page, location and what becomes of it."""

    page: PageText
    location: str
    unit: Unit
    text: str
    verdict: Verdict = Verdict()
    heading_level: int = 0
    table: Table | None = None


def read(path: Path) -> SourceDocument:
    """Read a PDF file into a `SourceDocument`.

    Raises UnreadableDocument: NOT_VALID (damaged), ENCRYPTED (needs a password), NO_TEXT (no text
    layer), or a "has no usable text layer" reason (fonts without Unicode maps, words without spaces).
    """
    with quiet_pdf_library(), inflate_budget(path), path.open("rb") as handle:
        document = open_document(handle, path)
        metadata_title = read_metadata_title(document, path.stem)
        pages = laid_out_pages(document, path)
    problem = text_layer_problem(pages)
    if problem:
        raise UnreadableDocument(path, problem)
    return build_document(path, pages, metadata_title)


def build_document(path: Path, pages: list[PageText], metadata_title: str | None) -> SourceDocument:
    """Structure laid-out pages into one document whose sections run across pages."""
    builder = SectionBuilder()
    margins: list[tuple[str, str]] = []
    parts = _parts(pages, builder, margins)
    verdicts = furniture(_placed([part for part in parts if part.table is None]), len(pages))
    for part in parts:
        part.verdict = verdicts.get(part.location, Verdict())
    content = [part for part in parts if not part.verdict.reason and part.table is None]
    body = _body_size(content)
    for part in content:
        part.heading_level = _heading_rank(part, body)
    _number_levels(content, body)
    title, title_part = _title(content, metadata_title, body)
    _feed(builder, parts, title_part)
    for location, text in margins:  # at the end, like a page's footer: they belong to no paragraph
        builder.block("paragraph", text, location, role="margin")
    title_block = Block("paragraph", title_part.text, title_part.location) if title_part and title else None
    return builder.document(path, "pdf", title or "", title_part.location if title_part else "", title_block)


# --- paragraphs ----------------------------------------------------------------------------------


MARGIN_KINDS = frozenset({"code", "phone", "email", "url", "postcode", "date", "money", "time"})


def holds_a_fact(text: str) -> bool:
    """Whether tiny or rotated text holds a fact a reader may need (a reference code, a phone number...)."""
    from easyread.language.facts import has_fact

    return has_fact(text, MARGIN_KINDS)


def _parts(pages: list[PageText], builder: SectionBuilder, margins: list[tuple[str, str]]) -> list[_Part]:
    """Every page's paragraphs and tables in reading order, located; tiny and rotated text set aside at
    once, unless it holds a fact: then it goes to `margins` (location, text), kept as content."""
    parts: list[_Part] = []
    for page in pages:
        if page.images and not page.lines and not page.rotated:
            builder.set_aside(f"page {page.number}", f"page {page.number}: {SCANNED_PAGE_TEXT}", SCANNED_PAGE)
            continue
        flow = [line for line in page.lines if line.size >= MIN_TEXT_SIZE]
        tables = find_tables(page.rects, flow)
        flow = [line for line in flow if not any(table.contains(line) for table in tables)] + [
            Line(f"{TABLE_MARK}{index}", table.x0, table.y0, table.x1, table.y1, 0.0, 0.0)
            for index, table in enumerate(tables)]
        counts = {"paragraph": 0, "table": 0}
        for unit in paragraphs(reading_order(flow, page.width)):
            kind = "table" if unit.kind == "table" else "paragraph"
            counts[kind] += 1
            location = f"page {page.number} {kind} {counts[kind]}"
            if unit.kind == "table":
                parts.append(_Part(page, location, unit, "", table=tables[int(unit.text[len(TABLE_MARK):])]))
            else:
                parts.append(_Part(page, location, unit, repair_text(unit.text)))
        count = counts["paragraph"]
        for line in [line for line in page.lines if line.size < MIN_TEXT_SIZE] + page.rotated:
            count += 1
            location, text = f"page {page.number} paragraph {count}", repair_text(line.text)
            if holds_a_fact(text):  # "DOCUMENT REF RJJOVH" up the margin: a reader may need it
                margins.append((location, text))
                continue
            reason = (f"text too small to read (under {MIN_TEXT_SIZE:g} pt)" if line.size < MIN_TEXT_SIZE
                      and line in page.lines else _rotated_reason(line, page))
            builder.set_aside(location, text, reason)
    return parts


def _rotated_reason(line: Line, page: PageText) -> str:
    near_edge = min(line.x0, page.width - line.x1, line.y0, page.height - line.y1) < 0.1 * min(page.width, page.height)
    return "rotated text in the margin" if near_edge else "rotated text"


def _placed(parts: list[_Part]) -> list[Placed]:
    """The paragraphs as page furniture sees them: position on the page, first or last on it."""
    placed: list[Placed] = []
    for index, part in enumerate(parts):
        first = index == 0 or parts[index - 1].page is not part.page
        last = index + 1 == len(parts) or parts[index + 1].page is not part.page
        placed.append(Placed(part.location, part.page.number, part.text, part.unit.top, part.unit.bottom,
                             part.page.height, first, last))
    return placed


# --- headings and title ----------------------------------------------------------------------------


def _body_size(parts: list[_Part]) -> float:
    """The size most of the document's lines have (counting lines, so a long footnote in small print
    does not outweigh the body text's many short lines)."""
    weights: dict[float, int] = {}
    for part in parts:
        for row in part.unit.rows:
            size = round(row.line.size * 2) / 2
            weights[size] = weights.get(size, 0) + 1
    return max(weights, key=lambda size: (weights[size], size)) if weights else 0.0


def _heading_rank(part: _Part, body: float) -> int:
    """1 for a heading larger than body text, 2 for a bold one at body size, 0 for body text."""
    text, unit = part.text, part.unit
    words = len(text.split())
    if not any(char.isalpha() for char in text) or (unit.kind == "list_item" and BULLET.match(unit.rows[0].line.text)):
        return 0
    if text.endswith((",", ";")) or words > MAX_HEADING_WORDS or _ADDRESS.search(text):
        return 0
    if unit.size >= HEADING_SIZE * body and not (text.endswith(".") and words > MAX_BOLD_HEADING_WORDS):
        return 1
    if (unit.bold >= 0.9 and unit.size >= 0.95 * body and words <= MAX_BOLD_HEADING_WORDS
            and not text.endswith((".", ":"))):
        return 2
    return 0


def _number_levels(parts: list[_Part], body: float) -> None:
    """Turn heading ranks into levels: 1 for the largest heading size, bold body-size headings last."""
    sizes = sorted({_size_key(part) for part in parts if part.heading_level == 1}, reverse=True)
    for part in parts:
        if part.heading_level == 1:
            part.heading_level = sizes.index(_size_key(part)) + 1
        elif part.heading_level == 2:
            part.heading_level = len(sizes) + 1


def _size_key(part: _Part) -> float:
    return round(part.unit.size * 2) / 2


def _title(parts: list[_Part], metadata_title: str | None, body: float) -> tuple[str | None, _Part | None]:
    """The document title and the paragraph that shows it, if one does.

    The metadata title when it is a real one (the first paragraph on page 1 that says it is where it
    is shown); otherwise the largest heading in the top half of page 1, when larger than body text.
    """
    first_page = [part for part in parts if part.page.number == parts[0].page.number] if parts else []
    if metadata_title:
        shown = next((part for part in first_page if same_text(part.text, metadata_title)), None)
        return metadata_title, shown
    candidates = [part for part in first_page if part.heading_level and part.unit.size >= HEADING_SIZE * body
                  and part.unit.top >= part.page.height / 2]
    if not candidates:
        return None, None
    best = max(candidates, key=lambda part: part.unit.size)
    return best.text, best


# --- building ------------------------------------------------------------------------------------


def _feed(builder: SectionBuilder, parts: list[_Part], title_part: _Part | None) -> None:
    """Give every paragraph to the builder in reading order: set aside, title, heading or block."""
    page_started = 0
    for index, part in enumerate(parts):
        if part.verdict.reason:
            builder.set_aside(part.location, part.text, part.verdict.reason)
            continue
        first_on_page = page_started != part.page.number
        page_started = part.page.number
        if part is title_part:
            continue
        if part.table is not None:
            _feed_table(builder, part.location, part.table)
            continue
        if (first_on_page and part.page.number > 1 or _new_column(part, parts[index - 1] if index else None)) and _continues(builder.last_block(), part):
            previous = builder.last_block()
            assert previous is not None
            builder.replace_last_block(Block(previous.kind, join_rows(previous.text, part.text),
                                             previous.location, previous.role))
        elif part.heading_level and not part.verdict.role:
            builder.heading(part.text, part.location, part.heading_level)
        else:
            kind = "list_item" if part.unit.kind == "list_item" else "paragraph"
            builder.block(kind, part.text, part.location, part.verdict.role)


def _feed_table(builder: SectionBuilder, location: str, table: Table) -> None:
    """One "table_row" block per row ("Label: value." parts); the column labels set aside."""
    rows = [[repair_text(cell) for cell in row] for row in table.rows]
    header = rows[0] if len(rows) > 1 and _labels(rows[0]) else None
    if header is not None:
        builder.set_aside(f"{location} row 1", table_row_text(header, None), "column labels (used in each row)")
    for number, cells in enumerate(rows[1:] if header else rows, start=2 if header else 1):
        builder.block("table_row", table_row_text(cells, header), f"{location} row {number}")


def _labels(row: list[str]) -> bool:
    filled = [cell for cell in row if cell]
    return len(filled) >= 2 and all(len(cell.split()) <= MAX_LABEL_WORDS for cell in filled)


def _new_column(part: _Part, previous: _Part | None) -> bool:
    """Whether reading goes back up the page to reach this paragraph (it starts a new column)."""
    return previous is not None and previous.page is part.page and part.unit.top > previous.unit.bottom


def _continues(previous: Block | None, part: _Part) -> bool:
    """A paragraph cut by a page or column break: no sentence end before it, a lower-case start after it."""
    return (previous is not None and not previous.role and previous.kind != "table_row"
            and part.unit.kind == "paragraph" and not part.heading_level
            and not _SENTENCE_END.search(previous.text) and part.text[:1].islower())
