"""The PDF reader: text per page, sections across pages, and clear refusals for PDFs without text."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from easyread.errors import UnreadableDocument
from easyread.readers import pdf, read_document
from easyread.readers.pdf import prepare_page

from .conftest import make_encrypted_pdf, make_image_only_pdf, make_text_pdf, outline

PAGE_ONE = [
    "# Bin collection changes",
    "From 1 April 2025 your green bin will be collected on Tuesday instead of Monday. Please",
    "put it out by 7am. Children age < 18 & adults > 65 can ask for help.",
    "# What you need to do",
    "Put your bin out on the right day.",
    "- Green bin: garden waste",
    "- Blue bin: paper and card",
    "1",
]
PAGE_TWO = [
    "Call us on 0123 456 789 if you need help with your bins or if you want a new",
    "box for glass.",
    "# Contact",
    "Write to the council office.",
    "2",
]


def test_text_pdf_is_structured_across_pages(tmp_path: Path) -> None:
    document = pdf.read(make_text_pdf(tmp_path / "bins.pdf", [PAGE_ONE, PAGE_TWO]))
    assert document.format == "pdf"
    assert document.title == "Bin collection changes"
    assert outline(document) == [
        ("", [("paragraph", "From 1 April 2025 your green bin will be collected on Tuesday instead of "
                            "Monday. Please put it out by 7am. Children age < 18 & adults > 65 can ask for "
                            "help.", "page 1")]),
        ("What you need to do", [
            ("paragraph", "Put your bin out on the right day.", "page 1"),
            ("list_item", "Green bin: garden waste", "page 1"),
            ("list_item", "Blue bin: paper and card", "page 1"),
            ("paragraph", "Call us on 0123 456 789 if you need help with your bins or if you want a new "
                          "box for glass.", "page 2"),
        ]),
        ("Contact", [("paragraph", "Write to the council office.", "page 2")]),
    ]


def test_a_paragraph_cut_by_a_page_break_is_joined(tmp_path: Path) -> None:
    pages = [["Your bin day is changing and the new day for your street"], ["will be Tuesday."]]
    document = pdf.read(make_text_pdf(tmp_path / "bins.pdf", pages))
    expected = "Your bin day is changing and the new day for your street will be Tuesday."
    assert outline(document) == [("", [("paragraph", expected, "page 1")])]


def test_metadata_title_is_used_and_not_repeated(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "x.pdf", [["Your new bins", "They arrive in May."]],
                         title="Your new bins")
    document = pdf.read(path)
    assert document.title == "Your new bins"
    assert outline(document) == [("", [("paragraph", "They arrive in May.", "page 1")])]


def test_generic_metadata_title_is_ignored(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "council-tax_letter.pdf", [["You owe £120.", "Pay by Friday."]],
                         title="Microsoft Word - letter.docx")
    document = pdf.read(path)
    assert document.title == "Council tax letter"
    assert [block.text for block in document.sections[0].blocks] == ["You owe £120.", "Pay by Friday."]


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    path = make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(UnreadableDocument) as caught:
        pdf.read(path)
    assert caught.value.reason == "has no text layer (it may be a scanned image); run OCR first"
    assert str(path) in str(caught.value)


def test_password_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = make_encrypted_pdf(tmp_path / "locked.pdf")
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert caught.value.reason == "is encrypted with a password"
    assert str(path) in str(caught.value)


def test_encrypted_pdf_with_an_empty_password_is_read(tmp_path: Path) -> None:
    path = make_encrypted_pdf(tmp_path / "open.pdf", user_password="", text="Bins go out on Monday.")
    document = pdf.read(path)
    assert [block.text for block in document.sections[0].blocks] == ["Bins go out on Monday."]


@pytest.mark.parametrize("cut", [None, 0.5], ids=["random-bytes", "truncated"])
def test_damaged_pdf_is_unreadable_and_quiet(cut: float | None, tmp_path: Path,
                                             caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "broken.pdf"
    if cut is None:
        path.write_bytes(os.urandom(3000))
    else:
        data = make_text_pdf(tmp_path / "whole.pdf", [PAGE_ONE]).read_bytes()
        path.write_bytes(data[: int(len(data) * cut)])
    with caplog.at_level(logging.WARNING), pytest.raises(UnreadableDocument) as caught:
        pdf.read(path)
    assert caught.value.reason in ("not a valid PDF (file is damaged)",
                                   "has no text layer (it may be a scanned image); run OCR first")
    assert str(path) in str(caught.value)
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


def test_random_bytes_are_not_a_valid_pdf(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(500))
    with pytest.raises(UnreadableDocument) as caught:
        pdf.read(path)
    assert caught.value.reason == "not a valid PDF (file is damaged)"


def test_prepare_page_puts_back_paragraph_breaks_and_drops_page_numbers() -> None:
    text = ("Page 3 of 4\nWhat happens next\nWe will write to you within ten working days and tell you what\n"
            "we decided.\nYou can appeal.\n\x7f Bring ID\n\x7f\nBring a bill\n")
    assert prepare_page(text).split("\n") == [
        "", "What happens next", "", "We will write to you within ten working days and tell you what",
        "we decided.", "", "You can appeal.", "", "• Bring ID", "•", "Bring a bill", "",
    ]


def test_ligatures_are_expanded() -> None:
    assert prepare_page("The oﬃce is ﬁne.") == "The office is fine."
