"""Wordy phrases people simplify in reference rewrites (studied on ASSET's validation set, issue 13),
and the swaps that changed meaning there; every sentence here is invented."""

import pytest

from easyread.language.plain_words import simplify_words


def plain(text: str) -> str:
    return simplify_words(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The name is derived from an old word for a ford.", "The name comes from an old word for a ford."),
        ("The names were derived from local farms.", "The names came from local farms."),
        ("The word derives from a Norse name.", "The word comes from a Norse name."),
        ("The panel is composed of six members.", "The panel is made up of six members."),
        ("A rope composed of three strands.", "A rope made up of three strands."),
        ("The ward consists of four villages.", "The ward is made up of four villages."),
        ("The hall is located in the old square.", "The hall is in the old square."),
        ("The depot, located on the ring road, opens at 8am.", "The depot, on the ring road, opens at 8am."),
        ("The pool is situated in the park.", "The pool is in the park."),
        ("The scheme is often referred to as the Green Plan.", "The scheme is often called the Green Plan."),
    ],
)
def test_wordy_phrases_become_plain(text, expected):
    assert plain(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It is centrally located in the town.",  # "centrally in" would not be English
        "The lost key was located in the loft.",  # found: "was in the loft" would lose the finding
        "We have referred to as many cases as we could.",  # "referred to" + "as many": not a name
        "Our report refers to the place as “located in the old square”.",  # a quotation stays
        "The Derived From Nature Trust runs the garden.",  # part of a name
        "It is a word derived from Latin.",  # "a word come from Latin" would not be English
        "The town has derived from the mill much of its wealth.",  # here "derive" means "get"
    ],
)
def test_wordy_phrases_are_not_swapped_where_sense_or_grammar_would_break(text):
    swapped = plain(text)
    assert swapped == text


@pytest.mark.parametrize(
    "text",
    [
        "He is considered the best bowler in the club.",  # "thought about the best": meaning lost
        "Many people considered the old bridge to be unsafe.",  # "thought about ... to be"
        "The house was considered part of the estate.",
    ],
)
def test_consider_meaning_judge_is_not_swapped(text):
    assert plain(text) == text


def test_consider_meaning_think_about_is_still_swapped():
    assert plain("We will consider your letter.") == "We will think about your letter."


def test_immediately_becomes_straight_away_only_at_a_clause_end():
    assert plain("Please call us immediately.") == "Please call us straight away."
    # "now" would have changed the time; before a verb or a place word it stays
    assert plain("She immediately signed the form.") == "She immediately signed the form."
    assert plain("The shed immediately behind the hall is locked.") == "The shed immediately behind the hall is locked."
    assert plain("The book was printed immediately afterwards.") == "The book was printed immediately afterwards."


def test_located_as_a_participle_is_not_found():
    assert plain("We could not locate the file.") == "We could not find the file."
    assert plain("The office will be located in Leeds.") == "The office will be located in Leeds."


def test_a_plain_verb_ending_in_again_takes_no_object():
    assert plain("She resumed her seat on the board.") == "She resumed her seat on the board."  # not "started again her seat"
    assert plain("Work will resume on Monday.") == "Work will start again on Monday."


def test_apparent_before_a_noun_means_seeming_and_stays():
    assert plain("There was no apparent drop in costs.") == "There was no apparent drop in costs."
    assert plain("It became apparent that the roof leaked.") == "It became clear that the roof leaked."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The old coins were discovered in 1901.", "The old coins were found in 1901."),
        ("He stated that the pool was shut.", "He said that the pool was shut."),
        ("Please state your full name.", "Please say your full name."),
        ("This kind of crossing is termed a ford.", "This kind of crossing is called a ford."),
        ("Tea is a hot beverage.", "Tea is a hot drink."),
        ("The river rose rapidly.", "The river rose quickly."),
    ],
)
def test_everyday_words_people_choose(text, expected):
    assert plain(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The stated aim is to help.",  # an adjective, not "said"
        "The state pays for the repairs.",  # a noun
        "The head of state visited the town.",
        "It did not occur to us.",  # "happen to us" would change the sense
        "The long term plan is ready.",
        "“We discovered gold,” the old man said.",  # a quotation is left as written
    ],
)
def test_everyday_words_are_not_swapped_where_sense_would_change(text):
    assert plain(text) == text
