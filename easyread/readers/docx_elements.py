"""The Word reader's working parts: `Element` (one classified piece of the source), the reading
`Context` shared by its modules, the lines of a container (a note, a text box, a cell, a header),
and the blocks text boxes and notes become right after the paragraph that holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from easyread.readers.docx_notes import Notes
from easyread.readers.docx_numbering import Numbering
from easyread.readers.docx_styles import StyleSheet
from easyread.readers.docx_text import Attachment, scan_paragraph
from easyread.readers.docx_xml import TEXT_BOX, W, children

ElementKind = Literal["title", "heading", "paragraph", "list_item", "table_row", "set_aside"]
HIDDEN_TEXT = "hidden text"
PAGE_NUMBER = "page number"
NOT_REFERENCED = "a note with no reference to it in the text (Word never shows it)"


@dataclass(frozen=True)
class Element:
    """One classified piece of the source, in reading order, with its location.

    `role` is "" for body text and "text box", "footnote", "endnote", "header" or "footer" for the
    rest; `reason` says why a "set_aside" element gives no item.
    """

    kind: ElementKind
    text: str
    location: str
    level: int = 0  # 1 for "Heading 1"; 0 when not known
    bold: bool = False  # a short all-bold paragraph: maybe a heading typed by hand
    role: str = ""
    reason: str = ""
    after_gap: bool = True  # an empty paragraph, a table or the start of the document comes just before it

    @property
    def is_body(self) -> bool:
        """A piece of the main text (not set aside, not a note, text box, header or footer)."""
        return self.kind != "set_aside" and not self.role


def set_aside(location: str, text: str, reason: str) -> Element:
    return Element("set_aside", text, location, reason=reason)


@dataclass
class Context:
    """What every part of one reading shares: styles, list counts, notes and the text box count."""

    styles: StyleSheet
    numbering: Numbering
    notes: Notes
    text_boxes: int = 0

    @classmethod
    def of(cls, document: Any, path: Path) -> Context:
        """The context for a python-docx Document (styles, numbering and notes parts, if present)."""
        from docx.opc.constants import RELATIONSHIP_TYPE

        try:
            styles_element = document.part.part_related_by(RELATIONSHIP_TYPE.STYLES).element
        except KeyError:
            styles_element = None
        try:
            numbering_element = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        except KeyError:
            numbering_element = None
        styles = StyleSheet(styles_element)
        return cls(styles, Numbering(numbering_element, styles), Notes(document, path))


@dataclass
class Line:
    """One paragraph of a container: its text with any list label, hidden text and page numbers."""

    text: str
    hidden: str = ""
    page_numbers: str = ""


@dataclass
class Lines:
    lines: list[Line] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)  # to place after the container's block

    def text(self) -> str:
        return " ".join(line.text for line in self.lines if line.text)

    def hidden(self) -> str:
        return " ".join(line.hidden for line in self.lines if line.hidden)

    def page_numbers(self) -> str:
        return " ".join(line.page_numbers for line in self.lines if line.page_numbers)


def paragraph_line(p: Any, context: Context) -> tuple[Line, list[Attachment]]:
    """The line of one paragraph (numbered as Word shows it) and its attachments."""
    scan = scan_paragraph(p)
    _, label = context.numbering.label(p, context.styles.paragraph_style(p))
    text = f"{label} {scan.text}" if label and scan.text else scan.text
    return Line(text, scan.hidden, scan.page_numbers), scan.attachments


def lines_of(container: Any, context: Context, inline_text_boxes: bool = False) -> Lines:
    """Every paragraph of a container in reading order, tables cell by cell, empty ones included.

    With `inline_text_boxes` the paragraphs of a text box follow the paragraph anchoring it (for
    headers and footers); otherwise text boxes are left in `attachments` like note references.
    """
    result = Lines()
    for child, _ in children(container):
        if child.tag == f"{W}p":
            line, attachments = paragraph_line(child, context)
            result.lines.append(line)
            for attachment in attachments:
                if inline_text_boxes and attachment.kind == "text box":
                    inner = lines_of(attachment.target, context, inline_text_boxes)
                    result.lines += inner.lines
                    result.attachments += inner.attachments
                else:
                    result.attachments.append(attachment)
        elif child.tag in (f"{W}tbl", f"{W}tr", f"{W}tc", TEXT_BOX):
            inner = lines_of(child, context, inline_text_boxes)
            result.lines += inner.lines
            result.attachments += inner.attachments
    return result


def attachment_elements(attachments: list[Attachment], context: Context) -> list[Element]:
    """The blocks for text boxes and notes met in one paragraph or row, in the order they were met.

    Each text box is one block ("text box 2", role "text box"), numbered in reading order among the
    boxes that hold text; each note one block ("footnote 1", role "footnote"). Whatever they hold
    in turn (a note referenced inside a text box) follows them.
    """
    elements: list[Element] = []
    for attachment in attachments:
        if attachment.kind == "text box":
            lines = lines_of(attachment.target, context)
            if not (lines.text() or lines.hidden() or lines.page_numbers()):
                elements += attachment_elements(lines.attachments, context)
                continue
            context.text_boxes += 1
            location, role = f"text box {context.text_boxes}", "text box"
        else:
            note = context.notes.take(attachment)
            if note is None:
                continue
            (location, element), role = note, attachment.kind
            lines = lines_of(element, context)
        elements += contained_elements(lines, location, role)
        elements += attachment_elements(lines.attachments, context)
    return elements


def contained_elements(lines: Lines, location: str, role: str) -> list[Element]:
    """One block for a note or a text box, and its hidden text and page numbers set aside."""
    elements: list[Element] = []
    if lines.text():
        elements.append(Element("paragraph", lines.text(), location, role=role))
    elements += hidden_elements(location, lines.hidden(), lines.page_numbers())
    return elements


def hidden_elements(location: str, hidden: str, page_numbers: str) -> list[Element]:
    """Set-aside elements for hidden text (w:vanish) and for page numbers drawn by a field. Each has
    a location of its own ("paragraph 4, hidden text"): the ledger names every part once."""
    elements: list[Element] = []
    if hidden:
        elements.append(set_aside(f"{location}, hidden text", hidden, HIDDEN_TEXT))
    if page_numbers:
        elements.append(set_aside(f"{location}, page number", page_numbers, PAGE_NUMBER))
    return elements


def unreferenced_note_elements(context: Context) -> list[Element]:
    """Notes no reference points to, set aside (Word does not show them)."""
    elements: list[Element] = []
    for location, note in context.notes.unreferenced():
        lines = lines_of(note, context)
        text = " ".join(part for part in (lines.text(), lines.hidden()) if part)
        if text:
            elements.append(set_aside(location, text, NOT_REFERENCED))
    return elements
