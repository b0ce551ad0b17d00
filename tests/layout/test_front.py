"""The title page has reader-facing words only; the tool's credit is in the document properties
(issue 15 point 4)."""

from __future__ import annotations

import pytest
from docx import Document

from easyread.checks.own_units import is_front_line
from easyread.layout.docx import render_docx
from easyread.layout.front import CREDIT, GENERATOR, front_matter, subject
from easyread.layout.html import render_html
from easyread.layout.markdown import render_markdown
from easyread.model import EasyReadDocument, EasySection, Item
from tests.conftest import pdf_pages_text

FILE_NAME = "ctax-letter_v3-FINAL.docx"


def _document() -> EasyReadDocument:
    items = [Item("You need to pay £7.50 by 1 May 2026.", "money"), Item("Call us on 01632 960 178.", "a phone")]
    return EasyReadDocument("Your Council Tax bill", FILE_NAME, [EasySection("What to pay", items)])


def test_front_matter_has_no_file_name_and_no_credit():
    front = front_matter(_document())
    assert front.title == "Your Council Tax bill"
    assert FILE_NAME not in repr(front) and CREDIT not in repr(front)  # nothing on the title page names them
    assert subject(_document()) == "Easy Read: Your Council Tax bill"
    assert subject(EasyReadDocument("", FILE_NAME)) == "Easy Read"


@pytest.mark.parametrize("suffix", ["pdf", "docx", "html", "md"])
def test_no_format_shows_the_file_name_or_the_credit(tmp_path, suffix):
    from easyread.layout.pdf import render_pdf

    output = tmp_path / f"out.{suffix}"
    {"pdf": render_pdf, "docx": render_docx, "html": render_html, "md": render_markdown}[suffix](_document(), output)
    if suffix == "pdf":
        shown = " ".join(pdf_pages_text(output))
    elif suffix == "docx":
        word = Document(str(output))
        shown = " ".join(p.text for p in word.paragraphs) + " ".join(
            cell.text for table in word.tables for row in table.rows for cell in row.cells)
    else:
        shown = output.read_text(encoding="utf-8")
    assert "ctax-letter" not in shown and "FINAL" not in shown
    assert "Easy Read version of" not in shown
    assert CREDIT not in shown
    assert "Your Council Tax bill" in shown


def test_the_credit_is_in_the_properties(tmp_path):
    render_docx(_document(), tmp_path / "out.docx")
    properties = Document(str(tmp_path / "out.docx")).core_properties
    assert properties.comments == CREDIT
    assert properties.subject == "Easy Read: Your Council Tax bill"
    from pypdf import PdfReader

    from easyread.layout.pdf import render_pdf

    render_pdf(_document(), tmp_path / "out.pdf")
    metadata = PdfReader(tmp_path / "out.pdf").metadata
    assert metadata.creator == GENERATOR and metadata.subject == "Easy Read: Your Council Tax bill"
    render_html(_document(), tmp_path / "out.html")
    assert '<meta name="generator" content="easyread">' in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_older_outputs_title_page_lines_still_read_as_front():
    assert is_front_line("This is an Easy Read version of letter.docx.")
    assert is_front_line(CREDIT)
