"""benchmarks/calibration.py suggests each score gate as the midpoint between the hardest human-made
version and the easiest source, and names the documents when no threshold separates them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from calibration import Measured, suggest, summarise  # noqa: E402

from easyread.checks.metrics import measure_units  # noqa: E402

EASY = ["We will fix your door.", "Tell us if it breaks again.", "It is free."]
PLAIN = ["We will repair the door of your home within five working days of your call.", "It is free."]
HARD = ["Notwithstanding the aforementioned provisions, occupiers must facilitate reasonable access for "
        "contractors undertaking statutory maintenance obligations."]


def _row(name, human, units):
    return Measured(name, human, measure_units(units), {"default": (True, []), "strict": (True, [])})


def _suggested(output: str, key: str) -> float:
    return float(re.search(rf"^  {key} = ([\d.-]+)$", output, re.MULTILINE).group(1))


def test_the_suggestion_is_the_midpoint_when_the_halves_separate(capsys):
    rows = [_row("ER_1_1", True, EASY), _row("ER_1_0", False, HARD), _row("ER_2_1", True, PLAIN)]
    suggest(rows)
    output = capsys.readouterr().out
    hardest_human = min(rows[0].metrics.flesch_reading_ease, rows[2].metrics.flesch_reading_ease)
    midpoint = (hardest_human + rows[1].metrics.flesch_reading_ease) / 2
    assert abs(_suggested(output, "min_reading_ease") - midpoint) <= 0.05
    assert "flesch_reading_ease | " in output and " | yes | " in output


def test_documents_in_the_way_are_named(capsys):
    # A "source" as easy as the human-made version: nothing separates them, and both are named.
    rows = [_row("ER_1_1", True, PLAIN), _row("ER_1_0", False, EASY)]
    suggest(rows)
    output = capsys.readouterr().out
    assert "# min_reading_ease: no threshold separates" in output
    assert re.search(r"ease: sources as easy as the hardest human-made version: ER_1_0; "
                     r"human-made versions as hard as the easiest source: ER_1_1", output)


def test_the_summary_counts_passes_and_names_failures(capsys):
    human, source = _row("ER_3_1", True, EASY), _row("ER_3_0", False, HARD)
    human.verdicts["default"] = (False, ["ER301"])
    source.verdicts["default"] = (False, ["ER201"])
    summarise([human, source])
    output = capsys.readouterr().out
    assert "default: human-made versions passing 0/1, sources failing 1/1" in output
    assert "human-made versions that fail: ER_3_1 (ER301)" in output
    assert "strict: human-made versions passing 1/1, sources failing 0/1" in output
    assert "sources that pass: ER_3_0" in output
