"""Read a Word (.docx) file with python-docx: body paragraphs and tables in document order.

Heading styles start sections, the Title style gives the title, List styles and numbered paragraphs
are list items, and each table row becomes one "Header: cell." block.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from easyread.errors import UnreadableDocument
from easyread.model import Block, SourceDocument
from easyread.readers.common import (
    SectionBuilder,
    is_generic_title,
    level_one_title,
    normalise_space,
    same_text,
    table_row_text,
)

ElementKind = Literal["title", "heading", "paragraph", "list_item", "table_row"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_WRAPPERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"})
_TEXT_TAGS = (f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen")
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TRUE = frozenset({"1", "true", "on"})
MAX_BOLD_HEADING_WORDS = 10
MAX_HEADER_CELL_WORDS = 5

NOT_VALID = "not a valid Word document (file is damaged or not .docx)"
PROTECTED = "is password-protected or an old .doc file; save it as an unprotected .docx"


@dataclass(frozen=True)
class Element:
    """One paragraph or table row of the body, classified, with its location."""

    kind: ElementKind
    text: str
    location: str
    level: int = 0  # 1 for "Heading 1"
    bold: bool = False  # a short all-bold Normal paragraph: maybe a heading typed by hand


def read(path: Path) -> SourceDocument:
    document = open_document(path)
    elements = merge_bold_headings(list(body_elements(document)))
    title, skip = choose_title(elements, core_title(document, path.stem))
    builder = SectionBuilder()
    for index, element in enumerate(elements):
        if index == skip:
            continue
        if element.kind in ("title", "heading"):
            builder.heading(element.text, element.location)
        else:
            builder.block(element.kind, element.text, element.location)
    title_block = None if skip is None else Block("paragraph", elements[skip].text, elements[skip].location)
    return builder.document(path, "docx", title, title_block.location if title_block else "", title_block)


def open_document(path: Path) -> Any:
    """Open with python-docx, turning every kind of damage into one clear UnreadableDocument."""
    with path.open("rb") as handle:
        start = handle.read(len(_OLE2_SIGNATURE))
    if start == _OLE2_SIGNATURE:
        raise UnreadableDocument(path, PROTECTED)
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument(path, NOT_VALID)
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # BadZipFile, KeyError, XMLSyntaxError, PackageNotFoundError, ValueError
        raise UnreadableDocument(path, NOT_VALID) from exc


def core_title(document: Any, stem: str) -> str | None:
    """The title in the file's properties, unless it is a generic one like "Document1"."""
    try:
        title = normalise_space(document.core_properties.title or "")
    except Exception:  # a damaged docProps/core.xml should not stop us reading the text
        return None
    return None if is_generic_title(title, stem) else title


def choose_title(elements: Sequence[Element], from_properties: str | None) -> tuple[str | None, int | None]:
    """The title, and the index of the element it came from (left out of the sections), if any.

    Order: the first Title-style paragraph, the title in the file's properties, the first Heading 1.
    A Heading 1 is only left out when it is the first heading, so no text loses the heading it is under.
    """
    first = next((i for i, element in enumerate(elements) if element.kind == "title"), None)
    if first is not None:
        return elements[first].text, first
    if from_properties:
        opening = 0 if elements and elements[0].kind != "table_row" else None
        same = opening is not None and same_text(elements[0].text, from_properties)
        return from_properties, opening if same else None
    return level_one_title(elements)


def merge_bold_headings(elements: list[Element]) -> list[Element]:
    """A short all-bold paragraph followed by ordinary text is a heading typed by hand."""
    result: list[Element] = []
    for index, element in enumerate(elements):
        following = elements[index + 1] if index + 1 < len(elements) else None
        if element.bold and following is not None and following.kind not in ("title", "heading"):
            element = Element("heading", element.text, element.location, level=2)
        result.append(element)
    return result


# --- walking the body ----------------------------------------------------------------------------


def body_elements(document: Any) -> Iterator[Element]:
    """Paragraphs and table rows of the main body in reading order (content controls opened up)."""
    styles = _style_names(document)
    paragraph_number = 0
    table_number = 0
    for child in _children(document.element.body):
        if child.tag == f"{W}p":
            paragraph_number += 1
            element = _paragraph_element(child, styles, f"paragraph {paragraph_number}")
            if element is not None:
                yield element
        elif child.tag == f"{W}tbl":
            table_number += 1
            yield from _table_elements(child, table_number)


def _children(element: Any) -> Iterator[Any]:
    """Child elements, looking through content-control and custom-XML wrappers."""
    for child in element.iterchildren():
        if child.tag in _WRAPPERS:
            yield from _children(child)
        else:
            yield child


def _style_names(document: Any) -> dict[str, str]:
    names: dict[str, str] = {}
    for style in document.styles:
        try:
            names[style.style_id] = style.name or ""
        except Exception:  # a style without a name or id is simply not looked up
            continue
    return names


def _paragraph_element(p: Any, styles: dict[str, str], location: str) -> Element | None:
    text = paragraph_text(p)
    if not text:
        return None
    style = _paragraph_style(p, styles)
    if style == "title":
        return Element("title", text, location)
    if style.startswith("heading"):
        return Element("heading", text, location, level=_heading_level(style))
    if style.startswith("toc"):
        return None  # a table of contents repeats the headings
    if style.startswith("list") or _has_numbering(p):
        return Element("list_item", text, location)
    return Element("paragraph", text, location, bold=_looks_like_bold_heading(p, text))


