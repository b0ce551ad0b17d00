"""Properties of the splitter on any text (issue 13, "Done means"), checked with hypothesis.

- no text is lost: every word of the input is in the output, in order; only a join word may go
  ("and", or "which"/"who"/"because" that a lead replaces) and only a lead may come in ("This is
  because", "It", "They"),
  or words already said, again (a subject and helper verb repeated: "We will ...");
- no part is left without a verb unless the input was like that (a sentence not split);
- every part starts with a capital (or a digit, a quote mark, a masked name) and ends with punctuation.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.language.clause_check import has_finite_verb, words_of
from easyread.language.clauses import split_long_sentence
from easyread.language.condition_order import action_first

JOIN_WORDS = {"and", "because", "which", "who", "but", "as", "so", "that", "although", "whereas"}
LEAD_WORDS = {"this", "is", "because", "so", "but", "it", "they"}

# Words of every kind the splitter cares about: subjects, verbs, nouns, joins, prepositions, relatives.
VOCABULARY = (
    "you we they it this there the your council bill bin form people residents money week "
    "will can must may is are pay call tell send lose live changed has have need "
    "and but because which who that so if when unless although as at in on to by for within of after "
    "monthly green quickly not 10 3 April 2026 £30 Monday"
).split()
PUNCTUATION = ["", "", "", "", ",", ";", ":", "(", ")", "“", "”", "."]


@st.composite
def sentences(draw) -> str:
    tokens = draw(st.lists(st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(PUNCTUATION)), min_size=1, max_size=45))
    text = " ".join(word + mark if mark not in "(“" else mark + word for word, mark in tokens)
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _aligned(source: list[str], output: list[str]) -> bool:
    """Whether `output` is `source` with only join words left out and only lead words put in."""
    reach = [[False] * (len(output) + 1) for _ in range(len(source) + 1)]
    reach[0][0] = True
    for i in range(len(source) + 1):
        for j in range(len(output) + 1):
            if not reach[i][j]:
                continue
            if i < len(source) and j < len(output) and source[i] == output[j]:
                reach[i + 1][j + 1] = True
            if i < len(source) and source[i] in JOIN_WORDS:
                reach[i + 1][j] = True
            if j < len(output) and (output[j] in LEAD_WORDS or output[j] in source[:i]):
                reach[i][j + 1] = True
    return reach[len(source)][len(output)]


def _lower_words(text: str) -> list[str]:
    return [word.lower() for word in re.findall(r"[\w£']+", text)]


def _starts_and_ends_well(part: str) -> bool:
    first = re.search(r"\w", part)
    return part[-1] in ".!?" and (first is None or not first.group(0).islower())


@settings(max_examples=300, deadline=None)
@given(sentences(), st.integers(min_value=5, max_value=15))
def test_no_text_is_lost_and_every_part_is_a_sentence(sentence, target):
    parts = split_long_sentence(sentence, target)
    assert _aligned(_lower_words(sentence), _lower_words(" ".join(parts))), parts
    if parts == [sentence]:
        return
    for part in parts:
        assert has_finite_verb(words_of(part)), (sentence, part)
        assert _starts_and_ends_well(part), (sentence, part)


SUBJECTS = ["We", "You", "They", "The council", "Your bin"]
HELPERS = ["will", "can", "must", "may"]
VERBS = ["collect", "send", "tell", "empty", "check", "pay", "call", "remove"]
OBJECTS = ["it", "your bin", "the form", "us", "them", "the money", "a letter", "paper and card"]
TAILS = ["", " on Monday", " quickly", " to the council", " at the library", " every week"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SUBJECTS), st.sampled_from(HELPERS), st.lists(st.tuples(
    st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS)), min_size=2, max_size=4),
    st.integers(min_value=5, max_value=12))
def test_a_shared_subject_keeps_every_word(subject, helper, phrases, target):
    sentence = f"{subject} {helper} " + " and ".join(f"{verb} {obj}{tail}" for verb, obj, tail in phrases) + "."
    parts = split_long_sentence(sentence, target)
    assert _aligned(_lower_words(sentence), _lower_words(" ".join(parts))), parts
    for part in parts:
        assert part.startswith(f"{subject} "), (sentence, parts)  # every part has the subject
        assert has_finite_verb(words_of(part)), (sentence, part)
        assert _starts_and_ends_well(part), (sentence, part)


ASIDES = ["opened in 2024", "is green", "are new", "met last week", "will close soon", "has a lid"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["The hub", "Our clerk", "The new bins", "Your council"]), st.sampled_from(["which", "who"]),
       st.sampled_from(ASIDES), st.sampled_from(SUBJECTS[:3]), st.sampled_from(HELPERS), st.lists(st.tuples(
           st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS)), min_size=1, max_size=3))
def test_a_relative_aside_keeps_every_word(subject, relative, aside, _, helper, phrases):
    sentence = f"{subject}, {relative} {aside}, {helper} " + " and ".join(
        f"{verb} {obj}{tail}" for verb, obj, tail in phrases) + "."
    parts = split_long_sentence(sentence, 8)
    assert _aligned(_lower_words(sentence), _lower_words(" ".join(parts))), parts
    for part in parts:
        assert has_finite_verb(words_of(part)), (sentence, part)
        assert _starts_and_ends_well(part), (sentence, part)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=3, max_value=15))
def test_any_text_at_all_keeps_every_word(text, target):
    parts = split_long_sentence(text, target)
    assert _aligned(_lower_words(text), _lower_words(" ".join(parts))), parts
    if parts != [text]:
        assert all(_starts_and_ends_well(part) for part in parts), parts


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12), st.lists(st.sampled_from(VOCABULARY),
       min_size=1, max_size=12))
def test_easy_read_order_keeps_every_word(action, result):
    sentence = f"If you do not pay {' '.join(action)}, you will {' '.join(result)}."
    parts = action_first(sentence)
    if parts is None:
        return
    assert sorted(_lower_words(" ".join(parts))) == sorted(_lower_words(sentence) + ["please"])
    assert all(_starts_and_ends_well(part) for part in parts)
    assert all(has_finite_verb(words_of(part)) for part in parts)
