"""False alarms found on human-made Easy Read (issue 14: warnings per 100 words): one test per class,
with the real problem next to it that must still be found. Invented sentences only."""

from __future__ import annotations

import pytest

from easyread.checks.layout_rules import small_text_findings
from easyread.checks.pdf_text import TextRun
from easyread.checks.text_rules import sentence_hits, word_hits

BODY = "You can ask us for this leaflet in big print."


def rule_texts(hits, rule_id: str) -> list[str]:
    return [text for found, text, _ in hits if found == rule_id]


@pytest.mark.parametrize("sentence", [
    "We will not phone you unless you ask us to.",  # "unless" is not a negative word
    "We do not shut until the last bus has gone.",
    "It is not under the stairs.",
    "If you do not agree we might not hire you the room.",  # two clauses, each with one negative
])
def test_two_plain_negatives_are_not_a_double_negative(sentence):
    assert rule_texts(sentence_hits(sentence), "ER104") == []


@pytest.mark.parametrize("sentence", ["It is not unusual to wait a week.", "You cannot not pay the fee.",
                                      "Do not leave the shed unlocked."])
def test_a_real_double_negative_is_still_found(sentence):
    assert rule_texts(sentence_hits(sentence), "ER104")


@pytest.mark.parametrize("sentence", [
    "People have fished in this river for over 40 thousand years.",  # digits with a size word
    "Tell us nine (9) clear days before the trip.",  # the word with its digits
])
def test_a_number_word_with_its_digits_is_not_flagged(sentence):
    assert rule_texts(word_hits(sentence), "ER124") == []


def test_a_number_word_alone_is_still_flagged():
    assert rule_texts(word_hits("Tell us nine days before the trip."), "ER124") == ["nine"]
    assert rule_texts(word_hits("About three hundred people came."), "ER124") == ["three", "hundred"]


def test_a_state_in_a_name_is_not_an_unexplained_acronym():
    assert rule_texts(word_hits("Our staff follow the rules of the NSW Department of Fair Play."), "ER114") == []
    assert rule_texts(word_hits("Ask NSW about it."), "ER114") == ["NSW"]  # alone it is still initials


def run(page: int, text: str, size: float) -> TextRun:
    return TextRun(page, text, size, "Helvetica", "body")


def test_a_small_print_footer_on_every_page_is_reported_once():
    footer = ["Document owner: the hall team", "Next review: 4 May 2028"]
    runs = [run(page, BODY, 14) for page in (1, 2, 3) for _ in range(4)]
    runs += [run(page, line, 8) for page in (1, 2, 3) for line in footer]
    found = [f for f in small_text_findings(runs, 12.0, small_print="warning") if f.rule_id == "ER301"]
    assert [f.location for f in found] == ["page 1"]


def test_new_small_print_on_a_later_page_is_still_reported():
    runs = [run(1, BODY, 14), run(1, BODY, 14), run(1, "Document owner: the hall team", 8), run(2, BODY, 14), run(2, BODY, 14),
            run(2, "Printed by a local firm in 2027", 8)]
    found = [f for f in small_text_findings(runs, 12.0, small_print="warning") if f.rule_id == "ER301"]
    assert [f.location for f in found] == ["page 1", "page 2"]


def test_calibration_reports_warnings_per_100_words_over_the_human_made_versions(capsys):
    import sys
    from collections import Counter
    from pathlib import Path

    benchmarks = Path(__file__).resolve().parents[2] / "benchmarks"
    if str(benchmarks) not in sys.path:
        sys.path.insert(0, str(benchmarks))
    from calibration import Measured, print_warnings, warnings_per_100_words

    from easyread.checks.metrics import measure_units

    def row(name, human, units, warnings):
        return Measured(name, human, measure_units(units), warnings=Counter(warnings))

    rows = [row("ER_1_1", True, ["We fix doors and windows in your home."] * 5, {"ER101": 1}),  # 40 words
            row("ER_2_1", True, ["Tell us if your heating stops."] * 10, {"ER111": 2, "ER101": 1}),  # 60 words
            row("ER_1_0", False, ["Occupiers must facilitate access."] * 4, {"ER111": 9})]  # a source: not counted
    assert warnings_per_100_words(rows) == 4.0  # 4 warnings in 100 words
    print_warnings(rows)
    output = capsys.readouterr().out
    assert "ER_2_1 | 60 | 3 | 5.00 | ER101 1, ER111 2" in output
    assert "all | 100 | 4 | 4.00 | ER101 2, ER111 2" in output and "ER_1_0" not in output
