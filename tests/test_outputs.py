"""Output formats: parsing --format, naming the output files, telling our outputs from documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.errors import UsageError
from easyread.outputs import is_output_name, output_base, output_paths, parse_formats


def test_formats_are_parsed_in_order_once_with_friendly_aliases():
    assert parse_formats(None) == ("pdf",)
    assert parse_formats("pdf,docx,html,json,md") == ("pdf", "docx", "html", "json", "md")
    assert parse_formats("Word, markdown,plan,pdf,docx") == ("docx", "md", "json", "pdf")
    assert parse_formats(["pdf", "html,pdf"]) == ("pdf", "html")


@pytest.mark.parametrize("value", ["pdf,odt", "", " , "])
def test_an_unknown_or_empty_format_is_a_usage_error(value):
    with pytest.raises(UsageError, match="choose from: pdf, docx, html, md, json"):
        parse_formats(value)


def test_outputs_go_beside_the_source_in_a_folder_or_at_a_named_file(tmp_path):
    source = tmp_path / "letter.docx"
    assert output_paths(output_base(source, None, ("pdf", "docx")), ("pdf", "docx")) == {
        "pdf": tmp_path / "letter.easyread.pdf", "docx": tmp_path / "letter.easyread.docx"}
    folder = tmp_path / "out"
    folder.mkdir()
    assert output_paths(output_base(source, folder, ("html",)), ("html",)) == {"html": folder / "letter.easyread.html"}
    named = output_base(source, tmp_path / "easy.docx", ("pdf", "docx"))
    assert output_paths(named, ("pdf", "docx")) == {"pdf": tmp_path / "easy.pdf", "docx": tmp_path / "easy.docx"}


def test_a_named_file_must_match_a_format_asked_for(tmp_path):
    with pytest.raises(UsageError, match="must end in .pdf"):
        output_base(tmp_path / "letter.docx", tmp_path / "easy.txt", ("pdf",))
    with pytest.raises(UsageError, match=r"must end in .docx or .html"):
        output_base(tmp_path / "letter.docx", tmp_path / "easy.pdf", ("html", "docx"))


@pytest.mark.parametrize(("name", "ours"), [
    ("letter.easyread.pdf", True), ("Letter.EasyRead.DOCX", True), ("letter.easyread.json", True),
    ("letter.pdf", False), ("letter.docx", False), ("easyread.md", False),
])
def test_our_own_outputs_are_recognised(name, ours):
    assert is_output_name(Path(name).name) is ours


def test_a_name_without_an_extension_is_a_folder_to_make(tmp_path):
    # The shell or typer may drop a trailing "/": "-o out/" and "-o out" both mean the folder "out".
    base = output_base(tmp_path / "letter.docx", tmp_path / "new-folder", ("pdf",))
    assert base == tmp_path / "new-folder" / "letter.easyread"
