"""What `convert -` takes standard input to be (easyread.cli_stdio.sniff and choose_input_format)."""

from __future__ import annotations

import pytest

from easyread.cli_stdio import choose_input_format, input_formats, sniff
from easyread.errors import UnsupportedFormat, UsageError


def test_the_formats_are_those_convert_reads():
    assert input_formats() == ("docx", "md", "pdf", "txt")


@pytest.mark.parametrize(("data", "expected"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"\n  %PDF-1.4\n", "pdf"),
    (b"PK\x03\x04\x14\x00\x06\x00", "docx"),
    (b"\xef\xbb\xbf<!DOCTYPE html>\n<html lang=en>", "html"),
    (b"  <html>\n<body>Bins</body></html>", "html"),
    (b"# Your bin day\n\nIt is now Tuesday.\n", None),
    (b"Send the form as a file that starts with %PDF- to us.\n", None),  # mentions it, is not one
    (b"<htmlish> is not a tag we know\n", None),
    (b"", None),
])
def test_sniff_reads_only_the_start(data, expected):
    assert sniff(data) == expected


def test_text_needs_an_input_format_and_binary_formats_do_not():
    with pytest.raises(UsageError, match="give --input-format md or txt"):
        choose_input_format(b"Your bin day is now Tuesday.\n", None)
    assert choose_input_format(b"%PDF-1.7\n", None) == "pdf"
    assert choose_input_format(b"PK\x03\x04rest", None) == "docx"
    with pytest.raises(UnsupportedFormat, match="is HTML"):
        choose_input_format(b"<!doctype html><p>Hi</p>", None)


def test_a_format_given_is_trusted_unless_text_is_asked_of_a_pdf_or_a_zip():
    assert choose_input_format(b"<html> is how this note starts\n", "md") == "md"  # no false alarm
    assert choose_input_format(b"Just text\n", "pdf") == "pdf"  # the PDF reader refuses it (exit 1)
    assert choose_input_format(b"Just text\n", "Markdown") == "md"
    assert choose_input_format(b"Just text\n", ".TXT") == "txt"
    with pytest.raises(UsageError, match="starts like a PDF, not txt: give --input-format pdf"):
        choose_input_format(b"%PDF-1.7\n", "txt")
    with pytest.raises(UsageError, match="unknown --input-format 'html'"):
        choose_input_format(b"<!doctype html>", "html")
