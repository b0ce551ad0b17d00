"""The "Page N of M" footer of every PDF page: a reportlab canvas that draws it once it knows M.
Imports reportlab: import this module lazily.

The page numbers are drawn as pagination artifacts when the canvas is tagged (`pdf_tags`), so a
screen reader does not read them as content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from easyread.layout import styles as S
from easyread.layout.markup import clean
from easyread.layout.pdf_tags import Tagger, artifact, attach

if TYPE_CHECKING:
    from easyread.layout.fonts import Fonts


def draw_centred(canvas: Canvas, fonts: Fonts, text: str, x: float, y: float, size: float) -> None:
    """Draw `text` centred on `x` with its baseline at `y`, run by run in the fonts that have it."""
    runs = fonts.runs(clean(text))
    writer = canvas.beginText(x - fonts.width(clean(text), size) / 2, y)
    for run, face in runs:
        writer.setFont(face, size)
        writer.textOut(run)
    canvas.drawText(writer)


def numbered_canvas(fonts: Fonts, page_counts: list[int], tagger: Tagger | None = None) -> type[Canvas]:
    """A canvas that writes "Page N of M" on every page once it knows M, and records M.
    With a `tagger` it tags what is drawn on it (the page numbers as artifacts)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._page_states: list[dict] = []
            if tagger is not None:
                attach(self, tagger)

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)
            page_counts.append(total)

        def _footer(self, total: int) -> None:
            with artifact(self, "Pagination", "Footer"):  # a page number is not read as content
                self.saveState()
                self.setFillColor(HexColor(S.TEXT_COLOUR))
                footer = f"Page {self._pageNumber} of {total}"
                draw_centred(self, fonts, footer, S.PAGE_WIDTH / 2, S.FOOTER_BASELINE, S.FOOTER_SIZE)
                self.restoreState()

    return NumberedCanvas
