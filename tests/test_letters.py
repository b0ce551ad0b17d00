"""Letter furniture is set aside with its reason; the sender's details stay, marked as the sender's."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.letters import (
    GREETING,
    OPENING,
    RECIPIENT,
    SIGN_OFF,
    SIGN_OFF_AND_SIGNATURE,
    SIGNATURE,
    set_aside_letter_furniture,
)
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


# Shapes real letters and leaflets use that were once missed (issue 13.3); invented wording.

def test_a_greeting_to_two_people_with_a_full_stop_is_set_aside():
    result = set_aside_letter_furniture(letter("Dear Mr and Mrs Adeyemi.", "Your garden waste bin is ready."))
    assert reasons(result) == {"Dear Mr and Mrs Adeyemi.": GREETING}


def test_a_sentence_after_dear_is_not_taken_for_a_greeting():
    text = letter("Dear Ms Adeyemi,", "Dear readers will know the hall is shut.", "Yours sincerely,", "Ola Brandt")
    assert "Dear readers will know the hall is shut." in [block.text for block in set_aside_letter_furniture(text).blocks()]


def test_a_greeting_that_opens_a_paragraph_leaves_a_plain_opening():
    result = set_aside_letter_furniture(letter("Dear Resident, we are changing the day we empty your bins.",
                                               "The new day is Tuesday."))
    assert [block.text for block in result.blocks()] == ["We are changing the day we empty your bins.",
                                                           "The new day is Tuesday."]
    assert [(part.location, part.text, part.reason) for part in result.set_aside] == [
        ("paragraph 1 (its greeting)", "Dear Resident,", OPENING)]


def test_a_greeting_set_as_a_heading_is_set_aside_and_its_text_kept():
    source = SourceDocument(Path("leaflet.md"), "md", "Garden waste", [
        Section("Garden waste", [], "line 1", 1),
        Section("Dear Resident", [Block("paragraph", "Collections start on 2 March 2026.", "line 3")], "line 2", 2)],
        title_location="line 1")
    result = set_aside_letter_furniture(source)
    assert reasons(result) == {"Dear Resident": GREETING}
    assert [section.heading for section in result.sections] == ["Garden waste", ""]
    assert [block.text for block in result.blocks()] == ["Collections start on 2 March 2026."]


@pytest.mark.parametrize("closing", ["Many thanks,", "Thanks,", "Thank you,", "With thanks", "Best,", "All the best,"])
def test_thanks_and_best_close_a_letter_at_its_end(closing):
    result = set_aside_letter_furniture(letter("Your permit runs out on 30 June 2026.", closing, "Ola Brandt",
                                               "Permits Officer"))
    assert reasons(result) == {closing: SIGN_OFF, "Ola Brandt": SIGNATURE, "Permits Officer": SIGNATURE}


def test_thanks_in_the_body_of_a_document_stays():
    text = letter("Dear Ms Adeyemi,", "Thank you,", "Please send the form back by 4 May 2026.",
                  "It helps us plan the year ahead of the spring.")
    kept = [block.text for block in set_aside_letter_furniture(text).blocks()]
    assert "Thank you," in kept


def test_thank_you_as_a_sentence_is_content():
    text = letter("Dear Ms Adeyemi,", "Your form arrived.", "Thank you for your help.", "Ola Brandt")
    assert "Thank you for your help." in [block.text for block in set_aside_letter_furniture(text).blocks()]


@pytest.mark.parametrize("line", ["Kind regards, Ola Brandt", "Yours sincerely, Ola Brandt, Permits Officer",
                                  "Yours faithfully, Ola Brandt."])
def test_a_sign_off_with_the_name_on_the_same_line_is_set_aside(line):
    result = set_aside_letter_furniture(letter("Your permit runs out on 30 June 2026.", line))
    assert reasons(result) == {line: SIGN_OFF_AND_SIGNATURE}


def test_a_sign_off_line_with_a_phone_number_is_kept():
    line = "Kind regards, Ola Brandt, 01632 960 871"
    result = set_aside_letter_furniture(letter("Your permit runs out on 30 June 2026.", line))
    assert line in [block.text for block in result.blocks()]


def test_a_sign_off_in_table_rows_is_set_aside():
    blocks = [Block("paragraph", "Your permit runs out on 30 June 2026.", "paragraph 1"),
              Block("table_row", "Yours sincerely, Ola Brandt", "table 1 row 1"),
              Block("table_row", "Permits Officer", "table 1 row 2")]
    result = set_aside_letter_furniture(SourceDocument(Path("l.docx"), "docx", "", [Section("", blocks)]))
    assert reasons(result) == {"Yours sincerely, Ola Brandt": SIGN_OFF_AND_SIGNATURE, "Permits Officer": SIGNATURE}


def test_the_senders_address_after_a_signature_is_kept_as_the_senders():
    text = letter("Dear Ms Adeyemi,", "Your permit runs out on 30 June 2026.", "Yours sincerely,", "Ola Brandt",
                  "Town Hall, 4 Kirk Street, DM1 1AA")
    result = set_aside_letter_furniture(text)
    assert {block.text: block.role for block in result.blocks()}["Town Hall, 4 Kirk Street, DM1 1AA"] == "sender"


def test_a_sign_off_after_contact_lines_is_set_aside_and_the_contact_lines_kept():
    text = letter("Dear Ms Adeyemi,", "Ring us if you have questions.", "Phone: 01632 960 872",
                  "Many thanks,", "The Permits Team")
    result = set_aside_letter_furniture(text)
    assert reasons(result) == {"Dear Ms Adeyemi,": GREETING, "Many thanks,": SIGN_OFF, "The Permits Team": SIGNATURE}
    assert "Phone: 01632 960 872" in [block.text for block in result.blocks()]


@pytest.mark.parametrize("greeting", ["Good morning,", "Hello everyone,", "Dear Parent or Carer", "Dear Sir/Madam"])
def test_other_greetings_are_set_aside(greeting):
    assert reasons(set_aside_letter_furniture(letter(greeting, "The school shuts on 3 April 2026."))) == {
        greeting: GREETING}


def test_setting_aside_twice_changes_nothing_more():
    once = set_aside_letter_furniture(letter("Dear Resident, we are changing your bin day.", "It is Tuesday now.",
                                             "Many thanks,", "Ola Brandt"))
    assert set_aside_letter_furniture(once) == once


def test_a_hyphenated_word_after_hi_is_not_a_greeting():
    text = letter("Hi-vis vests, gloves and boots are needed on site.", "Yours sincerely,", "Ola Brandt")
    assert "Hi-vis vests, gloves and boots are needed on site." in [b.text for b in set_aside_letter_furniture(text).blocks()]


def test_hello_and_welcome_leaves_a_sentence():
    result = set_aside_letter_furniture(letter("Hello, and welcome to the new recycling guide.", "Rinse your tins."))
    assert [block.text for block in result.blocks()][0] == "Welcome to the new recycling guide."


def test_a_greeting_after_the_sign_off_leaves_the_sign_off_furniture_too():
    text = letter("Your permit runs out on 30 June 2026.", "Yours sincerely,", "Ola Brandt",
                  "Dear Ms Adeyemi, please bring the old permit with you.")
    result = set_aside_letter_furniture(text)
    assert [block.text for block in result.blocks()] == ["Your permit runs out on 30 June 2026.",
                                                           "Please bring the old permit with you."]
    assert reasons(result) == {"Yours sincerely,": SIGN_OFF, "Ola Brandt": SIGNATURE, "Dear Ms Adeyemi,": OPENING}


def test_the_issues_example_greeting_and_sign_off_with_full_stops_give_no_items():
    result = set_aside_letter_furniture(letter("Dear Ms Okafor.", "Your new bin comes on 9 May 2026.", "Yours sincerely."))
    assert reasons(result) == {"Dear Ms Okafor.": GREETING, "Yours sincerely.": SIGN_OFF}


def test_the_letters_date_between_the_address_and_the_greeting_is_content_not_address():
    source = set_aside_letter_furniture(letter(
        "Northbrook Borough Council", "Phone: 01632 960 900", "Mrs Ada Price", "7 Willow Close", "Northbrook", "NB4 2DE",
        "12 February 2026", "Dear Mrs Price,", "Please pay within 14 days of the date of this letter.",
        "Yours sincerely,", "Lee Grant"))
    kept = [block.text for block in source.blocks()]
    assert "12 February 2026" in kept  # "within 14 days of the date of this letter" needs it
    assert {part.text for part in source.set_aside if part.reason == RECIPIENT} == {
        "Mrs Ada Price", "7 Willow Close", "Northbrook", "NB4 2DE"}


def test_a_named_address_run_together_on_one_line_is_the_recipients():
    source = set_aside_letter_furniture(letter(
        "Mrs Ada Price 7 Willow Close Northbrook NB4 2DE", "12 February 2026", "Dear Mrs Price,",
        "Your permit is ready.", "Yours sincerely,", "Lee Grant"))
    assert [part.text for part in source.set_aside if part.reason == RECIPIENT] == [
        "Mrs Ada Price 7 Willow Close Northbrook NB4 2DE"]
    assert "12 February 2026" in [block.text for block in source.blocks()]
