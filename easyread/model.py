"""The data every stage passes on: a source document in, an Easy Read document out.

Stages talk only through these types. A reader builds a `SourceDocument`; a backend turns each
`Section` into an `EasySection` of `Item`s; pagination groups items into `Page`s; a renderer
draws pages. Nothing here imports any other part of the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

BlockKind = Literal["paragraph", "list_item", "table_row"]


@dataclass(frozen=True)
class Block:
    """One run of source text: a paragraph, a list item, or a table row flattened to text.

    `location` says where it is in the source in words a person can follow ("line 12",
    "paragraph 4", "table 2 row 3", "page 2 paragraph 5", "footnote 1"); it is unique within a
    document, so the source ledger can say what became of each block. `role` marks blocks that are
    not body text: "footnote", "endnote", "text box", "header", "footer", or "sender" (the sender's
    own details in a letter).
    """

    kind: BlockKind
    text: str
    location: str = ""
    role: str = ""


@dataclass(frozen=True)
class SetAside:
    """A part of the source that gives no Easy Read item, and why (the source ledger lists it).

    `reason` is a short phrase a person can check: "page number", "letter furniture: greeting",
    "the same as paragraph 3", "table of contents".
    """

    location: str
    text: str
    reason: str


@dataclass
class Section:
    """A heading and the blocks under it. The heading may be empty for text before any heading."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    heading_location: str = ""  # where the heading is in the source
    level: int = 0  # 1 for a top-level heading; 0 when the format does not say

    def text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


@dataclass
class SourceDocument:
    """What every reader returns, whatever the file format."""

    path: Path
    format: str  # "txt", "md", "docx", "pdf"
    title: str  # "" when the document has none; never made from the file name
    sections: list[Section] = field(default_factory=list)
    title_location: str = ""  # where the title is in the text; "" when it came from the file's properties
    set_aside: list[SetAside] = field(default_factory=list)  # parts read but kept out of the sections, with why

    def blocks(self) -> list[Block]:
        """Every block of every section, in reading order."""
        return [block for section in self.sections for block in section.blocks]

    def text(self) -> str:
        """All the text of the document, headings included, in reading order."""
        parts: list[str] = [self.title]
        for section in self.sections:
            if section.heading:
                parts.append(section.heading)
            parts.extend(block.text for block in section.blocks)
        return "\n".join(part for part in parts if part)


@dataclass(frozen=True)
class HardWord:
    """A word kept in the Easy Read text that a reader may not know, with a plain explanation."""

    word: str
    explanation: str | None = None


@dataclass
class Item:
    """One Easy Read item: one short sentence with a picture on its left."""

    sentence: str
    picture: str  # what the picture should show, e.g. "a green bin"
    hard_words: list[HardWord] = field(default_factory=list)  # shown in bold
    flags: list[str] = field(default_factory=list)  # e.g. "long-sentence", "passive", "percentage"
    picture_file: str | None = None  # a real picture chosen for the item, if any
    source: list[str] = field(default_factory=list)  # locations of the source blocks it says, e.g. ["paragraph 12"]
    suggestions: list[str] = field(default_factory=list)  # what to say instead, for a flag that has one


@dataclass
class EasySection:
    heading: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class LedgerEntry:
    """What became of one part of the source: the title, a heading, items, or set aside with a reason."""

    location: str
    text: str
    use: Literal["title", "heading", "items", "set aside"]
    items: int = 0  # how many Easy Read items say it
    reason: str = ""  # why it gives no item, when it gives none


@dataclass
class EasyReadDocument:
    """The Easy Read version of one source document, before it is laid out in pages."""

    title: str
    source_name: str  # the file name of the source (in the plan and messages; never shown to readers)
    sections: list[EasySection] = field(default_factory=list)
    glossary: list[HardWord] = field(default_factory=list)  # the "Hard words" page
    language: str = "en-GB"
    title_picture_file: str | None = None  # a real picture for the title page, if one was chosen
    credits: list[str] = field(default_factory=list)  # lines printed on the last page, e.g. a picture licence
    source_facts: list[tuple[str, str]] = field(default_factory=list)  # (kind, text) of each fact in the source
    ledger: list[LedgerEntry] = field(default_factory=list)  # what became of each part of the source
    # "About this document": 2-4 items before the first section saying what the document is, who it
    # is for, and what the reader must do and by when (made by an LLM backend's planning step; empty
    # when no backend wrote one)
    opening: list[Item] = field(default_factory=list)

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]


@dataclass
class Page:
    """One page of items. `heading` is the section heading, `continued` when the section began earlier."""

    heading: str
    items: list[Item]
    section_index: int
    continued: bool = False
