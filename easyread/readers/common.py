"""Small helpers every reader shares: whitespace, titles, table rows and building sections."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from easyread.limits import MEGABYTE
from easyread.model import Block, BlockKind, Section, SetAside, SourceDocument

GENERIC_TITLES = frozenset({
    "", "untitled", "untitled document", "document", "document1", "title", "no title", "unknown",
    "(anonymous)", "(unspecified)", "anonymous", "slide 1", "presentation", "word document", "pdf",
})
_FILE_NAME = re.compile(r"\.(docx?|pdf|txt|md|rtf|odt|indd|pages|xlsx?|pptx?)$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?")



def readable_size(size: int, up: bool = False) -> str:
    """A size people can read: "61 MB", "1.5 MB", "200 KB", "12 bytes" (`up` rounds up, for a file's
    own size, so that a file just over a limit never reads as the limit itself)."""
    rounding = math.ceil if up else round
    if size >= 10 * MEGABYTE:
        return f"{rounding(size / MEGABYTE)} MB"
    if size >= MEGABYTE:
        return f"{rounding(size * 10 / MEGABYTE) / 10:g} MB"
    if size >= 1024:
        return f"{rounding(size / 1024)} KB"
    return f"{size} bytes"


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (line breaks, tabs, no-break spaces) to one space."""
    return " ".join(text.split())


def is_generic_title(title: str, stem: str = "") -> bool:
    """True for titles that say nothing: empty, "Untitled", "Microsoft Word - x.docx", the file name."""
    text = normalise_space(title).lower()
    if text in GENERIC_TITLES or text.startswith("microsoft word -") or _FILE_NAME.search(text):
        return True
    return bool(stem) and text == stem.lower()


NO_WORDS = "no words"  # the reason for a part of only punctuation or symbols ("&", "* * *", "•")
MAX_HEADING_SENTENCE_WORDS = 20


def is_sentence_not_heading(text: str) -> bool:
    """A "heading" that reads as a sentence: 8 or more words ending in a full stop, or over 20 words."""
    words = len(text.split())
    return (words >= 8 and text.endswith(".") and not text.endswith("..")) or words > MAX_HEADING_SENTENCE_WORDS


def same_text(first: str, second: str) -> bool:
    """Compare two lines ignoring case, spacing and a trailing colon."""
    def key(text: str) -> str:
        return normalise_space(text).rstrip(":").casefold()

    return key(first) == key(second)


