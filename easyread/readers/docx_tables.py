"""Word tables: each row becomes one "Label: cell." block; the labels row is set aside, used in each row.

Merged cells appear once, under their first column; nested tables are read into their cell. Text
boxes and notes met in a row follow that row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from easyread.readers.common import table_row_text
from easyread.readers.docx_elements import (
    Context,
    Element,
    attachment_elements,
    hidden_elements,
    lines_of,
    set_aside,
)
from easyread.readers.docx_text import Attachment
from easyread.readers.docx_xml import W, children, int_value, is_on

MAX_HEADER_CELL_WORDS = 5
MAX_GRID_COLUMNS = 63  # the most columns a Word table can have (Word's own limit)
COLUMN_LABELS = "column labels (used in each row)"


@dataclass
class _Row:
    cells: list[tuple[int, int, str]]  # (first column, columns spanned, text)
    hidden: list[str] = field(default_factory=list)
    page_numbers: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


def table_elements(tbl: Any, table_number: int, context: Context) -> list[Element]:
    """The elements of one table: labels row set aside, then each row and what hangs from it."""
    trs = [tr for tr, _ in children(tbl) if tr.tag == f"{W}tr"]
    rows = [_read_row(tr, context) for tr in trs]
    header = _header(trs[0] if trs else None, rows)
    elements: list[Element] = []
    for row_number, row in enumerate(rows, start=1):
        location = f"table {table_number} row {row_number}"
        if header is not None and row_number == 1:
            elements.append(set_aside(location, ", ".join(text for _, _, text in row.cells if text), COLUMN_LABELS))
        else:
            text = table_row_text(_aligned(row.cells, len(header) if header else 0), header)
            if text:
                elements.append(Element("table_row", text, location))
        elements += hidden_elements(location, " ".join(row.hidden), " ".join(row.page_numbers))
        elements += attachment_elements(row.attachments, context)
    return elements


def _read_row(tr: Any, context: Context) -> _Row:
    row = _Row([])
    column = grid_count(tr.find(f"{W}trPr/{W}gridBefore"), 0)
    for tc, _ in children(tr):
        if tc.tag != f"{W}tc":
            continue
        span = grid_count(tc.find(f"{W}tcPr/{W}gridSpan"), 1)
        lines = lines_of(tc, context)
        row.cells.append((column, span, lines.text()))
        row.hidden += [lines.hidden()] if lines.hidden() else []
        row.page_numbers += [lines.page_numbers()] if lines.page_numbers() else []
        row.attachments += lines.attachments
        column += span
    return row


def grid_count(element: Any | None, default: int) -> int:
    """A count of grid columns (w:gridBefore, w:gridSpan): its w:val, or `default` when it is missing,
    not a whole number, below `default` or above MAX_GRID_COLUMNS. One bad attribute in a damaged
    file ("-5", "abc", "99999999999") is ignored: the row's text is still read."""
    count = int_value(element, default)
    return count if default <= count <= MAX_GRID_COLUMNS else default


def _aligned(cells: list[tuple[int, int, str]], width: int) -> list[str]:
    """Cell texts placed under their header columns (a spanning cell sits under its first column)."""
    if not width:
        return [text for _, _, text in cells]
    row = [""] * max(width, max((column + 1 for column, _, _ in cells), default=0))
    for column, _, text in cells:
        row[column] = f"{row[column]} {text}".strip()
    return row


def _header(first_tr: Any | None, rows: list[_Row]) -> list[str] | None:
    """The first row's texts, one per grid column, when the first row looks like a header."""
    if len(rows) < 2 or first_tr is None:
        return None
    first = rows[0].cells
    texts = [text for _, _, text in first]
    if sum(1 for text in texts if text) < 2 or not all(texts):
        return None
    if not (_marked_header(first_tr) or _looks_like_header(texts)):
        return None
    header = [""] * max(column + span for column, span, _ in first)
    for column, span, text in first:
        for index in range(column, column + span):
            header[index] = text
    return header


def _marked_header(tr: Any) -> bool:
    """Word's "repeat as header row" or a first row set entirely in bold."""
    if tr.find(f"{W}trPr/{W}tblHeader") is not None and is_on(tr.find(f"{W}trPr/{W}tblHeader")):
        return True
    runs = [run for run in tr.iter(f"{W}r") if "".join(t.text or "" for t in run.iter(f"{W}t")).strip()]
    return bool(runs) and all(is_on(run.find(f"{W}rPr/{W}b")) for run in runs)


def _looks_like_header(texts: list[str]) -> bool:
    """Short labels: a few words each, no sentence ending, no numbers."""
    return all(
        len(text.split()) <= MAX_HEADER_CELL_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not any(char.isdigit() for char in text)
        for text in texts
    )
