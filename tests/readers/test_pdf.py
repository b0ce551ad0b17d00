"""The PDF reader: reading order from positions, paragraphs and headings from the layout, page
furniture set aside, and clear refusals for PDFs whose text layer is not real text."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from easyread.errors import UnreadableDocument
from easyread.readers import pdf, read_document
from easyread.readers.pdf_text_layer import runs_words_together

from .conftest import (
    Text,
    ascii_to_unicode_map,
    cid_font_pdf,
    cmap_table,
    draw_pdf,
    draw_ruled_table,
    lines_down,
    make_encrypted_pdf,
    make_image_only_pdf,
    make_text_pdf,
    name_table,
    outline,
    truetype_tables,
    write_raw_pdf,
)

NO_TEXT = "has no text layer (it may be a scanned image); run OCR first"
PAGE_ONE = [
    "# Bin collection changes",
    "From 1 April 2025 your green bin will be collected on Tuesday instead of Monday. Please",
    "put it out by 7am. Children age < 18 & adults > 65 can ask for help.",
    "",
    "# What you need to do",
    "Put your bin out on the right day.",
    "- Green bin: garden waste",
    "- Blue bin: paper and card",
]
PAGE_TWO = [
    "Call us on 0123 456 789 if you need help with your bins or if you want a new",
    "box for glass.",
    "",
    "# Contact",
    "Write to the council office.",
]


def blocks(document) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(block.kind, block.text, block.location) for block in document.blocks()]


def set_aside(document) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(part.location, part.text, part.reason) for part in document.set_aside]


def test_text_pdf_is_structured_across_pages(tmp_path: Path) -> None:
    document = pdf.read(make_text_pdf(tmp_path / "bins.pdf", [PAGE_ONE, PAGE_TWO]))
    assert document.format == "pdf"
    assert document.title == "Bin collection changes"
    assert document.title_location == "page 1 paragraph 1"
    assert outline(document) == [
        ("", [("paragraph", "From 1 April 2025 your green bin will be collected on Tuesday instead of "
                            "Monday. Please put it out by 7am. Children age < 18 & adults > 65 can ask for "
                            "help.", "page 1 paragraph 2")]),
        ("What you need to do", [
            ("paragraph", "Put your bin out on the right day.", "page 1 paragraph 4"),
            ("list_item", "Green bin: garden waste", "page 1 paragraph 5"),
            ("list_item", "Blue bin: paper and card", "page 1 paragraph 6"),
            ("paragraph", "Call us on 0123 456 789 if you need help with your bins or if you want a new "
                          "box for glass.", "page 2 paragraph 1"),
        ]),
        ("Contact", [("paragraph", "Write to the council office.", "page 2 paragraph 3")]),
    ]
    assert document.sections[1].heading_location == "page 1 paragraph 3"


def test_a_paragraph_cut_by_a_page_break_is_joined(tmp_path: Path) -> None:
    pages = [["Your bin day is changing and the new day for your street"], ["will be Tuesday."]]
    document = pdf.read(make_text_pdf(tmp_path / "bins.pdf", pages))
    expected = "Your bin day is changing and the new day for your street will be Tuesday."
    assert outline(document) == [("", [("paragraph", expected, "page 1 paragraph 1")])]


def test_metadata_title_is_used_and_located_not_repeated(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "x.pdf", [["Your new bins", "They arrive in May."]], title="Your new bins")
    document = pdf.read(path)
    assert (document.title, document.title_location) == ("Your new bins", "page 1 paragraph 1")
    assert outline(document) == [("", [("paragraph", "They arrive in May.", "page 1 paragraph 2")])]


def test_generic_metadata_title_is_ignored_and_no_title_comes_from_the_file_name(tmp_path: Path) -> None:
    # The old reader made "Council tax letter" out of the file name; a title never comes from it now.
    path = make_text_pdf(tmp_path / "council-tax_letter.pdf", [["You owe £120.", "Pay by Friday."]],
                         title="Microsoft Word - letter.docx")
    document = pdf.read(path)
    assert document.title == ""
    assert [block.text for block in document.blocks()] == ["You owe £120.", "Pay by Friday."]


def test_two_columns_read_column_by_column_after_a_spanning_title(tmp_path: Path) -> None:
    left = lines_down(72, 700, ["Garden waste: put grass and", "leaves in the green bin.", "",
                                "Food waste goes in the", "small grey caddy."])
    right = lines_down(320, 700, ["Recycling: put paper, cans", "and plastic bottles in the", "blue bin."])
    title = Text(72, 760, "Your bins from April", "Helvetica-Bold", 20)
    document = pdf.read(draw_pdf(tmp_path / "columns.pdf", [right + left + [title]]))
    assert document.title == "Your bins from April"
    assert [block.text for block in document.blocks()] == [
        "Garden waste: put grass and leaves in the green bin.",
        "Food waste goes in the small grey caddy.",
        "Recycling: put paper, cans and plastic bottles in the blue bin.",
    ]


def test_a_heading_drawn_last_but_placed_at_the_top_comes_first(tmp_path: Path) -> None:
    body = lines_down(72, 740, ["The hall is closed on Monday for repairs.", "",
                                "It opens again on Tuesday at 9am."])
    heading = Text(72, 780, "Village hall news", "Helvetica-Bold", 16)
    second = Text(72, 690, "Booking the hall", "Helvetica-Bold", 13)
    after = lines_down(72, 665, ["Call the clerk to book a room."])
    document = pdf.read(draw_pdf(tmp_path / "hall.pdf", [body + after + [second, heading]]))
    assert document.title == "Village hall news"
    assert outline(document) == [
        ("", [("paragraph", "The hall is closed on Monday for repairs.", "page 1 paragraph 2"),
              ("paragraph", "It opens again on Tuesday at 9am.", "page 1 paragraph 3")]),
        ("Booking the hall", [("paragraph", "Call the clerk to book a room.", "page 1 paragraph 5")]),
    ]
    assert document.sections[1].level == 2


def test_page_numbers_and_a_repeated_footer_are_set_aside(tmp_path: Path) -> None:
    pages = [[*lines_down(72, 760, [text]), Text(72, 40, "Parish news, spring edition"), Text(290, 25, str(number))]
             for number, text in enumerate(["The fete is on Saturday.", "Bring a cake to share.",
                                            "Dogs are welcome on leads."], start=1)]
    document = pdf.read(draw_pdf(tmp_path / "news.pdf", pages))
    assert [block.text for block in document.blocks()] == [
        "The fete is on Saturday.", "Bring a cake to share.", "Dogs are welcome on leads."]
    assert set_aside(document) == [
        ("page 1 paragraph 2", "Parish news, spring edition", "running footer repeated on every page"),
        ("page 1 paragraph 3", "1", "page number"),
        ("page 2 paragraph 2", "Parish news, spring edition", "the same as page 1 paragraph 2"),
        ("page 2 paragraph 3", "2", "page number"),
        ("page 3 paragraph 2", "Parish news, spring edition", "the same as page 1 paragraph 2"),
        ("page 3 paragraph 3", "3", "page number"),
    ]


def test_a_repeated_footer_with_contact_details_is_kept_once(tmp_path: Path) -> None:
    footer = "Call the council on 01632 960 123"
    pages = [[*lines_down(72, 760, [text]), Text(72, 40, footer), Text(72, 25, f"Page {number} of 2")]
             for number, text in enumerate(["The fete is on Saturday.", "Bring a cake to share."], start=1)]
    document = pdf.read(draw_pdf(tmp_path / "news.pdf", pages))
    assert [(block.text, block.location, block.role) for block in document.blocks()] == [
        ("The fete is on Saturday.", "page 1 paragraph 1", ""),
        (footer, "page 1 paragraph 2", "footer"),
        ("Bring a cake to share.", "page 2 paragraph 1", ""),
    ]
    assert set_aside(document) == [
        ("page 1 paragraph 3", "Page 1 of 2", "page number"),
        ("page 2 paragraph 2", footer, "the same as page 1 paragraph 2"),
        ("page 2 paragraph 3", "Page 2 of 2", "page number"),
    ]


def test_ligature_characters_are_spelt_out(tmp_path: Path) -> None:
    # Vera (shipped with reportlab) has the fi and fl ligature glyphs; the PDF's text layer keeps them.
    path = draw_pdf(tmp_path / "office.pdf", [lines_down(72, 760, ["The \ufb01rst \ufb02oor is shut for \ufb01ve days."],
                                                          font="Vera")], fonts=[("Vera", "Vera.ttf")])
    assert [block.text for block in pdf.read(path).blocks()] == ["The first floor is shut for five days."]


def test_numbered_list_keeps_its_numbers_and_bullets_are_dropped(tmp_path: Path) -> None:
    agenda = ["Agenda for the meeting:", "2779.  Police report", "2780.  Public forum",
              "2781.  Apologies for absence", "", "\u2022 Tea is served after the meeting."]
    document = pdf.read(make_text_pdf(tmp_path / "agenda.pdf", [agenda]))
    assert blocks(document) == [
        ("paragraph", "Agenda for the meeting:", "page 1 paragraph 1"),
        ("list_item", "2779. Police report", "page 1 paragraph 2"),
        ("list_item", "2780. Public forum", "page 1 paragraph 3"),
        ("list_item", "2781. Apologies for absence", "page 1 paragraph 4"),
        ("list_item", "Tea is served after the meeting.", "page 1 paragraph 5"),
    ]


def test_a_bullet_standing_apart_from_its_text_is_not_a_column(tmp_path: Path) -> None:
    items = ["Double yellow lines", "Disabled bays", "Taxi ranks"]
    page = [Text(72, 760, "The council will enforce:")]
    for index, item in enumerate(items):
        page += [Text(88, 740 - 20 * index, "*"), Text(119, 740 - 20 * index, item)]
    page.append(Text(72, 670, "from the first of May."))
    document = pdf.read(draw_pdf(tmp_path / "parking.pdf", [page]))
    assert [(block.kind, block.text) for block in document.blocks()] == [
        ("paragraph", "The council will enforce:"),
        *[("list_item", item) for item in items],
        ("paragraph", "from the first of May."),
    ]


def test_hyphenated_words_are_rejoined_and_real_hyphens_kept(tmp_path: Path) -> None:
    lines = ["We will send you more informa-", "tion about the vacancy, which may be filled by co-",
             "option, in the next week."]
    document = pdf.read(make_text_pdf(tmp_path / "vacancy.pdf", [lines]))
    assert [block.text for block in document.blocks()] == [
        "We will send you more information about the vacancy, which may be filled by co-option, in the next week."]


def test_a_web_address_broken_over_two_lines_is_joined(tmp_path: Path) -> None:
    lines = ["Read more at https://www.example.org.uk/guidance/", "garden-waste/collections"]
    document = pdf.read(make_text_pdf(tmp_path / "link.pdf", [lines]))
    assert [block.text for block in document.blocks()] == [
        "Read more at https://www.example.org.uk/guidance/garden-waste/collections"]


def test_rotated_margin_text_holding_a_reference_code_is_kept(tmp_path: Path) -> None:
    page = [*lines_down(72, 760, ["The library opens at 10am."]),
            Text(30, 300, "FORM REF QKZ-4471", "Helvetica-Bold", 8, angle=90)]
    document = pdf.read(draw_pdf(tmp_path / "form.pdf", [page]))
    assert [(block.text, block.role) for block in document.blocks()] == [
        ("The library opens at 10am.", ""), ("FORM REF QKZ-4471", "margin")]
    assert set_aside(document) == []


def test_a_web_address_broken_after_its_scheme_is_joined(tmp_path: Path) -> None:
    lines = ["Pay a charge notice online at https://", "www.example.gov.uk/charge-notices/ today."]
    document = pdf.read(make_text_pdf(tmp_path / "link.pdf", [lines]))
    assert [block.text for block in document.blocks()] == [
        "Pay a charge notice online at https://www.example.gov.uk/charge-notices/ today."]


def test_tiny_and_rotated_text_are_set_aside(tmp_path: Path) -> None:
    page = [*lines_down(72, 760, ["The library opens at 10am."]), Text(72, 700, "Printed by the council press", size=3),
            Text(30, 300, "PARISH COUNCIL", "Helvetica-Bold", 8, angle=90)]
    document = pdf.read(draw_pdf(tmp_path / "library.pdf", [page]))
    assert [block.text for block in document.blocks()] == ["The library opens at 10am."]
    assert set_aside(document) == [
        ("page 1 paragraph 2", "Printed by the council press", "text too small to read (under 4 pt)"),
        ("page 1 paragraph 3", "PARISH COUNCIL", "rotated text in the margin"),
    ]


def test_a_font_without_a_unicode_map_needs_ocr(tmp_path: Path) -> None:
    path = cid_font_pdf(tmp_path / "leaflet.pdf", [ord(char) for char in "Slow down in the village"], None)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert caught.value.reason.startswith("has no usable text layer (")
    assert caught.value.reason.endswith("); run OCR first")


def test_a_few_unreadable_glyphs_do_not_refuse_the_document(tmp_path: Path) -> None:
    text = "The path by the river is open again from Monday morning for walkers"
    glyphs = [ord(char) for char in text] + [900]
    document = read_document(cid_font_pdf(tmp_path / "path.pdf", glyphs, ascii_to_unicode_map()))
    assert [block.text for block in document.blocks()] == [text + "\ufffd"]


def test_an_empty_unicode_map_is_read_through_the_embedded_font(tmp_path: Path) -> None:
    font = truetype_tables({b"cmap": cmap_table(" ", "z", 1)})  # glyph 1 is " ", 2 is "!", ...
    text = "Slow down in the village"
    document = read_document(cid_font_pdf(tmp_path / "slow.pdf", [ord(char) - 31 for char in text], b"", font))
    assert [block.text for block in document.blocks()] == [text]


def test_calibri_ligature_glyphs_left_out_of_the_unicode_map_are_read(tmp_path: Path) -> None:
    font = truetype_tables({b"name": name_table("Calibri", "Version 6.27")})
    glyphs = [ord(char) for char in "The consulta"] + [415] + [ord(char) for char in "on le"] + [425] \
        + [ord(char) for char in "er is out."]
    document = read_document(cid_font_pdf(tmp_path / "word.pdf", glyphs, ascii_to_unicode_map(), font))
    assert [block.text for block in document.blocks()] == ["The consultation letter is out."]


def test_words_without_spaces_need_ocr(tmp_path: Path) -> None:
    lines = ["Yourgreenbinwillbecollectedeverysecondweekonatuesdaymorning",
             "pleaseputitoutbysevenoclockandbringitbackinafterwards",
             "thebluebinforpaperandcardiscollectedontheotherweeks"]
    with pytest.raises(UnreadableDocument) as caught:
        pdf.read(make_text_pdf(tmp_path / "squashed.pdf", [["The bin rounds are changing."], lines]))
    assert caught.value.reason == \
        "has no usable text layer (the words on page 2 run together without spaces); run OCR first"


def test_long_words_and_web_addresses_are_not_words_run_together() -> None:
    text = " ".join(["Read https://www.example.gov.uk/a-very-long-address-for-the-guidance-page"] * 5
                    + ["the internationalisation of our counterrevolutionary services is important"] * 3)
    assert not runs_words_together(text)


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    path = make_image_only_pdf(tmp_path / "scan.pdf")
    with pytest.raises(UnreadableDocument) as caught:
        pdf.read(path)
    assert caught.value.reason == NO_TEXT
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
    assert [block.text for block in document.blocks()] == ["Bins go out on Monday."]


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
    assert caught.value.reason in ("not a valid PDF (file is damaged)", NO_TEXT)
    assert str(path) in str(caught.value)
    assert not [record for record in caplog.records if record.name.startswith(("pdfminer", "pypdf"))]


def test_random_bytes_are_not_a_valid_pdf(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(500))
    with pytest.raises(UnreadableDocument) as caught:
        pdf.read(path)
    assert caught.value.reason == "not a valid PDF (file is damaged)"


def test_clause_numbers_standing_apart_are_list_items(tmp_path: Path) -> None:
    page = [Text(45, 760, "The rules for complaints:")]
    for index, clause in enumerate(["Write to the clerk first.", "The chair will reply within a month."]):
        page += [Text(45, 730 - 30 * index, str(index + 1)), Text(74, 730 - 30 * index, clause)]
    document = pdf.read(draw_pdf(tmp_path / "rules.pdf", [page]))
    assert [(block.kind, block.text) for block in document.blocks()] == [
        ("paragraph", "The rules for complaints:"),
        ("list_item", "1 Write to the clerk first."),
        ("list_item", "2 The chair will reply within a month."),
    ]


def test_a_ruled_table_gives_one_row_block_per_row_with_its_column_labels(tmp_path: Path) -> None:
    rows = [["Surname", "Other names", "Description"], ["Baker", "Ann", "Green Party"],
            ["Cole", "Sam Lee", "Independent"]]
    path = draw_ruled_table(tmp_path / "nominated.pdf", rows, before=["These people have been nominated:"],
                            after=["The poll is on Thursday."])
    document = pdf.read(path)
    assert blocks(document) == [
        ("paragraph", "These people have been nominated:", "page 1 paragraph 1"),
        ("table_row", "Surname: Baker. Other names: Ann. Description: Green Party.", "page 1 table 1 row 2"),
        ("table_row", "Surname: Cole. Other names: Sam Lee. Description: Independent.", "page 1 table 1 row 3"),
        ("paragraph", "The poll is on Thursday.", "page 1 paragraph 2"),
    ]
    assert set_aside(document) == [
        ("page 1 table 1 row 1", "Surname, Other names, Description", "column labels (used in each row)")]


def test_a_table_found_inside_another_is_never_joined_to_it_in_reading_order() -> None:
    # A real notice has a small ruled grid inside a big table's cell: their stand-ins share a row.
    from easyread.readers.pdf_extract import Line
    from easyread.readers.pdf_layout import TABLE_MARK, reading_order

    outer = Line(f"{TABLE_MARK}0", 56, 401, 537, 744, 0.0, 0.0)
    inner = Line(f"{TABLE_MARK}1", 182, 430, 398, 477, 0.0, 0.0)
    assert [row.line.text for row in reading_order([outer, inner], 595)] == [f"{TABLE_MARK}0", f"{TABLE_MARK}1"]


def test_a_paragraph_carried_into_the_next_column_is_joined(tmp_path: Path) -> None:
    left = lines_down(72, 700, ["Knotweed spreads from the smallest piece of", "root, so you may also be"])
    right = lines_down(320, 700, ["liable if it spreads from your", "garden to your neighbours."])
    document = pdf.read(draw_pdf(tmp_path / "weed.pdf", [left + right]))
    assert blocks(document) == [
        ("paragraph", "Knotweed spreads from the smallest piece of root, so you may also be liable if it spreads "
                      "from your garden to your neighbours.", "page 1 paragraph 1")]


def test_ligature_glyph_names_in_a_font_encoding_are_read(tmp_path: Path) -> None:
    # A simple font whose /Differences name glyph 1 "t_i" (Adobe Glyph List rules: the letters t and i).
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /t_i] >> >>",
        (b"<< >>", b"BT /F1 12 Tf 72 700 Td (The consulta\\001on is open.) Tj ET"),
    ]
    document = read_document(write_raw_pdf(tmp_path / "names.pdf", objects))
    assert [block.text for block in document.blocks()] == ["The consultation is open."]
