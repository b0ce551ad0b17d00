"""Layout checks for Word files and PDFs: small type, italics, underlining, justified text, items per page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from easyread.checks.findings import Finding
from easyread.checks.pdf_text import PICTURE_LABEL, TextRun, picture_count

ITALIC_MARKERS = ("italic", "oblique")
# A line of one or two words in small type is a label (a word printed inside a picture, a page
# number), not body text: the guides' 14 pt rule is about the sentences a person reads. Calibrated on
# ../shared/easyread-pairs, where a human-made version labels its pictures in 10.8 pt.
MIN_BODY_WORDS = 3


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def body_size(sized_texts: list[tuple[float, str]]) -> float | None:
    """The size, in points, that most characters of the body text have: the size a reader reads.

    `sized_texts` are (size in points, text) pairs, one per line or paragraph; lines of fewer than
    MIN_BODY_WORDS words are labels, not body text, and do not count. None when there is no body text.
    """
    weight: Counter[float] = Counter()
    for size, text in sized_texts:
        if len(text.split()) >= MIN_BODY_WORDS:
            weight[round(size, 1)] += len(text)
    return weight.most_common(1)[0][0] if weight else None


def small_text_level(body: float | None, min_size: float, small_print: str) -> str | None:
    """The level of an ER301 finding on a line below `min_size`: None (the rule's own, an error)
    when the body text itself is too small, else `small_print` ("error" or "warning"): a footer, an
    imprint or a credit line in small type beside body text that is big enough. Calibrated on
    ../shared/easyread-pairs: human-made versions set their body in 12-14 pt and their document
    control footers and imprints in 8-11 pt (benchmarks/calibration.py)."""
    return None if body is None or body < min_size else small_print


def small_text_findings(runs: list[TextRun], min_size: float = 14.0, small_print: str = "error") -> Iterator[Finding]:
    """ER301: type below `min_size` points in a PDF's body lines (`runs`: one per line, with the size
    most of its characters have).

    Reported once a page, on a line of MIN_BODY_WORDS words or more, at the level `small_text_level`
    gives (`small_print` when the body text is big enough); small print printed again on later pages
    (a running footer: "Issue date: ...") counts on its first page only: the same advice on every
    page is noise. Body text that is too small is reported on every page it is on."""
    body = [run for run in runs if run.kind == "body"]
    first_page: dict[str, int] = {}  # each small line: the first page it is on
    for run in body:
        if run.size < min_size:
            first_page.setdefault(" ".join(run.text.split()), run.page)
    level = small_text_level(body_size([(run.size, run.text) for run in body]), min_size, small_print)
    reported: set[int] = set()
    for run in body:
        if run.size < min_size and run.page not in reported and len(run.text.split()) >= MIN_BODY_WORDS \
                and (level is None or first_page[" ".join(run.text.split())] == run.page):
            reported.add(run.page)
            yield Finding("ER301", f"page {run.page}", f"{run.size:g} pt: {_snippet(run.text)}",
                          f"Use {min_size:g} pt or more (16 pt is best).", level=level)


def pdf_style_findings(runs: list[TextRun], max_items: int = 5) -> Iterator[Finding]:
    """ER302 italics (once a page) and ER306 more than `max_items` items on a page (PDFs we made),
    from pypdf's text runs, which carry font names and our picture labels."""
    italic_pages: set[int] = set()
    for run in runs:
        if run.kind == "body" and any(marker in run.font.lower() for marker in ITALIC_MARKERS) \
                and run.page not in italic_pages:
            italic_pages.add(run.page)
            yield Finding("ER302", f"page {run.page}", _snippet(run.text), "Use bold, not italics.")
    for page, count in picture_count(runs).items():
        if count > max_items:
            yield Finding("ER306", f"page {page}", f"{count} items on the page", f"Put 4 or 5 items on a page, never more than {max_items}.")


