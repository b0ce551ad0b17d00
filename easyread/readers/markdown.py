"""Read a Markdown (.md) file with markdown-it-py: headings, paragraphs, list items and table rows.

Markdown syntax is removed (emphasis, code marks, link brackets, raw HTML and comments); the text
itself, including characters like < & > *, is kept exactly as the reader would see it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markdown_it.token import Token

from easyread.language.emoji import starts_with_emoji
from easyread.model import Block, SourceDocument
from easyread.readers.common import (
    SectionBuilder,
    first_heading,
    level_one_title,
    normalise_space,
    same_text,
    table_row_text,
)
from easyread.readers.front_matter import split_front_matter
from easyread.readers.html_text import (
    ALT_TEXT,
    COMMENT,
    INSTRUCTION,
    SCRIPT,
    breaks_line,
    html_text,
    link_target,
    worth_showing,
)
from easyread.readers.markdown_parser import make_parser
from easyread.readers.repair import repair_text
from easyread.readers.txt import clean_text, decode

ElementKind = Literal["heading", "paragraph", "list_item", "table_row", "set_aside"]

FRONT_MATTER = "front matter: the page's settings for a website, not shown to readers"
HTML_COMMENT = COMMENT
COLUMN_LABELS = "column labels (used in each row)"
_BULLETS = "•◦▪●–"
_PART_LABELS = {ALT_TEXT: "picture", SCRIPT: "script", INSTRUCTION: "instruction", COMMENT: "comment"}


@dataclass(frozen=True)
class Element:
    """A heading or block of the Markdown document, with its 1-based start line."""

    kind: ElementKind
    text: str
    line: int
    level: int = 0  # heading level, 1 for "#"
    reason: str = ""  # why a "set_aside" element gives no item
    role: str = ""  # "quotation" for a paragraph in a blockquote: someone's words, kept as they are
    part: str = ""  # which part of its line, when a line holds more than one ("comment 1")


def read(path: Path) -> SourceDocument:
    text = repair_text(clean_text(decode(path.read_bytes(), path)))
    front = split_front_matter(text)
    body, front_title = front.body, front.title
    builder = SectionBuilder()
    for label, value in front.kept:  # when and by whom it was published, what it is about
        builder.block("paragraph", f"{label}: {value}", f"front matter: {label.lower()}")
    if front.rest:
        builder.set_aside("front matter", front.rest, FRONT_MATTER)
    elements = [element for element in parse_elements(body) if element.text]
    title, skip = choose_title([e for e in elements if e.kind != "set_aside"], front_title)
    skip_element = None if skip is None else [e for e in elements if e.kind != "set_aside"][skip]
    for element in elements:
        location = _location(element)
        if element is skip_element:
            continue
        if element.kind == "set_aside":
            builder.set_aside(location, element.text, element.reason)
        elif element.kind == "heading":
            builder.heading(element.text, location, element.level)
        else:
            builder.block(element.kind, element.text, location, element.role)
    title_block = None if skip_element is None else Block("paragraph", skip_element.text, _location(skip_element))
    title_location = "front matter" if front_title else (title_block.location if title_block else "")
    return builder.document(path, "md", title, title_location, title_block)


def choose_title(elements: Sequence[Element], front_title: str | None) -> tuple[str | None, int | None]:
    """The title and the index of the element it came from (left out of the sections), if any.

    Front matter `title:` wins; otherwise the first "#" heading. A heading is only left out when it is
    the first heading of the document, so later text never loses the heading it sits under.
    """
    heading = first_heading(elements)
    if front_title:
        same = heading is not None and same_text(elements[heading].text, front_title)
        return front_title, heading if same else None
    return level_one_title(elements)


def parse_elements(text: str) -> Iterator[Element]:
    """Walk the markdown-it token stream and yield headings, blocks and set-aside parts in reading order.

    An ordered list item keeps its number ("12. Footpath repairs"): in agendas and rules the number is
    how people refer to the item. Raw HTML keeps its visible text; an HTML comment is set aside.
    Lists and blockquotes nested past limits.MAX_NESTING_DEPTH are read as plain paragraphs
    (easyread.readers.markdown_parser), never skipped.
    """
    tokens = make_parser().parse(text, {})
    list_depth = 0
    quote_depth = 0
    number = ""  # the number of the ordered list item just opened, for its first paragraph
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "list_item_open":
            list_depth += 1
            number = f"{token.info}{token.markup} " if token.info else ""
        elif token.type == "list_item_close":
            list_depth -= 1
        elif token.type in ("blockquote_open", "blockquote_close"):
            quote_depth += 1 if token.type == "blockquote_open" else -1
        elif token.type == "heading_open":
            yield Element("heading", inline_text(tokens[index + 1]), _line(token), int(token.tag[1:]))
            index += 2
        elif token.type == "paragraph_open":
            yield from _paragraph_elements(number + inline_text(tokens[index + 1], lines=True), _line(token),
                                           _block_kind(list_depth), "quotation" if quote_depth else "")
            yield from _not_shown(inline_not_shown(tokens[index + 1]), _line(token))
            number = ""
            index += 2
        elif token.type in ("fence", "code_block"):
            yield Element(_block_kind(list_depth), normalise_space(token.content), _line(token))
        elif token.type == "html_block":
            yield from _html_block(token.content, _line(token), _block_kind(list_depth))
        elif token.type == "table_open":
            end = _closing(tokens, index, "table_close")
            yield from _table(tokens[index:end])
            index = end
        index += 1


def _html_block(html: str, line: int, kind: ElementKind) -> Iterator[Element]:
    """The visible text of a raw HTML block as a block; its comments, scripts, picture descriptions
    and the like set aside, each with its reason."""
    found = html_text(html)
    if found.visible:
        yield Element(kind, found.visible, line)
    for number, comment in enumerate(found.comments, start=1):
        yield Element("set_aside", comment, line, reason=HTML_COMMENT, part=f"comment {number}")
    yield from _not_shown(found.not_shown, line)


def _not_shown(parts: Sequence[tuple[str, str]], line: int) -> Iterator[Element]:
    """Set-aside elements for parts of a line a reader does not see, numbered by kind ("picture 2")."""
    counts: dict[str, int] = {}
    for text, reason in parts:
        label = _PART_LABELS.get(reason, "hidden part")
        counts[label] = counts.get(label, 0) + 1
        yield Element("set_aside", text, line, reason=reason, part=f"{label} {counts[label]}")


def _location(element: Element) -> str:
    return f"line {element.line}, {element.part}" if element.part else f"line {element.line}"


def _block_kind(list_depth: int) -> ElementKind:
    return "list_item" if list_depth else "paragraph"


def inline_text(token: Token, lines: bool = False) -> str:
    """The visible text of an inline token: markup dropped, a link's address added when it differs.
    With `lines`, each line break of the source is kept as a "\n" (other spacing is collapsed).
    Inline HTML counts too: <br> and other line-breaking tags keep the words apart, and an
    <a href="..."> adds its address like a Markdown link."""
    parts: list[str] = []
    links: list[tuple[str, int]] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n" if lines else " ")
        elif child.type == "link_open":
            links.append((str(child.attrGet("href") or ""), len(parts)))
        elif child.type == "html_inline" and link_target(child.content) is not None:
            links.append((str(link_target(child.content)), len(parts)))
        elif child.type == "html_inline" and breaks_line(child.content):
            parts.append(" ")
        elif (child.type == "link_close" or _closes_link(child)) and links:
            href, start = links.pop()
            if worth_showing(href, "".join(parts[start:])):
                parts.append(f" ({href})")
    if lines:
        return "\n".join(normalise_space(line) for line in "".join(parts).split("\n"))
    return normalise_space("".join(parts))


def _closes_link(child: Token) -> bool:
    return child.type == "html_inline" and re.match(r"<\s*/\s*a\s*>", child.content, re.IGNORECASE) is not None


def inline_not_shown(token: Token) -> list[tuple[str, str]]:
    """(text, reason) for what an inline token holds that a reader does not see: each picture's
    description (alt text), and scripts or comments written as inline HTML."""
    parts: list[tuple[str, str]] = []
    for child in token.children or []:
        if child.type == "image" and normalise_space(child.content):
            parts.append((normalise_space(child.content), ALT_TEXT))
        elif child.type == "html_inline":
            found = html_text(child.content)
            parts += [(comment, HTML_COMMENT) for comment in found.comments] + found.not_shown
    return parts


def _paragraph_elements(text: str, line: int, kind: ElementKind, role: str) -> Iterator[Element]:
    """A paragraph, or, when its lines after the first each start with an emoji or a bullet used as a
    bullet ("✅ Share the date"), a paragraph and one list item per such line: run together, two
    things to do would read as one."""
    rows = [row for row in text.split("\n") if row]
    bulleted = len(rows) >= 2 and all(starts_with_emoji(row) or row[:1] in _BULLETS for row in rows[1:])
    if not bulleted:
        yield Element(kind, normalise_space(text), line, role=role)
        return
    first_is_item = starts_with_emoji(rows[0]) or rows[0][:1] in _BULLETS
    yield Element("list_item" if first_is_item else kind, rows[0], line, role=role)
    for offset, row in enumerate(rows[1:], start=1):
        yield Element("list_item", row.lstrip(_BULLETS + " "), line + offset, role=role)


def _table(tokens: Sequence[Token]) -> Iterator[Element]:
    """One table_row element per body row, "Header: cell." style; a header alone becomes one row."""
    rows = list(_rows(tokens))
    header_row = next((row for row in rows if row[0]), None)
    header = header_row[2] if header_row and any(header_row[2]) else None
    body = [row for row in rows if not row[0]]
    if not body and header_row is not None:
        yield Element("table_row", table_row_text(header_row[2], None), header_row[1])
    elif header_row is not None and header is not None:
        yield Element("set_aside", ", ".join(cell for cell in header if cell), header_row[1], reason=COLUMN_LABELS)
    for _, line, cells in body:
        yield Element("table_row", table_row_text(cells, header), line)


def _rows(tokens: Sequence[Token]) -> Iterator[tuple[bool, int, list[str]]]:
    """(is header row, line, cell texts) for each row of a table's tokens."""
    in_head = False
    for index, token in enumerate(tokens):
        if token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
        elif token.type == "tr_open":
            end = _closing(tokens, index, "tr_close")
            cells = [inline_text(cell) for cell in tokens[index:end] if cell.type == "inline"]
            yield in_head, _line(token), cells


def _closing(tokens: Sequence[Token], start: int, kind: str) -> int:
    return next((i for i in range(start, len(tokens)) if tokens[i].type == kind), len(tokens) - 1)


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1
