"""The Word reader: styles to structure, tables to rows, damaged and protected files refused."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from easyread.errors import EmptyDocument, UnreadableDocument
from easyread.readers import docx as docx_reader
from easyread.readers import read_document

from .conftest import make_docx, outline

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def fill_table(document: Any, rows: list[list[str]]) -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


def letter(document: Any) -> None:
    document.add_paragraph("Bin collection changes", style="Title")
    document.add_paragraph("Children age < 18 & adults > 65 get help.")
    document.add_heading("What changes", level=1)
    document.add_paragraph("Your bin   day\tmoves.")
    document.add_paragraph("Green bin", style="List Bullet")
    document.add_paragraph("Blue bin", style="List Number")
    document.add_heading("When", level=2)
    fill_table(document, [["Day", "Bin"], ["Monday", "Green bin"], ["Tuesday", "Blue bin"]])
    document.add_paragraph("")
    document.add_paragraph("Call us on 0123 456 789.")


def test_full_letter(tmp_path: Path) -> None:
    document = docx_reader.read(make_docx(tmp_path / "letter.docx", letter))
    assert document.format == "docx"
    assert document.title == "Bin collection changes"
    assert outline(document) == [
        ("", [("paragraph", "Children age < 18 & adults > 65 get help.", "paragraph 2")]),
        ("What changes", [
            ("paragraph", "Your bin day moves.", "paragraph 4"),
            ("list_item", "Green bin", "paragraph 5"),
            ("list_item", "Blue bin", "paragraph 6"),
        ]),
        ("When", [
            ("table_row", "Day: Monday. Bin: Green bin.", "table 1 row 2"),
            ("table_row", "Day: Tuesday. Bin: Blue bin.", "table 1 row 3"),
            ("paragraph", "Call us on 0123 456 789.", "paragraph 9"),
        ]),
    ]


def test_title_from_properties_and_its_repeat_is_dropped(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.core_properties.title = "Your new bins"
        document.add_paragraph("Your new bins")
        document.add_paragraph("They arrive in May.")

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert document.title == "Your new bins"
    assert outline(document) == [("", [("paragraph", "They arrive in May.", "paragraph 2")])]


def test_generic_property_title_is_ignored_and_first_heading_1_used(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.core_properties.title = "Microsoft Word - bins.docx"
        document.add_heading("Your new bins", level=1)
        document.add_paragraph("They arrive in May.")
        document.add_heading("More", level=1)
        document.add_paragraph("Later.")

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert document.title == "Your new bins"
    assert outline(document) == [("", [("paragraph", "They arrive in May.", "paragraph 2")]),
                                 ("More", [("paragraph", "Later.", "paragraph 4")])]


def test_no_title_anywhere_uses_the_file_name(tmp_path: Path) -> None:
    document = docx_reader.read(make_docx(tmp_path / "council-tax_letter.docx",
                                          lambda d: d.add_paragraph("Pay by Friday.")))
    assert document.title == "Council tax letter"


def test_numbered_paragraph_is_a_list_item(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    def build(document: Any) -> None:
        paragraph = document.add_paragraph("Bring your letter.")
        num_pr = parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        paragraph._p.get_or_add_pPr().append(num_pr)

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert outline(document) == [("", [("list_item", "Bring your letter.", "paragraph 1")])]


def test_merged_cells_appear_once(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        rows = [["Day", "Bin", "Time"], ["Monday", "Green bin", "7am"], ["x", "y", "z"]]
        table = fill_table(document, rows)
        merged = table.cell(2, 0).merge(table.cell(2, 2))
        merged.text = "Closed on bank holidays"

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    rows = [block.text for block in document.sections[0].blocks]
    assert rows == ["Day: Monday. Bin: Green bin. Time: 7am.", "Day: Closed on bank holidays."]


def test_table_without_a_header_joins_cells(tmp_path: Path) -> None:
    build = lambda d: fill_table(d, [["1 April", "Green bin"], ["8 April", "Blue bin"]])  # noqa: E731
    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert outline(document) == [("", [("table_row", "1 April, Green bin", "table 1 row 1"),
                                       ("table_row", "8 April, Blue bin", "table 1 row 2")])]


def test_bold_first_row_is_a_header_even_with_numbers(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = fill_table(document, [["2024", "2025"], ["£100", "£120"]])
        for cell in table.rows[0].cells:
            cell.paragraphs[0].runs[0].bold = True

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert [block.text for block in document.sections[0].blocks] == ["2024: £100. 2025: £120."]


def test_paragraphs_and_tables_keep_document_order(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Before the table.")
        fill_table(document, [["Only cell"]])
        document.add_paragraph("After the table.")
        fill_table(document, [["Second"]])

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert outline(document) == [("", [
        ("paragraph", "Before the table.", "paragraph 1"),
        ("table_row", "Only cell", "table 1 row 1"),
        ("paragraph", "After the table.", "paragraph 2"),
        ("table_row", "Second", "table 2 row 1"),
    ])]


def test_bold_short_paragraph_is_a_heading(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph().add_run("Contact us").bold = True
        document.add_paragraph("Call 0123.")

    assert outline(docx_reader.read(make_docx(tmp_path / "x.docx", build))) == [
        ("Contact us", [("paragraph", "Call 0123.", "paragraph 2")])]


def test_hyperlinks_insertions_and_content_controls_are_read_deletions_are_not(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    body_xml = (
        f'<w:body xmlns:w="{W_NS}">'
        '<w:p><w:r><w:t xml:space="preserve">Visit </w:t></w:r>'
        '<w:hyperlink><w:r><w:t>our site</w:t></w:r></w:hyperlink>'
        '<w:ins><w:r><w:t xml:space="preserve"> today</w:t></w:r></w:ins>'
        '<w:del><w:r><w:delText> never</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:r><w:t>Inside a control.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        '</w:body>'
    )

    def build(document: Any) -> None:
        body = document.element.body
        for child in parse_xml(body_xml):
            body.insert(len(body) - 1, child)  # before the final w:sectPr

    document = docx_reader.read(make_docx(tmp_path / "x.docx", build))
    assert outline(document) == [("", [("paragraph", "Visit our site today.", "paragraph 1"),
                                       ("paragraph", "Inside a control.", "paragraph 2")])]


def test_document_with_no_paragraphs_is_empty(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "blank.docx", lambda d: d.add_paragraph("   "))
    with pytest.raises(EmptyDocument) as caught:
        read_document(path)
    assert str(path) in str(caught.value) and "has no text to convert" in str(caught.value)


def zip_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CORRUPT = {
    "random-bytes": lambda: os.urandom(2000),
    "truncated-zip": lambda: zip_bytes({"word/document.xml": "<not really xml"})[:-10],
    "zip-without-document": lambda: zip_bytes({"hello.txt": "hi"}),
    "bad-xml": lambda: zip_bytes({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                               'package/2006/content-types"><Override PartName="/word/document.xml" '
                               'ContentType="application/vnd.openxmlformats-officedocument.'
                               'wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument'
                       '/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": "<w:document><unclosed>",
    }),
}


@pytest.mark.parametrize("kind", sorted(CORRUPT))
def test_damaged_file_is_unreadable(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(CORRUPT[kind]())
    with pytest.raises(UnreadableDocument) as caught:
        docx_reader.read(path)
    assert caught.value.reason == "not a valid Word document (file is damaged or not .docx)"
    assert str(path) in str(caught.value)


def test_password_protected_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert caught.value.reason == "is password-protected or an old .doc file; save it as an unprotected .docx"
    assert str(path) in str(caught.value)
