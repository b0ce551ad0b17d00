"""Layout checks for Word files and PDFs: small type, italics, underlining, justified text, items per page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from easyread.checks.findings import Finding
from easyread.checks.pdf_text import PICTURE_LABEL, TextRun, picture_count

ITALIC_MARKERS = ("italic", "oblique")


def _snippet(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def pdf_layout_findings(runs: list[TextRun], min_size: float = 14.0, max_items: int = 5) -> Iterator[Finding]:
    """ER301 small body text, ER302 italics, ER306 more than `max_items` items on a page (PDFs we made)."""
    reported: set[tuple[str, int]] = set()
    for run in runs:
        if run.kind != "body":
            continue
        if run.size < min_size and ("ER301", run.page) not in reported:
            reported.add(("ER301", run.page))
            yield Finding("ER301", f"page {run.page}", f"{run.size:g} pt: {_snippet(run.text)}",
                          f"Use {min_size:g} pt or more (16 pt is best).")
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


def docx_layout_findings(path: Path, min_size: float = 14.0) -> Iterator[Finding]:
    """ER301 small type, ER302 italics, ER303 underlining, ER305 justified text, in a Word file."""
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
        if sizes and min(sizes) < min_size:
            yield Finding("ER301", location, f"{min(sizes):g} pt: {text}", f"Use {min_size:g} pt or more (16 pt is best).")
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
