"""Issue 14.4: `check` findings a person would agree with. One test per false alarm class, and one per
real problem that must still be found. Invented sentences and facts only."""

from __future__ import annotations

import pytest

from easyread.checks.run import _findings_for
from easyread.checks.text_rules import defined_acronyms, word_hits
from easyread.checks.units import TextUnit
from easyread.checks.verdict import scored_texts
from easyread.config import Settings


def ids(sentence: str) -> set[str]:
    return {hit[0] for hit in word_hits(sentence)}


def texts(sentence: str, rule_id: str) -> list[str]:
    return [hit[1] for hit in word_hits(sentence) if hit[0] == rule_id]


def document(*units: TextUnit):
    all_text = "\n".join(unit.text for unit in units)
    return list(_findings_for(list(units), Settings(), all_text))


@pytest.mark.parametrize(("sentence", "rule_ids"), [
    ("Send the form to NB3 7QX by Friday.", {"ER114"}),  # a postcode is not an acronym
    ("Ring us on 01632 960 178 any weekday.", {"ER123"}),  # a phone number is not a big number
    ("Your account number is 4001 2387 65.", {"ER123"}),  # an account number written in groups
    ("Quote BA-1432 or A/2026/0456 when you write.", {"ER114", "ER123", "ER116"}),  # reference codes
    ("In 2027 the yearly charge is £1,450.", {"ER123"}),  # a year and money
    ("Phone 9420 7311 or freecall 1800 241 977.", {"ER123"}),  # phone numbers in groups of digits
    ("Quote job number 5831 on the form.", {"ER123"}),  # a number after "job number" names a job
    ("2781. Report from the police", {"ER123"}),  # an agenda item number
    ("Vote at the hall for electors BA - 1 to BA - 1462.", {"ER114", "ER123"}),  # a polling district range
    ("Write to 4 Kirby Street, Perth WA 6012.", {"ER114", "ER123"}),  # an Australian state and postcode
    ("Drive along the A466 and the M25.", {"ER114"}),  # road numbers
    ("Come to the DROP IN SESSION at the town hall.", {"ER114"}),  # words shouted in capitals
    ("The NOTICE below tells you more.", {"ER114"}),
    ("You can get an ID badge from the NHS or your GP.", {"ER114"}),  # initials everyone knows
    ("Scan the QR code with your phone.", {"ER114"}),
    ("It doesn’t matter, you’ll see the council’s plan.", {"ER111"}),  # curly apostrophes
    ("It doesn't matter, you'll see the council's plan.", {"ER111"}),
    ("We are phoning the callers today.", {"ER111"}),  # everyday words in another form
    ("Please r egister to vote and give us feedbac k.", {"ER111"}),  # a word a PDF split in two
    ("Follow us at @quelmerecouncil for news.", {"ER111"}),  # a social media handle
    ("We will visit Quelmere and Brackwell on Monday.", {"ER111"}),  # names inside a sentence
    ("Brackwell’s plan is out.", {"ER111"}),  # a name with a possessive
    ("The plan is tailored to you and is a roadmap.", {"ER113"}),  # single words are not idioms
])
def test_false_alarms_are_gone(sentence, rule_ids):
    assert not ids(sentence) & rule_ids, list(word_hits(sentence))


@pytest.mark.parametrize(("sentence", "rule_id", "text"), [
    ("Ask the DWP for help with your claim.", "ER114", "DWP"),  # a real unexplained acronym
    ("Your remittance is late.", "ER111", "remittance"),  # a real hard word
    ("Remittance is late.", "ER111", "Remittance"),  # also where it starts the sentence
    ("We had 12,500 answers to the survey.", "ER123", "12,500"),  # a real big number
    ("We had 3517 replies to the survey.", "ER123", "3517"),
    ("We dug deep to find the money.", "ER113", "dug deep"),  # an idiom as a phrase, inflected
    ("They are digging deep for the new roof.", "ER113", "digging deep"),
    ("You may have to pay a fine of up to £80.", "ER112", "fine"),  # a real double meaning
    ("Ring the NDIS Commission on 01632 960 178.", "ER114", "NDIS"),  # an acronym next to a phone number
])
def test_real_problems_are_still_found(sentence, rule_id, text):
    assert text in texts(sentence, rule_id), list(word_hits(sentence))


