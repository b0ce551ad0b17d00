"""Open a PDF with pdfminer.six: refuse damaged and password-protected files, read the metadata
title, and lay out every page (see `pdf_extract`), with pdfminer's warnings kept quiet."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from easyread.errors import UnreadableDocument
from easyread.readers.common import is_generic_title, normalise_space
from easyread.readers.pdf_extract import PageText, read_pages
from easyread.readers.pdf_streams import PageTooCostly
from easyread.readers.pdf_text_layer import NO_TEXT
from easyread.readers.repair import repair_text

NOT_VALID = "not a valid PDF (file is damaged)"
ENCRYPTED = "is encrypted with a password"
_FILE_NAME = re.compile(r"\.\w{2,4}$")


@contextmanager
def quiet_pdf_library(name: str = "pdfminer") -> Iterator[None]:
    """PDF libraries (pdfminer, pypdf) log warnings about damaged files; the caller reports
    problems itself. The library's log level is put back afterwards."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def open_document(handle: Any, path: Path) -> Any:
    """Open the PDF (an empty user password is tried); refuse damaged and password-protected files."""
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(handle), password="")
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableDocument(path, ENCRYPTED) from exc
    except UnreadableDocument:  # a limit met while reading the cross-reference (pdf_streams)
        raise
    except Exception as exc:  # PDFSyntaxError, PSEOF, KeyError, ... from a damaged file
        if "crypt" in type(exc).__name__.lower():
            raise UnreadableDocument(path, ENCRYPTED) from exc
        raise UnreadableDocument(path, NOT_VALID) from exc


def laid_out_pages(document: Any, path: Path, char_margin: float = 2.0) -> list[PageText]:
    """Every page laid out (`char_margin`: see `read_pages`); a page pdfminer cannot read refuses
    the file, naming the page."""
    pages: list[PageText] = []
    try:
        for page in read_pages(document, char_margin):
            pages.append(page)
    except UnreadableDocument:
        raise
    except PageTooCostly as exc:
        raise UnreadableDocument(path, exc.reason) from None
    except Exception as exc:
        if not pages and not _has_pages(document):
            raise UnreadableDocument(path, NOT_VALID) from exc
        raise UnreadableDocument(path, f"page {len(pages) + 1} could not be read (file is damaged)") from exc
    if not pages:
        raise UnreadableDocument(path, NOT_VALID if not _has_pages(document) else NO_TEXT)
    return pages


def _has_pages(document: Any) -> bool:
    try:
        return bool(document.catalog.get("Pages"))
    except Exception:
        return False


def metadata_title(document: Any, stem: str) -> str | None:
    """The Title of the document information, when it is a real title (not "Untitled", a file name, a code)."""
    from pdfminer.utils import decode_text

    try:
        info = document.info[0] if document.info else {}
        raw = info.get("Title")
        raw = raw.resolve() if hasattr(raw, "resolve") else raw
        title = normalise_space(decode_text(raw) if isinstance(raw, bytes) else str(raw or ""))
    except Exception:  # damaged metadata: no title from it
        return None
    words = [word for word in title.split() if any(char.isalpha() for char in word)]
    if is_generic_title(title, stem) or len(words) < 2 or title[:1].isdigit() or _FILE_NAME.search(title):
        return None
    return repair_text(title)
