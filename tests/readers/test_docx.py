"""The Word reader: styles to structure, tables to rows, damaged and protected files refused."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from easyread.errors import EmptyDocument, UnreadableDocument
from easyread.model import SourceDocument
from easyread.readers import docx as docx_reader
from easyread.readers import read_document
from easyread.readers.docx_numbering import format_number

from .conftest import (
    NAMESPACES,
    W_NS,
    add_body_xml,
    add_notes_part,
    add_numbering,
    make_docx,
    note_body,
    note_reference,
    numbered,
    outline,
    paragraph,
    run,
    text_box,
)


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
    assert document.title_location == "paragraph 1"
    assert outline(document) == [
        ("", [("paragraph", "Children age < 18 & adults > 65 get help.", "paragraph 2")]),
        ("What changes", [
            ("paragraph", "Your bin day moves.", "paragraph 4"),
            ("list_item", "Green bin", "paragraph 5"),
            ("list_item", "1. Blue bin", "paragraph 6"),  # List Number shows its number
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
    assert document.title_location == "paragraph 1"
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


def test_no_title_anywhere_gives_no_title_never_the_file_name(tmp_path: Path) -> None:
    document = docx_reader.read(make_docx(tmp_path / "council-tax_letter.docx",
                                          lambda d: d.add_paragraph("Pay by Friday.")))
    assert document.title == ""
    assert document.title_location == ""


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


# --- nothing lost, nothing changed ---------------------------------------------------------------
# Every council, address and phone number below is invented; 01632 960xxx is Ofcom's drama range.


def blocks(document: SourceDocument) -> list[tuple[str, str, str, str]]:
    """Every block as (kind, text, location, role), in reading order."""
    return [(block.kind, block.text, block.location, block.role) for block in document.blocks()]


def set_aside(document: SourceDocument) -> list[tuple[str, str, str]]:
    """Every set-aside part as (location, text, reason)."""
    return [(part.location, part.text, part.reason) for part in document.set_aside]


def read_built(tmp_path: Path, build: Callable[[Any], None]) -> SourceDocument:
    return docx_reader.read(make_docx(tmp_path / "built.docx", build))


def test_a_footnote_is_kept_right_after_the_paragraph_that_refers_to_it(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        add_body_xml(document, paragraph(run("Report a broken street light online."), note_reference("footnote", 1))
                     + paragraph(run("We fix most lights within a week.")))
        add_notes_part(document, "footnote", {1: note_body("After 6pm, ring 01632 960 418.")})

    document = read_built(tmp_path, build)
    assert blocks(document) == [
        ("paragraph", "Report a broken street light online.", "paragraph 1", ""),
        ("paragraph", "After 6pm, ring 01632 960 418.", "footnote 1", "footnote"),
        ("paragraph", "We fix most lights within a week.", "paragraph 2", ""),
    ]
    assert set_aside(document) == []  # Word's separator notes hold no text and are not mentioned


def test_notes_are_numbered_as_word_shows_them_in_reference_order(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        add_body_xml(document,
                     paragraph(run("Garden waste costs £45 a year."), note_reference("footnote", 7))
                     + paragraph(run("Bulky items cost £30."), note_reference("footnote", 3),
                                 run(" Fridges cost more."), note_reference("footnote", 5, custom_mark="*")))
        add_notes_part(document, "footnote", {
            3: note_body("Up to three items."), 5: note_body("A fridge costs £40."), 7: note_body("From April."),
            9: note_body("This note is never referred to."),
        })

    document = read_built(tmp_path, build)
    assert blocks(document) == [
        ("paragraph", "Garden waste costs £45 a year.", "paragraph 1", ""),
        ("paragraph", "From April.", "footnote 1", "footnote"),
        ("paragraph", "Bulky items cost £30. Fridges cost more.*", "paragraph 2", ""),
        ("paragraph", "Up to three items.", "footnote 2", "footnote"),
        ("paragraph", "A fridge costs £40.", "footnote *", "footnote"),
    ]
    assert set_aside(document) == [("footnote with id 9", "This note is never referred to.",
                                    "a note with no reference to it in the text (Word never shows it)")]


def test_endnotes_use_words_roman_numbers_unless_the_file_says_otherwise(tmp_path: Path) -> None:
    def build(document: Any, decimal: bool) -> None:
        add_body_xml(document, paragraph(run("Council tax is due monthly."), note_reference("endnote", 2))
                     + paragraph(run("You can pay in ten parts."), note_reference("endnote", 4)))
        add_notes_part(document, "endnote", {2: note_body("Or in twelve, if you ask.", "endnote"),
                                             4: note_body("From April to January.", "endnote")})
        if decimal:
            from docx.oxml import parse_xml

            document.settings.element.append(parse_xml(
                f'<w:endnotePr xmlns:w="{W_NS}"><w:numFmt w:val="decimal"/></w:endnotePr>'))

    roman = read_built(tmp_path, lambda d: build(d, decimal=False))
    assert [(text, location, role) for _, text, location, role in blocks(roman)] == [
        ("Council tax is due monthly.", "paragraph 1", ""),
        ("Or in twelve, if you ask.", "endnote i", "endnote"),
        ("You can pay in ten parts.", "paragraph 2", ""),
        ("From April to January.", "endnote ii", "endnote"),
    ]
    decimal = docx_reader.read(make_docx(tmp_path / "decimal.docx", lambda d: build(d, decimal=True)))
    assert [location for _, _, location, _ in blocks(decimal)][1::2] == ["endnote 1", "endnote 2"]


def test_a_footnote_in_a_table_row_follows_the_row(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        table = fill_table(document, [["Day", "Bin"], ["Monday", "Green bin"], ["Tuesday", "Blue bin"]])
        cell = table.cell(1, 1).paragraphs[0]._p
        from docx.oxml import parse_xml

        cell.append(parse_xml(f"<w:r {NAMESPACES}><w:footnoteReference w:id=\"1\"/></w:r>"))
        add_notes_part(document, "footnote", {1: note_body("Not on bank holidays.")})

    document = read_built(tmp_path, build)
    assert blocks(document) == [
        ("table_row", "Day: Monday. Bin: Green bin.", "table 1 row 2", ""),
        ("paragraph", "Not on bank holidays.", "footnote 1", "footnote"),
        ("table_row", "Day: Tuesday. Bin: Blue bin.", "table 1 row 3", ""),
    ]
    assert set_aside(document) == [("table 1 row 1", "Day, Bin", "column labels (used in each row)")]


def test_a_damaged_footnotes_part_is_reported_not_skipped(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "notes.docx", lambda d: (
        add_body_xml(d, paragraph(run("Text."), note_reference("footnote", 1))),
        add_notes_part(d, "footnote", {1: note_body("A note.")})))
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/footnotes.xml"] = b"<w:footnotes><unclosed>"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert caught.value.reason == "not a valid Word document (its footnotes part is damaged)"


def test_a_text_box_is_its_own_block_not_glued_to_the_sentence_before_it(tmp_path: Path) -> None:
    box = text_box(paragraph(run("Note: bring the form with you")))

    def build(document: Any) -> None:
        add_body_xml(document, paragraph(run("Bins are collected on Mondays."), box)
                     + paragraph(run("Recycling goes in the blue bin.")))

    document = read_built(tmp_path, build)
    assert blocks(document) == [
        ("paragraph", "Bins are collected on Mondays.", "paragraph 1", ""),
        ("paragraph", "Note: bring the form with you", "text box 1", "text box"),
        ("paragraph", "Recycling goes in the blue bin.", "paragraph 2", ""),
    ]


@pytest.mark.parametrize(("drawing", "vml"), [(True, True), (True, False), (False, True)])
def test_each_text_box_is_read_once_in_drawingml_vml_or_both(tmp_path: Path, drawing: bool, vml: bool) -> None:
    def build(document: Any) -> None:
        first = text_box(paragraph(run("Opening hours")), paragraph(run("9am to 5pm, Monday to Friday")),
                         drawing=drawing, vml=vml)
        second = text_box(paragraph(run("Closed on bank holidays")), drawing=drawing, vml=vml)
        add_body_xml(document, paragraph(first) + paragraph(run("Visit the library."), second))

    document = read_built(tmp_path, build)
    assert blocks(document) == [
        ("paragraph", "Opening hours 9am to 5pm, Monday to Friday", "text box 1", "text box"),
        ("paragraph", "Visit the library.", "paragraph 2", ""),
        ("paragraph", "Closed on bank holidays", "text box 2", "text box"),
    ]


def furniture(document: Any) -> None:
    """Two sections; headers and footers with and without contact details, repeats and a page number."""
    from docx.oxml import parse_xml

    document.add_paragraph("Your new bin collection days.")
    first = document.sections[0]
    first.header.paragraphs[0].text = "Fenwick Vale District Council"
    first.footer.paragraphs[0].text = "Call 01632 960 004 or email bins@fenwickvale.gov.uk"
    page = first.footer.add_paragraph("Page ")._p
    page.append(parse_xml(
        f'<w:r {NAMESPACES}><w:fldChar w:fldCharType="begin"/></w:r>'.replace("<w:r ", "<w:r ")))
    page.append(parse_xml(f'<w:r {NAMESPACES}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'))
    page.append(parse_xml(f'<w:r {NAMESPACES}><w:fldChar w:fldCharType="separate"/></w:r>'))
    page.append(parse_xml(f'<w:r {NAMESPACES}><w:t>3</w:t></w:r>'))
    page.append(parse_xml(f'<w:r {NAMESPACES}><w:fldChar w:fldCharType="end"/></w:r>'))
    first.different_first_page_header_footer = True
    first.first_page_header.paragraphs[0].text = "Civic Offices, Fenwick Vale FV1 2AB"
    document.add_section()
    document.add_paragraph("Garden waste is collected every other week.")
    second = document.sections[1]
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Call 01632 960 004 or email bins@fenwickvale.gov.uk"
    second.footer.add_paragraph("Printed on recycled paper")


def test_headers_and_footers_keep_contact_details_once_and_set_aside_the_rest(tmp_path: Path) -> None:
    document = read_built(tmp_path, furniture)
    assert blocks(document) == [
        ("paragraph", "Your new bin collection days.", "paragraph 1", ""),
        ("paragraph", "Garden waste is collected every other week.", "paragraph 3", ""),
        ("paragraph", "Call 01632 960 004 or email bins@fenwickvale.gov.uk", "footer 1 paragraph 1", "footer"),
        ("paragraph", "Civic Offices, Fenwick Vale FV1 2AB", "header 2 paragraph 1", "header"),
    ]
    assert set_aside(document) == [
        ("header 1 paragraph 1", "Fenwick Vale District Council", "page header without contact details"),
        ("footer 1 paragraph 2", "Page", "page footer without contact details"),
        ("footer 1 paragraph 2, page number", "3", "page number"),
        ("footer 2 paragraph 1", "Call 01632 960 004 or email bins@fenwickvale.gov.uk",
         "the same as footer 1 paragraph 1"),
        ("footer 2 paragraph 2", "Printed on recycled paper", "page footer without contact details"),
    ]


def test_a_text_box_in_a_footer_is_read_as_footer_text(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    def build(document: Any) -> None:
        document.add_paragraph("Main text.")
        footer = document.sections[0].footer.paragraphs[0]._p
        footer.append(parse_xml(text_box(paragraph(run("Write to us at FV2 9ZZ")))
                                .replace("<w:r>", f"<w:r {NAMESPACES}>", 1)))

    document = read_built(tmp_path, build)
    assert blocks(document)[-1] == ("paragraph", "Write to us at FV2 9ZZ", "footer 1 paragraph 2", "footer")


BOLD_ADDRESS = ["Waste Services Team", "Fenwick Vale District Council", "Riverside House", "82 Mill Square",
                "Fenwick Vale", "FV3 4CD"]


def test_an_address_set_in_bold_is_content_line_by_line(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Send the form to:")
        for line in BOLD_ADDRESS:
            document.add_paragraph().add_run(line).bold = True
        document.add_paragraph("We will reply within ten working days.")

    document = read_built(tmp_path, build)
    assert [section.heading for section in document.sections] == [""]
    assert [text for _, text, _, _ in blocks(document)] == (
        ["Send the form to:"] + BOLD_ADDRESS + ["We will reply within ten working days."])


def test_a_single_bold_line_over_text_is_a_heading_a_level_below_the_last_heading(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph().add_run("Before any heading").bold = True
        document.add_paragraph("Text one.")
        document.add_heading("Collections", level=1)
        document.add_paragraph("Text two.")
        document.add_paragraph().add_run("Missed bins").bold = True
        document.add_paragraph("Text three.")

    document = read_built(tmp_path, build)
    assert [(section.heading, section.level, section.heading_location) for section in document.sections] == [
        ("Before any heading", 0, "paragraph 1"), ("Collections", 1, "paragraph 3"),
        ("Missed bins", 2, "paragraph 5")]


def test_bold_lines_with_contact_details_or_inside_a_block_of_lines_stay_text(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Please write to:")
        document.add_paragraph("")
        document.add_paragraph("Council Tax Office")
        document.add_paragraph().add_run("FREEPOST FV-COUNCIL-TAX").bold = True
        document.add_paragraph("Fenwick Vale")
        document.add_paragraph("")
        document.add_paragraph().add_run("01632 960 662").bold = True
        document.add_paragraph("Lines are open from 9am.")

    document = read_built(tmp_path, build)
    assert [section.heading for section in document.sections] == [""]
    assert len(blocks(document)) == 6


def test_numbers_at_the_start_of_lines_and_headings_stay(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_heading("4. Paying your bill", level=1)
        document.add_paragraph("4.1 You can pay online.")
        document.add_paragraph("82 Mill Square is open on Saturdays.")

    document = read_built(tmp_path, build)
    assert document.title == "4. Paying your bill"
    assert [text for _, text, _, _ in blocks(document)] == ["4.1 You can pay online.",
                                                            "82 Mill Square is open on Saturdays."]


def test_heading_levels_come_from_the_styles(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("Bin guide", style="Title")
        document.add_heading("Collections", level=1)
        document.add_heading("Missed bins", level=2)
        document.add_paragraph("Tell us by Tuesday.")
        document.add_heading("Deep detail", level=3)
        document.add_paragraph("Fine print.")

    document = read_built(tmp_path, build)
    assert [(section.heading, section.level) for section in document.sections] == [
        ("Collections", 1), ("Missed bins", 2), ("Deep detail", 3)]


def test_parts_without_an_item_are_set_aside_with_a_reason(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    def build(document: Any) -> None:
        document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("Street cleaning", style="Title")
        document.add_paragraph("Litter bins\t2", style="TOC 1")
        add_body_xml(document,
                     '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj>'
                     f'</w:sdtPr><w:sdtContent>{paragraph(run("Dog fouling 3"))}</w:sdtContent></w:sdt>'
                     + paragraph(run("•")) + paragraph(run("* * *"))
                     + paragraph(run("We empty litter bins daily."), run(" Draft: check with Jo.", "<w:vanish/>"))
                     + paragraph(run("Old plan for 2019.", "<w:vanish/>"))
                     + paragraph(run("Report litter "), '<w:del w:id="1" w:author="A"><w:r><w:delText>by post '
                                 "</w:delText></w:r></w:del>", run("online.")))

    document = read_built(tmp_path, build)
    assert document.title == "Street cleaning" and document.title_location == "paragraph 1"
    assert blocks(document) == [
        ("paragraph", "We empty litter bins daily.", "paragraph 6", ""),
        ("paragraph", "Report litter online.", "paragraph 8", ""),
    ]
    assert set_aside(document) == [
        ("paragraph 2", "Litter bins 2", "table of contents"),
        ("paragraph 3", "Dog fouling 3", "table of contents"),
        ("paragraph 4", "•", "no words"),
        ("paragraph 5", "* * *", "no words"),
        ("paragraph 6, hidden text", "Draft: check with Jo.", "hidden text"),
        ("paragraph 7, hidden text", "Old plan for 2019.", "hidden text"),
    ]


def test_field_codes_are_not_text_but_field_results_are(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        add_body_xml(document, paragraph(
            run("Ward: "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> MERGEFIELD ward </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("Riverside"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>4</w:t></w:r></w:fldSimple>'))

    document = read_built(tmp_path, build)
    assert blocks(document) == [("paragraph", "Ward: Riverside", "paragraph 1", "")]
    assert set_aside(document) == [("paragraph 1, page number", "4", "page number")]


def test_text_is_repaired(tmp_path: Path) -> None:
    document = read_built(tmp_path, lambda d: d.add_paragraph("Don\u00e2\u20ac\u2122t leave the \ufb01le open."))
    assert blocks(document) == [("paragraph", "Don\u2019t leave the file open.", "paragraph 1", "")]


# --- Word's automatic numbering ------------------------------------------------------------------

DECIMAL_LIST = (
    '<w:abstractNum w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/>'
    "<w:isLgl/></w:lvl></w:abstractNum>"
)
OTHER_FORMATS = (
    '<w:abstractNum w:abstractNumId="91">'
    '<w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Part %1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="92"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
)
NUMS = (
    '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    '<w:num w:numId="91"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
    "</w:lvlOverride></w:num>"
    '<w:num w:numId="92"><w:abstractNumId w:val="90"/></w:num>'
    '<w:num w:numId="93"><w:abstractNumId w:val="91"/></w:num>'
    '<w:num w:numId="94"><w:abstractNumId w:val="92"/></w:num>'
)


def agenda(document: Any) -> None:
    add_numbering(document, DECIMAL_LIST + OTHER_FORMATS, NUMS)
    add_body_xml(document, "".join([
        numbered("Welcome", 90), numbered("Minutes of the last meeting", 90), paragraph(run("Notes in between.")),
        numbered("Apologies", 90), numbered("From members", 90, level=1), numbered("From officers", 90, level=1),
        numbered("Late apologies", 90, level=2), numbered("Budget", 90), numbered("Savings", 90, level=1),
        numbered("Restarted list", 91), numbered("Second item", 91), numbered("Shares the count", 92),
        numbered("Roman", 93), numbered("Lettered", 93, level=1), numbered("Bulleted", 94),
        paragraph(run("Not in a list"), properties='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'),
    ]))


def test_word_numbering_labels_are_put_in_front_of_the_text(tmp_path: Path) -> None:
    document = read_built(tmp_path, agenda)
    assert [(kind, text) for kind, text, _, _ in blocks(document)] == [
        ("list_item", "1. Welcome"), ("list_item", "2. Minutes of the last meeting"),
        ("paragraph", "Notes in between."),
        ("list_item", "3. Apologies"), ("list_item", "a) From members"), ("list_item", "b) From officers"),
        ("list_item", "3.2.1 Late apologies"), ("list_item", "4. Budget"), ("list_item", "a) Savings"),
        ("list_item", "1. Restarted list"), ("list_item", "2. Second item"), ("list_item", "3. Shares the count"),
        ("list_item", "Part IV Roman"), ("list_item", "IV.A Lettered"), ("list_item", "Bulleted"),
        ("paragraph", "Not in a list"),
    ]


def test_a_list_number_style_numbers_its_paragraphs(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        for item in ("Bring the form", "Bring a photo", "Pay the fee"):
            document.add_paragraph(item, style="List Number")
        document.add_paragraph("Plain indented text", style="List Paragraph")

    document = read_built(tmp_path, build)
    assert [(kind, text) for kind, text, _, _ in blocks(document)] == [
        ("list_item", "1. Bring the form"), ("list_item", "2. Bring a photo"), ("list_item", "3. Pay the fee"),
        ("paragraph", "Plain indented text")]


@pytest.mark.parametrize(("number", "number_format", "expected"), [
    (3, "decimal", "3"), (4, "decimalZero", "04"), (14, "lowerRoman", "xiv"), (1994, "upperRoman", "MCMXCIV"),
    (2, "lowerLetter", "b"), (28, "upperLetter", "BB"), (22, "ordinal", "22nd"), (12, "ordinal", "12th"),
    (5, "cardinalText", "5"),
])
def test_format_number(number: int, number_format: str, expected: str) -> None:
    assert format_number(number, number_format) == expected


def test_every_paragraph_of_every_part_ends_up_somewhere(tmp_path: Path) -> None:
    """The ledger rule: each piece of text is a block, a heading, the title, or set aside."""

    def build(document: Any) -> None:
        furniture(document)
        agenda(document)
        add_body_xml(document, paragraph(run("See the note."), note_reference("footnote", 1),
                                         text_box(paragraph(run("Boxed advice")))))
        add_notes_part(document, "footnote", {1: note_body("The note itself.")})

    document = read_built(tmp_path, build)
    found = [document.title] + [section.heading for section in document.sections] + [
        text for _, text, _, _ in blocks(document)] + [text for _, text, _ in set_aside(document)]
    expected = ["Your new bin collection days.", "Garden waste is collected every other week.",
                "Fenwick Vale District Council", "Civic Offices, Fenwick Vale FV1 2AB", "Printed on recycled paper",
                "1. Welcome", "Bulleted", "See the note.", "The note itself.", "Boxed advice"]
    assert all(any(text in piece for piece in found) for text in expected)
    locations = [block.location for block in document.blocks()]
    assert len(locations) == len(set(locations))


def test_headings_numbered_by_word_keep_their_number(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        add_numbering(document, DECIMAL_LIST, NUMS)
        for heading, text in (("Who can stand", "Anyone over 16."), ("How to apply", "Fill in the form.")):
            add_body_xml(document, paragraph(run(heading), properties=(
                '<w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')))
            document.add_paragraph(text)

    document = read_built(tmp_path, build)
    assert [(section.heading, section.level) for section in document.sections] == [
        ("1. Who can stand", 2), ("2. How to apply", 2)]


def test_a_text_box_in_a_table_cell_and_a_note_inside_it_follow_the_row(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    def build(document: Any) -> None:
        table = fill_table(document, [["Monday", ""]])
        box = text_box(paragraph(run("Boxed in a cell"), note_reference("footnote", 1)))
        table.cell(0, 1).paragraphs[0]._p.append(parse_xml(box.replace("<w:r>", f"<w:r {NAMESPACES}>", 1)))
        document.add_paragraph("After the table.")
        add_notes_part(document, "footnote", {1: note_body("A note from inside a box.")})

    assert blocks(read_built(tmp_path, build)) == [
        ("table_row", "Monday", "table 1 row 1", ""),
        ("paragraph", "Boxed in a cell", "text box 1", "text box"),
        ("paragraph", "A note from inside a box.", "footnote 1", "footnote"),
        ("paragraph", "After the table.", "paragraph 1", ""),
    ]


def test_a_paragraph_in_words_quote_style_is_a_quotation(tmp_path: Path) -> None:
    def build(document: Any) -> None:
        document.add_paragraph("The chair said this at the meeting.")
        document.add_paragraph("We hear you and we will act.", style="Quote")

    document = read_built(tmp_path, build)
    assert [(block.text, block.role) for block in document.blocks()] == [
        ("The chair said this at the meeting.", ""), ("We hear you and we will act.", "quotation")]
