"""Read a PDF's text layer line by line with font sizes and names, for checks.

Picture placeholders ("Picture: ...", set in small type inside the picture box of the PDFs we
make) and "Page N of M" footers are told apart from the body text, so they neither count as
sentences nor as body text that is too small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from easyread.errors import UnreadableDocument
from easyread.language.facts import rejoin_wrapped_lines

FOOTER = re.compile(r"^\s*Page \d+ of \d+\s*$")
PICTURE_LABEL = "Picture:"
BULLET = "•"


@dataclass(frozen=True)
class TextRun:
    page: int
    text: str
    size: float
    font: str
    kind: str  # "body", "picture", "footer"


def read_runs(path: Path) -> list[TextRun]:
    """Every text run of the PDF in reading order, classified as body, picture label or footer."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(path, "is encrypted with a password")
        pages = list(reader.pages)
    except PdfReadError as error:
        raise UnreadableDocument(path, f"not a valid PDF (file is damaged): {error}") from None
    runs: list[TextRun] = []
    for number, page in enumerate(pages, start=1):
        label_size: float | None = None
        page_runs: list[TextRun] = []

        def visit(text, cm, tm, font, size, number=number, page_runs=page_runs):  # type: ignore[no-untyped-def]
            nonlocal label_size
            if not text.strip():
                return
            scale = abs(tm[3] * cm[3]) or 1.0
            actual = round(float(size) * scale, 1)
            name = str(font.get("/BaseFont", "")) if font else ""
            name = name.split("+", 1)[-1].lstrip("/")
            stripped = text.strip()
            if FOOTER.match(stripped):
                kind = "footer"
            elif stripped.startswith(PICTURE_LABEL):
                kind, label_size = "picture", actual
            elif label_size is not None and actual == label_size:
                kind = "picture"
            else:
                kind, label_size = "body", None
            page_runs.append(TextRun(number, stripped, actual, name, kind))

        page.extract_text(visitor_text=visit)
        runs.extend(page_runs)
    return runs


HEADING_SIZE = 17.5  # text larger than 16 pt body text is a heading, a title or a glossary word


def page_blocks(runs: list[TextRun]) -> list[tuple[int, str, bool]]:
    """(page, text, is_heading) for each run of body lines: headings apart from the sentences after them.

    Lines are joined with line breaks first, so a web address broken after "/" is joined back up. A
    line starting with a bullet (a contents list) starts a block of its own.
    """
    blocks: list[tuple[int, list[str], bool]] = []
    for run in runs:
        if run.kind != "body":
            continue
        is_heading = run.size >= HEADING_SIZE
        is_list_line = run.text.startswith(BULLET)  # a list line is a unit of its own, like a sentence
        if blocks and blocks[-1][0] == run.page and blocks[-1][2] == is_heading and not is_list_line:
            blocks[-1][1].append(run.text)
        else:
            blocks.append((run.page, [run.text], is_heading))
    return [(page, " ".join(rejoin_wrapped_lines("\n".join(lines)).split()), heading)
            for page, lines, heading in blocks]


def picture_count(runs: list[TextRun]) -> dict[int, int]:
    """How many picture placeholders each page has: the items on that page, in a PDF we made."""
    counts: dict[int, int] = {}
    for run in runs:
        counts.setdefault(run.page, 0)
        if run.kind == "picture" and run.text.startswith(PICTURE_LABEL):
            counts[run.page] += 1
    return counts
