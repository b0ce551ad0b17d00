"""Which font draws each character: Atkinson Hyperlegible first, Noto Sans for what it lacks, nothing
for what no font has; and the paragraph markup built from those runs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from easyread.layout import fonts as F
from easyread.layout.markup import font_markup, sentence_markup
from easyread.model import HardWord

LATIN_EXTENDED_A = "".join(chr(code) for code in range(0x0100, 0x0180))
WELSH = "ŵŷŴŶ"
EVERY = LATIN_EXTENDED_A + WELSH
needs_fonttools = pytest.mark.skipif(importlib.util.find_spec("fontTools") is None,
                                     reason="fontTools makes Noto Sans bold")


def cmap_of(path: Path) -> set[int]:
    """The code points a TrueType file maps, read straight from the file."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return set(TTFontFile(str(path)).charToGlyph)


@pytest.fixture(scope="module")
def fonts() -> F.Fonts:
    return F.fonts_for(EVERY)


def test_the_body_font_is_atkinson_and_noto_comes_next(fonts):
    assert fonts.body == F.FontFamily("AtkinsonHyperlegible", "AtkinsonHyperlegible-Bold")
    assert [family.regular for family in fonts.families] == ["AtkinsonHyperlegible", F.NOTO]
    assert F.noto_file() is not None and "NotoSans" in F.noto_file().name


def test_every_latin_extended_a_and_welsh_letter_gets_a_font_that_has_it(fonts):
    atkinson, _ = F._atkinson_files()
    cmaps = {"AtkinsonHyperlegible": cmap_of(atkinson), F.NOTO: cmap_of(F.noto_file())}
    for bold in (False, True):
        runs = fonts.runs(EVERY, bold=bold)
        assert "".join(text for text, _ in runs) == EVERY  # nothing left out, nothing added
        for text, face in runs:
            for character in text:
                assert ord(character) in fonts.coverage[face], (character, face)
    for text, face in fonts.runs(EVERY):
        for character in text:
            assert ord(character) in cmaps[face], (character, face)
            # Atkinson whenever it has the letter: Noto only for what it lacks
            assert (face == "AtkinsonHyperlegible") == (ord(character) in cmaps["AtkinsonHyperlegible"])
    assert {face for _, face in fonts.runs(WELSH)} == {F.NOTO}  # Atkinson has no ŵ ŷ


def test_plain_ascii_is_one_run_in_the_body_font(fonts):
    text = "Put your bin out by 7am on Monday (not Sunday) & call 01234 567890!"
    assert fonts.runs(text) == [(text, "AtkinsonHyperlegible")]
    assert fonts.runs(text, bold=True) == [(text, "AtkinsonHyperlegible-Bold")]
    assert font_markup(text, fonts) == text.replace("&", "&amp;")  # no font tags at all


def test_plain_ascii_needs_no_bold_noto():
    fonts = F.fonts_for("Your bin day is changing.")
    assert fonts.families[1] == F.FontFamily(F.NOTO, F.NOTO)  # no bold instance made for nothing


def test_a_word_switches_font_only_for_the_letters_the_body_lacks(fonts):
    assert fonts.runs("y dŵr.") == [("y d", "AtkinsonHyperlegible"), ("ŵ", F.NOTO), ("r.", "AtkinsonHyperlegible")]


def test_combining_marks_are_composed_and_spaces_become_plain(fonts):
    assert fonts.runs("w\u0302") == [("ŵ", F.NOTO)]  # reportlab does no shaping: NFC first
    assert fonts.runs("a\u2003b\nc") == [("a b c", "AtkinsonHyperlegible")]


def test_characters_no_font_has_are_left_out_not_boxed(fonts):
    text = "Call us 📞 today ✔ → done"
    drawn = "".join(run for run, _ in fonts.runs(text))
    assert drawn == "Call us  today   done"
    assert fonts.undrawable(text) == "📞✔→"
    assert F.undrawable("Bydd yr ŵyl yn y parc") == ""
    assert F.undrawable("a ❤️ b") == "❤\ufe0f"


