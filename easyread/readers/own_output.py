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

    if is_output_name(path.name):
        return True
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            return _pdf_made_by_us(path)
        if suffix == ".docx":
            return _docx_made_by_us(path)
        if suffix in (".md", ".markdown", ".txt"):  # a Markdown output renamed to .txt keeps its mark
            with path.open("rb") as handle:
                return handle.read(_SNIFF_BYTES).lstrip(b"\xef\xbb\xbf").startswith(MARKDOWN_MARK.encode())
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return False
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