def sentence(text: str) -> str:
    """End a fragment with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if not text or text.endswith(_SENTENCE_END) else text + "."


def table_row_text(cells: list[str], header: list[str] | None) -> str:
    """Flatten one table row: "Day: Monday. Bin: Green bin." with a header, "Monday, Green bin" without."""
    cells = [normalise_space(cell) for cell in cells]
    if header is None:
        return ", ".join(cell for cell in cells if cell)
    parts: list[str] = []
    for index, cell in enumerate(cells):
        if not cell:
            continue
        name = normalise_space(header[index]) if index < len(header) else ""
        parts.append(sentence(f"{name.rstrip(':')}: {cell}" if name and name != cell else cell))
    return " ".join(parts)


@dataclass
class SectionBuilder:
    """Collects headings, blocks and set-aside parts in reading order and turns them into a document.

    Every part a reader meets ends up somewhere: a block in a section, a heading, the title, or a
    `SetAside` with its reason. Nothing is dropped here without a trace.
    """

    _sections: list[Section] = field(default_factory=lambda: [Section("")])
    _set_aside: list[SetAside] = field(default_factory=list)

    def heading(self, text: str, location: str = "", level: int = 0) -> None:
        """Start a section. `level` is 1 for a top heading, 2 below it, ...; 0 when the format does not say.

        Text marked as a heading that is really a sentence (a long line ending in a full stop, often a
        paragraph over a Markdown "---" meant as a rule) is kept as a paragraph in its place.
        """
        text = normalise_space(text)
        if is_sentence_not_heading(text):
            self.block("paragraph", text, location)
        elif text:
            self._sections.append(Section(text, heading_location=location, level=level))

    def block(self, kind: BlockKind, text: str, location: str, role: str = "") -> None:
        text = normalise_space(text)
        if text:
            self._sections[-1].blocks.append(Block(kind, text, location, role))

    def set_aside(self, location: str, text: str, reason: str) -> None:
        """Record a part of the source that gives no item, and why ("page number", "table of contents")."""
        text = normalise_space(text)
        if text:
            self._set_aside.append(SetAside(location, text, reason))

    def has_blocks(self) -> bool:
        return any(section.blocks for section in self._sections)

    def last_block(self) -> Block | None:
        """The last block of the current section, if it has one."""
        blocks = self._sections[-1].blocks
        return blocks[-1] if blocks else None

    def replace_last_block(self, block: Block) -> None:
        self._sections[-1].blocks[-1] = block

    def finish(self, title_block: Block | None = None) -> list[Section]:
        """The sections, headings with nothing under them made content, an empty untitled first one dropped.

        A heading with nothing under it is a line of content (a bold address line, a closing
        "Thank you"), kept as a paragraph in its place, unless the next heading is below it (a
        "4. Reviews" over "4.1 ..."): that one stays a heading over the sections below it. A
        document made only of headings (or only a title) still has text to convert, so then the
        title line taken from the text and the headings become the paragraphs.
        """
        sections = [section for section in self._sections if section.heading or section.blocks]
        if not any(section.blocks for section in sections):
            blocks = ([title_block] if title_block else []) + [
                Block("paragraph", section.heading, section.heading_location) for section in sections]
            return [Section("", blocks)] if blocks else []
        result: list[Section] = []
        for index, section in enumerate(sections):
            following = sections[index + 1] if index + 1 < len(sections) else None
            if section.blocks or not section.heading or _is_parent(section, following):
                result.append(section)
                continue
            line = Block("paragraph", section.heading, section.heading_location)
            if result:
                result[-1].blocks.append(line)
            elif following is not None:
                following.blocks.insert(0, line)
            else:
                result.append(Section("", [line]))
        return result

    def set_aside_parts(self) -> list[SetAside]:
        return list(self._set_aside)

    def document(self, path: Path, format: str, title: str | None, title_location: str = "",
                 title_block: Block | None = None) -> SourceDocument:
        """The finished `SourceDocument`. Without a `title` the first heading is the title (and stays a
        heading); a document with neither has the title "". A title never comes from the file name."""
        sections = self.finish(title_block)
        if not title:
            first = next((section for section in sections if section.heading), None)
            if first is not None:
                title, title_location = first.heading, first.heading_location
        return SourceDocument(path, format, title or "", sections, title_location=title_location,
                              set_aside=self.set_aside_parts())


def _is_parent(section: Section, following: Section | None) -> bool:
    """Whether an empty heading stands over the next one: both levels known and the next one deeper."""
    return following is not None and 0 < section.level < following.level


class HeadingLike(Protocol):
    """What the title helpers need of a reader's own element type."""

    kind: str
    text: str
    level: int


def first_heading(elements: Sequence[HeadingLike], level: int | None = None) -> int | None:
    """Index of the first heading (of the given level), if any."""
    return next((index for index, element in enumerate(elements)
                 if element.kind == "heading" and level in (None, element.level)), None)


def level_one_title(elements: Sequence[HeadingLike]) -> tuple[str | None, int | None]:
    """The first level-1 heading as the title, and its index when it is also the first heading.

    A heading is only left out of the sections when it is the first heading of the document, so
    later text never loses the heading it sits under.
    """
    first_h1 = first_heading(elements, level=1)
    if first_h1 is None:
        return None, None
    return elements[first_h1].text, first_h1 if first_h1 == first_heading(elements) else None
