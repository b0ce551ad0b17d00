"""A ", which ..." / ", who ..." aside about the opening subject becomes a sentence of its own, only where safe."""

from __future__ import annotations

import pytest

from easyread.language.clauses import split_long_sentence
from easyread.language.relative_aside import split_relative_aside


@pytest.mark.parametrize(("sentence", "parts"), [
    ("The hub, which opened in the spring, has a café and a small library.",
     ["The hub opened in the spring.", "It has a café and a small library."]),
    ("The new bins, which are green with a brown lid, will come next month.",
     ["The new bins are green with a brown lid.", "They will come next month."]),
    ("The councils, which met in the town hall, agreed a plan for the roads.",
     ["The councils met in the town hall.", "They agreed a plan for the roads."]),
    ("Our clerk, who started work in May, will answer your letter.",
     ["Our clerk started work in May.", "Our clerk will answer your letter."]),
])
def test_the_aside_becomes_a_sentence(sentence, parts):
    assert split_relative_aside(sentence) == parts


@pytest.mark.parametrize("sentence", [
    # a list inside the aside: its end is unsure.
    "The council, which covers Bath, Usk and Monmouth, will write to every house.",
    # a name: "It" could be wrong ("who" may have been meant), so no "which" rewrite.
    "Glasgow City Council, which runs the scheme, will write to every house this week.",
    # the subject is long or not at the start.
    "The people who live in the street, which is very narrow, can park in the car park.",
    "In the summer, the hub, which opened in May, has a café.",
    # no comma closes the aside: where it ends is unsure.
    "The hub, which opened in May and has a café for everyone to use.",
    # the aside does not start with a verb.
    "The hub, which we opened in May, has a café for everyone.",
    # after the aside comes no verb of the subject's own.
    "The hub, which opened in May, and the library will both have a café.",
    # an indefinite subject ("A hub ... It") could change who is meant.
    "A hub, which opened in May, has a café for everyone to use.",
])
def test_no_rewrite_where_the_meaning_could_change(sentence):
    assert split_relative_aside(sentence) is None


def test_the_splitter_uses_it_for_long_sentences_only():
    short = "The hub, which opened, has a café."
    assert split_long_sentence(short, 12) == [short]
    assert split_long_sentence("The hub, which opened in the spring of last year, has a café and a small library.",
                               12) == ["The hub opened in the spring of last year.",
                                       "It has a café and a small library."]
