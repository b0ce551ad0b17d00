"""Contact details are gathered on a last page."""

from __future__ import annotations

from easyread.contact import CONTACT_HEADING, with_contact_page
from easyread.model import EasyReadDocument, EasySection, Item


def document(*sections: EasySection) -> EasyReadDocument:
    return EasyReadDocument("Bins", "bins.txt", list(sections))


def test_phone_email_and_address_items_are_gathered_once_in_order():
    doc = document(
        EasySection("Bins", [Item("Call us on 01632 960123.", "a telephone"), Item("Bins go out on Monday.", "a bin")]),
        EasySection("More", [Item("Email bins@northbrook.gov.uk.", "an email"), Item("Call us on 01632 960123.", "a telephone"),
                             Item("Write to Civic Centre, Northbrook, NB1 4AA.", "a letter")]),
    )
    result = with_contact_page(doc)
    assert result.sections[-1].heading == CONTACT_HEADING
    assert [i.sentence for i in result.sections[-1].items] == [
        "Call us on 01632 960123.", "Email bins@northbrook.gov.uk.", "Write to Civic Centre, Northbrook, NB1 4AA."]
    assert len(result.sections) == 3 and doc.sections == result.sections[:2]  # nothing else moves


def test_no_contact_details_means_no_contact_page():
    doc = document(EasySection("Bins", [Item("Bins go out on Monday 3 June 2026.", "a bin")]))
    assert with_contact_page(doc) == doc


def test_a_document_already_ending_with_its_contacts_is_left_alone():
    doc = document(EasySection("Bins", [Item("Bins go out on Monday.", "a bin")]),
                   EasySection("Contact us", [Item("Call us on 01632 960123.", "a telephone")]))
    assert with_contact_page(doc) == doc