def test_a_word_written_with_a_capital_inside_a_sentence_is_a_name_everywhere_in_the_document():
    findings = document(TextUnit("Quelmere has a new tip.", "line 1"),
                        TextUnit("You can take bags to Quelmere on Monday.", "line 2"))
    assert not [f for f in findings if f.rule_id == "ER111"]


def test_a_capitalised_word_no_dictionary_knows_is_a_name_at_the_start_of_a_sentence():
    findings = document(TextUnit("Brackwell runs the tip.", "line 1"))
    assert not [f for f in findings if f.rule_id == "ER111"]


def test_a_hard_word_used_in_lower_case_elsewhere_is_still_hard_at_the_start_of_a_sentence():
    findings = document(TextUnit("Remittance is late.", "line 1"), TextUnit("Send the remittance.", "line 2"))
    assert [(f.rule_id, f.location) for f in findings if f.rule_id == "ER111"] == [("ER111", "line 1")]


def test_front_units_get_no_findings():
    findings = document(TextUnit("This is an Easy Read version of brackwell_tip_notice.docx.", "line 1", kind="front"),
                        TextUnit("Easy Read made with easyread.", "line 2", kind="front"),
                        TextUnit("The tip is open on Monday.", "line 3"))
    assert findings == []


def test_front_units_are_not_scored():
    units = [TextUnit("Easy Read made with easyread.", "line 1", kind="front"), TextUnit("The tip is open.", "line 2")]
    assert list(_findings_for(units, Settings(), "")) == []
    assert scored_texts(units) == ["The tip is open."]


@pytest.mark.parametrize(("body", "term", "rule_id"), [
    ("You can appeal against our decision.", "appeal", "ER112"),
    ("Your remittance is late.", "remittance", "ER111"),
    ("Ask the DWP for help.", "DWP", "ER114"),
])
def test_a_word_the_hard_words_page_explains_is_not_flagged_anywhere(body, term, rule_id):
    without = document(TextUnit(body, "item 1"))
    assert rule_id in {f.rule_id for f in without}  # found when nothing explains it
    explained = document(TextUnit(body, "item 1"),
                         TextUnit(f"{term}: something we explain in a short sentence.", "item 9", kind="glossary",
                                  term=term))
    assert rule_id not in {f.rule_id for f in explained}


@pytest.mark.parametrize("text", [
    "The Department for Work and Pensions (DWP) pays benefits. Ask the DWP.",
    "The DWP (Department for Work and Pensions) pays benefits. Ask the DWP.",
    "DWP means the Department for Work and Pensions. Ask the DWP.",
])
def test_an_acronym_the_document_writes_out_is_not_flagged(text):
    assert "ER114" not in {f.rule_id for f in document(TextUnit(text, "line 1"))}


def test_each_word_is_reported_once_per_document_with_a_count_and_its_first_place():
    findings = document(TextUnit("You may get a fine if you park here.", "item 1"),
                        TextUnit("Pay the fine within 14 days.", "item 2"),
                        TextUnit("Pay your fine online.", "item 3"),
                        TextUnit("Ask the DWP. The DWP will call you.", "item 4"))
    fines = [f for f in findings if f.rule_id == "ER112"]
    assert [(f.text, f.location) for f in fines] == [("fine", "item 1")]
    assert "Used 3 times" in fines[0].suggestion
    acronyms = [f for f in findings if f.rule_id == "ER114"]
    assert [(f.text, f.location) for f in acronyms] == [("DWP", "item 4")] and "Used 2 times" in acronyms[0].suggestion


def test_a_word_used_once_says_no_count():
    [fine] = [f for f in document(TextUnit("You may get a fine.", "item 1")) if f.rule_id == "ER112"]
    assert "Used" not in fine.suggestion


def test_a_line_mostly_in_capitals_gives_no_acronyms():
    assert "ER114" not in ids("STATEMENT AS TO PERSONS NOMINATED for the WARD")


