"""Hard words become everyday ones, with their inflection and articles kept right."""

import pytest

from easyread.data import data_rows
from easyread.language.plain_words import simplify_words


def test_word_list_is_big_enough_and_well_formed():
    rows = data_rows("plain_words.tsv")
    assert len(rows) >= 300
    assert all(len(row) == 3 and all(row) for row in rows)
    assert {row[2] for row in rows} <= {"VERB", "NOUN", "ADJ", "ADV", "PHRASE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We purchased a new van.", "We bought a new van."),
        ("You must purchase a permit.", "You must buy a permit."),
        ("She is purchasing it.", "She is buying it."),
        ("Purchase it today.", "Buy it today."),
        ("In accordance with the law, prior to 1 April.", "Under the law, before 1 April."),
    ],
)
def test_replacements_keep_inflection_and_case(text, expected):
    assert simplify_words(text)[0] == expected


def test_replacements_are_reported():
    text, replacements = simplify_words("We purchased it.")
    assert [(r.original, r.plain) for r in replacements] == [("purchased", "bought")]


def test_everyday_text_is_unchanged():
    text = "You can put your green bin out on Tuesday."
    assert simplify_words(text) == (text, [])


def test_names_and_titles_in_a_sentence_are_not_changed():
    assert simplify_words("Ask the Monitoring Officer to purchase it.")[0] == "Ask the Monitoring Officer to buy it."
    assert simplify_words("Purchase it today.")[0] == "Buy it today."


def test_words_inside_an_explained_term_are_not_swapped():
    # "assessment" alone becomes "check", but "financial assessment" is on the Hard words page and stays whole.
    assert simplify_words("We will do an assessment of your needs.")[0] == "We will do a check of your needs."
    assert simplify_words("You will get a financial assessment.")[0] == "You will get a financial assessment."


def test_empty_phrases_are_dropped():
    text, replacements = simplify_words("Please note that the office is closed.")
    assert text.strip() == "the office is closed."
    assert [r.original for r in replacements] == ["Please note that"]
    assert simplify_words("NOTICE IS HEREBY GIVEN that a meeting will be held.")[0].strip() == "a meeting will be held."
