"""Read a Word (.docx) file with python-docx, keeping every part of it, in reading order.

The body gives paragraphs and table rows (easyread.readers.docx_body); text boxes and footnotes or
endnotes follow the paragraph holding them (docx_elements, docx_notes); headers and footers with
contact details come at the end (docx_headers). Everything else is set aside with a reason, so each
non-empty paragraph ends up as a block, a heading, the title or a `SetAside`. Here: opening the
file, choosing the title, and telling headings typed by hand (a short bold line over ordinary text)
from lines such as a bold address.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from easyread.errors import UnreadableDocument
from easyread.model import Block, SourceDocument
from easyread.readers.common import (
    SectionBuilder,
    is_generic_title,
    level_one_title,
    normalise_space,
    same_text,
)
from easyread.readers.docx_body import MAX_BOLD_HEADING_WORDS, body_elements
from easyread.readers.docx_elements import Context, Element, unreferenced_note_elements
from easyread.readers.docx_headers import has_contact_details, page_furniture_elements
from easyread.readers.zip_limits import open_zip_document

_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LINE_ENDINGS = (".", ",", ";", ":", "!", "?")

NOT_VALID = "not a valid Word document (file is damaged or not .docx)"
PROTECTED = "is password-protected or an old .doc file; save it as an unprotected .docx"


def read(path: Path) -> SourceDocument:
    """Read a .docx file into a `SourceDocument` (format "docx").

    Raises UnreadableDocument for a damaged, encrypted or old-format (.doc) file.
    """
    document = open_document(path)
    context = Context.of(document, path)
    elements = type_bold_lines(body_elements(document, context))
    body = [element for element in elements if element.is_body]
    title, skip = choose_title(body, core_title(document, path.stem))
    title_element = body[skip] if skip is not None else None
    builder = SectionBuilder()
    for element in elements + unreferenced_note_elements(context) + page_furniture_elements(document, context):
        if element is not title_element:
            _add(builder, element)
    title_block = Block("paragraph", title_element.text, title_element.location) if title_element else None
    return builder.document(path, "docx", title, title_element.location if title_element else "", title_block)


def _add(builder: SectionBuilder, element: Element) -> None:
    if element.kind == "set_aside":
        builder.set_aside(element.location, element.text, element.reason)
    elif element.kind in ("title", "heading"):
        builder.heading(element.text, element.location, element.level)
    else:
        builder.block(element.kind, element.text, element.location, element.role)


def open_document(path: Path) -> Any:
    """Open with python-docx, turning every kind of damage into one clear UnreadableDocument.

    The zip is checked before anything is parsed (easyread.readers.zip_limits): its unzipped size
    and compression ratios against the limits, and python-docx is given a capped copy, so a
    1 MB file cannot make it inflate gigabytes.
    """
    with path.open("rb") as handle:
        start = handle.read(len(_OLE2_SIGNATURE))
    if start == _OLE2_SIGNATURE:
        raise UnreadableDocument(path, PROTECTED)
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument(path, NOT_VALID)
    import docx

    package = open_zip_document(path)
    try:
        return docx.Document(package)
    except Exception as exc:  # KeyError, XMLSyntaxError, PackageNotFoundError, ValueError
        raise UnreadableDocument(path, NOT_VALID) from exc


def core_title(document: Any, stem: str) -> str | None:
    """The title in the file's properties, unless it is a generic one like "Document1" or the file name."""
    try:
        title = normalise_space(document.core_properties.title or "")
    except Exception:  # a damaged docProps/core.xml should not stop us reading the text
        return None
    return None if is_generic_title(title, stem) else title


def choose_title(elements: Sequence[Element], from_properties: str | None) -> tuple[str | None, int | None]:
    """The title, and the index of the body element it came from (left out of the sections), if any.

    Order: the first Title-style paragraph, the title in the file's properties, the first Heading 1.
    A Heading 1 is only left out when it is the first heading, so no text loses the heading it is
    under. None when there is no title: the builder then takes the first heading, or leaves it "".
    """
    first = next((i for i, element in enumerate(elements) if element.kind == "title"), None)
    if first is not None:
        return elements[first].text, first
    if from_properties:
        opening = 0 if elements and elements[0].kind != "table_row" else None
        same = opening is not None and same_text(elements[0].text, from_properties)
        return from_properties, opening if same else None
    return level_one_title(elements)


def type_bold_lines(elements: list[Element]) -> list[Element]:
    """Turn a short bold line into a heading typed by hand when it is one; leave lines of content alone.

    A short all-bold paragraph followed by ordinary text is a heading, one level below the last
    styled heading (0 when there is none). It stays a paragraph when it is one of two or more such
    lines in a row (an address set in bold), when it holds contact details (a phone number, email,
    web address or postcode), or when it carries on a block of short lines with no gap before it.
    """
    result = list(elements)
    body = [index for index, element in enumerate(result) if element.is_body]
    last_level = 0
    for position, index in enumerate(body):
        element = result[index]
        if element.kind == "heading":
            last_level = element.level
        previous = result[body[position - 1]] if position else None
        following = result[body[position + 1]] if position + 1 < len(body) else None
        if not element.bold or following is None or following.kind in ("title", "heading"):
            continue
        in_a_run = (previous is not None and previous.bold and not element.after_gap) or (
            following.bold and not following.after_gap)
        if in_a_run or has_contact_details(element.text) or _carries_on(previous, element):
            continue
        result[index] = replace(element, kind="heading", level=last_level + 1 if last_level else 0)
    return result


def _carries_on(previous: Element | None, element: Element) -> bool:
    """A line straight after a short plain line that does not end like a sentence (one block of lines)."""
    return (previous is not None and not element.after_gap and previous.kind == "paragraph"
            and not previous.bold and len(previous.text.split()) <= MAX_BOLD_HEADING_WORDS
            and not previous.text.endswith(_LINE_ENDINGS))