def _paragraph_style(p: Any, styles: dict[str, str]) -> str:
    style_id = p.pPr.pStyle.val if p.pPr is not None and p.pPr.pStyle is not None else None
    return (styles.get(style_id, style_id or "") if style_id else "normal").lower()


def _heading_level(style: str) -> int:
    digits = "".join(char for char in style if char.isdigit())
    return int(digits) if digits else 1


def _has_numbering(p: Any) -> bool:
    return p.pPr is not None and p.pPr.find(f"{W}numPr") is not None


def paragraph_text(p: Any) -> str:
    """All the visible text of a paragraph, including links, fields and tracked insertions."""
    parts: list[str] = []
    for node in p.iter(*_TEXT_TAGS):
        if any(ancestor.tag == MC_FALLBACK for ancestor in node.iterancestors()):
            continue  # the same drawing's text is in mc:Choice too
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        else:
            parts.append("-" if node.tag == f"{W}noBreakHyphen" else " ")
    return normalise_space("".join(parts))


def _looks_like_bold_heading(p: Any, text: str) -> bool:
    if len(text.split()) > MAX_BOLD_HEADING_WORDS or text.endswith((".", ",", ";", ":")):
        return False
    runs = [run for run in p.iter(f"{W}r") if "".join(t.text or "" for t in run.iter(f"{W}t")).strip()]
    return bool(runs) and all(_is_bold(run) for run in runs)


def _is_bold(run: Any) -> bool:
    bold = run.find(f"{W}rPr/{W}b")
    return bold is not None and bold.get(f"{W}val", "true").lower() in _TRUE


# --- tables --------------------------------------------------------------------------------------


def _table_elements(tbl: Any, table_number: int) -> Iterator[Element]:
    rows = [_row_cells(tr) for tr in _children(tbl) if tr.tag == f"{W}tr"]
    header = _header(tbl, rows)
    for row_number, cells in enumerate(rows, start=1):
        if header is not None and row_number == 1:
            continue
        text = table_row_text(_aligned(cells, len(header) if header else 0), header)
        if text:
            yield Element("table_row", text, f"table {table_number} row {row_number}")


def _row_cells(tr: Any) -> list[tuple[int, int, str]]:
    """(first column, columns spanned, text) of each cell; merged cells appear once."""
    column = _int_attr(tr.find(f"{W}trPr/{W}gridBefore"))
    cells: list[tuple[int, int, str]] = []
    for tc in _children(tr):
        if tc.tag != f"{W}tc":
            continue
        span = max(1, _int_attr(tc.find(f"{W}tcPr/{W}gridSpan")))
        cells.append((column, span, cell_text(tc)))
        column += span
    return cells


def _int_attr(element: Any) -> int:
    try:
        return int(element.get(f"{W}val")) if element is not None else 0
    except (TypeError, ValueError):
        return 0


def cell_text(tc: Any) -> str:
    """The text of a table cell, nested tables included."""
    parts: list[str] = []
    for child in _children(tc):
        if child.tag == f"{W}p":
            parts.append(paragraph_text(child))
        elif child.tag == f"{W}tbl":
            parts += [cell_text(inner) for inner in child.iter(f"{W}tc")]
    return normalise_space(" ".join(parts))


def _aligned(cells: list[tuple[int, int, str]], width: int) -> list[str]:
    """Cell texts placed under their header columns (a spanning cell sits under its first column)."""
    if not width:
        return [text for _, _, text in cells]
    row = [""] * max(width, max((column + 1 for column, _, _ in cells), default=0))
    for column, _, text in cells:
        row[column] = f"{row[column]} {text}".strip()
    return row


def _header(tbl: Any, rows: list[list[tuple[int, int, str]]]) -> list[str] | None:
    """The first row's texts, one per grid column, when the first row looks like a header."""
    if len(rows) < 2:
        return None
    first = rows[0]
    texts = [text for _, _, text in first]
    if sum(1 for text in texts if text) < 2 or not all(texts):
        return None
    if not (_marked_header(tbl) or _looks_like_header(texts)):
        return None
    header = [""] * max(column + span for column, span, _ in first)
    for column, span, text in first:
        for index in range(column, column + span):
            header[index] = text
    return header


def _marked_header(tbl: Any) -> bool:
    """Word's "repeat as header row" or a first row set entirely in bold."""
    tr = next((child for child in _children(tbl) if child.tag == f"{W}tr"), None)
    if tr is None:
        return False
    if tr.find(f"{W}trPr/{W}tblHeader") is not None:
        return True
    runs = [run for run in tr.iter(f"{W}r") if "".join(t.text or "" for t in run.iter(f"{W}t")).strip()]
    return bool(runs) and all(_is_bold(run) for run in runs)


def _looks_like_header(texts: list[str]) -> bool:
    """Short labels: a few words each, no sentence ending, no numbers."""
    return all(
        len(text.split()) <= MAX_HEADER_CELL_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not any(char.isdigit() for char in text)
        for text in texts
    )
