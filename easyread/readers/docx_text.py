"""The text a reader of one Word paragraph sees, and what hangs from it.

`scan_paragraph` walks one w:p in document order and sorts what it meets:
* visible text: runs, links, content controls, tracked insertions, field results;
* hidden text (w:vanish), kept apart so the reader can set it aside with a reason;
* results of page-number fields (PAGE, NUMPAGES, SECTIONPAGES), which Word redraws on each page;
* attachments in order: text boxes (w:txbxContent, one branch of each mc:AlternateContent) and
  footnote/endnote references.
Field codes (w:instrText, and anything between a field's begin and separate marks) and deleted
text (w:del, w:moveFrom) are not text and are not reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from easyread.readers.common import normalise_space
from easyread.readers.docx_xml import ALTERNATE_CONTENT, TEXT_BOX, M, W, chosen_branch, is_on
from easyread.readers.repair import repair_text

_SKIPPED = frozenset({f"{W}pPr", f"{W}rPr", f"{W}del", f"{W}moveFrom", f"{W}sdtPr", f"{W}sdtEndPr",
                      f"{W}customXmlPr", f"{W}smartTagPr"})
_SPACES = frozenset({f"{W}tab", f"{W}ptab", f"{W}br", f"{W}cr"})
_TEXTS = frozenset({f"{W}t", f"{M}t"})
_NOTE_REFERENCES = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}
_CONTAINERS = frozenset({f"{W}drawing", f"{W}pict", f"{W}object", ALTERNATE_CONTENT})
PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})


@dataclass
class Attachment:
    """A text box or a note reference met in a paragraph. `target` is the w:txbxContent or the note id."""

    kind: str  # "text box", "footnote" or "endnote"
    target: Any
    custom_mark: bool = False  # a note shown with its own mark ("*") instead of a number
    mark: str = ""


@dataclass
class Scan:
    """What `scan_paragraph` found in one paragraph (texts have their spacing collapsed and are repaired)."""

    text: str
    hidden: str = ""
    page_numbers: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    text_runs: list[Any] = field(default_factory=list)  # the w:r elements that show visible text


def scan_paragraph(p: Any) -> Scan:
    """Walk one w:p (or any run container) and return its visible text, hidden text and attachments."""
    walker = _Walker()
    walker.element(p)
    return Scan(_clean(walker.visible), _clean(walker.hidden), _clean(walker.pages), walker.attachments,
                walker.text_runs)


def _clean(parts: list[str]) -> str:
    return repair_text(normalise_space("".join(parts)))


class _Walker:
    """One pass over a paragraph's elements, keeping the state of open fields."""

    def __init__(self) -> None:
        self.visible: list[str] = []
        self.hidden: list[str] = []
        self.pages: list[str] = []
        self.attachments: list[Attachment] = []
        self.text_runs: list[Any] = []
        self.fields: list[list[Any]] = []  # [instruction, showing its result] for each open field
        self.waiting_mark: Attachment | None = None

    def element(self, element: Any) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            return
        if tag == ALTERNATE_CONTENT:
            branch = chosen_branch(element)
            if branch is not None:
                self.element(branch)
        elif tag == TEXT_BOX:
            self.attachments.append(Attachment("text box", element))
        elif tag == f"{W}r":
            self.run(element)
        elif tag == f"{W}fldSimple":
            self.fields.append([element.get(f"{W}instr") or "", True])
            for child in element.iterchildren():
                self.element(child)
            self.fields.pop()
        else:
            for child in element.iterchildren():
                self.element(child)

    def run(self, run: Any) -> None:
        hidden = is_on(run.find(f"{W}rPr/{W}vanish"))
        shows_text = False
        for child in run.iterchildren():
            tag = child.tag
            if tag in _TEXTS:
                shows_text = self.add(child.text or "", hidden) or shows_text
            elif tag in _SPACES:
                self.add(" ", hidden)
            elif tag == f"{W}noBreakHyphen":
                self.add("-", hidden)
            elif tag == f"{W}fldChar":
                self.field_mark(child.get(f"{W}fldCharType"))
            elif tag == f"{W}instrText":
                if self.fields and not self.fields[-1][1]:
                    self.fields[-1][0] += child.text or ""
            elif tag in _NOTE_REFERENCES:
                self.note_reference(child, _NOTE_REFERENCES[tag])
            elif tag in _CONTAINERS:
                self.element(child)
        if shows_text:
            self.text_runs.append(run)

    def field_mark(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def note_reference(self, reference: Any, kind: str) -> None:
        custom = (reference.get(f"{W}customMarkFollows") or "").lower() in ("1", "true", "on")
        attachment = Attachment(kind, reference.get(f"{W}id"), custom_mark=custom)
        self.attachments.append(attachment)
        self.waiting_mark = attachment if custom else None

    def add(self, text: str, hidden: bool) -> bool:
        """Add text where it belongs; True when it is visible text with something other than spaces."""
        if any(not showing for _, showing in self.fields):
            return False  # a field's code, not its result
        if hidden:
            self.hidden.append(text)
            return False
        if any(_field_name(instruction) in PAGE_FIELDS for instruction, _ in self.fields):
            self.pages.append(text)
            return False
        if self.waiting_mark is not None and text.strip():
            self.waiting_mark.mark = text.strip()
            self.waiting_mark = None
        self.visible.append(text)
        return bool(text.strip())


def _field_name(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""
