"""The .txt reader: encodings, binary files, line endings, and the structure it builds."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from easyread.errors import UnreadableDocument
from easyread.readers import txt

from .conftest import outline

LETTER = "Council tax\n\nYou owe £120 for the year.\nHe said “pay by Friday” – thanks.\n"
EXPECTED = [("", [("paragraph", "You owe £120 for the year. He said “pay by Friday” – thanks.", "line 3")])]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom",
                                      "utf-32", "cp1252"])
def test_encodings_are_decoded(encoding: str, write_text: Callable[..., Path]) -> None:
    boms = {"utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le"),
            "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be")}
    bom, codec = boms.get(encoding, (b"", encoding))
    path = write_text("letter.txt", bom + LETTER.encode(codec))
    document = txt.read(path)
    assert document.title == "Council tax"
    assert outline(document) == EXPECTED


def test_windows_1252_pound_sign_and_curly_quotes_in_a_short_file(write_text: Callable[..., Path]) -> None:
    path = write_text("price.txt", b"Price: \xa35 \x93each\x94 today.\n")
    assert txt.read(path).sections[0].blocks[0].text == "Price: £5 “each” today."


def test_latin_1_accents(write_text: Callable[..., Path]) -> None:
    path = write_text("menu.txt", "Café crème brûlée for the naïve.\n", encoding="latin-1")
    assert txt.read(path).sections[0].blocks[0].text == "Café crème brûlée for the naïve."


def test_utf_16_without_a_bom(write_text: Callable[..., Path]) -> None:
    path = write_text("note.txt", "Bins go out on Monday.\n", encoding="utf-16-le")
    assert txt.read(path).sections[0].blocks[0].text == "Bins go out on Monday."


def test_decode_prefers_a_bom_over_guessing() -> None:
    assert txt.decode(codecs.BOM_UTF8 + "£".encode()) == "£"
    assert txt.decode(codecs.BOM_UTF32_LE + "hé".encode("utf-32-le")) == "hé"


@pytest.mark.parametrize("data", [bytes(range(256)) * 40, b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" * 50],
                         ids=["all-bytes", "png"])
def test_binary_file_is_refused(data: bytes, write_text: Callable[..., Path]) -> None:
    path = write_text("blob.txt", data)
    with pytest.raises(UnreadableDocument) as caught:
        txt.read(path)
    assert caught.value.reason == "looks like a binary file, not text"
    assert str(path) in str(caught.value) and "binary file" in str(caught.value)


def test_bad_bytes_after_a_bom_cannot_be_decoded(write_text: Callable[..., Path]) -> None:
    path = write_text("odd.txt", codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe ok")
    with pytest.raises(UnreadableDocument) as caught:
        txt.read(path)
    assert caught.value.reason == "cannot tell the text encoding"
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_endings_are_normalised_and_lines_counted(newline: str, write_text: Callable[..., Path]) -> None:
    text = newline.join(["Bin changes", "", "Your bin", "moves.", "", "- Green bin", ""])
    document = txt.read(write_text("bins.txt", text))
    assert document.title == "Bin changes"
    assert outline(document) == [("", [("paragraph", "Your bin moves.", "line 3"),
                                       ("list_item", "Green bin", "line 6")])]


def test_control_characters_are_removed_but_text_kept(write_text: Callable[..., Path]) -> None:
    path = write_text("ctrl.txt", "Please pay\x1b[0m the bill by \x07Friday.\fNext page.\n")
    assert outline(txt.read(path)) == [("", [("paragraph", "Please pay[0m the bill by Friday.", "line 1"),
                                             ("paragraph", "Next page.", "line 3")])]


def test_structure_of_a_letter(write_text: Callable[..., Path]) -> None:
    text = (
        "Bin collection changes\n"
        "\n"
        "From 1 April your green bin\n"
        "will be collected on Tuesday. Children age < 18 & adults > 65 help.\n"
        "\n"
        "WHAT TO DO\n"
        "Put the bin out by 7am.\n"
        "\n"
        "- Green bin: garden waste\n"
        "- Blue bin: paper\n"
        "  and card\n"
        "\n"
        "Day\tBin\n"
        "Monday\tGreen\n"
        "\n"
        "Contact us\n"
        "\n"
        "Call 0123 456 789.\n"
    )
    document = txt.read(write_text("council-tax_letter.txt", text))
    assert document.format == "txt"
    assert document.title == "Bin collection changes"
    assert outline(document) == [
        ("", [("paragraph", "From 1 April your green bin will be collected on Tuesday. "
                            "Children age < 18 & adults > 65 help.", "line 3")]),
        ("WHAT TO DO", [
            ("paragraph", "Put the bin out by 7am.", "line 7"),
            ("list_item", "Green bin: garden waste", "line 9"),
            ("list_item", "Blue bin: paper and card", "line 10"),
            ("table_row", "Day, Bin", "line 13"),
            ("table_row", "Monday, Green", "line 14"),
        ]),
        ("Contact us", [("paragraph", "Call 0123 456 789.", "line 18")]),
    ]


def test_no_title_is_ever_made_from_the_file_name(write_text: Callable[..., Path]) -> None:
    text = "Your bin day is changing.\n\nIt moves to Tuesday.\n"
    document = txt.read(write_text("council-tax_letter.txt", text))
    assert document.title == ""
    assert [block.text for block in document.sections[0].blocks] == [
        "Your bin day is changing.", "It moves to Tuesday."]
