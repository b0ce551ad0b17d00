"""Letter furniture is set aside with its reason; the sender's details stay, marked as the sender's."""

from __future__ import annotations

from pathlib import Path

from easyread.letters import GREETING, RECIPIENT, SIGN_OFF, SIGNATURE, set_aside_letter_furniture
from easyread.model import Block, Section, SourceDocument


def letter(*lines: str) -> SourceDocument:
    blocks = [Block("paragraph", line, f"paragraph {number}") for number, line in enumerate(lines, start=1)]
    return SourceDocument(Path("letter.docx"), "docx", "", [Section("", blocks)])


LETTER = letter(
    "Dunmore Town Council", "Town Hall", "4 Kirk Street", "Dunmore", "DM1 1AA", "Phone: 01632 960 900",
    "Mr Tomasz Nowak", "Flat 2, Heather Court", "19 Loch Road", "Dunmore", "DM3 8QP",
    "Our ref: TN/44", "Dear Mr Nowak,", "Your parking permit is ready to collect.",
    "Yours sincerely,", "Priya Shah", "Parking Manager", "Email: parking@example.gov.uk",
)


def reasons(document: SourceDocument) -> dict[str, str]:
    return {part.text: part.reason for part in document.set_aside}


def test_the_recipient_greeting_sign_off_and_signature_are_set_aside():
    result = set_aside_letter_furniture(LETTER)
    assert reasons(result) == {
        "Mr Tomasz Nowak": RECIPIENT, "Flat 2, Heather Court": RECIPIENT, "19 Loch Road": RECIPIENT,
        "Dunmore": RECIPIENT, "DM3 8QP": RECIPIENT, "Dear Mr Nowak,": GREETING, "Yours sincerely,": SIGN_OFF,
        "Priya Shah": SIGNATURE, "Parking Manager": SIGNATURE}
    kept = [block.text for block in result.blocks()]
    assert "Your parking permit is ready to collect." in kept and "Our ref: TN/44" in kept
    assert kept.count("Dunmore") == 1  # the sender's town stays; the recipient's is set aside


def test_the_letterhead_and_a_contact_line_in_the_signature_are_the_senders():
    result = set_aside_letter_furniture(LETTER)
    roles = {block.text: block.role for block in result.blocks()}
    assert roles["Dunmore Town Council"] == roles["DM1 1AA"] == roles["Phone: 01632 960 900"] == "sender"
    assert roles["Email: parking@example.gov.uk"] == "sender"
    assert roles["Your parking permit is ready to collect."] == ""


def test_a_document_that_is_not_a_letter_is_left_alone():
    notice = letter("Roadworks", "Mill Road closes on 3 May 2026.", "Ring 01632 960 901 with questions.")
    assert set_aside_letter_furniture(notice) is notice


def test_an_address_that_is_part_of_the_message_is_not_the_recipients():
    # No greeting right after it: a venue in the body is content, whatever its shape.
    text = letter("Dear resident,", "The meeting is at:", "Riverside Hall", "Dock Road", "DM1 4RT",
                  "Please come along.")
    assert reasons(set_aside_letter_furniture(text)) == {"Dear resident,": GREETING}
