"""Positioned text out of a PDF with pdfminer.six: each page's text lines with font size and weight.

pdfminer groups characters into lines and puts spaces where the gaps between characters say there
is one (so text whose layer has no space characters still reads as words). We keep its lines, not
its text boxes or their order: reading order and paragraphs are worked out in `pdf_layout`.
Characters that are not upright (rotated margin text) are gathered separately, one run per
rotated line, read in their own direction.

Speed: `boxes_flow=None` skips pdfminer's box-ordering step (quadratic in the number of boxes),
which we do not use; fonts and pages are cached by the resource manager.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from easyread.limits import MAX_PDF_PAGE_CHARACTERS
from easyread.readers.pdf_glyphs import GlyphResolver
from easyread.readers.pdf_streams import check_page_content, too_many_characters

UNKNOWN_GLYPH = "\ufffd"  # the text of a glyph no map can read (Unicode's replacement character)
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold")
_BOLD_WEIGHT = 600  # CSS/OpenType weight classes: 600 is semibold
_FORCE_BOLD = 1 << 18  # font descriptor flag bit 19 (ISO 32000-1:2008, table 123)
MAX_PATHS_PER_PAGE = 20_000  # lines and shapes kept from one page (a page of ruled tables has a few hundred)
_RUN_TOLERANCE = 3.0  # points across the text within which rotated characters share a baseline


@dataclass(frozen=True)
class Line:
    """One line of text as pdfminer found it, in PDF units (points, y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # the font size most of its characters have
    bold: float  # share of its letters and digits in a bold font, 0..1
    unknown: int = 0  # glyphs no map could read

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class PageText:
    """The text of one page: upright lines, rotated runs, and the page size in points."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rotated: list[Line] = field(default_factory=list)
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)  # ruled lines and boxes
    images: int = 0  # pictures drawn on the page (in figures too): a page of only these is a scan

    def glyph_counts(self) -> tuple[int, int]:
        """(glyphs in all, glyphs no map could read) on this page, spaces left out."""
        lines = self.lines + self.rotated
        return sum(len(line.text.replace(" ", "")) for line in lines), sum(line.unknown for line in lines)


def read_pages(document: Any, char_margin: float = 2.0) -> Iterator[PageText]:
    """Lay out every page of an open pdfminer `PDFDocument`, in page order. `char_margin` is
    pdfminer's (LAParams): characters further apart than that many character widths are in two lines.

    Raises whatever pdfminer raises on a damaged page; the caller names the page.
    """
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage

    resolver = GlyphResolver()
    manager = _resource_manager(resolver)
    device = _device(manager, LAParams(boxes_flow=None, char_margin=char_margin), resolver)
    interpreter = PDFPageInterpreter(manager, device)
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        check_page_content(page, number)
        device.page_number = number
        interpreter.process_page(page)
        yield _page_text(number, device.get_result(), device.bold_fonts)


def _resource_manager(resolver: GlyphResolver) -> Any:
    """A resource manager that notes, for the glyph resolver, each CID font's CIDToGIDMap stream and
    which simple fonts use WinAnsiEncoding."""
    from pdfminer.pdffont import PDFCIDFont
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdftypes import PDFStream, resolve1

    class Manager(PDFResourceManager):
        def get_font(self, objid: object, spec: Any) -> Any:
            font = super().get_font(objid, spec)
            cid_map = resolve1(spec.get("CIDToGIDMap")) if isinstance(font, PDFCIDFont) else None
            if isinstance(cid_map, PDFStream):
                resolver.cid_maps[id(font)] = cid_map.get_data()
            encoding = resolve1(spec.get("Encoding"))
            if isinstance(encoding, dict):
                encoding = resolve1(encoding.get("BaseEncoding"))
            if getattr(encoding, "name", None) == "WinAnsiEncoding":
                resolver.win_ansi.add(id(font))
            return font

    return Manager(caching=True)


def _device(manager: Any, laparams: Any, resolver: GlyphResolver) -> Any:
    from pdfminer.converter import PDFPageAggregator

    class Device(PDFPageAggregator):
        """Collects each page's layout, noting which fonts are bold and reading unmapped glyphs."""

        def __init__(self) -> None:
            super().__init__(manager, laparams=laparams)
            self.bold_fonts: dict[str, bool] = {}
            self.page_number = 0
            self._characters = self._paths = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            self._characters = self._paths = 0
            super().begin_page(page, ctm)

        def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
            self._paths += 1  # lines are only looked at to find ruled tables: past the cap, not kept
            if self._paths <= MAX_PATHS_PER_PAGE:
                super().paint_path(gstate, stroke, fill, evenodd, path)

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                        cid: int, ncs: Any, graphicstate: Any) -> float:
            self._characters += 1
            if self._characters > MAX_PDF_PAGE_CHARACTERS:
                raise too_many_characters(self.page_number)
            if font.fontname not in self.bold_fonts:
                self.bold_fonts[font.fontname] = is_bold_font(font)
            return float(super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate))

        def handle_undefined_char(self, font: Any, cid: int) -> str:
            return resolver.resolve(font, cid) or UNKNOWN_GLYPH

    return Device()


