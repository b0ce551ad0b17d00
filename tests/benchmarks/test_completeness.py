"""The quality benchmark's grammar-check wrapper (benchmarks/completeness.py) and its helpers.

No child process is started here: the parser itself is the benchmark's business. These check that
an absent parser is reported and skipped cleanly, the sentence split, the worker's link reading,
and that the benchmark skips inputs that are not there.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from completeness import LinkGrammarMissing, SentenceJudge, Verdict, split_sentences  # noqa: E402


def test_an_absent_parser_is_reported_not_raised(tmp_path):
    judge = SentenceJudge(python=tmp_path / "no-such-python")
    why = judge.available()
    assert "no-such-python" in why and "python3-link-grammar" in why
    with pytest.raises(LinkGrammarMissing, match="no-such-python"):
        judge.judge("We will empty your bin on Tuesday.")
    judge.close()  # nothing was started; closing is still fine


def test_cached_verdicts_are_used_without_the_parser(tmp_path):
    cache = tmp_path / "verdicts.json"
    first = SentenceJudge(python=tmp_path / "absent", cache=cache)
    first._cache["At the depot."] = Verdict(False, "fragment (Wl)")
    first.close()
    again = SentenceJudge(python=tmp_path / "absent", cache=cache)
    assert again.judge("At  the depot.") == Verdict(False, "fragment (Wl)")  # spaces do not matter
    with pytest.raises(LinkGrammarMissing):
        again.judge("Something never judged.")


def test_a_cache_from_another_worker_version_is_ignored(tmp_path):
    cache = tmp_path / "verdicts.json"
    cache.write_text('{"worker": "older", "verdicts": {"At the depot.": [true, ""]}}', encoding="utf-8")
    with pytest.raises(LinkGrammarMissing):
        SentenceJudge(python=tmp_path / "absent", cache=cache).judge("At the depot.")


@pytest.mark.parametrize(("item", "sentences"), [
    ("Call us. We can help.", ["Call us.", "We can help."]),
    ("1. Bring your bills.", ["Bring your bills."]),
    ("3.2 Under these rules we pay.", ["Under these rules we pay."]),
    ("(a) We pay. You pay.", ["We pay.", "You pay."]),
    ("• Ring us.", ["Ring us."]),
    ("2026 is the year of the fair.", ["2026 is the year of the fair."]),
    ("Dr. Patel will ring you. Ms. Okafor will not.", ["Dr. Patel will ring you.", "Ms. Okafor will not."]),
    ("It costs £3.50. You pay it.", ["It costs £3.50.", "You pay it."]),
    ("“Come in.” She smiled.", ["“Come in.”", "She smiled."]),
    ("- -", []),
])
def test_items_are_split_into_sentences(item, sentences):
    assert split_sentences(item) == sentences


def test_the_worker_reads_link_types_without_direction_marks():
    from link_grammar_worker import CLAUSE_WALLS, FRONTED_WALLS, _head

    assert [_head(label) for label in ("hWd", "dWl", "Wi", "dCO*s", "Ss*s", "Xp")] == ["Wd", "Wl", "Wi", "CO", "S",
                                                                                       "X"]
    assert "Wa" not in CLAUSE_WALLS and "Wg" not in CLAUSE_WALLS and "Wl" in FRONTED_WALLS


def test_missing_inputs_are_skipped(tmp_path):
    from asset_sari import asset_report
    from quality import document_paths

    assert document_paths(tmp_path / "absent") == []
    lines = asset_report(tmp_path / "absent", tmp_path / "out", judge=None)
    assert len(lines) == 1 and "skipped" in lines[0]
    assert not (tmp_path / "out").exists()


def test_human_made_lines_join_only_where_a_sentence_runs_on():
    from quality import joined_lines

    blocks = ["This leaflet is written so it is easy to", "read. We use short words.", "You can get help:",
              "ask a friend", "Contact Us", "Phone 01632 960777"]
    assert joined_lines(blocks) == ["This leaflet is written so it is easy to read. We use short words.",
                                    "You can get help:", "ask a friend", "Contact Us", "Phone 01632 960777"]
