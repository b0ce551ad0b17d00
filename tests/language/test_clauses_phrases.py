"""Splits and asides that left fragments or broke agreement on encyclopedia-style sentences (issue 13);
each sentence here is invented."""

import pytest

from easyread.language.clause_check import can_stand_alone
from easyread.language.clauses import move_asides, split_long_sentence


@pytest.mark.parametrize(
    "phrase",
    [
        "born May 4, 1911",  # "May" is the month, not a verb
        "released soon afterwards",
        "also called the Red Line",
        "originally named Mill Lane",
        "often simply called the Green",
        "assuming the river level also rises with the tide",
        "was sold to the trust in 1990",  # no subject
    ],
)
def test_phrases_without_a_subject_are_not_sentences(phrase):
    assert not can_stand_alone(phrase)


@pytest.mark.parametrize(
    "sentence",
    ["We may close the road in May.", "The bridge was opened in 1890.", "Please call us on Monday.",
     "Was the hall open?", "Also we found the key."],
)
def test_sentences_still_stand_alone(sentence):
    assert can_stand_alone(sentence)


def test_a_birth_date_aside_stays_in_its_brackets():
    sentence = "Ada Brook (born May 4, 1911) was a painter from the coast of the county."
    assert move_asides(sentence) == [sentence]


def test_a_participle_aside_stays_in_its_brackets():
    sentence = "Her second book (printed soon afterwards) sold well in the towns of the north."
    assert move_asides(sentence) == [sentence]


def test_a_comma_between_two_past_clauses_is_a_safe_split():
    assert split_long_sentence("The old mill on the river was first mapped in 1820, it was made a listed building in 1952.") == [
        "The old mill on the river was first mapped in 1820.", "It was made a listed building in 1952."]


@pytest.mark.parametrize(
    "sentence",
    [
        # the words after the last comma lean on the right side
        "The fair started as a small event, and according to the town records, it was the biggest show in the county.",
        # a condition or a lead-in phrase before the comma
        "When the hall was sold to the trust in 1990, it was turned into a museum for the town.",
        "After the long wet winter of that year, they were finally able to open the new bridge.",
    ],
)
def test_a_comma_join_is_not_cut_where_the_left_side_is_unfinished(sentence):
    assert all("According to the town records." not in part for part in split_long_sentence(sentence))
    assert split_long_sentence(sentence) == [sentence]


def test_but_without_a_subject_stays_with_its_clause():
    sentence = "The mill gained some fame in the north of the county, but was closed by its owners in the war of 1812."
    assert split_long_sentence(sentence) == [sentence]


def test_a_colon_after_a_verb_is_not_cut():
    sentence = "The first ticket prices for the old theatre were: adults 5 pence, children 2 pence and dogs free."
    assert split_long_sentence(sentence) == [sentence]


def test_which_are_becomes_these_are():
    assert split_long_sentence(
        "The parish has two old stone bridges over the river, which are both listed by the national heritage body.") == [
        "The parish has two old stone bridges over the river.", "These are both listed by the national heritage body."]


def test_a_left_side_ending_in_a_name_is_finished():
    """In the backend a name is masked by a placeholder: "on Mill Lane" must not read as an unfinished "on"."""
    from easyread.backends.rules import RulesBackend
    from easyread.model import Block

    block = Block("paragraph", "The hall is open to all by the side door on Mill Lane, and a hearing loop is fitted.", "line 1")
    assert [item.sentence for item in RulesBackend().simplify_block(block)] == [
        "The hall is open to all by the side door on Mill Lane.", "A hearing loop is fitted."]