@pytest.mark.parametrize(("sentence", "rule_ids"), [
    ("HARPER Duncan and LOFTUS Chris stand for the ward.", {"ER114"}),  # surnames in capitals
    ("You must tell us BUT only by TEN electors.", {"ER114"}),  # small words in capitals
    ("Ask the Health & Disability Services Office.", {"ER116"}),  # "&" inside a name
])
def test_more_false_alarms_are_gone(sentence, rule_ids):
    assert not ids(sentence) & rule_ids, list(word_hits(sentence))


def test_a_symbol_in_running_text_is_still_found():
    assert "ER116" in ids("Bring your bins & boxes.")


def test_initials_that_do_not_read_as_a_word_are_still_acronyms():
    assert texts("Ask PWDWA or the SENCO for help.", "ER114") == ["PWDWA", "SENCO"]


def test_text_in_another_language_gets_no_english_rule_findings():
    welsh = "Wrth gyfrif unrhyw gyfnod amser ar gyfer y diben hwn, rhaid anwybyddu dyddiau Sadwrn a dyddiau Sul."
    findings = document(TextUnit(welsh, "line 1"), TextUnit("Your remittance is late.", "line 2"))
    assert [(f.rule_id, f.location) for f in findings] == [("ER111", "line 2")]


def test_a_plural_is_the_same_word_for_once_per_document():
    findings = document(TextUnit("Wipe the sill each day.", "item 1"), TextUnit("Dry the sills.", "item 2"))
    hard = [f for f in findings if f.rule_id == "ER111"]
    assert [(f.text, f.location) for f in hard] == [("sill", "item 1")] and "Used 2 times" in hard[0].suggestion


def test_numbers_that_run_on_number_items_and_are_not_big_numbers():
    findings = document(TextUnit("Items 3104. Report from the police. 3105. Questions.", "page 1"),
                        TextUnit("Next 3106. Apologies. We had 4217 letters.", "page 2"))
    assert [f.text for f in findings if f.rule_id == "ER123"] == ["4217"]


@pytest.mark.parametrize(("sentence", "rule_ids"), [
    ("Data may go outside the European Economic Area ('EEA'). The EEA is large.", {"ER114"}),
    ("We help to co-ordinate the work.", {"ER111"}),  # a word after a hyphen is a word's part
    ("Write to PO Box 106 in town.", {"ER114"}),
    ("It has the added bene fit of a des cription.", {"ER111"}),  # pieces of 3 letters a PDF split
])
def test_false_alarms_found_in_real_documents_are_gone(sentence, rule_ids):
    defined = defined_acronyms(sentence)
    assert not {hit[0] for hit in word_hits(sentence, defined_acronyms=defined)} & rule_ids


@pytest.mark.parametrize(("sentence", "rule_ids"), [
    ("LC, St Anne's Hall, Mill Road, 1,200 electors", {"ER114"}),  # a polling district label
    ("KB 2 polling stations, Elm Hall", {"ER114"}),
    ("Proposers: Ann Hale Roy Tate BEGG Nora", {"ER114"}),  # a surname in capitals in a list of names
])
def test_labels_and_surnames_are_not_acronyms(sentence, rule_ids):
    assert not ids(sentence) & rule_ids


def test_an_acronym_after_a_plain_word_is_still_found():
    assert texts("Ring the NDIS Commission for help.", "ER114") == ["NDIS"]
    assert texts("GMSS, the team, will call.", "ER114") == ["GMSS"]


def test_a_postcode_on_a_line_of_its_own_is_not_block_capitals():
    units = [TextUnit("NB3 7QX", "line 1"), TextUnit("PLEASE READ THIS NOW", "line 2")]
    found = {(f.rule_id, f.location) for f in _findings_for(units, Settings(), "NB3 7QX\nPLEASE READ THIS NOW")}
    assert ("ER304", "line 1") not in found and ("ER304", "line 2") in found


def test_a_percentage_gets_its_own_number_out_of_100_as_the_suggestion():
    [(rule_id, text, suggestion)] = [hit for hit in word_hits("About 25% of homes recycle food.") if hit[0] == "ER121"]
    assert text == "25%" and "'25 out of 100'" in suggestion and "3 out of 10" not in suggestion
