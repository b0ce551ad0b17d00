"""The Word renderer: the PDF's pages, borderless picture+sentence rows, sizes, bold hard words,
headings, page numbers, alt text, metadata, text as data, and atomic writes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from easyread.errors import UsageError
from easyread.layout.docx import heading_of, render_docx, sentence_parts, title_picture_size
from easyread.layout.emphasis import hard_word_pattern
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, MADE_WITH, front_matter
from easyread.layout.no_break import plain_spaces
from easyread.layout.pdf import plan
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from tests.conftest import SEEDS
from tests.pictures.images import png_bytes

COUNCIL_TAX = HardWord("council tax", "Money you pay to the council for local services.")
APPEAL = HardWord("appeal", "Asking for a decision to be looked at again.")
MARKUP = "Watch out: <b>x</b> & {name} and C:\\temp &amp; stay as they are."
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="green"/></svg>'


def tiny_png() -> bytes:
    """A small red PNG (4 x 3)."""
    return png_bytes(4, 3, (255, 0, 0))


def sample_document(folder: Path) -> EasyReadDocument:
    png, svg, broken = folder / "bin.png", folder / "bin.svg", folder / "broken.png"
    png.write_bytes(tiny_png())
    svg.write_text(SVG, encoding="utf-8")
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    first = [Item(f"Your bin day is changing, item {i}.", f"a green bin {i}") for i in range(6)]
    first[0].picture_file = str(png)
    first[1] = Item("You pay Council Tax and council tax for your home.", "a house", [COUNCIL_TAX], picture_file=str(svg))
    first[2].picture_file = str(broken)
    first[3].picture_file = str(folder / "missing.png")
    second = [Item(f"You can appeal if you think we are wrong, item {i}.", f"a letter {i}", [APPEAL]) for i in range(5)]
    second[2] = Item(MARKUP, "a <warning> & sign")
    third = [Item(f"Call us on 01234 567890, item {i}.", f"a phone {i}") for i in range(3)]
    return EasyReadDocument(
        title="Your bin day is changing",
        source_name="bins-letter.docx",
        sections=[
            EasySection("What is changing?", first),
            EasySection("What can you do?", second),
            EasySection("", third),
        ],
        glossary=[COUNCIL_TAX, APPEAL, HardWord("unexplained")],
        language="en-GB",
        title_picture_file=str(png),
        credits=["Pictures by a test."],
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    document = sample_document(folder)
    output = folder / "out" / "sample.docx"
    count = render_docx(document, output)
    return document, output, count, Document(str(output))


def blocks(word) -> list:
    return list(word.iter_inner_content())


def pages_of(word) -> list[list]:
    """The body split where a paragraph starts a new page."""
    pages: list[list] = [[]]
    for block in blocks(word):
        if isinstance(block, Paragraph) and block.paragraph_format.page_break_before:
            pages.append([])
        pages[-1].append(block)
    return pages


def item_tables(word) -> list[Table]:
    return [block for page in pages_of(word)[1:] for block in page if isinstance(block, Table)
            if page[0].text != GLOSSARY_HEADING]


def size_of(run, paragraph) -> float:
    """The run's font size in points, from the run or else its paragraph's style chain."""
    if run.font.size is not None:
        return run.font.size.pt
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    raise AssertionError("no size")


def line_spacing_of(paragraph) -> float:
    if paragraph.paragraph_format.line_spacing is not None:
        return paragraph.paragraph_format.line_spacing
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.line_spacing is not None:
            return style.paragraph_format.line_spacing
        style = style.base_style
    raise AssertionError("no line spacing")


def all_paragraphs(word) -> list[Paragraph]:
    found: list[Paragraph] = []
    for block in blocks(word):
        if isinstance(block, Paragraph):
            found.append(block)
        else:
            found += [p for row in block.rows for cell in row.cells for p in cell.paragraphs]
    return found


def test_page_count_and_page_breaks_follow_the_plan(rendered):
    document, _, count, word = rendered
    pages, glossary_pages = plan(document)
    assert count == 1 + len(pages) + len(glossary_pages) == 6
    starts = [p for p in word.paragraphs if p.paragraph_format.page_break_before]
    assert len(starts) == count - 1 == len(pages_of(word)) - 1
    assert not word.element.body.findall(".//" + qn("w:br"))  # no other breaks


def test_each_page_holds_the_items_the_plan_put_there(rendered):
    document, _, _, word = rendered
    pages, _ = plan(document)
    body_pages = pages_of(word)[1 : 1 + len(pages)]
    for page, blocks_ in zip(pages, body_pages, strict=True):
        heading, table = blocks_[0], blocks_[1]
        assert heading.text == heading_of(document, page)
        assert heading.style.name == ("Heading 2" if page.continued else "Heading 1")
        assert [plain_spaces(row.cells[1].text) for row in table.rows] == [" ".join(item.sentence.split()) for item in page.items]
    assert sum(len(table.rows) for table in item_tables(word)) == len(document.items())
    assert body_pages[-1][0].text == document.title  # a section without a heading shows the title


def test_title_page(rendered):
    document, _, _, word = rendered
    title_page = pages_of(word)[0]
    assert title_page[0].style.name == "Title" and title_page[0].text == document.title
    texts = [b.text for b in all_paragraphs(word)]
    assert not any("bins-letter" in text for text in texts)  # readers never see the file name
    assert not front_matter(document).contents  # 3 sections: no contents list
    assert CONTENTS_HEADING not in [b.text for b in title_page if isinstance(b, Paragraph)]
    assert MADE_WITH not in texts  # the tool's credit is in the properties, not on a page


def test_item_tables_have_no_visible_borders(rendered):
    _, _, _, word = rendered
    for table in item_tables(word):
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert borders is not None and len(borders) == 6
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
        assert table._tbl.tblPr.find(qn("w:tblStyle")) is None
        for row in table.rows:
            assert row.cells[1]._tc.tcPr.find(qn("w:tcBorders")) is None  # nothing drawn round a sentence
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert abs(row.cells[0].width.cm - 4.5) < 0.01


def test_body_is_16_pt_arial_at_one_and_a_half_lines(rendered):
    _, _, _, word = rendered
    normal = word.styles["Normal"]
    assert normal.font.name == "Arial" and normal.font.size.pt >= 16
    assert normal.paragraph_format.line_spacing >= 1.4
    for table in item_tables(word):
        for row in table.rows:
            paragraph = row.cells[1].paragraphs[0]
            assert line_spacing_of(paragraph) >= 1.4
            assert all(size_of(run, paragraph) >= 16 for run in paragraph.runs)
    for name in ("Title", "Heading 1", "Heading 2"):
        style = word.styles[name]
        assert style.font.name == "Arial" and style.font.size.pt >= 22 and style.font.bold
        assert style.element.rPr.rFonts.get(qn("w:asciiTheme")) is None  # a theme font would win over Arial
    for paragraph in all_paragraphs(word):
        if paragraph.style.name != "Footer":
            assert paragraph.alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)
        assert paragraph.paragraph_format.alignment != WD_ALIGN_PARAGRAPH.JUSTIFY


def test_bold_runs_are_exactly_the_hard_words(rendered):
    document, _, _, word = rendered
    items = document.items()
    rows = [row for table in item_tables(word) for row in table.rows]
    for item, row in zip(items, rows, strict=True):
        runs = row.cells[1].paragraphs[0].runs
        pattern = hard_word_pattern(h.word for h in item.hard_words)
        expected = [m.group(0) for m in pattern.finditer(row.cells[1].text)] if pattern else []
        assert [run.text for run in runs if run.bold] == expected
        assert all(run.bold in (None, True) for run in runs)
    bold = [run.text for row in rows for run in row.cells[1].paragraphs[0].runs if run.bold]
    assert bold.count("Council Tax") == 1 and bold.count("council tax") == 1 and "appeal" in bold


def test_no_italics_or_underline(rendered):
    _, _, _, word = rendered
    for paragraph in all_paragraphs(word):
        assert not paragraph.style.font.italic and not paragraph.style.font.underline
        for run in paragraph.runs:
            assert not run.italic and not run.underline


def test_pictures_have_alt_text_and_bad_ones_show_a_placeholder(rendered):
    document, _, _, word = rendered
    doc_prs = word.element.body.findall(".//" + qn("wp:docPr"))
    descriptions = sorted(d.get("descr") for d in doc_prs)
    # the title picture, the PNG and the SVG (drawn as PNG); the broken and missing files are not pictures.
    # Each says what the picture file shows ("bin.png", "bin.svg"), not what it was chosen for ("a house").
    assert descriptions == ["The picture shows a bin."] * 3
    assert len(word.inline_shapes) == 3
    assert sorted(round(shape.width.cm, 2) for shape in word.inline_shapes) == [4.5, 4.5, 8.0]
    rows = [row for table in item_tables(word) for row in table.rows]
    assert rows[0].cells[0].text == "" and rows[1].cells[0].text == ""
    for row, description in ((rows[2], "a green bin 2"), (rows[3], "a green bin 3")):
        assert row.cells[0].text == f"Picture: {description}"
        assert row.cells[0]._tc.tcPr.find(qn("w:tcBorders")) is not None
        assert size_of(row.cells[0].paragraphs[0].runs[0], row.cells[0].paragraphs[0]) < 16  # small type


def test_glossary_page_and_closing_lines(rendered):
    _, _, _, word = rendered
    last = pages_of(word)[-1]
    assert last[0].text == GLOSSARY_HEADING and last[0].style.name == "Heading 1"
    table = last[1]
    assert [(row.cells[0].text, row.cells[1].text) for row in table.rows] == [
        ("council tax", COUNCIL_TAX.explanation),
        ("appeal", APPEAL.explanation),
    ]
    assert all(run.bold for row in table.rows for run in row.cells[0].paragraphs[0].runs)
    assert [b.text for b in last[2:]] == ["Pictures by a test."]


def test_footer_numbers_every_page_with_a_page_field(rendered):
    _, _, _, word = rendered
    footer = word.sections[0].footer
    assert not footer.is_linked_to_previous
    xml = footer._element.xml
    assert "Page " in footer.paragraphs[0].text
    assert any(code.text.strip() == "PAGE" for code in footer._element.iter(qn("w:instrText")))
    assert xml.count('w:fldCharType="begin"') == xml.count('w:fldCharType="end"') == 1
    section = word.sections[0]
    assert abs(section.page_width.cm - 21) < 0.01 and abs(section.page_height.cm - 29.7) < 0.01
    assert min(section.left_margin.cm, section.right_margin.cm, section.top_margin.cm, section.footer_distance.cm) >= 2


def test_properties_and_language(rendered):
    document, _, _, word = rendered
    properties = word.core_properties
    assert properties.title == document.title
    assert properties.subject == f"Easy Read: {document.title}"
    assert properties.comments == MADE_WITH  # the tool's credit
    assert properties.language == "en-GB" and properties.author == "easyread"
    lang = word.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang is not None and lang.get(qn("w:val")) == "en-GB"


def test_language_follows_the_document(tmp_path):
    document = EasyReadDocument("Teitl", "llythyr.docx", [EasySection("Beth?", [Item("Brawddeg.", "llun")])], language="cy")
    render_docx(document, tmp_path / "cy.docx")
    word = Document(str(tmp_path / "cy.docx"))
    assert word.core_properties.language == "cy"
    assert word.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "cy"


def test_markup_characters_come_out_literally(rendered):
    _, _, _, word = rendered
    texts = [p.text for p in all_paragraphs(word)]
    assert " ".join(MARKUP.split()) in texts
    assert "Picture: a <warning> & sign" in texts


def test_control_characters_and_long_titles_do_not_break_the_file(tmp_path):
    title = "A\x00 title\x0b " + "very " * 80
    items = [Item("Line one\nline two\x07 here.", "a\x01 picture")]
    document = EasyReadDocument(title, "x.txt", [EasySection("Head\x1fing", items)])
    render_docx(document, tmp_path / "odd.docx")
    word = Document(str(tmp_path / "odd.docx"))
    assert "Line one line two here." in [p.text for p in all_paragraphs(word)]
    assert len(word.core_properties.title) <= 255


def test_contents_list_for_long_documents_on_the_page_after_the_title(tmp_path):
    sections = [EasySection(f"Part {n}", [Item(f"Sentence {n}.", "a picture")]) for n in range(20)]
    document = EasyReadDocument("Long", "long.txt", sections)
    count = render_docx(document, tmp_path / "long.docx")
    word = Document(str(tmp_path / "long.docx"))
    title_page, contents_page = pages_of(word)[:2]
    assert CONTENTS_HEADING not in [b.text for b in title_page if isinstance(b, Paragraph)]
    texts = [b.text for b in contents_page if isinstance(b, Paragraph)]
    assert texts[0] == CONTENTS_HEADING and contents_page[0].style.name == "Heading 1"
    entries = [b for b in contents_page if isinstance(b, Paragraph) and b.text.startswith("Part ")]
    assert [b.text for b in entries] == [f"Part {n}" for n in range(20)]
    assert all(size_of(b.runs[0], b) >= 14 and line_spacing_of(b) >= 1.4 for b in entries)
    assert count == 22  # title, contents, 20 sections


def test_the_title_picture_shrinks_only_for_a_long_title():
    short = front_matter(EasyReadDocument("T", "t.txt", [EasySection("A", [Item("S.", "p")])]))
    assert title_picture_size(short) == 8.0
    long_title = front_matter(EasyReadDocument("A very long title " * 20, "t.txt", [EasySection("A", [Item("S.", "p")])]))
    assert 2.5 <= title_picture_size(long_title) < 8


def test_sentence_parts():
    words = [HardWord("tax"), HardWord("council tax")]
    assert sentence_parts("Pay your Council\nTax and taxes.", words) == [
        ("Pay your ", False),
        ("Council Tax", True),
        (" and taxes.", False),
    ]
    assert sentence_parts("", words) == []
    assert sentence_parts("<b>x</b>", []) == [("<b>x</b>", False)]


def test_empty_document_is_just_a_title_page(tmp_path):
    count = render_docx(EasyReadDocument("Nothing here", "empty.txt"), tmp_path / "empty.docx")
    word = Document(str(tmp_path / "empty.docx"))
    assert count == 1 and len(pages_of(word)) == 1
    assert [p.text for p in word.paragraphs] == ["Nothing here"]  # the title; the picture is a table
    assert "Picture: a picture that shows what this document is about" in [p.text for p in all_paragraphs(word)]


def test_a_failing_save_leaves_no_file(tmp_path, monkeypatch):
    def explode(self, path):
        Path(path).write_bytes(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr("docx.document.Document.save", explode)
    with pytest.raises(OSError, match="disk full"):
        render_docx(EasyReadDocument("T", "t.txt"), tmp_path / "out.docx")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_leaves_the_old_file_alone(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    monkeypatch.setattr("docx.document.Document.save", lambda self, path: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        render_docx(EasyReadDocument("T", "t.txt"), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"] and target.read_bytes() == b"old"


def test_an_unwritable_output_folder_leaves_no_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        render_docx(EasyReadDocument("T", "t.txt"), blocker / "out.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_a_missing_output_folder_is_made(tmp_path):
    assert render_docx(EasyReadDocument("T", "t.txt"), tmp_path / "new" / "out.docx") == 1
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["out.docx"]


@pytest.mark.parametrize("seed", ["council-tax-letter.docx", "consultation-summary.md"])
def test_a_seed_renders_on_the_planned_pages(seed, tmp_path):
    from easyread.backends import get_backend
    from easyread.pipeline import simplify_document
    from easyread.readers import read_document

    document = simplify_document(read_document(SEEDS / seed), get_backend("rules"))
    count = render_docx(document, tmp_path / "seed.docx")
    word = Document(str(tmp_path / "seed.docx"))
    pages, glossary_pages = plan(document)
    contents = 1 if front_matter(document).contents else 0
    assert count == 1 + contents + len(pages) + len(glossary_pages) == len(pages_of(word))
    assert sum(len(table.rows) for table in item_tables(word)) == len(document.items())
    headings = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings and all(p.text for p in headings)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_file_and_keeps_the_pages(rendered, tmp_path):
    from pypdf import PdfReader

    _, output, count, _ = rendered
    profile = (tmp_path / "profile").as_uri()
    command = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(tmp_path), str(output)]
    subprocess.run(command, capture_output=True, timeout=180, check=True)
    reader = PdfReader(tmp_path / "sample.pdf")
    assert len(reader.pages) == count
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "Your bin day is changing" in text and "Page 1" in text


def test_importing_the_renderer_is_light():
    code = "import sys, easyread.layout.docx; print('docx' in sys.modules, 'reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False False", result.stderr