@needs_fonttools
def test_bold_welsh_letters_use_a_bold_noto(fonts):
    runs = fonts.runs("dŵr", bold=True)
    assert runs[0] == ("d", "AtkinsonHyperlegible-Bold") and runs[2] == ("r", "AtkinsonHyperlegible-Bold")
    assert runs[1][0] == "ŵ" and runs[1][1].startswith("NotoSans-Bold-")
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

    bold = runs[1][1]
    assert getFont(bold).face.name == bold.encode()  # its own PostScript name: reportlab shares none
    assert stringWidth("ŵ", bold, 16) > stringWidth("ŵ", F.NOTO, 16)  # really the heavier weight
    assert set(F.fonts_for("dŵr").coverage) >= {bold}


def test_without_fonttools_bold_falls_back_to_regular_noto(monkeypatch, fonts):
    monkeypatch.setitem(sys.modules, "fontTools", None)
    assert F._noto_bold.__wrapped__(frozenset({ord("ŵ")})) is None
    plain = F.Fonts((fonts.body, F.FontFamily(F.NOTO, F.NOTO)), fonts.coverage)
    assert plain.runs("dŵr", bold=True)[1] == ("ŵ", F.NOTO)  # regular rather than nothing


def test_a_bold_letter_only_a_regular_face_has_is_drawn_regular(fonts):
    only_regular = F.Fonts((fonts.body, F.FontFamily(F.NOTO, "AtkinsonHyperlegible-Bold")), fonts.coverage)
    assert only_regular.face_for("ŵ", bold=True) == F.NOTO


def test_width_is_measured_run_by_run(fonts):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    expected = stringWidth("y d", "AtkinsonHyperlegible", 16) + stringWidth("ŵ", F.NOTO, 16) + stringWidth(
        "r", "AtkinsonHyperlegible", 16)
    assert fonts.width("y dŵr", 16) == pytest.approx(expected)


def test_font_markup_escapes_text_and_names_the_fallback(fonts):
    markup = font_markup("<b>dŵr</b> & <font size=40>", fonts)
    assert markup == '&lt;b&gt;d<font face="NotoSans">ŵ</font>r&lt;/b&gt; &amp; &lt;font size=40&gt;'


def test_font_markup_in_bold_names_the_bold_face(fonts):
    bold = fonts.face_for("ŵ", bold=True)
    assert font_markup("dŵr", fonts, bold=True) == f'd<font face="{bold}">ŵ</font>r'


def test_a_bold_hard_word_with_a_welsh_letter(fonts):
    markup = sentence_markup("Bydd yr ŵyl yn y parc.", [HardWord("ŵyl")], fonts=fonts)
    bold = fonts.face_for("ŵ", bold=True)
    assert markup == f'Bydd yr <b><font face="{bold}">ŵ</font>yl</b> yn y parc.'


def test_a_hard_word_matches_a_decomposed_letter(fonts):
    markup = sentence_markup("y dw\u0302r", [HardWord("dŵr")], fonts=fonts)
    assert markup.startswith("y <b>d<font") and markup.endswith("r</b>")


def test_paragraphs_measure_fallback_runs_in_the_fallback_font(fonts):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("t", fontName="AtkinsonHyperlegible", fontSize=16, leading=24)
    word = "ŵŷ" * 10
    paragraph = Paragraph(font_markup(word, fonts), style)
    assert paragraph.minWidth() == pytest.approx(stringWidth(word, F.NOTO, 16))
    assert paragraph.minWidth() != pytest.approx(stringWidth(word, "AtkinsonHyperlegible", 16))


def test_a_decomposed_hard_word_matches_a_composed_sentence(fonts):
    markup = sentence_markup("y dŵr", [HardWord("dw\u0302r")], fonts=fonts)
    assert markup.startswith("y <b>d<font") and markup.endswith("r</b>")
