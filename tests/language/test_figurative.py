"""Idioms and double-meaning words (issue 13.4): one module for convert and check; invented sentences."""

from __future__ import annotations

import pytest

from easyread.backends.rules import RulesBackend
from easyread.checks.text_rules import word_hits
from easyread.language.figurative import AMBIGUOUS_WORD, IDIOM, find_figures, replace_safe_idioms


def kinds(sentence: str) -> list[tuple[str, str]]:
    return [(figure.kind, figure.text) for figure in find_figures(sentence)]


@pytest.mark.parametrize(("sentence", "plain"), [
    ("So do dig deep into your pockets for the lifeboat crew.", "So do give as much money as you can for the lifeboat crew."),
    ("Please dig deep into your pockets.", "Please give as much money as you can."),
    ("Going forward, the tip opens at 8am.", "From now on, the tip opens at 8am."),
    ("You can have your say at the meeting.", "You can tell us what you think at the meeting."),
    ("The new lift is up and running.", "The new lift is working."),
])
def test_an_idiom_with_a_safe_plain_meaning_is_replaced(sentence, plain):
    assert replace_safe_idioms(sentence) == (plain, [])


@pytest.mark.parametrize("sentence", [
    "We dug deep into our pockets for the lifeboat crew.",  # inflected, and "our" would clash with "you"
    "The club members dig deep into their pockets each winter.",  # "their" would clash with "you"
    "Neighbours can have their say at the meeting.",
    "“Dig deep into your pockets,” the mayor said.",  # a quotation is never rewritten
    "We will dig deep to find the cause.",  # no safe plain meaning for this one
    "Join the Going Forward Together group at the library.",  # a name
])
def test_an_idiom_is_flagged_not_replaced_when_unsure(sentence):
    text, figures = replace_safe_idioms(sentence)
    assert text == sentence
    assert [figure.kind for figure in figures] == [IDIOM]


def test_a_flagged_idiom_suggests_its_plain_meaning():
    [figure] = find_figures("Money is tight, so we are tightening our belts.") or [None]
    assert figure is not None and figure.kind == IDIOM and "spend less money" in figure.note()


@pytest.mark.parametrize(("sentence", "word"), [
    ("You may have to pay a fine of up to £70.", "fine"),
    ("If you park there you will get a fine.", "fine"),
    ("The minutes of the last meeting were agreed.", "minutes"),
    ("Interest is added to the unpaid amount.", "Interest"),
    ("Please note that the hall is shut on Friday.", "note"),
    ("The court may make a possession order.", "order"),
    ("Due to the snow, bins are not emptied.", "Due"),
    ("You can object to the plan until Friday.", "object"),
    ("Your lateral flow test was positive.", "positive"),
])
def test_a_double_meaning_word_in_its_confusing_sense_is_flagged(sentence, word):
    assert (AMBIGUOUS_WORD, word) in kinds(sentence)


@pytest.mark.parametrize("sentence", [
    "That is fine.",
    "I hope you feel fine after the jab.",
    "Turn right at the post box.",
    "Your rent is due on Monday.",
    "We give support and care to every member of the club.",
    "The Riverside Conference gives a service to carers.",
    "The Old Mill Close play area is open.",
    "You can read the notice on the wall.",
    "Your bin was collected on Tuesday.",
    # Not on the short list: the plain words Easy Read itself uses (issue 14: a false alarm is a bug).
    "You have the right to ask us again.",
    "Please sign the form and send it back.",
    "Your legal and human rights are protected.",
    # A context that shows the everyday sense wins over one that shows the confusing sense.
    "You will feel fine after you pay.",
    "The bus stop is a 10 minutes walk from the meeting.",
    "Post your letter to the office about the vacancy.",
])
def test_a_double_meaning_word_in_its_everyday_sense_is_not_flagged(sentence):
    assert [kind for kind, _ in kinds(sentence) if kind == AMBIGUOUS_WORD] == []


def test_a_word_inside_an_idiom_is_not_flagged_again():
    assert kinds("Please bear with us while we fix the lift.") == [(IDIOM, "bear with us")]


def test_check_and_convert_find_the_same_words():
    sentence = "You may have to pay a fine, which opens a can of worms."
    from_check = sorted(text for rule, text, _ in word_hits(sentence) if rule in ("ER112", "ER113"))
    item = RulesBackend.make_item(sentence)
    assert from_check == ["a can of worms", "fine"]
    assert item.flags[-2:] == [IDIOM, AMBIGUOUS_WORD]


def test_items_carry_the_flag_and_the_suggestion():
    item = RulesBackend.make_item("You may have to pay a fine.")
    assert AMBIGUOUS_WORD in item.flags
    assert item.suggestions == [next(figure.note() for figure in find_figures(item.sentence))]
    assert "money you must pay as a punishment" in item.suggestions[0]


def test_a_replaced_idiom_leaves_an_item_with_no_idiom_flag():
    item = RulesBackend.make_item("So do dig deep into your pockets for the lifeboat crew.")
    assert item.sentence == "So do give as much money as you can for the lifeboat crew."
    assert IDIOM not in item.flags and item.suggestions == []


def test_a_quotation_item_keeps_its_idiom_and_flags_it():
    items = RulesBackend()._quotation_items(__import__("easyread.model", fromlist=["Block"]).Block(
        "paragraph", "We must dig deep into our pockets.", "paragraph 1", role="quotation"))
    assert items[0].sentence == "“We must dig deep into our pockets.”"
    assert IDIOM in items[0].flags


@pytest.mark.parametrize("sentence", [
    "The bus fare is £3.10 for a return journey.",
    "We will fix your front door lock this week.",
    "Help is given under section 19 of the Housing Act 1996.",
])
def test_literal_words_and_law_sections_are_not_flagged(sentence):
    assert find_figures(sentence) == []
