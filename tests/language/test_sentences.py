"""Sentence splitting keeps abbreviations, decimals and web addresses whole, and never loses text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.language.sentences import split_sentences, word_count


def test_abbreviations_decimals_money_and_addresses_survive():
    text = (
        "Dr. Patel will see you at 3.5 hours past noon, e.g. on Monday. The project cost £1.2m. "
        "Visit www.northbrook.gov.uk/counciltax for details. Is that right? Yes (i.e. it is)."
    )
    assert split_sentences(text) == [
        "Dr. Patel will see you at 3.5 hours past noon, e.g. on Monday.",
        "The project cost £1.2m.",
        "Visit www.northbrook.gov.uk/counciltax for details.",
        "Is that right?",
        "Yes (i.e. it is).",
    ]


def test_line_breaks_end_sentences():
    assert split_sentences("Green bin\nBlue bin: Tuesday") == ["Green bin", "Blue bin: Tuesday"]


def test_empty_and_blank_text_give_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("  \n\t ") == []


def test_word_count_counts_words_not_symbols():
    assert word_count("Pay £1,987.45 - by 1 April.") == 5


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_no_text_is_lost(text):
    """Any text in: every non-space character comes out once, in order."""
    joined = "".join(split_sentences(text))
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Pay £1.50 now.", "Dr. Lee is here.", "See www.a.gov.uk/x.", "Call us!",
                                 "It costs 3.5% more, e.g. in May.", "Why?"]), min_size=1, max_size=8))
def test_known_sentences_come_back_whole(sentences):
    assert split_sentences(" ".join(sentences)) == sentences
