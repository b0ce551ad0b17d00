"""Small helpers every reader shares: whitespace, titles, table rows and building sections."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from easyread.model import Block, BlockKind, Section

GENERIC_TITLES = frozenset({
    "", "untitled", "untitled document", "document", "document1", "title", "no title", "unknown",
    "(anonymous)", "(unspecified)", "anonymous", "slide 1", "presentation", "word document", "pdf",
})
_FILE_NAME = re.compile(r"\.(docx?|pdf|txt|md|rtf|odt|indd|pages|xlsx?|pptx?)$", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?")


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (line breaks, tabs, no-break spaces) to one space."""
    return " ".join(text.split())


def title_from_stem(stem: str) -> str:
    """Turn a file name into a title: "council-tax_letter" -> "Council tax letter"."""
    words = normalise_space(re.sub(r"[-_.+]+", " ", stem))
    if not words:
        return "Untitled document"
    return words[0].upper() + words[1:]


def is_generic_title(title: str, stem: str = "") -> bool:
    """True for titles that say nothing: empty, "Untitled", "Microsoft Word - x.docx", the file name."""
    text = normalise_space(title).lower()
    if text in GENERIC_TITLES or text.startswith("microsoft word -") or _FILE_NAME.search(text):
        return True
    return bool(stem) and text == stem.lower()


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
    """Collects headings and blocks in reading order and turns them into `Section`s."""

    _sections: list[Section] = field(default_factory=lambda: [Section("")])
    _headings: list[Block] = field(default_factory=list)

    def heading(self, text: str, location: str = "") -> None:
        text = normalise_space(text)
        if text:
            self._sections.append(Section(text))
            self._headings.append(Block("paragraph", text, location))

    def block(self, kind: BlockKind, text: str, location: str) -> None:
        text = normalise_space(text)
        if text:
            self._sections[-1].blocks.append(Block(kind, text, location))

    def has_blocks(self) -> bool:
        return any(section.blocks for section in self._sections)

    def last_block(self) -> Block | None:
        """The last block of the current section, if it has one."""
        blocks = self._sections[-1].blocks
        return blocks[-1] if blocks else None

    def replace_last_block(self, block: Block) -> None:
        self._sections[-1].blocks[-1] = block

    def finish(self, title_block: Block | None = None) -> list[Section]:
        """The sections, dropping an empty untitled first one.

        A document made only of headings (or only a title) still has text to convert, so then the
        headings, and the title line taken from the text, become the paragraphs.
        """
        if not self.has_blocks():
            blocks = ([title_block] if title_block else []) + self._headings
            return [Section("", blocks)] if blocks else []
        sections = self._sections
        return sections[1:] if not sections[0].blocks else sections


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
