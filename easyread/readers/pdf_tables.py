"""Ruled tables on a PDF page: cells from the drawn rules, rows read across.

A table is a set of thin horizontal and vertical rules that touch one another (a connected grid),
with at least two columns and two rows. Column edges are the x positions of its vertical rules,
row edges the y positions of its horizontal rules (rules closer than 3 points are one rule). Each
text line whose middle lies inside the grid goes into the cell under it. This is the ruling-line
approach of Tabula and pdfplumber (Hassan and Baumgartner, "Table recognition and understanding
from PDF files", ICDAR 2007), kept small: no spanning cells, no tables without rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from easyread.readers.pdf_extract import Line

RULE = 2.0  # points: a rectangle this thin is a drawn rule
SAME_EDGE = 3.0  # points: rules closer than this are the same column or row edge
TOUCH = 2.0  # points: rules this close count as touching


@dataclass(frozen=True)
class Table:
    """A ruled table: its box and its cells' text, row by row from the top, columns left to right."""

    x0: float
    y0: float
    x1: float
    y1: float
    rows: tuple[tuple[str, ...], ...]

    def contains(self, line: Line) -> bool:
        x, y = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


def find_tables(rects: list[tuple[float, float, float, float]], lines: list[Line]) -> list[Table]:
    """The ruled tables among a page's drawn rectangles and lines (x0, y0, x1, y1 in points), with
    the text of `lines` put in their cells. Tables whose cells hold no text are left out."""
    horizontal = [r for r in rects if r[3] - r[1] <= RULE and r[2] - r[0] > RULE]
    vertical = [r for r in rects if r[2] - r[0] <= RULE and r[3] - r[1] > RULE]
    tables: list[Table] = []
    for group in _touching(horizontal + vertical):
        xs = _edges([(r[0] + r[2]) / 2 for r in group if r in vertical])
        ys = _edges([(r[1] + r[3]) / 2 for r in group if r in horizontal])
        if len(xs) < 3 or len(ys) < 3:
            continue
        table = _fill(xs, ys, lines)
        if table is not None:
            tables.append(table)
    return tables


def _touching(rules: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Connected groups of rules (each rule's box grown by TOUCH points overlaps the next)."""
    parent = list(range(len(rules)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, a in enumerate(rules):
        for second in range(first + 1, len(rules)):
            b = rules[second]
            if a[0] - TOUCH <= b[2] and b[0] - TOUCH <= a[2] and a[1] - TOUCH <= b[3] and b[1] - TOUCH <= a[3]:
                parent[root(first)] = root(second)
    groups: dict[int, list[tuple[float, float, float, float]]] = {}
    for index, rule in enumerate(rules):
        groups.setdefault(root(index), []).append(rule)
    return list(groups.values())


def _edges(positions: list[float]) -> list[float]:
    edges: list[float] = []
    for position in sorted(positions):
        if not edges or position - edges[-1] > SAME_EDGE:
            edges.append(position)
    return edges


def _fill(xs: list[float], ys: list[float], lines: list[Line]) -> Table | None:
    from easyread.readers.pdf_paragraphs import join_rows

    box = Table(xs[0], ys[0], xs[-1], ys[-1], ())
    cells: dict[tuple[int, int], list[Line]] = {}
    for line in lines:
        if box.contains(line):
            x, y = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
            column = next(index for index in range(len(xs) - 1) if x <= xs[index + 1])
            row = next(index for index in range(len(ys) - 1) if y <= ys[index + 1])
            cells.setdefault((len(ys) - 2 - row, column), []).append(line)
    if not cells:
        return None
    rows: list[tuple[str, ...]] = []
    for row in range(len(ys) - 1):
        texts: list[str] = []
        for column in range(len(xs) - 1):
            text = ""
            for line in sorted(cells.get((row, column), []), key=lambda item: (-item.y1, item.x0)):
                text = join_rows(text, " ".join(line.text.split()))
            texts.append(text)
        if any(texts):
            rows.append(tuple(texts))
    return Table(box.x0, box.y0, box.x1, box.y1, tuple(rows))
