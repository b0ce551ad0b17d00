"""Alt text is a short sentence saying what the chosen picture shows (issue 15 point 3)."""

from __future__ import annotations

import pytest

from easyread.pictures.alt_text import alt_text, emoji_phrase, first_phrase, name_phrase, sentence_of


@pytest.mark.parametrize(("picture_file", "expected"), [
    ("openmoji:1F5D1.svg", "The picture shows a wastebasket."),  # WASTEBASKET
    ("openmoji:1F4DE.svg", "The picture shows a telephone receiver."),
    ("openmoji:2709.svg", "The picture shows an envelope."),
    ("openmoji:23F0.svg", "The picture shows an alarm clock."),
    ("openmoji:1F465.svg", "The picture shows busts in silhouette."),  # a plural takes no "a"
    ("openmoji:1F4B8.svg", "The picture shows money with wings."),  # nor an uncountable noun
    ("openmoji:1F44D-1F3FD.svg", "The picture shows a thumbs up sign."),  # a skin tone names nothing
    ("openmoji:260E.svg", "The picture shows a telephone."),  # BLACK TELEPHONE: "black" is how the old symbol was drawn
    ("openmoji:1F6AE.svg", "The picture shows a put litter in its place symbol."),
    ("openmoji:1F3EF.svg", "The picture shows a Japanese castle."),  # a proper adjective keeps its capital
    ("openmoji:1F3C8.svg", "The picture shows an American football."),
    ("openmoji:1F6D5.svg", "The picture shows a Hindu temple."),
])
def test_an_openmoji_picture_is_named_by_its_emoji(picture_file, expected):
    assert alt_text("council, question, problem", picture_file) == expected


def test_a_library_picture_is_named_by_its_file(tmp_path):
    assert alt_text("a house", str(tmp_path / "green-bin.png")) == "The picture shows a green bin."  # what it is, not what was asked
    assert alt_text("", str(tmp_path / "bins" / "FoodCaddy_2.jpg")) == "The picture shows a food caddy."
    assert alt_text("", str(tmp_path / "umbrella.svg")) == "The picture shows an umbrella."


def test_a_file_name_that_says_nothing_uses_pictures_csv(tmp_path):
    library = tmp_path / "library"
    (library / "bins").mkdir(parents=True)
    (library / "pictures.csv").write_text("file,keywords\nbins/IMG_0042.jpg,blue recycling box; paper\n",
                                          encoding="utf-8")
    assert alt_text("a bin", str(library / "bins" / "IMG_0042.jpg")) == "The picture shows a blue recycling box."
    # not listed there: the first phrase of the description, never the whole keyword list
    assert alt_text("council, question, problem", str(library / "DSC0001.jpg")) == "The picture shows a council."


def test_a_placeholder_has_no_alt_text():
    assert alt_text("a green bin", None) == ""
    assert alt_text("a green bin", "") == ""


def test_never_a_keyword_list(tmp_path):
    for picture_file in ("openmoji:1F5D1.svg", str(tmp_path / "scan.png"), "openmoji:E001.svg"):
        text = alt_text("flat, rosemary, court", picture_file)
        assert "," not in text and text.endswith(".") and text[0].isupper()


def test_the_parts():
    assert emoji_phrase("1F5D1") == "wastebasket"
    assert emoji_phrase("E001") == ""  # OpenMoji's own symbols have no Unicode name
    assert emoji_phrase("not-hex") == ""
    assert name_phrase("IMG_0042") == "" and name_phrase("scan-final") == ""
    assert name_phrase("greenBin") == "green bin"
    assert first_phrase("a green bin, recycling") == "green bin"
    assert sentence_of("hourglass") == "The picture shows an hourglass." and sentence_of("uniform") == "The picture shows a uniform."
    assert sentence_of("people hugging") == "The picture shows people hugging."


def test_word_marks_a_picture_without_alt_text_decorative(tmp_path):
    from docx import Document
    from docx.oxml.ns import qn

    from easyread.layout.docx import render_docx
    from easyread.layout.word_xml import DECORATIVE_NS
    from easyread.model import EasyReadDocument, EasySection, Item
    from tests.layout.picture_files import tiny_png

    named, unnamed = tmp_path / "green-bin.png", tmp_path / "IMG_0001.png"
    for path in (named, unnamed):
        path.write_bytes(tiny_png())
    items = [Item("Put your bin out.", "a bin", picture_file=str(named)), Item("Thank you.", "", picture_file=str(unnamed))]
    render_docx(EasyReadDocument("Bins", "b.txt", [EasySection("Bins", items)]), tmp_path / "out.docx")
    doc_prs = Document(str(tmp_path / "out.docx")).element.body.findall(".//" + qn("wp:docPr"))
    by_alt = {doc_pr.get("descr"): doc_pr for doc_pr in doc_prs}
    assert set(by_alt) == {"The picture shows a green bin.", ""}
    assert by_alt[""].find(f".//{{{DECORATIVE_NS}}}decorative").get("val") == "1"
    assert by_alt["The picture shows a green bin."].find(f".//{{{DECORATIVE_NS}}}decorative") is None
