"""The PDF draws every character with a font that has it: no empty boxes for Welsh ŵ ŷ, Latin
Extended-A or emoji, on every page (title, contents, items, Hard words, footer), with the page
layout measured in the same fonts."""

from __future__ import annotations

import importlib.util
import io

import pytest

from easyread.layout import fonts as F
from easyread.layout.pdf import plan, render_pdf
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from tests.layout.test_pdf import normalise, pages_text, reader_for, text_runs

LATIN_EXTENDED_A = "".join(chr(code) for code in range(0x0100, 0x0180))
WELSH = "ŵŷŴŶ"
WATER = HardWord("dŵr", "Y dŵr sy'n dod o'r tap i'ch tŷ.")
needs_fonttools = pytest.mark.skipif(importlib.util.find_spec("fontTools") is None,
                                     reason="fontTools makes Noto Sans bold")


def welsh_document() -> EasyReadDocument:
    items = [
        Item("Bydd yr ŵyl yn y parc.", "gwydr o ddŵr", [WATER]),
        Item(f"Llythrennau: {LATIN_EXTENDED_A} {WELSH}.", "llythrennau ŵ ŷ"),
        Item("Berwch y dŵr am un munud.", "tegell"),
    ]
    sections = [EasySection("Beth sy'n digwydd i'r dŵr?", items)]
    sections += [EasySection(f"Ŵyl rhif {n}", [Item(f"Dyma ŵyl {n}.", "ŷd")]) for n in range(1, 4)]
    return EasyReadDocument("Dŵr yfed: Ŵyl Ŷ", "dwr-yfed.docx", sections, glossary=[WATER], language="cy")


@pytest.fixture(scope="module")
def welsh(tmp_path_factory):
    document = welsh_document()
    output = tmp_path_factory.mktemp("pdf") / "dwr.pdf"
    render_pdf(document, output)
    return document, output


def base_fonts(output) -> set[str]:
    """The PostScript name of every font the PDF embeds (subset prefix dropped)."""
    names = set()
    for page in reader_for(output).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            assert "/FontFile2" in target["/FontDescriptor"].get_object(), font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names


def drawn_characters(output) -> list[tuple[str, str]]:
    """(character, PostScript name of the font it is drawn in) for every character the PDF draws."""
    return [(character, font.split("+", 1)[-1])
            for page in reader_for(output).pages
            for text, _, font in text_runs(page)
            for character in text if not character.isspace()]


def coverage_by_postscript_name() -> dict[str, frozenset[int]]:
    from reportlab.pdfbase.pdfmetrics import getFont

    fonts = F.fonts_for()
    return {getFont(name).face.name.decode(): codes for name, codes in fonts.coverage.items()}


def test_every_character_prints_and_the_fallback_is_embedded(welsh):
    _, output = welsh
    text = "".join(pages_text(output))
    assert [c for c in LATIN_EXTENDED_A + WELSH if c not in text] == []
    assert {"AtkinsonHyperlegible-Regular", "NotoSans-Regular"} <= base_fonts(output)


def test_every_character_is_drawn_in_a_font_that_has_it(welsh):
    _, output = welsh
    coverage = coverage_by_postscript_name()
    drawn = drawn_characters(output)
    assert {c for c, _ in drawn} >= set(LATIN_EXTENDED_A + WELSH)
    missing = [(c, font) for c, font in drawn if ord(c) not in coverage[font]]
    assert missing == []


def test_title_page_contents_and_hard_words_keep_welsh_letters(welsh):
    document, output = welsh
    texts = pages_text(output)
    assert texts[0].startswith("Dŵr yfed: Ŵyl Ŷ")
    assert "• Beth sy'n digwydd i'r dŵr?" in texts[1] and "• Ŵyl rhif 3" in texts[1]  # contents page
    assert texts[-1].startswith("Hard words")
    assert "dŵr Y dŵr sy'n dod o'r tap i'ch tŷ." in texts[-1]
    assert "Picture: gwydr o ddŵr" in " ".join(texts)
    assert "Beth sy'n digwydd i'r dŵr?" in texts[2]


