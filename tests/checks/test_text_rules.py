"""Every sentence and word rule, with a sentence that breaks it and one that does not."""

from __future__ import annotations

import pytest

from easyread.checks.registry import RULES
from easyread.checks.text_rules import defined_acronyms, sentence_hits, word_hits


def rule_ids(sentence: str) -> set[str]:
    return {hit[0] for hit in sentence_hits(sentence)} | {hit[0] for hit in word_hits(sentence)}


CASES = [
    ("ER101", "You must tell us about any change to the people who live in your home within 21 days of it.",
     "Tell us if someone moves in."),
    ("ER102", "We will send you a letter, because your bin day is changing next month.",
     "We will send you a letter."),
    ("ER103", "Your bins will be emptied by the crew.", "The crew will empty your bins."),
    ("ER104", "It is not unusual to wait.", "It is usual to wait."),
    ("ER111", "Your remittance is outstanding.", "You have not paid yet."),
    ("ER112", "You may have to pay a fine.", "You may have to pay money as a punishment."),
    ("ER113", "Please dig deep into your pockets for the charity.", "Please give money to the charity."),
    ("ER114", "Ask the DWP for help.", "Ask the Department for Work and Pensions for help."),
    ("ER115", "Bring proof, e.g. a letter.", "Bring proof, for example a letter."),
    ("ER116", "Bring your bins & boxes.", "Bring your bins and boxes."),
    ("ER121", "About 35% of people said yes.", "About 35 out of 100 people said yes."),
    ("ER122", "Half of people said yes, and 3/4 of them came.", "Half of people said yes."),
    ("ER123", "We had 12,500 answers.", "We had more than 12,000 answers."),
    ("ER124", "Come back in three weeks.", "Come back in 3 weeks."),
    ("ER125", "Read part IV of the plan.", "Read part 4 of the plan."),
]


def test_every_text_rule_has_a_case():
    text_rules = {rule.id for rule in RULES if rule.id < "ER200"}
    assert text_rules == {case[0] for case in CASES}


@pytest.mark.parametrize(("rule_id", "failing", "passing"), CASES, ids=[c[0] for c in CASES])
def test_rule_finds_the_problem_and_not_the_fix(rule_id, failing, passing):
    assert rule_id in rule_ids(failing)
    assert rule_id not in rule_ids(passing)


def test_hits_carry_the_offending_text_and_a_suggestion():
    hits = [hit for hit in word_hits("You may have to pay a fine.") if hit[0] == "ER112"]
    assert hits[0][1].lower() == "fine"
    assert hits[0][2]


def test_acronyms_explained_in_the_text_are_not_reported():
    text = "The Department for Work and Pensions (DWP) pays benefits. Ask the DWP."
    acronyms = defined_acronyms(text)
    assert acronyms == frozenset({"DWP"})
    assert "ER114" not in {hit[0] for hit in word_hits("Ask the DWP.", defined_acronyms=acronyms)}


def test_years_money_and_addresses_are_not_numbers_or_symbols_to_flag():
    ids = rule_ids("Pay £1,987.45 by 2026 at www.northbrook.gov.uk/pay-now or tax@northbrook.gov.uk.")
    assert "ER123" not in ids
    assert "ER116" not in ids


@pytest.mark.parametrize(
    ("sentence", "idiom"),
    [
        ("We are digging deep into our pockets.", "digging deep into our pockets"),
        ("The hall is a stone's throw from the bus stop.", "a stone's throw"),
        ("Going forward, we will touch base with you.", "Going forward"),
    ],
)
def test_idioms_are_found_with_other_endings_and_possessives(sentence, idiom):
    found = [hit[1] for hit in word_hits(sentence) if hit[0] == "ER113"]
    assert idiom in found