def is_bold_font(font: Any) -> bool:
    """Whether a pdfminer font is bold: by its name, its descriptor, or its embedded font's weight.

    Word names embedded fonts "CIDFont+F1", so the name often says nothing; then the descriptor's
    FontWeight or ForceBold flag, or the OS/2 weight class of the embedded TrueType font, decide.
    """
    name = str(font.fontname).lower().split("+")[-1]
    if any(word in name for word in _BOLD_NAMES):
        return True
    descriptor = getattr(font, "descriptor", {}) or {}
    try:
        if float(descriptor.get("FontWeight", 0) or 0) >= _BOLD_WEIGHT or int(font.flags) & _FORCE_BOLD:
            return True
    except (TypeError, ValueError):
        pass
    return _embedded_weight(font) >= _BOLD_WEIGHT


def _embedded_weight(font: Any) -> int:
    """usWeightClass of an embedded TrueType/OpenType font (0 when there is none to read)."""
    stream = getattr(font, "fontfile", None)
    if stream is None:
        return 0
    try:
        data = stream.get_data()
        count = int.from_bytes(data[4:6], "big")
        for index in range(count):
            record = data[12 + 16 * index:28 + 16 * index]
            if record[:4] == b"OS/2":
                offset = int.from_bytes(record[8:12], "big")
                return int.from_bytes(data[offset + 4:offset + 6], "big")
    except Exception:  # a damaged font program says nothing about weight
        return 0
    return 0


def _page_text(number: int, layout: Any, bold_fonts: dict[str, bool]) -> PageText:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTTextBox, LTTextLine

    page = PageText(number, float(layout.width), float(layout.height))
    rotated: list[Any] = []
    for element in layout:
        if isinstance(element, LTTextBox):
            for line in element:
                if isinstance(line, LTTextLine):
                    _add_line(page, line, bold_fonts, rotated, LTChar)
        elif isinstance(element, LTCurve):  # LTRect and LTLine are curves too
            page.rects.append((element.x0, element.y0, element.x1, element.y1))
        elif isinstance(element, (LTImage, LTFigure)):
            page.images += _count_images(element, LTImage, LTFigure)
    page.rotated = _rotated_runs(rotated, bold_fonts)
    return page


def _count_images(element: Any, image_type: type, figure_type: type, depth: int = 0) -> int:
    """Pictures in a layout element: itself, or those inside a figure (a form drawn on the page),
    looking MAX_NESTING_DEPTH figures deep at most (pdfminer nests a form inside a form as drawn)."""
    from easyread.limits import MAX_NESTING_DEPTH

    if isinstance(element, image_type):
        return 1
    if not isinstance(element, figure_type) or depth >= MAX_NESTING_DEPTH:
        return 0
    return sum(_count_images(child, image_type, figure_type, depth + 1) for child in element)


def _add_line(page: PageText, line: Any, bold_fonts: dict[str, bool], rotated: list[Any], char_type: type) -> None:
    items = list(line)
    chars = [item for item in items if isinstance(item, char_type)]
    turned = [char for char in chars if not char.upright]
    rotated.extend(turned)
    if len(turned) == len(chars):
        return
    if turned:  # rebuild the text without the rotated characters
        items = [item for item in items if not (isinstance(item, char_type) and not item.upright)]
        chars = [char for char in chars if char.upright]
    text = "".join(item.get_text() for item in items).replace("\n", " ").strip()
    if text:
        page.lines.append(_line(text, chars, bold_fonts))


def _line(text: str, chars: list[Any], bold_fonts: dict[str, bool]) -> Line:
    sizes = Counter(round(char.size, 1) for char in chars)
    letters = [char for char in chars if char.get_text().isalnum()]
    bold = sum(bold_fonts.get(char.fontname, False) for char in letters) / len(letters) if letters else 0.0
    unknown = sum(char.get_text() == UNKNOWN_GLYPH for char in chars)
    return Line(text, min(c.x0 for c in chars), min(c.y0 for c in chars), max(c.x1 for c in chars),
                max(c.y1 for c in chars), sizes.most_common(1)[0][0], bold, unknown)


def _rotated_runs(chars: list[Any], bold_fonts: dict[str, bool]) -> list[Line]:
    """Group rotated characters into runs along their own baseline, each read in its direction.

    Characters share a run when they have the same angle (to 5 degrees) and their baselines lie
    within 3 points of each other across the text; a gap wider than a third of the font size
    between neighbours along the run is a space.
    """
    by_angle: dict[int, list[tuple[float, float, float, Any]]] = {}
    for char in chars:
        angle = math.atan2(char.matrix[1], char.matrix[0])
        cos, sin = math.cos(angle), math.sin(angle)
        across = -sin * char.x0 + cos * char.y0
        along = cos * (char.x0 + char.x1) / 2 + sin * (char.y0 + char.y1) / 2
        extent = abs(cos) * char.width + abs(sin) * char.height
        by_angle.setdefault(round(math.degrees(angle) / 5), []).append((across, along, extent, char))
    runs: list[list[tuple[float, float, float, Any]]] = []
    for group in by_angle.values():
        group.sort(key=lambda entry: entry[0])
        start = len(runs)
        for entry in group:
            if len(runs) > start and entry[0] - runs[-1][-1][0] <= _RUN_TOLERANCE:
                runs[-1].append(entry)
            else:
                runs.append([entry])
    lines: list[Line] = []
    for run in runs:
        run.sort(key=lambda entry: entry[1])
        text = run[0][3].get_text()
        for (_, before, before_extent, _), (_, along, extent, char) in zip(run, run[1:], strict=False):
            if along - before - (before_extent + extent) / 2 > char.size / 3:
                text += " "
            text += char.get_text()
        if text.strip():
            lines.append(_line(text.strip(), [entry[3] for entry in run], bold_fonts))
    return lines
