"""The Word output, opened with python-docx: pages as the PDF plans them, rows, sizes, bold, alt text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from easyread.backends import get_backend
from easyread.layout.docx import render_docx
from easyread.layout.pdf import plan
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from easyread.pipeline import simplify_document
from easyread.readers import read_document
from tests.conftest import SEEDS
from tests.layout.picture_files import write_pictures

MARKUP = "Bring <b>this</b> & {that} \\ to the office."


def sample_document(pictures: dict[str, Path]) -> EasyReadDocument:
    items = [
        Item("Your council tax bill is £1,200 this year.", "money", [HardWord("council tax", "Money for local services.")],
             picture_file=str(pictures["png"])),
        Item("Call us on 01632 960123.", "a telephone", picture_file=str(pictures["svg"])),
        Item("This picture file is broken.", "a broken picture", picture_file=str(pictures["broken"])),
        Item(MARKUP, "an office"),
    ] + [Item(f"Sentence number {n} about bins.", "a bin") for n in range(5, 12)]
    return EasyReadDocument(
        title="Your council tax",
        source_name="letter.docx",
        sections=[EasySection("Paying", items[:6]), EasySection("Bins", items[6:])],
        glossary=[HardWord("council tax", "Money for local services.")],
        credits=["Pictures: our own library."],
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    document = sample_document(write_pictures(folder / "pictures"))
    output = folder / "easy.docx"
    pages = render_docx(document, output)
    return document, docx.Document(str(output)), pages, output


def test_one_row_per_item_and_pages_as_the_pdf_plans_them(rendered):
    document, word, pages, _ = rendered
    planned, glossary_pages = plan(document)
    assert pages == 1 + len(planned) + len(glossary_pages)
    tables = word.tables
    assert len(tables) == len(planned) + len(glossary_pages)
    assert [len(table.rows) for table in tables[: len(planned)]] == [len(page.items) for page in planned]
    sentences = [table.rows[i].cells[1].text for table in tables[: len(planned)] for i in range(len(table.rows))]
    assert sentences == [item.sentence for item in document.items()]
    breaks = [p for p in word.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == pages - 1  # the title page, then a break before every other page


def test_real_headings_for_the_navigation_pane(rendered):
    _, word, _, _ = rendered
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Your council tax")
    assert ("Heading 1", "Paying") in headings and ("Heading 1", "Bins") in headings
    assert ("Heading 1", "Hard words") in headings
    assert all(name in ("Title", "Heading 1", "Heading 2") for name, _ in headings)


def test_tables_have_no_visible_borders_and_rows_never_split(rendered):
    _, word, _, _ = rendered
    for table in word.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
        assert table._tbl.tblPr.find(qn("w:tblStyle")) is None
        assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_large_sans_serif_text_spaced_out_left_aligned_no_italics(rendered):
    _, word, _, _ = rendered
    normal = word.styles["Normal"]
    assert normal.font.size >= Pt(16) and normal.font.name == "Arial"
    assert normal.paragraph_format.line_spacing >= 1.4
    assert normal.paragraph_format.alignment in (None, 0)  # left
    for paragraph in word.paragraphs + [p for t in word.tables for r in t.rows for c in r.cells for p in c.paragraphs]:
        for run in paragraph.runs:
            assert not run.italic and not run.underline
            assert run.font.size is None or run.font.size >= Pt(14)


def test_hard_words_are_bold_and_nothing_else_is(rendered):
    _, word, _, _ = rendered
    first_row = word.tables[0].rows[0].cells[1].paragraphs[0]
    assert [run.text for run in first_row.runs if run.bold] == ["council tax"]
    assert "".join(run.text for run in first_row.runs) == "Your council tax bill is £1,200 this year."


def test_every_picture_has_alt_text_and_missing_ones_a_placeholder(rendered):
    _, word, _, _ = rendered
    descriptions = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert descriptions[:2] == ["money", "a telephone"]  # the PNG, and the SVG drawn to PNG
    assert all(descriptions)
    rows = word.tables[0].rows
    assert rows[2].cells[0].text == "Picture: a broken picture"  # an unreadable file shows its description
    assert rows[3].cells[0].text == "Picture: an office"
    shading = rows[3].cells[0]._tc.tcPr.find(qn("w:shd"))
    assert shading is not None


def test_the_title_page_has_a_placeholder_when_no_title_picture_was_chosen(rendered):
    _, word, _, _ = rendered
    texts = [p.text for p in word.paragraphs[:5]]
    assert "Picture: a picture that shows what this document is about" in texts
    assert "This is an Easy Read version of letter.docx." in texts


def test_footer_numbers_pages_with_a_field(rendered):
    _, word, _, _ = rendered
    footer = word.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("Page ")
    assert "PAGE" in "".join(node.text or "" for node in footer._p.iter(qn("w:instrText")))


def test_properties_and_language_are_set(rendered):
    _, word, _, _ = rendered
    assert word.core_properties.title == "Your council tax"
    assert word.core_properties.language == "en-GB"
    assert "letter.docx" in word.core_properties.subject
    language = word.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"


def test_markup_comes_out_literally_and_credits_at_the_end(rendered):
    _, word, _, _ = rendered
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert MARKUP in cells
    assert word.paragraphs[-1].text == "Pictures: our own library."


def test_a_long_document_gets_a_contents_page(tmp_path):
    document = simplify_document(read_document(SEEDS / "adult-social-care-charging-policy.docx"), get_backend("rules"))
    output = tmp_path / "policy.docx"
    render_docx(document, output)
    word = docx.Document(str(output))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "What is in this document"
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) > 3 and bullets[0] == document.sections[0].heading


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    document = sample_document(write_pictures(tmp_path / "pictures"))

    def disk_full(self, path):
        Path(path).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr("docx.document.Document.save", disk_full)
    with pytest.raises(OSError):
        render_docx(document, tmp_path / "out" / "easy.docx")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_libreoffice_opens_it(rendered, tmp_path):
    from pypdf import PdfReader

    _, _, _, output = rendered
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(output)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (output.stem + ".pdf")
    assert len(PdfReader(pdf).pages) >= 3
