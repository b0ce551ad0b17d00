"""Footnotes and endnotes of a Word file, read from their package parts, numbered as Word numbers them.

The notes live in word/footnotes.xml and word/endnotes.xml, reached through the main document
part's relationships (python-docx's package API; python-docx 1.2 has no footnote objects). Word's
separator and continuation notes hold no text and are skipped. Word numbers notes in the order
their references appear, from w:numStart in the format of w:numFmt (settings.xml, or the last
section's properties): footnotes 1, 2, 3 and endnotes i, ii, iii unless the file says otherwise
([MS-OI29500] 2.1.306: Word's default endnote format is lowerRoman). A reference with
w:customMarkFollows shows its own mark ("*") and takes no number.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from easyread.errors import UnreadableDocument
from easyread.readers.docx_numbering import format_number
from easyread.readers.docx_text import Attachment
from easyread.readers.docx_xml import W, int_value, value

KINDS = ("footnote", "endnote")
_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_DEFAULT_FORMAT = {"footnote": "decimal", "endnote": "lowerRoman"}


class Notes:
    """The notes of one document, handed out once each as their references are met in reading order."""

    def __init__(self, document: Any, path: Path) -> None:
        self._notes: dict[str, dict[str, Any]] = {kind: _load(document, kind, path) for kind in KINDS}
        self._formats = {kind: _numbering(document, kind) for kind in KINDS}
        self._counts = {kind: 0 for kind in KINDS}
        self._taken: set[tuple[str, str]] = set()
        self._locations: set[str] = set()

    def take(self, reference: Attachment) -> tuple[str, Any] | None:
        """(location such as "footnote 3", the w:footnote element) for a reference; None for an unknown
        or separator note, or one already taken."""
        kind, note_id = reference.kind, str(reference.target)
        note = self._notes[kind].get(note_id)
        if note is None or (kind, note_id) in self._taken:
            return None
        self._taken.add((kind, note_id))
        if reference.custom_mark and reference.mark:
            mark = reference.mark
        else:
            number_format, start = self._formats[kind]
            mark = format_number(start + self._counts[kind], number_format)
            self._counts[kind] += 1
        return self._unique(f"{kind} {mark}"), note

    def unreferenced(self) -> Iterator[tuple[str, Any]]:
        """(location, element) of each note no reference points to: Word never shows it."""
        for kind in KINDS:
            for note_id, note in self._notes[kind].items():
                if (kind, note_id) not in self._taken:
                    yield self._unique(f"{kind} with id {note_id}"), note

    def _unique(self, location: str) -> str:
        candidate, number = location, 1
        while candidate in self._locations:
            number += 1
            candidate = f"{location} ({number})"
        self._locations.add(candidate)
        return candidate


def _load(document: Any, kind: str, path: Path) -> dict[str, Any]:
    """{w:id: w:footnote} of the real notes in the footnotes (or endnotes) part; {} when there is none."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml

    relationship = RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnote" else RELATIONSHIP_TYPE.ENDNOTES
    try:
        part = document.part.part_related_by(relationship)
    except KeyError:
        return {}
    try:
        root = part.element if hasattr(part, "element") else parse_xml(part.blob)
    except Exception as exc:  # lxml's XMLSyntaxError and friends: the part is damaged
        raise UnreadableDocument(path, f"not a valid Word document (its {kind}s part is damaged)") from exc
    return {note.get(f"{W}id") or "": note for note in root.iterchildren(f"{W}{kind}")
            if note.get(f"{W}type") not in _SEPARATORS}


def _numbering(document: Any, kind: str) -> tuple[str, int]:
    """(number format, first number) for footnotes or endnotes."""
    number_format, start = _DEFAULT_FORMAT[kind], 1
    places = []
    try:
        places.append(document.settings.element.find(f"{W}{kind}Pr"))
    except Exception:  # a file without settings.xml numbers its notes Word's default way
        pass
    places.append(document.element.body.find(f"{W}sectPr/{W}{kind}Pr"))
    for properties in places:
        if properties is None:
            continue
        number_format = value(properties.find(f"{W}numFmt")) or number_format
        start = int_value(properties.find(f"{W}numStart"), start)
    return ("decimal" if number_format == "bullet" else number_format), start
