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


def test_a_number_given_for_another_body_is_not_the_senders_contact():
    doc = document(EasySection("Paying", [
        Item("You can pay online or by telephone on 0333 016 4460.", "a phone"),
        Item("Questions? Call us on 01632 960 123.", "a phone"),
        Item("01632 960 771", "a phone")]))
    page = with_contact_page(doc).sections[-1]
    assert [item.sentence for item in page.items] == ["Questions? Call us on 01632 960 123.", "01632 960 771"]


def test_a_venue_with_a_postcode_is_not_a_contact_but_an_address_to_write_to_is():
    doc = document(EasySection("Meeting", [
        Item("The meeting is in Riverside Hall, Dock Road, DM1 4RT.", "a hall"),
        Item("Write to Town Hall, Kirk Street, DM1 1AA.", "a letter")]))
    page = with_contact_page(doc).sections[-1]
    assert [item.sentence for item in page.items] == ["Write to Town Hall, Kirk Street, DM1 1AA."]


def test_with_a_contact_section_another_bodys_number_elsewhere_is_not_gathered():
    doc = document(
        EasySection("Complaints", [Item("You can contact the regulator on 0303 000 1111 or https://example.org/contact-us/.",
                                        "a phone"),
                                   Item("You can also call us on 01632 960 500.", "a phone")]),
        EasySection("Contact details", [Item("Email us at data@example.gov.uk.", "an email")]))
    page = with_contact_page(doc).sections[-1]
    assert [item.sentence for item in page.items] == ["You can also call us on 01632 960 500."]


def test_an_organisations_address_block_is_its_postal_address():
    doc = document(EasySection("Notice", [
        Item("Legal Services, Dunmore Town Council, PO Box 12, Dunmore, DM1 9ZZ.", "an office"),
        Item("Riverside Hall, Dock Road, Dunmore, DM1 4RT.", "a hall")]))
    page = with_contact_page(doc).sections[-1]
    assert [item.sentence for item in page.items] == ["Legal Services, Dunmore Town Council, PO Box 12, Dunmore, DM1 9ZZ."]