def _all_paragraphs(document):  # type: ignore[no-untyped-def]
    """Every paragraph in reading order, those in table cells too (Easy Read puts sentences in tables).

    Cells are taken from the table's XML, each w:tc once (a merged cell is one w:tc), not from
    python-docx's grid, which trusts w:gridBefore and w:gridSpan: a value of -5 or 99999999999 in
    a damaged file would break or blow up the grid. Tables nested deeper than
    limits.MAX_NESTING_DEPTH are not walked into (the XML parser allows 256 levels of elements).
    """
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    from easyread.limits import MAX_NESTING_DEPTH

    def walk(container, depth: int):  # type: ignore[no-untyped-def]
        for block in container.iter_inner_content():
            if isinstance(block, Paragraph):
                yield block
            elif isinstance(block, Table) and depth < MAX_NESTING_DEPTH:
                for tr in block._tbl.tr_lst:
                    for tc in tr.tc_lst:
                        yield from walk(_Cell(tc, block), depth + 1)

    yield from walk(document, 0)


def _paragraph_size(paragraph, run) -> float | None:  # type: ignore[no-untyped-def]
    """The run's font size in points, else the nearest size set by its paragraph's style or the
    styles it is based on. A basedOn chain that loops (a style based on itself, A on B on A) is
    followed once round."""
    if run.font.size is not None:
        return float(run.font.size.pt)
    style = paragraph.style
    seen: set[str] = set()
    while style is not None and style.style_id not in seen:
        seen.add(style.style_id)
        if style.font is not None and style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return None


def docx_layout_findings(path: Path, min_size: float = 14.0, small_print: str = "error") -> Iterator[Finding]:
    """ER301 small type (at the level `small_text_level` gives), ER302 italics, ER303 underlining,
    ER305 justified text, ER304 capitals, in a Word file, paragraph by paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraphs = list(_sized_paragraphs(path))
    level = small_text_level(body_size([(size, p.text) for _, p, size in paragraphs if size is not None]),
                             min_size, small_print)
    for location, paragraph, size in paragraphs:
        text = _snippet(paragraph.text)
        if size is not None and size < min_size and len(paragraph.text.split()) >= MIN_BODY_WORDS:
            yield Finding("ER301", location, f"{size:g} pt: {text}", f"Use {min_size:g} pt or more (16 pt is best).",
                          level=level)
        if any(run.italic or (run.style is not None and run.style.font.italic) for run in paragraph.runs if run.text.strip()):
            yield Finding("ER302", location, text, "Use bold, not italics.")
        if any(run.underline for run in paragraph.runs if run.text.strip()):
            yield Finding("ER303", location, text, "Use bold, not underlining.")
        style = paragraph.style  # None when the file has no default paragraph style
        alignment = paragraph.alignment if paragraph.alignment is not None else (
            style.paragraph_format.alignment if style is not None else None)
        if alignment in (WD_ALIGN_PARAGRAPH.JUSTIFY, getattr(WD_ALIGN_PARAGRAPH, "DISTRIBUTE", None)):
            yield Finding("ER305", location, text, "Align text to the left.")
        if any(run.font.all_caps for run in paragraph.runs if run.text.strip()):
            yield Finding("ER304", location, text, "Write it in sentence case, not capitals.")


def _sized_paragraphs(path: Path):  # type: ignore[no-untyped-def]
    """(location, paragraph, its smallest type size in points or None) for each paragraph with text,
    picture placeholders left out (small type inside a picture's box is not body text)."""
    from easyread.readers.docx import open_document

    document = open_document(path)
    default_size = None
    try:
        default_size = document.styles["Normal"].font.size
    except KeyError:
        pass
    for number, paragraph in enumerate((p for p in _all_paragraphs(document) if p.text.strip()), start=1):
        if paragraph.text.strip().startswith(PICTURE_LABEL):
            continue
        sizes = [_paragraph_size(paragraph, run) for run in paragraph.runs if run.text.strip()]
        sizes = [size for size in sizes if size is not None] or (
            [float(default_size.pt)] if default_size is not None else []
        )
        yield f"paragraph {number}", paragraph, (min(sizes) if sizes else None)
