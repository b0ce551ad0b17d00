"""A letter's first page says who it is from and what it is about, in its own words (issue 15 point 4)."""

from __future__ import annotations

from easyread.backends import get_backend
from easyread.from_and_about import about, organisation_name
from easyread.layout.opening import OPENING_HEADING, with_opening_shown
from easyread.pipeline import simplify_document
from easyread.readers import read_document

LETTER = """Westdale District Council
Town Hall
1 High Street
Westdale
AB1 2DE

Dear Resident,

Re: Your garden waste subscription

Your garden waste subscription ends on 31 March 2026. You can renew it for £7.50 a month.

Call us on 01632 960 178 if you have questions.

Yours sincerely,

Jo Bloggs
Waste Services Manager
"""


def _convert(tmp_path, text, name="letter.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return simplify_document(read_document(path), get_backend("rules"))


def test_a_letter_opens_with_who_it_is_from_and_what_it_is_about(tmp_path):
    document = _convert(tmp_path, LETTER)
    assert document.title == "Your garden waste subscription"
    assert [item.sentence for item in document.opening] == [
        "This letter is from Westdale District Council.",
        "It is about your garden waste subscription.",
    ]
    shown = with_opening_shown(document)
    assert shown.sections[0].heading == OPENING_HEADING  # the first thing after the title page
    # each says where its words are (the letterhead line, the "Re:" line); kept apart from the
    # sections, so no ledger entry counts it as an item
    assert [item.source for item in document.opening] == [["line 1"], ["line 9"]]
    assert all(entry.text != "This letter is from Westdale District Council." for entry in document.ledger)


def test_a_letter_without_a_named_sender_says_only_what_it_is_about(tmp_path):
    text = "Dear Resident,\n\nRe: Your garden waste subscription\n\nIt ends on 31 March 2026.\n\nYours sincerely,\n\nJo Bloggs\n"
    document = _convert(tmp_path, text)
    assert [item.sentence for item in document.opening] == ["It is about your garden waste subscription."]


def test_a_banner_title_becomes_who_the_document_is_from(tmp_path):
    text = "WESTDALE DISTRICT COUNCIL\nNOTICE OF PUBLIC MEETING\n\nPLANNING COMMITTEE\n\nThe committee meets on 3 March 2026.\n"
    document = _convert(tmp_path, text, "notice.txt")
    assert document.title == "Notice of public meeting"
    assert [item.sentence for item in document.opening] == ["This is from Westdale District Council."]


def test_a_document_that_is_neither_has_no_opening(tmp_path):
    document = _convert(tmp_path, "Garden waste collections\n\nWe collect garden waste every two weeks.\n", "leaflet.txt")
    assert document.opening == []


def test_names_and_subjects():
    assert organisation_name("WESTDALE NHS TRUST") == "Westdale NHS Trust"
    assert organisation_name("DEPARTMENT FOR WORK AND PENSIONS") == "Department for Work and Pensions"
    assert organisation_name("Westdale District Council") == "Westdale District Council"
    assert about("Important notice: changes to your bin day") == "changes to your bin day"
    assert about("Council Tax Bill 2026/27: Explanatory Letter") == "Council Tax Bill 2026/27"
    assert about("Changes to your bin day") == "changes to your bin day"


def test_the_sender_can_come_from_the_signature(tmp_path):
    text = ("Dear Resident,\n\nYour parking permit ends on 31 March 2026.\n\nYours sincerely,\n\nJo Bloggs\n\n"
            "Westdale District Council / Cyngor Dosbarth Westdale\n")
    document = _convert(tmp_path, text)
    assert [item.sentence for item in document.opening] == ["This letter is from Westdale District Council."]
    assert "Jo Bloggs" not in " ".join(item.sentence for item in document.opening)  # never the signer
    assert document.title != "Jo Bloggs"  # the signer's name, read as a heading, is not the title
