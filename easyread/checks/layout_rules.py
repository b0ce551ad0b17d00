"""Layout checks for Word files and PDFs: small type, italics, underlining, justified text, items per page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
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


def pdf_layout_findings(runs: list[TextRun], min_size: float = 14.0, max_items: int = 5,
                        small_print: str = "error") -> Iterator[Finding]:
    """ER301 small body text, ER302 italics, ER306 more than `max_items` items on a page (PDFs we made).

    ER301 is reported once a page, on a line of MIN_BODY_WORDS words or more below `min_size`
    points, at the level `small_text_level` gives (`small_print` when the body text is big enough);
    small print printed again on later pages (a running footer: "Issue date: ...") counts on its
    first page only: the same advice on every page is noise. Body text that is too small is
    reported on every page it is on."""
    reported: set[tuple[str, int]] = set()
    first_page: dict[str, int] = {}  # each small line: the first page it is on
    for run in runs:
        if run.kind == "body" and run.size < min_size:
            first_page.setdefault(" ".join(run.text.split()), run.page)
    level = small_text_level(body_size([(run.size, run.text) for run in runs if run.kind == "body"]), min_size,
                             small_print)
    for run in runs:
        if run.kind != "body":
            continue
        if run.size < min_size and ("ER301", run.page) not in reported and len(run.text.split()) >= MIN_BODY_WORDS \
                and (level is None or first_page[" ".join(run.text.split())] == run.page):
            reported.add(("ER301", run.page))
            yield Finding("ER301", f"page {run.page}", f"{run.size:g} pt: {_snippet(run.text)}",
                          f"Use {min_size:g} pt or more (16 pt is best).", level=level)
        if any(marker in run.font.lower() for marker in ITALIC_MARKERS) and ("ER302", run.page) not in reported:
            reported.add(("ER302", run.page))
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
    ER305 justified text, in a Word file."""
    findings = list(_docx_findings(path, min_size))
    sized = [(size, text) for finding, size, text in findings if size is not None]
    level = small_text_level(body_size(sized), min_size, small_print)
    for finding, _size, text in findings:
        if finding is None:
            continue
        if finding.rule_id == "ER301" and len(text.split()) >= MIN_BODY_WORDS:
            yield replace(finding, level=level)
        elif finding.rule_id != "ER301":
            yield finding


def _docx_findings(path: Path, min_size: float) -> Iterator[tuple[Finding | None, float | None, str]]:
    """(finding or None, the paragraph's smallest size in points or None, its text) for each paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from easyread.readers.docx import open_document

    document = open_document(path)
    default_size = None
    try:
        default_size = document.styles["Normal"].font.size
    except KeyError:
        pass
    for number, paragraph in enumerate((p for p in _all_paragraphs(document) if p.text.strip()), start=1):
        if paragraph.text.strip().startswith(PICTURE_LABEL):
            continue  # a picture still to be chosen, in small type inside its box: not body text
        location = f"paragraph {number}"
        text = _snippet(paragraph.text)
        sizes = [_paragraph_size(paragraph, run) for run in paragraph.runs if run.text.strip()]
        sizes = [size for size in sizes if size is not None] or (
            [float(default_size.pt)] if default_size is not None else []
        )
        yield None, (min(sizes) if sizes else None), paragraph.text
        if sizes and min(sizes) < min_size:
            yield (Finding("ER301", location, f"{min(sizes):g} pt: {text}", f"Use {min_size:g} pt or more (16 pt is best)."),
                   None, paragraph.text)
        if any(run.italic or (run.style is not None and run.style.font.italic) for run in paragraph.runs if run.text.strip()):
            yield Finding("ER302", location, text, "Use bold, not italics."), None, ""
        if any(run.underline for run in paragraph.runs if run.text.strip()):
            yield Finding("ER303", location, text, "Use bold, not underlining."), None, ""
        style = paragraph.style  # None when the file has no default paragraph style
        alignment = paragraph.alignment if paragraph.alignment is not None else (
            style.paragraph_format.alignment if style is not None else None)
        if alignment in (WD_ALIGN_PARAGRAPH.JUSTIFY, getattr(WD_ALIGN_PARAGRAPH, "DISTRIBUTE", None)):
            yield Finding("ER305", location, text, "Align text to the left."), None, ""
        if any(run.font.all_caps for run in paragraph.runs if run.text.strip()):
            yield Finding("ER304", location, text, "Write it in sentence case, not capitals."), None, ""
