"""The Easy Read title comes from the document's own words: never its file name, a banner line or a
fragment (issue 15 point 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.backends import get_backend
from easyread.model import Section, SetAside, SourceDocument
from easyread.pipeline import DEFAULT_TITLE, simplify_document
from easyread.prepare import prepare_source
from easyread.readers import read_document
from easyread.title_choice import choose_title, is_banner, is_fragment, names_the_document, without_dangling_words

NOTICE = """WESTDALE DISTRICT COUNCIL
NOTICE OF PUBLIC MEETING

PLANNING COMMITTEE

A meeting of the Planning Committee will be held on Tuesday 3 March 2026 at 6pm in the Town Hall.

Anyone may come to the meeting.
"""


def _read(tmp_path: Path, text: str, name: str = "westdale_notice-v2.txt") -> SourceDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return prepare_source(read_document(path))


def test_a_banner_is_passed_over_for_the_line_that_names_the_document(tmp_path):
    source = _read(tmp_path, NOTICE)
    assert source.title == "WESTDALE DISTRICT COUNCIL"  # what the reader found
    choice = choose_title(source)
    assert choice.title == "NOTICE OF PUBLIC MEETING" and choice.banner == "WESTDALE DISTRICT COUNCIL"
    document = simplify_document(read_document(tmp_path / "westdale_notice-v2.txt"), get_backend("rules"))
    assert document.title == "Notice of public meeting"


def test_a_banner_before_the_title_on_its_line_goes(tmp_path):
    source = _read(tmp_path, "WESTDALE DISTRICT COUNCIL - IMPORTANT NOTICE: NEW BIN DAYS FROM 1 JUNE 2026\n\n"
                             "Your bin day changes on 1 June 2026. Please put your bin out by 7am.\n")
    choice = choose_title(source)
    assert choice.title == "IMPORTANT NOTICE: NEW BIN DAYS FROM 1 JUNE 2026"
    assert choice.banner == "WESTDALE DISTRICT COUNCIL"


def test_a_fragment_loses_its_dangling_word():
    source = SourceDocument(Path("x.pdf"), "pdf", "Election of a Parish Councillor for",
                            [Section("", [])], title_location="page 1 paragraph 1")
    assert choose_title(source).title == "Election of a Parish Councillor"


def test_a_numbered_heading_is_not_the_title_a_page_header_is():
    source = SourceDocument(Path("x.docx"), "docx", "1. Who can stand",
                            [Section("1. Who can stand", [], heading_location="paragraph 4")],
                            title_location="paragraph 4",
                            set_aside=[SetAside("header 1 paragraph 1", "PUBLIC NOTICE",
                                                "page header without contact details")])
    assert choose_title(source).title == "PUBLIC NOTICE"


def test_a_good_title_is_kept_and_nothing_is_invented(tmp_path):
    source = _read(tmp_path, "Garden waste collections 2026\n\nWe collect garden waste every two weeks.\n")
    assert choose_title(source).title == "Garden waste collections 2026"
    # no title and no line that names the document: the default, never the file name
    document = simplify_document(read_document(_write(tmp_path, "We collect garden waste every two weeks from "
                                                                 "March to November. It costs £7.50 a month.\n")),
                                 get_backend("rules"))
    assert document.title == DEFAULT_TITLE
    assert "garden-waste_final" not in document.title


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "garden-waste_final.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "banner"), [
    ("WESTDALE DISTRICT COUNCIL", True), ("Westdale Community Council", True), ("Revenues and Benefits Service", True),
    ("NHS Westdale Trust", True), ("Council Tax", False), ("Your council tax bill", False),
    ("Westdale District Council: Housing Policy", False),
])
def test_banners(line, banner):
    assert is_banner(line) is banner


def test_fragments_and_lines_that_name_a_document():
    assert is_fragment("Notice is hereby given that:") and is_fragment("To be held at the Town Hall")
    assert without_dangling_words("Election of a Parish Councillor for") == "Election of a Parish Councillor"
    assert names_the_document("Drop in session") and names_the_document("AGENDA")
    assert names_the_document("Re: your garden waste subscription")
    assert not names_the_document("Date of issue: 9 March 2026")  # a label and its value
    assert not names_the_document("Telephone: 01632 960 178")
    assert not names_the_document("Westdale")  # one word that is not a kind of document
    assert not names_the_document("We collect garden waste every two weeks.")


def test_a_web_pages_own_lines_are_never_the_title():
    source = SourceDocument(Path("page.md"), "md", "Skip to main content",
                            [Section("We use cookies on this website", [], heading_location="line 3"),
                             Section("Garden waste collections", [], heading_location="line 5")],
                            title_location="line 1")
    assert choose_title(source).title == "Garden waste collections"


def test_a_title_passed_over_is_still_said_as_an_item_in_its_place():
    from easyread.model import Block

    # as a PDF reader may find it: the big line under "Drop in session" taken for the title
    blocks = [Block("paragraph", "Drop in session", "page 1 paragraph 1"),
              Block("paragraph", "Come and look at the plans for the new cycle path.", "page 1 paragraph 3")]
    source = SourceDocument(Path("drop-in.pdf"), "pdf", "To be held at Mill Hall, Northbrook",
                            [Section("", blocks)], title_location="page 1 paragraph 2")
    choice = choose_title(source)
    assert choice.title == "Drop in session"  # the reader's title is passed over: a continuation
    document = simplify_document(source, get_backend("rules"))
    sentences = [item.sentence for section in document.sections for item in section.items]
    at = next(index for index, sentence in enumerate(sentences) if "Mill Hall" in sentence)  # never lost
    assert sentences[at - 1].startswith("Drop in session") and "cycle path" in sentences[at + 1]  # in its place
    said = next(entry for entry in document.ledger if "Mill Hall" in entry.text)
    assert said.use == "items" and said.items == 1


LETTER_WITHOUT_SUBJECT = """Dear Resident,

We are writing to tell you that your garden waste collection day is changing.

Yours faithfully

Sam Okafor
Waste Services Manager
Northbrook Borough Council
"""


def test_a_sign_off_on_its_own_line_is_never_the_title_or_a_heading(tmp_path):
    (tmp_path / "letter.txt").write_text(LETTER_WITHOUT_SUBJECT, encoding="utf-8")
    document = simplify_document(read_document(tmp_path / "letter.txt"), get_backend("rules"))
    assert "faithfully" not in document.title.lower()
    assert all("faithfully" not in section.heading.lower() for section in document.sections)
    assert all("faithfully" not in item.sentence.lower() for item in [*document.opening, *document.items()])
    assert any(entry.text == "Yours faithfully" and "sign-off" in entry.reason for entry in document.ledger)
