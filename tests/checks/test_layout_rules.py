"""Layout rules on real Word files and PDFs: small type, italics, underlining, justified, capitals, items per page."""

from __future__ import annotations

from easyread.checks.run import check_document
from easyread.config import Settings


def make_docx(path, *, size=16, italic=False, underline=False, justify=False, caps=False):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.add_heading("Your bin day", level=1)
    paragraph = document.add_paragraph()
    run = paragraph.add_run("We will empty your bin on Tuesday.")
    run.font.size = Pt(size)
    run.italic = italic
    run.underline = underline
    run.font.all_caps = caps
    if justify:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.save(str(path))
    return path


def ids(path):
    return {finding.rule_id for finding in check_document(path, Settings()).findings}


def test_docx_layout_rules(tmp_path):
    assert not {"ER301", "ER302", "ER303", "ER304", "ER305"} & ids(make_docx(tmp_path / "good.docx"))
    assert "ER301" in ids(make_docx(tmp_path / "small.docx", size=10))
    assert "ER302" in ids(make_docx(tmp_path / "italic.docx", italic=True))
    assert "ER303" in ids(make_docx(tmp_path / "underline.docx", underline=True))
    assert "ER305" in ids(make_docx(tmp_path / "justified.docx", justify=True))
    assert "ER304" in ids(make_docx(tmp_path / "caps.docx", caps=True))


def make_pdf(path, *, items_on_page=4, body_size=16, italic=False):
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    y = 780
    for number in range(items_on_page):
        drawing.setFont("Helvetica", 9)
        drawing.drawString(60, y, f"Picture: bin {number}")
        drawing.setFont("Helvetica-Oblique" if italic else "Helvetica", body_size)
        drawing.drawString(200, y, f"We will empty bin {number + 1} on Tuesday.")
        y -= 120
    drawing.setFont("Helvetica", 12)
    drawing.drawString(260, 30, "Page 1 of 1")
    drawing.save()
    return path


def test_pdf_layout_rules(tmp_path):
    good = ids(make_pdf(tmp_path / "good.pdf"))
    assert not {"ER301", "ER302", "ER306"} & good  # the small picture labels and the footer do not count
    assert "ER306" in ids(make_pdf(tmp_path / "crowded.pdf", items_on_page=6))
    assert "ER301" in ids(make_pdf(tmp_path / "small.pdf", body_size=11))
    assert "ER302" in ids(make_pdf(tmp_path / "italic.pdf", italic=True))


def test_block_capitals_in_text(tmp_path):
    path = tmp_path / "caps.md"
    path.write_text("# Notice\n\nPLEASE PUT YOUR BIN OUT BY 7AM.\n")
    report = check_document(path, Settings())
    assert "ER304" in {f.rule_id for f in report.findings}


def test_docx_rules_look_inside_tables_but_not_at_picture_placeholders(tmp_path):
    import docx
    from docx.shared import Pt

    word = docx.Document()
    word.styles["Normal"].font.size = Pt(16)
    table = word.add_table(rows=1, cols=2)
    label = table.rows[0].cells[0].paragraphs[0].add_run("Picture: a green bin")
    label.font.size = Pt(9)
    sentence = table.rows[0].cells[1].paragraphs[0].add_run("We empty your bin on Tuesday.")
    path = tmp_path / "table.docx"
    word.save(str(path))
    assert "ER301" not in ids(path)  # the small placeholder text is not body text
    sentence.font.size = Pt(10)
    sentence.italic = True
    word.save(str(path))
    assert {"ER301", "ER302"} <= ids(path)  # a sentence in a table cell is body text


def test_our_own_word_output_passes_the_layout_rules(tmp_path):
    from easyread.pipeline import convert
    from tests.conftest import SEEDS

    result = convert(SEEDS / "bin-collection-changes.txt", tmp_path / "bins.docx", formats=("docx",))
    assert not {"ER301", "ER302", "ER303", "ER304", "ER305"} & ids(result.outputs["docx"])
