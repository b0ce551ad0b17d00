"""Paragraphs and list items from a page's rows in reading order.

A row carries on the paragraph above it unless something says a new one starts:

* a white gap above it taller than 60% of the text size (paragraph spacing; line spacing is less),
  or on a page set with wider line spacing (Easy Read uses 1.5 to 2 times the text size) a gap
  taller than the page's usual gap between wrapped lines (the median gap above a row that carries
  on a full row), with a margin;
* a change of text size of more than 8%, or it is not under the row above (another column);
* it starts with a bullet, or with a number or letter ("2.", "a)") after a row that ends a sentence
  or inside a list;
* the row above was ended by hand: the first word of this row would have fitted on it (the test
  a typesetter's line breaking implies), and this row does not start in lower case (nor with a
  number after a comma). Centred rows are not tested this way (their width says nothing).

Joining rows: a word hyphenated at the end of a row is rejoined without the hyphen when the joined
word is ten times more common than the hyphenated form (wordfreq zipf scale; "informa- tion" ->
"information", "co- option" stays "co-option", "zig- zag" stays "zig-zag"); a web address broken after "/" or "-" is joined without a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from easyread.readers.pdf_layout import BULLET as _BULLET
from easyread.readers.pdf_layout import MARKER, TABLE_MARK, Row

PARAGRAPH_GAP = 0.6  # a gap above a row taller than this share of the text size starts a paragraph
LINE_GAP_MARGIN = 0.15  # of the text size, over a page's usual gap between wrapped lines
LINE_GAP_LARGEST = 1.2  # of the text size: a wider gap is never line spacing
LINE_GAP_SAMPLES = 3  # wrapped lines needed before a page's own line spacing is trusted
SIZE_CHANGE = 0.08
REJOIN_MARGIN = 1.0  # zipf points (a factor of 10) by which the joined word must be the more common
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_URL_END = re.compile(r"(?:https?://|www\.)\S*[/\-._?=&#]$|^(?:https?:)?//$|^https?://$")
_HYPHENATED = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD = re.compile(r"^[a-z]+")


@dataclass
class Unit:
    """A paragraph or list item of one page, with the look of its text and where it lies."""

    kind: str  # "paragraph", "list_item" or "table" (a stand-in for a ruled table, see pdf_tables)
    rows: list[Row] = field(default_factory=list)
    text: str = ""

    @property
    def size(self) -> float:
        """The text size of most of its characters."""
        weights: dict[float, int] = {}
        for row in self.rows:
            weights[row.line.size] = weights.get(row.line.size, 0) + len(row.line.text)
        return max(weights, key=lambda size: weights[size])

    @property
    def bold(self) -> float:
        """Share of its text in bold, 0..1."""
        total = sum(len(row.line.text) for row in self.rows)
        return sum(row.line.bold * len(row.line.text) for row in self.rows) / total if total else 0.0

    @property
    def top(self) -> float:
        return max(row.line.y1 for row in self.rows)

    @property
    def bottom(self) -> float:
        return min(row.line.y0 for row in self.rows)


def paragraphs(rows: list[Row]) -> list[Unit]:
    """Group rows (one page, reading order) into paragraphs and list items, text joined."""
    units: list[Unit] = []
    gap = paragraph_gap(rows)
    for row in rows:
        current = units[-1] if units else None
        if row.line.text.startswith(TABLE_MARK):
            units.append(Unit("table", [row], row.line.text))
            continue
        breaks = current is None or current.kind == "table" or _breaks(current.rows[-1], row, current, gap)
        if MARKER.match(row.line.text) and (breaks or _starts_item(row, current)):
            units.append(Unit("list_item", [row]))
        elif breaks or current is None:
            units.append(Unit("paragraph", [row]))
        else:
            current.rows.append(row)
    for unit in units:
        if unit.kind != "table":
            unit.text = _unit_text(unit)
    return units


def _starts_item(row: Row, current: Unit | None) -> bool:
    """A bullet always starts an item; a number or letter only in a list or after a sentence ends."""
    if current is None or _BULLET.match(row.line.text):
        return True
    return current.kind == "list_item" or _SENTENCE_END.search(current.rows[-1].line.text) is not None


def paragraph_gap(rows: list[Row]) -> float:
    """The gap above a row, as a share of the text size, beyond which a paragraph starts on this
    page: PARAGRAPH_GAP, or the page's usual gap between wrapped lines (the median gap above a row
    that carries on a full row, seen at least LINE_GAP_SAMPLES times) plus LINE_GAP_MARGIN when wider."""
    shares: list[float] = []
    for previous, row in zip(rows, rows[1:], strict=False):
        above, line = previous.line, row.line
        if (TABLE_MARK in above.text or TABLE_MARK in line.text or line.y1 > above.y1
                or abs(above.size - line.size) > SIZE_CHANGE * min(above.size, line.size)
                or line.x1 < above.x0 or line.x0 > above.x1 or _ended_by_hand(previous, row)):
            continue
        share = (above.y0 - line.y1) / max(above.size, line.size)
        if 0 < share <= LINE_GAP_LARGEST:
            shares.append(share)
    if len(shares) < LINE_GAP_SAMPLES:
        return PARAGRAPH_GAP
    return max(PARAGRAPH_GAP, sorted(shares)[len(shares) // 2] + LINE_GAP_MARGIN)


def _breaks(previous: Row, row: Row, unit: Unit, gap: float = PARAGRAPH_GAP) -> bool:
    above, line = previous.line, row.line
    size = max(above.size, line.size)
    space = above.y0 - line.y1
    if space > gap * size or line.y1 > above.y1:
        return True
    if space > PARAGRAPH_GAP * size and not _plainly_carries_on(previous, row):
        return True  # only the page's wide line spacing would join them: a centred title line, a date under a venue
    if abs(above.size - line.size) > SIZE_CHANGE * min(above.size, line.size):
        return True
    if line.x1 < above.x0 or line.x0 > above.x1:
        return True
    if unit.kind == "list_item" and line.x0 < unit.rows[0].line.x0 - size and _SENTENCE_END.search(above.text):
        return True
    return _ended_by_hand(previous, row)


def _plainly_carries_on(previous: Row, row: Row) -> bool:
    """Whether the row reads as the wrapped rest of the row above: it starts with a small letter or a
    figure, or the row above is a full, left-aligned line (no room was left for this row's first word)."""
    first = row.line.text[:1]
    if first.islower() or first.isdigit():
        return True
    return not _centred(previous) and not _ended_by_hand(previous, row)


def _ended_by_hand(previous: Row, row: Row) -> bool:
    """Whether the row above stopped short on purpose: this row's first word would have fitted on it."""
    above, line = previous.line, row.line
    if not line.text or line.text[0].islower() or (_centred(previous) and _centred(row)):
        return False
    if above.text.endswith(",") and not line.text[0].isupper():  # "... Primary School," / "57 Edgehill Rd"
        return False
    first_word = line.text.split()[0]
    word_width = (line.x1 - line.x0) * len(first_word) / max(len(line.text), 1)
    room = previous.right - above.x1
    return room > word_width + 2 * above.size


def _centred(row: Row) -> bool:
    width = row.right - row.left
    middle = (row.left + row.right) / 2
    line = row.line
    return line.x0 > row.left + 0.1 * width and abs((line.x0 + line.x1) / 2 - middle) < 0.05 * width


def _unit_text(unit: Unit) -> str:
    text = ""
    for index, row in enumerate(unit.rows):
        raw = row.line.text
        if index == 0 and unit.kind == "list_item":
            raw = _BULLET.sub("", raw, count=1)  # the bullet glyph goes; numbers and letters stay
        text = join_rows(text, " ".join(raw.split()))
    return text.strip()


def join_rows(text: str, following: str) -> str:
    """Join the next row's text onto a paragraph: rejoin hyphenated words and broken web addresses."""
    if not text:
        return following
    if not following:
        return text
    if text.endswith("\u00ad"):  # a soft hyphen only marks where a word may break
        return text[:-1] + following
    last = text.split()[-1]
    if _URL_END.search(last) and not following[0].isupper():
        return text + following
    hyphenated = _HYPHENATED.search(last)
    first = _FIRST_WORD.match(following)
    if hyphenated and first and _rejoin(hyphenated.group(1), first.group(0)):
        return text[:-1] + following
    if hyphenated and first:
        return text + following  # a real hyphen ("co-option"): keep it, no space
    return f"{text} {following}"


@cache
def _rejoin(before: str, after: str) -> bool:
    """Whether "before-" + "after" across a line break is one word split by hyphenation."""
    from wordfreq import zipf_frequency

    joined = zipf_frequency(before + after, "en")
    return joined > 0 and joined >= zipf_frequency(f"{before}-{after}", "en") + REJOIN_MARGIN
