"""Turn plain text (from a .txt file or a PDF page) into headings, paragraphs, list items and table rows.

The rules are the ones a person would use when reading a typed letter:

* paragraphs are separated by blank lines; the lines inside one are joined with spaces;
* a heading is a paragraph of one short line (10 words or fewer) that does not end with . , ; or :
  and has more text after it, or a short line in ALL CAPS that starts a paragraph, or a ``# line``,
  or a line underlined with ``===`` or ``---``;
* a line starting with - * • – or 1. 1) a) (1) is a list item (agenda numbers such as "3121." too);
  a bullet is dropped, a number or letter stays in the text; an indented or lower-case line after
  it carries on the same item;
* a line split into cells by tabs, or by two or more wide gaps, is a table row (cells joined with ", ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from easyread.model import Block, SourceDocument
from easyread.readers.common import SectionBuilder, normalise_space

PieceKind = Literal["heading", "paragraph", "list_item", "table_row"]

MAX_HEADING_WORDS = 10
MAX_TITLE_WORDS = 12
MAX_SHOUTED_TITLE_WORDS = 20  # a notice's banner line in capitals is its title even when long
BULLETS = "-*•–●▪◦·\uf0b7\uf0a7"
_LIST_MARKER = re.compile(
    r"^(?:(?P<bullet>[" + re.escape(BULLETS) + r"])"
    r"|(?:\d{1,3}|(?!19|20)\d{4})[.)]|[A-Za-z]\)|\((?:\d{1,3}|[A-Za-z])\))\s+")  # 4 digits: minute numbers, not years
_BULLET_ONLY = re.compile(r"^[" + re.escape(BULLETS) + r"]$")
_ATX_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_SEPARATOR = re.compile(r"^([-=*_~#])(?:\s*\1){2,}$")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)$")
_CELL_GAP = re.compile(r"\t+| {2,}")
_WIDE_GAP = re.compile(r"(?<![.!?:;]) {2,}(?=\S)")
_NOT_HEADING_END = (".", ",", ";", ":")
_GREETING = re.compile(r"^(?:dear|to whom it may concern)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    """One structural element of plain text and the 1-based line where it starts."""

    kind: PieceKind
    text: str
    line: int


@dataclass
class _Run:
    """A paragraph or list item being collected line by line."""

    kind: PieceKind
    line: int
    lines: list[str] = field(default_factory=list)

    def piece(self) -> Piece:
        return Piece(self.kind, normalise_space(" ".join(self.lines)), self.line)


def structure_plain_text(text: str, path: Path, format: str = "txt") -> SourceDocument:
    """Build a whole document from plain text, with "line N" locations and a title from the first line."""
    title, rest = split_title(text)
    builder = SectionBuilder()
    add_pieces(builder, ((piece, f"line {piece.line}") for piece in parse_pieces(rest)))
    title_block = Block("paragraph", title, f"line {first_line_number(text)}") if title else None
    return builder.document(path, format, title, title_block.location if title_block else "", title_block)


def add_pieces(builder: SectionBuilder, pieces: Iterable[tuple[Piece, str]]) -> None:
    """Feed pieces, each with its location string, into a section builder."""
    for piece, location in pieces:
        if piece.kind == "heading":
            builder.heading(piece.text, location)
        else:
            builder.block(piece.kind, piece.text, location)


def normalise_newlines(text: str) -> str:
    """Use "\\n" for every line ending; a form feed (page break) separates paragraphs."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")


