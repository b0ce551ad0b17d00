"""Tell our own outputs from documents to convert: an Easy Read version is not a source.

Converting `letter.easyread.pdf` again would simplify text that is already simplified, add a second
title page, and report its page footers as facts. We know an output by its name
(`<name>.easyread.<ext>`) or, when it was renamed, by the mark every renderer leaves in it: the PDF's
Creator, the Word file's author (core properties), a comment on the first line of the Markdown.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

CREATOR = "easyread"
MARKDOWN_MARK = "<!-- made by easyread: an Easy Read version, not a source document -->"
_SNIFF_BYTES = 4096
_DOCX_CREATOR = re.compile(r"<dc:creator>\s*easyread\s*</dc:creator>")


def is_own_output(path: Path) -> bool:
    """Whether the file at `path` is an Easy Read version made by easyread (by its name or its mark).

    Never raises: a file that cannot be sniffed is taken for a source, and its reader reports any problem.
    """
    from easyread.outputs import is_output_name

    return is_output_name(path.name) or carries_mark(path)


def carries_mark(path: Path) -> bool:
    """Whether the file at `path` carries the mark of one of our PDF, Word or Markdown outputs, told
    by its content whatever its name (a Markdown output renamed to .txt keeps its mark).

    Never raises: a file that cannot be read or sniffed does not carry the mark.
    """
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
        if head.startswith(b"%PDF-"):
            return _pdf_made_by_us(path)
        if head.startswith(b"PK\x03\x04"):
            return _docx_made_by_us(path)
        return head.lstrip(b"\xef\xbb\xbf").lstrip().startswith(MARKDOWN_MARK.encode())  # blank lines before it too
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError, NotImplementedError):
        return False


def _pdf_made_by_us(path: Path) -> bool:
    """The Creator in the PDF's document information (pypdf reads only the cross-reference and that)."""
    from pypdf import PdfReader

    from easyread.readers.pdf_document import quiet_pdf_library

    try:
        with quiet_pdf_library("pypdf"):
            metadata = PdfReader(path).metadata
            return metadata is not None and str(metadata.creator or "").strip() == CREATOR
    except Exception:  # damaged or encrypted: the PDF reader says what is wrong with it
        return False


def _docx_made_by_us(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("docProps/core.xml")
        if info.file_size > 1024 * 1024:
            return False
        return _DOCX_CREATOR.search(archive.read(info).decode("utf-8", "replace")) is not None
