"""A subject with two verb phrases becomes two sentences with the subject repeated, only where safe."""

from __future__ import annotations

import pytest

from easyread.language.clauses import split_long_sentence
from easyread.language.shared_subject import split_shared_subject


@pytest.mark.parametrize(("sentence", "parts"), [
    ("We will collect your bin on Monday and empty it on Tuesday.",
     ["We will collect your bin on Monday.", "We will empty it on Tuesday."]),
    ("It spreads along river banks and can damage walls, paths and drains.",
     ["It spreads along river banks.", "It can damage walls, paths and drains."]),
    ("The new road will open on 3 March 2027 and will stay open until 9 June 2027.",
     ["The new road will open on 3 March 2027.", "The new road will stay open until 9 June 2027."]),
    ("The parish council will read your letter carefully and will write back to you.",
     ["The parish council will read your letter carefully.", "The parish council will write back to you."]),
    ("Late forms should be sent to the clerk and may be looked at by the chair.",
     ["Late forms should be sent to the clerk.", "Late forms may be looked at by the chair."]),
    ("They can be cheaper than a taxi and are also good for short trips.", None),  # "than": unsure
    ("These partners have a duty to keep your data safe and will answer to you for it.",
     ["These partners have a duty to keep your data safe.", "These partners will answer to you for it."]),
    ("This is a big change for the town and is one that will take time to settle in.",
     ["This is a big change for the town.", "This is one that will take time to settle in."]),
    ("You must check the form and send it to the housing team.",
     ["You must check the form.", "You must send it to the housing team."]),
])
def test_the_subject_is_repeated(sentence, parts):
    assert split_shared_subject(sentence) == parts


@pytest.mark.parametrize("sentence", [
    # "not" may cover both parts: "must not (park and leave)".
    "You must not park on the grass and leave your car there overnight.",
    # "empty boxes" is a noun phrase, not a second verb phrase.
    "We will collect the glass bottles and empty boxes from outside the library.",
    # "card" is a noun here: a list of objects, not a second verb.
    "We will collect paper and card from your house every other week.",
    # a time only in the second part might belong to both.
    "We will read your form and reply within 10 working days.",
    "We will collect your green bin and empty it into the lorry on Tuesday.",
    # both verbs hang on "to" / "help".
    "We will help you to fill in the form and send it to the right team.",
    "We can help you fill in the form and send it to the right team.",
    # the second verb belongs to a relative clause or a condition.
    "We will write to people who live in the street and park there.",
    "We will tell you if your bin is damaged and replace it.",
    # a second subject inside the first part: "have" belongs to "you", not "I".
    "I hope you enjoy the food tonight and have a lovely time.",
    # a second verb in the first part: "have" belongs to "all staff", not "It".
    "It is the job of the office to make sure all staff understand and have the right tools.",
    "The office will make sure all staff understand the rules and will check on them.",
    # the subject is not at the start.
    "Next year we will repaint the hall and fix its old front door.",
    "If you ask us, we will visit your home and check the boiler.",
    # a comma in the first part: an aside whose end is unsure.
    "We will, where we can, visit your home and check the boiler.",
    # "or" in the first part: which choice the second part goes with is unsure.
    "You can pay online or by phone and keep the receipt for your records.",
    # a noun phrase subject without a helper verb straight after: its end is unsure.
    "The plan covers three streets and sets out new parking bays.",
])
def test_no_split_where_the_meaning_could_change(sentence):
    assert split_shared_subject(sentence) is None


def test_a_long_sentence_is_split_more_than_once():
    sentence = ("We will collect your green bin on Monday and empty it into the lorry "
                "and bring it back to your front gate.")
    assert split_long_sentence(sentence, 8) == [
        "We will collect your green bin on Monday.",
        "We will empty it into the lorry.",
        "We will bring it back to your front gate.",
    ]


def test_a_short_sentence_is_left_alone():
    assert split_long_sentence("We will collect it and empty it.", 12) == ["We will collect it and empty it."]


@pytest.mark.parametrize("sentence", [
    "You can bring these things to the tip on any day: paper, card, glass bottles, tins and old clothes.",
    "We will collect garden waste including grass, leaves, hedge cuttings and small branches from your house.",
    "You can get help with costs such as rent, heating, food and travel to and from the hospital.",
])
def test_a_list_of_three_or_more_stays_one_sentence(sentence):
    assert split_long_sentence(sentence, 8) == [sentence]