def first_line_number(text: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            return number
    return 1


# --- the title -----------------------------------------------------------------------------------


def split_title(text: str) -> tuple[str | None, str]:
    """Take the first line as the title when it looks like one, blanking it so line numbers stay right.

    It must be short (12 words or fewer), not end with a full stop (or , ; :), not be a list item or
    table row, not run on into a lower-case next line, and not be the only text in the document.
    """
    lines = text.split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None, text
    candidate = _title_text(lines[index])
    following = [line.strip() for line in lines[index + 1:] if line.strip()]
    if candidate is None or not following:
        return None, text
    runs_on = bool(lines[index + 1:index + 2]) and lines[index + 1].strip()[:1].islower()
    if runs_on:
        return None, text
    return candidate, "\n".join(lines[:index] + [""] + lines[index + 1:])


def _title_text(line: str) -> str | None:
    stripped = line.strip()
    heading = _ATX_HEADING.match(stripped)
    text = normalise_space(heading.group("text")) if heading else normalise_space(stripped)
    if not text or not _has_letter(text) or _is_table_row(line):
        return None
    if _LIST_MARKER.match(stripped) and not heading:
        return None
    if _GREETING.match(text):
        return None  # "Dear tenant" opens a letter: it is not its title
    limit = MAX_SHOUTED_TITLE_WORDS if _is_all_caps(text) else MAX_TITLE_WORDS
    if len(text.split()) > limit or text.endswith(_NOT_HEADING_END):
        return None
    return text


# --- paragraphs and lines ------------------------------------------------------------------------


def parse_pieces(text: str) -> list[Piece]:
    """Split text into pieces in reading order."""
    paragraphs = _paragraphs(normalise_newlines(text))
    pieces: list[Piece] = []
    for index, paragraph in enumerate(paragraphs):
        pieces += _paragraph_pieces(paragraph, followed=index < len(paragraphs) - 1)
    return pieces


def _paragraphs(text: str) -> list[list[tuple[int, str]]]:
    """Group non-blank lines separated by blank lines, keeping 1-based line numbers."""
    groups: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            groups[-1].append((number, line.rstrip()))
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _paragraph_pieces(lines: list[tuple[int, str]], followed: bool) -> list[Piece]:
    pieces: list[Piece] = []
    run: _Run | None = None
    for number, raw in lines:
        line = raw.strip()
        underline = len(line) >= 3 and _SETEXT_UNDERLINE.match(line) is not None
        if underline and run is not None and run.kind == "paragraph" and len(run.lines) == 1:
            pieces.append(Piece("heading", normalise_space(run.lines[0]), run.line))
            run = None
            continue
        if _SEPARATOR.match(line) or underline:
            _flush(run, pieces)
            run = None
            continue
        run = _take_line(number, raw, line, run, pieces)
    _flush(run, pieces)
    return _mark_headings(pieces, lines, followed)


def _take_line(number: int, raw: str, line: str, run: _Run | None, pieces: list[Piece]) -> _Run | None:
    """Add one line, returning the run that is still open afterwards."""
    heading = _ATX_HEADING.match(line)
    if heading:
        _flush(run, pieces)
        text = normalise_space(heading.group("text"))
        pieces.append(Piece("heading" if text else "paragraph", text or line, number))
        return None
    marker = _LIST_MARKER.match(line)
    if marker or _BULLET_ONLY.match(line):
        _flush(run, pieces)
        if marker is None:
            return _Run("list_item", number, [])
        # A bullet goes; a number or letter stays ("3121. Highways update"): people refer to items by it.
        return _Run("list_item", number, [line[marker.end():] if marker.group("bullet") else line])
    if _is_table_row(raw):
        _flush(run, pieces)
        pieces.append(Piece("table_row", ", ".join(_cells(raw)), number))
        return None
    if run is not None and (run.kind == "paragraph" or _continues_item(raw, run)):
        run.lines.append(line)
        return run
    _flush(run, pieces)
    return _Run("paragraph", number, [line])


def is_list_line(line: str) -> bool:
    """True for a line that starts a list item (or is a bullet on its own)."""
    stripped = line.strip()
    return bool(_LIST_MARKER.match(stripped) or _BULLET_ONLY.match(stripped))


def _continues_item(raw: str, run: _Run) -> bool:
    """An indented or lower-case line carries on a list item (an empty item takes any line)."""
    return not run.lines or raw[:1].isspace() or raw.strip()[:1].islower()


def _flush(run: _Run | None, pieces: list[Piece]) -> None:
    """Close a run; a bullet with no text after it leaves nothing behind."""
    if run is not None and run.lines:
        pieces.append(run.piece())


def _mark_headings(pieces: list[Piece], lines: list[tuple[int, str]], followed: bool) -> list[Piece]:
    """Turn the first line of a paragraph into a heading when it looks like one."""
    pieces = [piece for piece in pieces if piece.text]
    if not pieces or pieces[0].kind != "paragraph" or pieces[0].line != lines[0][0]:
        return pieces
    first = pieces[0]
    first_line = normalise_space(lines[0][1])
    single = len(lines) == 1 and first.text == first_line
    starts_well = first_line[:1].isupper() or first_line[:1].isdigit()
    if single and followed and _is_heading_line(first_line) and starts_well:
        return [Piece("heading", first_line, first.line)] + pieces[1:]
    if _is_heading_line(first_line) and _is_all_caps(first_line) and first.text.startswith(first_line):
        rest = normalise_space(first.text[len(first_line):])
        if rest or followed:
            head = Piece("heading", first_line, first.line)
            tail = [Piece("paragraph", rest, lines[1][0])] if rest else []
            return [head] + tail + pieces[1:]
    return pieces


def _is_heading_line(text: str) -> bool:
    return (_has_letter(text) and len(text.split()) <= MAX_HEADING_WORDS
            and not text.endswith(_NOT_HEADING_END))


def _is_all_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


# --- table rows ----------------------------------------------------------------------------------


def _is_table_row(raw: str) -> bool:
    stripped = raw.strip()
    return "\t" in stripped or len(_WIDE_GAP.findall(stripped)) >= 2


def _cells(raw: str) -> list[str]:
    return [cell for cell in (normalise_space(part) for part in _CELL_GAP.split(raw.strip())) if cell]
