"""Read a PDF into units for `check`: one per item in our own PDFs, one per paragraph, line or bullet
in any other.

Any other PDF (a human-made Easy Read document, a source) goes through the PDF reader that
`convert` uses (`readers.pdf`: pdfminer's lines, reading order by columns, paragraphs, running
headers and footers set aside), so each text box, line or bullet is a unit and a sentence wrapped
over two lines of one box stays one sentence; page furniture (headers, footers, margin text) is
not scored.

Our own PDF (`layout.pdf`) is read by its known layout, from the same pdfminer lines: the 9 pt
"Picture: ..." labels inside the picture boxes and the "Page N of M" footers are left out; the
32 pt title and 24 pt headings are headings; each item's sentence is the run of body lines right
of the picture box, ending where the white space between two rows is (so an item that ends with a
web address and no full stop never runs into the next); on a Hard words page the 18 pt word on the
left is the `term` of the explanation beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from easyread.checks.own_units import GLOSSARY_HEADING, glossary_unit, heading_unit, section_unit
from easyread.checks.pdf_text import TextRun
from easyread.checks.units import TextUnit
from easyread.layout import styles as S
from easyread.readers.pdf_extract import Line, PageText

FURNITURE = frozenset({"header", "footer", "margin"})
FOOTER = re.compile(r"^\s*Page \d+ of \d+\s*$")
LABEL_LARGEST = S.PICTURE_TEXT_SIZE + 1.5  # points: a picture box's label, not a sentence
TITLE_SMALLEST = (S.TITLE_SIZE + S.HEADING_SIZE) / 2
HEADING_SMALLEST = (S.HEADING_SIZE + S.GLOSSARY_WORD_SIZE) / 2
TEXT_COLUMN = S.FRAME_X + S.PICTURE_BOX  # an item's sentence starts right of its picture box
OWN_CHAR_MARGIN = 1.0  # character widths (pdfminer's default is 2): less than the 14 pt gutter
SAME_UNIT_GAP = 0.7  # of the font size: white space between two lines of one paragraph (LEADING - BODY_SIZE = 8 pt)
BULLET = "• "
ROW_TOP_TOLERANCE = 4.0  # points between the tops of a Hard words term and its explanation


@dataclass
class _Run:
    kind: str  # "title", "heading", "line" (full width), "item" (right of a picture), "term"
    lines: list[Line] = field(default_factory=list)

    def text(self) -> str:
        from easyread.language.facts import rejoin_wrapped_lines

        if self.kind == "term":  # a long word breaks only at its own hyphens
            return re.sub(r"-\s+", "-", " ".join(line.text.strip() for line in self.lines))
        return " ".join(rejoin_wrapped_lines("\n".join(line.text.strip() for line in self.lines)).split())


def read_pdf(path: Path, own: bool = False) -> tuple[list[PageText], str | None]:
    """The laid-out pages of the PDF at `path` and its metadata title. In our own PDF (`own`) a Hard
    words term and its explanation are 14 pt apart on one baseline: read as two lines, not one.

    Raises UnreadableDocument (damaged, encrypted, no usable text layer), one line naming the file.
    """
    from easyread.errors import UnreadableDocument
    from easyread.readers.pdf import read_metadata_title
    from easyread.readers.pdf_document import laid_out_pages, open_document, quiet_pdf_library
    from easyread.readers.pdf_streams import inflate_budget
    from easyread.readers.pdf_text_layer import text_layer_problem

    with quiet_pdf_library(), inflate_budget(path), path.open("rb") as handle:
        document = open_document(handle, path)
        title = read_metadata_title(document, path.stem)
        pages = laid_out_pages(document, path, OWN_CHAR_MARGIN if own else 2.0)
    problem = text_layer_problem(pages)
    if problem:
        raise UnreadableDocument(path, problem)
    return pages, title


@dataclass(frozen=True)
class PdfReading:
    """A PDF read for check: its units, all its text (page furniture too: a phone number in a
    footer is still in the document) and its lines as `TextRun`s for the font size rule."""

    units: list[TextUnit]
    text: str
    sized: list[TextRun]


def pdf_units(path: Path, own: bool) -> PdfReading:
    """The PDF at `path` read by its known layout when `own` (we made it), else by paragraph."""
    from easyread.checks.read_units import document_units
    from easyread.readers.pdf import build_document

    pages, title = read_pdf(path, own)
    if own:
        units = own_pdf_units(pages)
        return PdfReading(units, "\n".join(unit.text for unit in units), sized_runs(pages, own=True))
    document = build_document(path, pages, title)
    furniture: dict[int, list[str]] = {}
    for location, text in [(item.location, item.text) for item in document.set_aside] + [
            (block.location, block.text) for section in document.sections for block in section.blocks
            if block.role in FURNITURE]:
        page = re.match(r"page (\d+)", location)
        if page:
            furniture.setdefault(int(page.group(1)), []).append(" ".join(text.split()))
    return PdfReading(document_units(document, furniture=False), document.text(), sized_runs(pages, furniture=furniture))


def sized_runs(pages: list[PageText], own: bool = False, furniture: dict[int, list[str]] | None = None) -> list[TextRun]:
    """Each pdfminer line as a `TextRun` for the font size rule (ER301), its size the one most of its
    characters have (pypdf's text runs can start with a space in another size). A line of page
    furniture (a running header or footer the reader set aside, a "Page N of M" footer) is kind
    "footer", and a picture box's label ("Picture: ..." and the lines under it; in our own PDF any
    9 pt text) is kind "picture": neither is body text."""
    from easyread.checks.pdf_text import PICTURE_LABEL

    runs: list[TextRun] = []
    for page in pages:
        on_page = (furniture or {}).get(page.number, [])
        labels = {(round(line.x0), round(line.size, 1)) for line in page.lines  # a label's lines, in any PDF
                  if line.text.strip().startswith(PICTURE_LABEL)}
        for line in page.lines:
            text = " ".join(line.text.split())
            if not text:
                continue
            if FOOTER.match(text) or any(text in part for part in on_page):
                kind = "footer"
            elif (own and line.size <= LABEL_LARGEST) or (round(line.x0), round(line.size, 1)) in labels:
                kind = "picture"
            else:
                kind = "body"
            runs.append(TextRun(page.number, text, round(line.size, 1), "", kind))
    return runs


def own_pdf_units(pages: list[PageText]) -> list[TextUnit]:
    """The units of one of our own PDFs, read page by page (see the module's notes)."""
    units: list[TextUnit] = []
    section = ""
    for page in pages:
        runs = _runs(page)
        for number, run in enumerate(runs, start=1):
            location = f"page {page.number} paragraph {number}"
            text = run.text()
            if run.kind in ("title", "heading"):
                section = text
                units.append(heading_unit(text, location))
            elif run.kind == "term":
                continue
            elif section == GLOSSARY_HEADING and run.kind == "item":
                units.append(glossary_unit(_term_beside(run, runs), text, location))
            else:
                units.append(section_unit(text.removeprefix(BULLET.strip()).strip(), location, section))
    return units


def _kind(line: Line) -> str:
    if line.size >= TITLE_SMALLEST:
        return "title"
    if line.size >= HEADING_SMALLEST:
        return "heading"
    if line.x0 < TEXT_COLUMN and line.size > S.BODY_SIZE + 1:
        return "term"
    return "item" if line.x0 >= TEXT_COLUMN - S.GUTTER / 2 else "line"


def _runs(page: PageText) -> list[_Run]:
    """The page's lines, top to bottom, grouped into titles, headings, lines, items and terms."""
    lines = [line for line in page.lines
             if line.text.strip() and not FOOTER.match(line.text) and line.size > LABEL_LARGEST]
    runs: list[_Run] = []
    open_runs: dict[str, _Run] = {}  # the last run of each kind: a term and its item run side by side
    for line in sorted(lines, key=lambda line: (-line.y1, line.x0)):
        kind = _kind(line)
        last = open_runs.get(kind)
        if (last is not None and runs and last.lines[-1].y0 - line.y1 < SAME_UNIT_GAP * line.size
                and not line.text.lstrip().startswith(BULLET.strip())
                and all(run is last or run.kind == "term" or kind == "term" for run in runs[runs.index(last):])):
            last.lines.append(line)
            continue
        run = _Run(kind, [line])
        runs.append(run)
        open_runs[kind] = run
    return runs


def _term_beside(item: _Run, runs: list[_Run]) -> str:
    """The Hard words term beside the explanation `item`: both are set at the top of one table row."""
    top = item.lines[0].y1
    terms = [run for run in runs if run.kind == "term" and abs(run.lines[0].y1 - top) <= ROW_TOP_TOLERANCE]
    return min(terms, key=lambda run: abs(run.lines[0].y1 - top)).text() if terms else ""
