"""Unit tests of the Word reader's guards: bad grid counts, huge list numbers, style loops in check."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.checks.layout_rules import docx_layout_findings
from easyread.readers import read_document
from easyread.readers.docx_numbering import format_number
from easyread.readers.docx_tables import MAX_GRID_COLUMNS, grid_count
from tests.hostile.builders import W_NS, paragraph, style, write_docx


def _element(value: str):  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.fromstring(f'<w:gridSpan xmlns:w="{W_NS}" w:val="{value}"/>')


@pytest.mark.parametrize(("value", "default", "expected"), [
    ("3", 1, 3), ("-5", 0, 0), ("0", 1, 1), ("abc", 1, 1), ("99999999999", 0, 0), (str(MAX_GRID_COLUMNS), 0, 63)])
def test_grid_counts_out_of_range_are_ignored(value: str, default: int, expected: int) -> None:
    assert grid_count(_element(value), default) == expected


def test_huge_list_numbers_fall_back_to_digits() -> None:
    assert format_number(10**12, "upperRoman") == "1000000000000"
    assert format_number(3999, "upperRoman") == "MMMCMXCIX"
    assert format_number(781, "lowerLetter") == "781"
    assert format_number(27, "lowerLetter") == "aa"


def test_a_huge_start_number_does_not_stop_the_reader(tmp_path: Path) -> None:
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="999999999999"/>'
                 '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    source = write_docx(tmp_path / "n.docx", paragraph("Bring your form.", numbering=numbered), numbering=numbering)
    assert [block.text for block in read_document(source).blocks()] == ["999999999999. Bring your form."]


@pytest.mark.parametrize("styles", [style("Loop", based_on="Loop"),
                                    style("Loop", based_on="Other") + style("Other", based_on="Loop")])
def test_check_follows_a_style_loop_once(tmp_path: Path, styles: str) -> None:
    source = write_docx(tmp_path / "s.docx", paragraph("Your bins are collected.", style="Loop"), styles=styles)
    assert list(docx_layout_findings(source)) == []
