"""SARI (benchmarks/sari.py) on tiny invented sentences whose scores are worked out by hand.

Each case's arithmetic is in its comment: for n = 1..4, add and keep give an F1 and delete an F1
(EASSE's default) or a precision (the paper's); each is averaged over the 4 orders, and SARI is
100 x their mean. An order with no n-grams scores 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from sari import corpus_sari, normalise, tokenize_13a  # noqa: E402


def test_a_perfect_two_word_output_scores_by_orders_present():
    # n=1: add {c} right (F1 1); keep {a} right (F1 1); delete {b} right (F1 1)
    # n=2: add {"a c"} right (F1 1); nothing kept (F1 0); delete {"a b"} right (F1 1); n=3, 4: 0
    # add 2/4, keep 1/4, delete 2/4 -> 100 x 1.25 / 3
    score = corpus_sari(["a b"], ["a c"], [["a c"]])
    assert score.add == pytest.approx(50.0)
    assert score.keep == pytest.approx(25.0)
    assert score.delete == pytest.approx(50.0)
    assert score.sari == pytest.approx(125 / 3)


def test_copying_the_source_scores_only_on_keep():
    # nothing added or deleted: both 0. keep n=1: kept {a, b}, 1 right of 2 (P 1/2), the reference
    # keeps 1 (R 1): F1 2/3; n=2: "a b" kept, the reference does not keep it: 0. keep = (2/3) / 4
    score = corpus_sari(["a b"], ["a b"], [["a c"]])
    assert (score.add, score.delete) == (0.0, 0.0)
    assert score.keep == pytest.approx(100 * (2 / 3) / 4)
    assert score.sari == pytest.approx(100 * (1 / 6) / 3)


def test_counts_are_weighted_by_the_number_of_references():
    # source "a b", output "a", references "a" and "a b": the source's and output's counts x 2.
    # n=1 keep: kept {a: 2}, the references hold a twice: right 2 of 2 (P 1); they keep a 2 + b 1
    #   = 3 (R 2/3): F1 0.8. delete: dropped {b: 2}, the references drop b once: right 1 (P 1/2,
    #   R 1, F1 2/3). n=2: nothing kept (F1 0, the references keep "a b" once); dropped {"a b": 2},
    #   right 1 (P 1/2, F1 2/3). add: nothing anywhere.
    sources, outputs, references = ["a b"], ["a"], [["a"], ["a b"]]
    score = corpus_sari(sources, outputs, references)
    assert score.add == 0.0
    assert score.keep == pytest.approx(100 * 0.8 / 4)
    assert score.delete == pytest.approx(100 * (4 / 3) / 4)
    assert score.sari == pytest.approx(100 * (0.2 + 1 / 3) / 3)
    paper = corpus_sari(sources, outputs, references, deletion="precision")
    assert paper.delete == pytest.approx(100 * 1.0 / 4)
    assert paper.sari == pytest.approx(15.0)


def test_counts_add_up_over_the_corpus_before_the_ratios():
    # corpus level: sentence 1 adds "c" rightly, sentence 2 adds "z" wrongly -> add P 1/2 at n=1,
    # not the mean of two sentence scores. Check against each sentence alone.
    both = corpus_sari(["a b", "x y"], ["a c", "x z"], [["a c", "x y"]])
    first = corpus_sari(["a b"], ["a c"], [["a c"]])
    assert both.add < first.add
    # n=1 add: right 1, added 2, the references add 1 -> P 1/2, R 1, F1 2/3; n=2: "a c" right,
    # "x z" wrong, the references add 1 -> F1 2/3
    assert both.add == pytest.approx(100 * (2 / 3 + 2 / 3) / 4)


def test_case_and_punctuation_are_normalised_like_13a():
    assert normalise("Hello, World!") == ["hello", ",", "world", "!"]
    assert tokenize_13a("It costs £3.50, (or 4).") == ["It", "costs", "£3.50", ",", "(", "or", "4", ")", "."]
    assert tokenize_13a("1,000 people aged 2-3 and an x-ray") == ["1,000", "people", "aged", "2", "-", "3", "and",
                                                                   "an", "x-ray"]
    assert tokenize_13a("Tom's &quot;word&quot;") == ["Tom's", '"', "word", '"']
    # an output differing from the reference only in case and spacing scores as the same words
    assert corpus_sari(["A b"], ["A  C ."], [["a c."]]) == corpus_sari(["a b"], ["a c."], [["a c."]])


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="lengths differ"):
        corpus_sari(["a", "b"], ["a"], [["a", "b"]])
    with pytest.raises(ValueError, match="at least one"):
        corpus_sari(["a"], ["a"], [])
    with pytest.raises(ValueError, match="deletion"):
        corpus_sari(["a"], ["a"], [["a"]], deletion="recall")  # type: ignore[arg-type]