@needs_fonttools
def test_bold_stays_bold_for_fallback_letters(welsh):
    _, output = welsh
    drawn = drawn_characters(output)
    reader = reader_for(output)
    title = [font for text, _, font in text_runs(reader.pages[0]) if "Ŵ" in text]
    assert title and all("Bold" in font for font in title)
    hard_word = [font for text, _, font in text_runs(reader.pages[-1]) if text.strip() == "ŵ"]
    assert hard_word and "NotoSans-Bold" in hard_word[0]  # the glossary word "dŵr"
    sentence = [font for text, _, font in text_runs(reader.pages[2]) if text.strip() == "ŵ"]
    assert any("NotoSans-Bold" in font for font in sentence)  # the hard word in "yfed y dŵr"
    assert any("NotoSans-Regular" in font for font in sentence)  # "Berwch y dŵr" is not bold
    assert {font for c, font in drawn if c == "ŵ"} >= {"NotoSans-Regular"}


def test_an_emoji_in_a_heading_is_left_out_not_boxed(tmp_path):
    document = EasyReadDocument("Bins", "bins.txt", [
        EasySection("Bin day 🗑️ is changing 🎉", [Item("Put your bin out on Monday 📅.", "a bin")])])
    render_pdf(document, tmp_path / "emoji.pdf")
    text = " ".join(pages_text(tmp_path / "emoji.pdf"))
    assert "Bin day is changing" in normalise(text)
    assert "Put your bin out on Monday ." in text
    assert not any(c in text for c in "🗑🎉📅\ufe0f")
    assert F.undrawable("Bin day 🗑️ is changing 🎉") == "🗑\ufe0f🎉"


def test_plain_ascii_uses_only_atkinson(tmp_path):
    from tests.layout.test_pdf import sample_document

    render_pdf(sample_document(), tmp_path / "ascii.pdf")
    assert base_fonts(tmp_path / "ascii.pdf") == {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}


def test_markup_in_welsh_text_still_prints_literally(tmp_path):
    sentence = "Gwyliwch: <b>dŵr</b> & <font size=40> &amp; ŷ."
    document = EasyReadDocument("Dŵr", "d.txt", [EasySection("Dŵr", [Item(sentence, "<ŵ> & y")])])
    render_pdf(document, tmp_path / "markup.pdf")
    text = " ".join(pages_text(tmp_path / "markup.pdf"))
    assert sentence in text and "Picture: <ŵ> & y" in text


def test_pages_hold_four_or_five_items_with_fallback_runs(tmp_path):
    sentences = [
        "Bydd yr ŵyl fwyd yn y parc ar ddydd Sadwrn, a bydd bysiau ychwanegol yn rhedeg drwy'r dydd.",
        "Ŵyl y Ŷd: ŵ ŷ Ŵ Ŷ ĉ ĝ ĥ ĵ ŝ ŭ Ō ō Ŋ ŋ ŧ ŀ.",
        "Berwch y dŵr am un munud, yna gadewch iddo oeri cyn ei yfed.",
    ]
    items = [Item(sentences[i % 3] + f" ({i})", f"llun {i} ŵ", [WATER] if i % 2 else []) for i in range(13)]
    document = EasyReadDocument("Dŵr", "d.txt", [EasySection("Dŵr yfed ŵ", items)], glossary=[WATER])
    pages, _ = plan(document)
    sizes = [len(page.items) for page in pages]
    assert all(size in (4, 5) for size in sizes[:-1]) and sum(sizes) == 13
    count = render_pdf(document, tmp_path / "pages.pdf")
    assert count == 1 + len(pages) + 1
    texts = pages_text(tmp_path / "pages.pdf")
    for number, page in enumerate(pages, start=2):
        for item in page.items:  # each sentence whole on the page the measuring chose
            holders = [n for n, text in enumerate(texts, start=1) if normalise(item.sentence) in text]
            assert holders == [number], item.sentence


def test_the_footer_draws_each_run_in_its_font():
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    from easyread.layout.page_numbers import draw_centred

    fonts = F.fonts_for()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    draw_centred(canvas, fonts, "Tudalen ŵ 1 o 2 ✔", 300, 100, 14)
    canvas.save()
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    assert normalise(page.extract_text()) == "Tudalen ŵ 1 o 2"
    runs = [(text, font.split("+", 1)[-1]) for text, _, font in text_runs(page)]
    assert ("ŵ", "NotoSans-Regular") in [(text.strip(), font) for text, font in runs]
