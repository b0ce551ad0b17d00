"""Unit tests of easyread.readers.zip_limits: the zip directory checked before a .docx is parsed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from easyread import limits
from easyread.errors import UnreadableDocument
from easyread.readers.zip_limits import check_zip_directory, open_zip_document
from tests.hostile.builders import declare_size, paragraph, write_docx, write_docx_bomb


def test_an_ordinary_word_file_passes_and_its_copy_holds_every_member(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "a.docx", paragraph("Hello there."))
    copy = open_zip_document(source)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(copy) as copied:
        assert copied.namelist() == original.namelist()
        assert all(info.compress_type == zipfile.ZIP_STORED for info in copied.infolist())
        assert copied.read("word/document.xml") == original.read("word/document.xml")


def test_a_member_expanding_past_the_ratio_is_refused_from_the_directory(tmp_path: Path) -> None:
    source = write_docx_bomb(tmp_path / "bomb.docx", megabytes=20)
    with zipfile.ZipFile(source) as archive, pytest.raises(UnreadableDocument) as refused:
        check_zip_directory(source, archive)
    assert f"(the limit is {limits.MAX_COMPRESSION_RATIO}:1)" in refused.value.reason
    assert "word/document.xml" in refused.value.reason


def test_too_much_xml_is_refused_naming_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNZIPPED_XML_BYTES", 1024)
    source = write_docx(tmp_path / "long.docx", paragraph("Words. ") * 200)
    with pytest.raises(UnreadableDocument, match=r"of XML \(the limit is 1 KB of XML"):
        open_zip_document(source)


def test_xml_under_another_name_is_counted_by_its_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "odd.docx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("word/document.bin", "<w:document>" + "x" * 4000 + "</w:document>")
    monkeypatch.setattr(limits, "MAX_UNZIPPED_XML_BYTES", 2048)
    with pytest.raises(UnreadableDocument, match="of XML"):
        open_zip_document(source)


def test_a_lying_directory_is_caught_while_copying(tmp_path: Path) -> None:
    source = write_docx_bomb(tmp_path / "lie.docx", megabytes=4, zip64=False)
    declare_size(source, "word/document.xml", 100)
    with pytest.raises(UnreadableDocument, match="does not match its zip directory"):
        open_zip_document(source)


def test_a_compression_method_word_never_uses_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "bz.docx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UnreadableDocument, match="compressed in a way Word never uses"):
        open_zip_document(source)
