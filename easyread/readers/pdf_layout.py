"""Reading order of a PDF page from where its text lines are, not from the order they were drawn.

The page is cut into horizontal bands wherever a strip of white runs across the whole text width;
neighbouring bands whose vertical white gutters line up are merged; each merged band is read
column by column, top to bottom. This is the band-and-gutter form of the recursive X-Y cut
(G. Nagy and S. Seth, "Hierarchical representation of optically scanned documents", 7th ICPR,
1984; Breuel, "Two geometric algorithms for layout analysis", DAS 2002, uses the same idea of
white gutters for columns). A title spanning two columns is its own band, so it comes first; a
heading drawn last but placed at the top is read at the top.

A bullet or number standing apart from its text ("*" at x=88, the text at x=119; "3" in a column
of clause numbers) is joined to the text on its row before anything else, so it never looks like
a column of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from easyread.readers.pdf_extract import Line

TABLE_MARK = "\x00table "  # the text of a stand-in line for a ruled table in the reading order

MIN_GUTTER = 12.0  # points: a white gap narrower than this between columns is a word gap, not a gutter
SAME_ROW = 0.5  # two lines share a row when they overlap by half the smaller height
BULLET_GLYPHS = "•●▪◦·‣⁃∙○■□◆◇►▶➢➤✓✔\uf0b7\uf0a7\uf0a8\uf0d8\uf076\uf0fc\uf06e\uf0de"
BULLET = re.compile(r"^(?:[" + BULLET_GLYPHS + r"]|[-–*](?=\s)|o(?=\s{2}))\s*")
MARKER = re.compile(BULLET.pattern + r"|^\(?(?:\d{1,4}|[A-Za-z]|[ivxIVX]{1,4})[.)](?=\s|$)|^\d{1,3}(?=\s{2})")
_ONLY_MARKER = re.compile(r"^(?:[" + BULLET_GLYPHS + r"*o–-]|\(?(?:\d{1,4}|[A-Za-z]|[ivxIVX]{1,4})[.)]|\d{1,3})\s*$")


@dataclass(frozen=True)
class Row:
    """One line of reading, with the left and right edges of the column it was read in."""

    line: Line
    left: float
    right: float


def reading_order(lines: list[Line], page_width: float) -> list[Row]:
    """The page's lines in reading order, each with its column edges.

    `lines` are pdfminer's lines for one page (upright, in any order). Lines on one row of one
    column are joined left to right into one `Line` (justified text with wide gaps comes out of
    pdfminer in pieces). The text area is taken to have equal left and right margins, so a page
    of short lines still has its true right edge.
    """
    lines = attach_markers(lines)
    if not lines:
        return []
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    rows: list[Row] = []
    for band, gutters in _merged_bands(_bands(lines), left, right):
        edges = _column_edges(band, gutters, left, max(right, page_width - left))
        for start, end in edges:
            column = [line for line in band if start <= (line.x0 + line.x1) / 2 <= end]
            rows.extend(Row(line, start, end) for line in _rows(column))
    return rows


def attach_markers(lines: list[Line]) -> list[Line]:
    """Join each line that is only a bullet or a number to the nearest line to its right on its row."""
    markers = [line for line in lines if _ONLY_MARKER.match(line.text)]
    if not markers:
        return lines
    used: set[int] = set()
    result: list[Line] = []
    joined: dict[int, Line] = {}
    for marker in markers:
        candidates = [(other.x0, index) for index, other in enumerate(lines)
                      if other is not marker and index not in used and other.x0 >= marker.x1 - 1
                      and other.x0 - marker.x1 < 8 * marker.size and _same_row(marker, other)
                      and not _ONLY_MARKER.match(other.text)]
        if candidates:
            _, index = min(candidates)
            used.add(index)
            joined[id(marker)] = _join([marker, lines[index]], text_line=lines[index], gap="  ")
    for index, line in enumerate(lines):
        if index in used:
            continue
        result.append(joined.get(id(line), line))
    return result


def _same_row(first: Line, second: Line) -> bool:
    overlap = min(first.y1, second.y1) - max(first.y0, second.y0)
    return overlap >= SAME_ROW * min(first.height, second.height)


def _join(parts: list[Line], text_line: Line | None = None, gap: str = " ") -> Line:
    """One line made of pieces on a row, left to right; size and weight from `text_line` or the longest piece.

    A marker joined to its text keeps a wide gap ("1  Text") so it still reads as a list marker.
    """
    parts = sorted(parts, key=lambda line: line.x0)
    style = text_line or max(parts, key=lambda line: len(line.text))
    return replace(style, text=gap.join(part.text for part in parts), x0=parts[0].x0,
                   y0=min(p.y0 for p in parts), x1=max(p.x1 for p in parts), y1=max(p.y1 for p in parts),
                   unknown=sum(p.unknown for p in parts))


def _bands(lines: list[Line]) -> list[list[Line]]:
    """Group lines into bands separated by white strips that cross the whole page."""
    bands: list[list[Line]] = []
    bottom = 0.0
    for line in sorted(lines, key=lambda item: -item.y1):
        if bands and line.y1 > bottom:
            bands[-1].append(line)
            bottom = min(bottom, line.y0)
        else:
            bands.append([line])
            bottom = line.y0
    return bands


def _gaps(band: list[Line], left: float, right: float) -> list[tuple[float, float]]:
    """White vertical strips through a band, at least MIN_GUTTER wide, between `left` and `right`."""
    gaps: list[tuple[float, float]] = []
    edge = left
    for line in sorted(band, key=lambda item: item.x0):
        if line.x0 - edge >= MIN_GUTTER:
            gaps.append((edge, line.x0))
        edge = max(edge, line.x1)
    if right - edge >= MIN_GUTTER:
        gaps.append((edge, right))
    return gaps


def _common(first: list[tuple[float, float]], second: list[tuple[float, float]]) -> list[tuple[float, float]]:
    common = [(max(a, c), min(b, d)) for a, b in first for c, d in second]
    return [(start, end) for start, end in common if end - start >= MIN_GUTTER]


def _merged_bands(bands: list[list[Line]], left: float, right: float) -> list[tuple[list[Line], list[tuple[float, float]]]]:
    """Merge neighbouring bands whose gutters line up (they are rows of the same columns).

    Each merged band comes with the gutters common to all its bands.
    """
    merged: list[tuple[list[Line], list[tuple[float, float]]]] = []
    for band in bands:
        gaps = _gaps(band, left, right)
        common = _common(merged[-1][1], gaps) if merged else []
        if common:
            merged[-1] = (merged[-1][0] + band, common)
        else:
            merged.append((list(band), gaps))
    return merged


def _column_edges(band: list[Line], gutters: list[tuple[float, float]], left: float,
                  right: float) -> list[tuple[float, float]]:
    """The columns of a merged band: split at each of its common gutters with text beside it on both
    sides at the same height (a short line left of a centred title is not a column)."""
    edges: list[tuple[float, float]] = []
    start = left
    for gutter_start, gutter_end in sorted(gutters):
        before = [line for line in band if line.x1 <= gutter_start]
        after = [line for line in band if line.x0 >= gutter_end]
        if (before and after and min(max(line.y1 for line in before), max(line.y1 for line in after))
                > max(min(line.y0 for line in before), min(line.y0 for line in after))):
            edges.append((start, gutter_start))
            start = gutter_end
    edges.append((start, right))
    return edges


def _rows(column: list[Line]) -> list[Line]:
    """A column's lines top to bottom, pieces of one row joined left to right. A ruled table's
    stand-in is a row of its own: two tables side by side are never joined into one."""
    rows: list[list[Line]] = []
    for line in sorted(column, key=lambda item: (-item.y1, item.x0)):
        table = line.text.startswith(TABLE_MARK) or (rows and rows[-1][0].text.startswith(TABLE_MARK))
        if rows and not table and _same_row(rows[-1][0], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [row[0] if len(row) == 1 else _join(row) for row in rows]
