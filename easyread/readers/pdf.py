"""Read a PDF with pypdf: the text layer of each page, structured with `plain_text`.

A PDF's text has no blank lines between paragraphs, so before structuring a page we put them back
where a line ends a sentence well short of the full line width, and around short heading-like lines.
Sections carry on from one page to the next; every block is located as "page N".
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from easyread.errors import UnreadableDocument
from easyread.model import Block, SourceDocument
from easyread.readers.common import (
    SectionBuilder,
    is_generic_title,
    normalise_space,
    same_text,
)
from easyread.readers.plain_text import (
    MAX_HEADING_WORDS,
    Piece,
    add_pieces,
    is_list_line,
    normalise_newlines,
    parse_pieces,
    split_title,
)

NOT_VALID = "not a valid PDF (file is damaged)"
ENCRYPTED = "is encrypted with a password"
NO_TEXT = "has no text layer (it may be a scanned image); run OCR first"

_PAGE_NUMBER = re.compile(r"^[-–\s]*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?[-–\s]*$", re.IGNORECASE)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")
_STARTS_NEW = re.compile(r"^[\"'“‘(]?[A-Z0-9•●▪◦·\-–*\uf0b7\uf0a7]")
_SHORT_OF_WIDTH = 0.85  # a sentence ending this far short of the widest line ends its paragraph
_HEADING_WIDTH = 0.7  # a heading-like line must be shorter than this share of the widest line
_MIN_WIDTH = 50  # on a page of only short lines, measure against a typical line instead


def read(path: Path) -> SourceDocument:
    with path.open("rb") as handle, _quiet_pypdf():
        reader = _open(handle, path)
        pages = _page_texts(reader, path)
        metadata_title = _metadata_title(reader, path.stem)
    if not any(text.strip() for text in pages):
        raise UnreadableDocument(path, NO_TEXT)
    return build_document(path, [prepare_page(text) for text in pages], metadata_title)


def build_document(path: Path, pages: list[str], metadata_title: str | None) -> SourceDocument:
    """Structure prepared page texts into one document whose sections run across pages."""
    first = next((index for index, text in enumerate(pages) if text.strip()), 0)
    title, pages[first] = _take_title(pages[first], metadata_title)
    builder = SectionBuilder()
    for number, text in enumerate(pages, start=1):
        pieces = parse_pieces(text)
        if pieces and _continues(builder.last_block(), pieces[0]):
            previous = builder.last_block()
            assert previous is not None
            joined = f"{previous.text} {pieces[0].text}"
            builder.replace_last_block(Block(previous.kind, joined, previous.location))
            pieces = pieces[1:]
        add_pieces(builder, ((piece, f"page {number}") for piece in pieces))
    title_block = Block("paragraph", title, f"page {first + 1}") if title and not metadata_title else None
    return builder.document(path, "pdf", title, title_block.location if title_block else "", title_block)


# --- pypdf ---------------------------------------------------------------------------------------


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs warnings about damaged files to stderr; the caller reports problems itself."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _open(handle: Any, path: Path) -> Any:
    from pypdf import PdfReader

    try:
        reader = PdfReader(handle)
    except Exception as exc:  # PdfReadError, PdfStreamError, ValueError, ... from a damaged file
        raise UnreadableDocument(path, NOT_VALID) from exc
    if reader.is_encrypted:
        _decrypt(reader, path)
    return reader


def _decrypt(reader: Any, path: Path) -> None:
    """Open a PDF that is encrypted but has an empty user password; refuse one that needs a password."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # e.g. AES encryption without the optional cryptography package
        raise UnreadableDocument(path, ENCRYPTED) from exc
    if not opened:
        raise UnreadableDocument(path, ENCRYPTED)


def _page_texts(reader: Any, path: Path) -> list[str]:
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise UnreadableDocument(path, NOT_VALID) from exc
    texts: list[str] = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception as exc:
            raise UnreadableDocument(path, f"page {number} could not be read (file is damaged)") from exc
    return texts


def _metadata_title(reader: Any, stem: str) -> str | None:
    try:
        title = normalise_space(str(reader.metadata.title or "")) if reader.metadata else ""
    except Exception:  # damaged metadata: fall back to the first line
        return None
    return None if is_generic_title(title, stem) else title


# --- page text -----------------------------------------------------------------------------------


def prepare_page(text: str) -> str:
    """Clean one page's extracted text and put back the blank lines between its paragraphs."""
    text = normalise_newlines(text).translate(_LIGATURES)
    lines = [_clean_line(line) for line in text.split("\n")]
    lines = _drop_page_numbers(lines)
    return "\n".join(_paragraph_breaks(lines))


def _clean_line(line: str) -> str:
    """Strip a line (indenting means nothing in extracted text); a symbol-font bullet (DEL) stays a bullet."""
    stripped = line.strip()
    if stripped.startswith("\x7f"):
        stripped = "•" + stripped[1:]
    return _CONTROL_CHARS.sub("", stripped).strip()


def _drop_page_numbers(lines: list[str]) -> list[str]:
    """Remove a bare page number ("3", "Page 3 of 5") from the top or bottom of the page."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    for index in {filled[0], filled[-1]} if filled else set():
        if _PAGE_NUMBER.match(lines[index]) and len(filled) > 1:
            lines[index] = ""
    return lines


def _paragraph_breaks(lines: list[str]) -> list[str]:
    widest = max([_MIN_WIDTH] + [len(line) for line in lines])
    result: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not (line and following and _starts_new(following)):
            result.append(line)
            continue
        heading = _heading_like(line, widest) and (not previous or _SENTENCE_END.search(previous) is not None)
        if heading and result and result[-1]:
            result.append("")
        result.append(line)
        if heading or (_SENTENCE_END.search(line) and len(line) < _SHORT_OF_WIDTH * widest):
            result.append("")
    return result


def _heading_like(line: str, widest: int) -> bool:
    """Short, no sentence punctuation at the end, well short of the margin."""
    return (len(line.split()) <= MAX_HEADING_WORDS and not line.endswith((".", ",", ";", ":"))
            and not is_list_line(line) and any(char.isalpha() for char in line)
            and len(line) < _HEADING_WIDTH * widest)


def _starts_new(line: str) -> bool:
    return bool(_STARTS_NEW.match(line))


def _take_title(text: str, metadata_title: str | None) -> tuple[str | None, str]:
    """Use the metadata title (dropping the first line if it repeats it), else the first-line rule."""
    if not metadata_title:
        return split_title(text)
    lines = text.split("\n")
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is not None and same_text(lines[index].lstrip("# "), metadata_title):
        lines[index] = ""
    return metadata_title, "\n".join(lines)


def _continues(previous: Block | None, first: Piece) -> bool:
    """A paragraph cut by a page break: no sentence end before it, a lower-case start after it."""
    return (previous is not None and previous.kind == "paragraph" and first.kind == "paragraph"
            and not _SENTENCE_END.search(previous.text) and first.text[:1].islower())
