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
    """Every text run of the PDF in reading order, classified as body, picture label or footer.

    Raises UnreadableDocument with one line: damaged (naming the page whose content cannot be
    read), encrypted, or past a limit: pypdf inflates no stream beyond
    limits.MAX_PDF_INFLATED_BYTES here, and its own limits bound the work on each page.
    """
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    from easyread.limits import MAX_PDF_INFLATED_BYTES
    from easyread.readers.pdf_document import quiet_pdf_library

    runs: list[TextRun] = []
    with quiet_pdf_library("pypdf"), apply_configuration(zlib_maximum_output_length=MAX_PDF_INFLATED_BYTES):
        try:
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableDocument(path, "is encrypted with a password")
            pages = list(reader.pages)
        except UnreadableDocument:
            raise
        except LimitReachedError as error:
            raise UnreadableDocument(path, _limit_reason(error)) from None
        except Exception as error:  # PdfReadError, and KeyError, ValueError ... from a damaged file
            raise UnreadableDocument(path, f"not a valid PDF (file is damaged): {_first_line(error)}") from None
        for number, page in enumerate(pages, start=1):
            try:
                runs += _page_runs(page, number)
            except LimitReachedError as error:
                raise UnreadableDocument(path, f"page {number}: {_limit_reason(error)}") from None
            except Exception as error:  # a bad content stream: PdfReadError, PdfStreamError, ...
                raise UnreadableDocument(path, f"not a valid PDF (page {number} could not be read, the file is "
                                               f"damaged): {_first_line(error)}") from None
    return runs


def _page_runs(page, number: int) -> list[TextRun]:  # type: ignore[no-untyped-def]
    """The text runs of one pypdf page, classified."""
    label_size: float | None = None
    page_runs: list[TextRun] = []

    def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
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
    return page_runs


def _limit_reason(error: Exception) -> str:
    from easyread.limits import MAX_PDF_INFLATED_BYTES
    from easyread.readers.common import readable_size

    if "decompress" in str(error).lower():
        return (f"its compressed parts inflate to more than {readable_size(MAX_PDF_INFLATED_BYTES)}, as a \"flate "
                f"bomb\" does (the limit is {readable_size(MAX_PDF_INFLATED_BYTES)} once decompressed)")
    return f"too costly to read safely ({_first_line(error)}: a limit of the PDF library)"


def _first_line(error: Exception, limit: int = 80) -> str:
    """The first line of an error's message, at most `limit` characters, printable characters only."""
    lines = str(error).strip().splitlines()
    text = "".join(char if char.isprintable() else "?" for char in (lines[0] if lines else type(error).__name__))
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
