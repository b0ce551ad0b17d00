"""The PDF renderer: pages where pagination put them, page numbers, metadata, fonts, text as data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from easyread.layout import styles
from easyread.layout.markup import sentence_markup
from easyread.layout.pdf import plan, render_pdf
from easyread.model import EasyReadDocument, EasySection, HardWord, Item

COUNCIL_TAX = HardWord("council tax", "Money you pay to the council for local services.")
APPEAL = HardWord("appeal", "Asking for a decision to be looked at again.")
MARKUP = "Watch out: <b>x</b> & <font size=40> &amp; stay as they are."
LONG = " ".join(["You can ask us to look at your bill again if you think it is wrong"] * 4) + " today."


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def reader_for(path: Path):
    from pypdf import PdfReader

    return PdfReader(path)


def pages_text(path: Path) -> list[str]:
    return [normalise(page.extract_text() or "") for page in reader_for(path).pages]


def sample_document() -> EasyReadDocument:
    first = [Item(f"Your bin day is changing, item {i}.", f"a green bin {i}") for i in range(6)]
    first[1] = Item(f"You pay Council Tax for your home, item 1. {LONG}", "a house", hard_words=[COUNCIL_TAX])
    second = [
        Item(f"You can appeal if you think we are wrong, item {i}.", f"a letter {i}", [APPEAL])
        for i in range(5)
    ]
    second[2] = Item(MARKUP, "a <warning> & sign")
    third = [Item(f"Call us on 01234 567890, item {i}.", f"a phone {i}") for i in range(3)]
    return EasyReadDocument(
        title="Your bin day is changing",
        source_name="bins-letter.docx",
        sections=[
            EasySection("What is changing?", first),
            EasySection("What can you do?", second),
            EasySection("Who can help?", third),
        ],
        glossary=[COUNCIL_TAX, APPEAL, HardWord("unexplained")],
        language="en-GB",
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    document = sample_document()
    output = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    count = render_pdf(document, output, author="Test Council")
    return document, output, count


def test_page_count_matches_the_plan(rendered):
    document, output, count = rendered
    pages, glossary_pages = plan(document)
    assert len(reader_for(output).pages) == count == 1 + len(pages) + len(glossary_pages)
    assert [len(p.items) for p in pages] == [4, 2, 5, 3]
    assert [len(g) for g in glossary_pages] == [2]


def test_every_page_is_a4_portrait(rendered):
    _, output, _ = rendered
    for page in reader_for(output).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1


def test_every_page_is_numbered(rendered):
    _, output, count = rendered
    for number, text in enumerate(pages_text(output), start=1):
        assert f"Page {number} of {count}" in text
        assert len(re.findall(r"Page \d+ of \d+", text)) == 1


def test_title_page(rendered):
    document, output, _ = rendered
    title_page = pages_text(output)[0]
    assert document.title in title_page
    assert "bins-letter" not in title_page and "Easy Read made with" not in title_page  # reader-facing words only
    assert "Picture:" in title_page
    assert "item" not in title_page


def test_each_sentence_is_on_the_page_pagination_chose(rendered):
    document, output, _ = rendered
    pages, _ = plan(document)
    texts = pages_text(output)
    for number, page in enumerate(pages, start=2):
        assert page.heading in texts[number - 1]
        for item in page.items:
            sentence = normalise(item.sentence)
            holders = [n for n, text in enumerate(texts, start=1) if sentence in text]
            assert holders == [number], sentence


def test_picture_labels_and_reading_order(rendered):
    document, output, _ = rendered
    pages, _ = plan(document)
    texts = pages_text(output)
    for number, page in enumerate(pages, start=2):
        text = texts[number - 1]
        assert 1 <= text.count("Picture:") <= 5
        assert text.count("Picture:") == len(page.items)
        position = text.index(normalise(page.heading))
        for item in page.items:  # picture description first, then the sentence, row by row
            label = text.index(f"Picture: {item.picture}", position)
            position = text.index(normalise(item.sentence), label)


def test_glossary_page(rendered):
    _, output, count = rendered
    text = pages_text(output)[count - 1]
    assert text.startswith("Hard words")
    assert "council tax Money you pay to the council for local services." in text
    assert "appeal Asking for a decision to be looked at again." in text
    assert "unexplained" not in text


def test_markup_prints_literally(rendered):
    _, output, _ = rendered
    text = " ".join(pages_text(output))
    assert normalise(MARKUP) in text
    assert "<b>x</b> & <font size=40>" in text
    assert "Picture: a <warning> & sign" in text


def test_metadata_and_language(rendered):
    document, output, _ = rendered
    reader = reader_for(output)
    meta = reader.metadata
    assert meta.title == document.title
    assert meta.author == "Test Council"
    assert meta.subject == f"Easy Read: {document.title}"  # never the file name
    assert meta["/Keywords"] == "Easy Read"
    assert meta.creator == "easyread"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]


def test_language_follows_the_document(tmp_path):
    document = sample_document()
    document.language = "cy"
    render_pdf(document, tmp_path / "cy.pdf")
    assert reader_for(tmp_path / "cy.pdf").trailer["/Root"]["/Lang"] == "cy"


def test_fonts_are_embedded(rendered):
    _, output, _ = rendered
    seen = set()
    for page in reader_for(output).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            assert "/FontFile2" in target["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert any("AtkinsonHyperlegible" in name for name in seen), seen


def text_runs(page) -> list[tuple[str, float, str]]:
    runs: list[tuple[str, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            scale = abs(tm[3] * cm[3]) or 1
            name = str(font_dict.get("/BaseFont", "")) if font_dict else ""
            runs.append((text, font_size * scale, name))

    page.extract_text(visitor_text=visit)
    return runs


def test_text_sizes_and_bold_hard_words(rendered):
    document, output, count = rendered
    reader = reader_for(output)
    pages, _ = plan(document)
    for number, page in enumerate(pages, start=2):
        runs = text_runs(reader.pages[number - 1])
        heading = [size for text, size, _ in runs if normalise(page.heading) in normalise(text)]
        assert heading and min(heading) >= 22
        body = [size for text, size, _ in runs if "item" in text or "Watch out" in text]
        assert body and min(body) >= 16
        footer = [size for text, size, _ in runs if text.startswith("Page ")]
        assert footer and min(footer) >= 12
    bold = [
        (text, name)
        for number in range(count)
        for text, _, name in text_runs(reader.pages[number])
        if text.strip().lower() in {"council tax", "appeal"}
    ]
    assert bold and all("Bold" in name for _, name in bold)
    assert styles.BODY_SIZE >= 16 and styles.LEADING >= 1.4 * styles.BODY_SIZE
    assert styles.HEADING_SIZE >= 22 and styles.TITLE_SIZE >= 28 and styles.MARGIN_CM >= 2


def test_content_stays_inside_the_margins(rendered):
    _, output, _ = rendered
    margin = styles.MARGIN - 0.5
    for page in reader_for(output).pages:
        positions: list[tuple[float, float]] = []

        def visit(text, cm, tm, font_dict, font_size, positions=positions):
            if text.strip():
                positions.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]))

        page.extract_text(visitor_text=visit)
        assert positions
        for x, y in positions:
            assert margin <= x <= styles.PAGE_WIDTH - margin
            assert margin <= y <= styles.PAGE_HEIGHT - margin


def test_a_very_long_sentence_does_not_overflow(tmp_path):
    long_sentence = " ".join(f"word{i}" for i in range(60)) + "."
    items = [Item(f"Short sentence {i}.", f"picture {i}") for i in range(9)]
    items[3] = Item(long_sentence, "a long picture")
    document = EasyReadDocument("Long", "long.txt", [EasySection("A long one", items)])
    pages, _ = plan(document)
    count = render_pdf(document, tmp_path / "long.pdf")
    assert count == 1 + len(pages)
    texts = pages_text(tmp_path / "long.pdf")
    page_of_long = next(n for n, page in enumerate(pages, start=2) if items[3] in page.items)
    assert normalise(long_sentence) in texts[page_of_long - 1]


def test_many_long_sentences_keep_every_row_whole(tmp_path):
    sentence = " ".join(["This sentence is long enough to fill most of the picture box on its own"] * 4)
    items = [Item(f"{sentence} number {i}.", f"picture {i}") for i in range(12)]
    document = EasyReadDocument("Long", "long.txt", [EasySection("Many long ones", items)])
    pages, _ = plan(document)
    assert max(len(page.items) for page in pages) < 5  # the real heights forced smaller pages
    count = render_pdf(document, tmp_path / "long.pdf")
    assert count == 1 + len(pages)
    texts = pages_text(tmp_path / "long.pdf")
    for number, page in enumerate(pages, start=2):
        for item in page.items:
            assert normalise(item.sentence) in texts[number - 1]


def test_a_sentence_taller_than_a_page_still_renders(tmp_path):
    huge = " ".join(["word"] * 900) + " end."
    document = EasyReadDocument(
        "Huge", "huge.txt", [EasySection("", [Item(huge, "a page"), Item("Next.", "x")])]
    )
    count = render_pdf(document, tmp_path / "huge.pdf")
    texts = pages_text(tmp_path / "huge.pdf")
    assert count == len(texts) > 3
    assert texts[1].startswith("Huge")  # no section heading: the title is used
    assert "end." in " ".join(texts)


def test_pictures_files_are_drawn_and_bad_ones_fall_back(tmp_path):
    from PIL import Image

    picture = tmp_path / "bin.png"
    Image.new("RGB", (40, 30), "green").save(picture)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    items = [
        Item("A real picture.", "a green bin", picture_file=str(picture)),
        Item("A broken picture.", "a broken bin", picture_file=str(broken)),
        Item("A missing picture.", "a missing bin", picture_file=str(tmp_path / "none.png")),
    ]
    document = EasyReadDocument("Pictures", "p.txt", [EasySection("Pictures", items)])
    render_pdf(document, tmp_path / "pictures.pdf")
    reader = reader_for(tmp_path / "pictures.pdf")
    text = normalise(reader.pages[1].extract_text())
    assert "Picture: a green bin" not in text
    assert "Picture: a broken bin" in text and "Picture: a missing bin" in text
    assert len(reader.pages[1].images) == 1


def test_empty_document_is_just_a_title_page(tmp_path):
    count = render_pdf(EasyReadDocument("Nothing here", "empty.txt"), tmp_path / "empty.pdf")
    assert count == 1
    assert "Page 1 of 1" in pages_text(tmp_path / "empty.pdf")[0]


def test_sentence_markup_bolds_whole_hard_words_only():
    words = [HardWord("tax"), HardWord("council tax"), HardWord("A&E")]
    assert (
        sentence_markup("Pay your Council\nTax and taxes.", words)
        == "Pay your <b>Council\nTax</b> and taxes."
    )
    assert sentence_markup("Go to A&E <now>.", words) == "Go to <b>A&amp;E</b> &lt;now&gt;."
    assert sentence_markup("<b>x</b> &amp;", []) == "&lt;b&gt;x&lt;/b&gt; &amp;amp;"


def test_a_failing_render_leaves_no_file(tmp_path, monkeypatch):
    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("reportlab.platypus.BaseDocTemplate.build", explode)
    with pytest.raises(OSError, match="disk full"):
        render_pdf(sample_document(), tmp_path / "out.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_saving_leaves_the_old_file_alone(tmp_path, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas

    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    real_save = Canvas.save

    def save_then_fail(self):
        real_save(self)  # the temporary file is complete ...
        raise RuntimeError("boom")  # ... but the render still fails

    monkeypatch.setattr(Canvas, "save", save_then_fail)
    with pytest.raises(RuntimeError, match="boom"):
        render_pdf(sample_document(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]
    assert target.read_bytes() == b"old"


def test_importing_the_renderer_does_not_import_reportlab():
    code = "import sys, easyread.layout.pdf, easyread.layout.paginate; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
