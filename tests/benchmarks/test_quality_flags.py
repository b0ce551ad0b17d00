"""The quality benchmark's flag figures: each group's table ends with the items carrying each kind of flag."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from quality import Row, table  # noqa: E402


def test_a_group_table_counts_items_by_flag_kind():
    rows = [Row("a.md", items=4, flagged=2, flag_kinds=Counter({"passive": 2, "long-sentence": 1})),
            Row("b.md", items=4, flagged=1, flag_kinds=Counter({"passive": 1}))]
    lines = table("group", rows)
    assert lines[-2].split()[0] == "all" and lines[-2].split()[-1] == "38%"  # 3 of 8 items flagged
    assert lines[-1] == "items flagged, by kind: passive 3 (38%), long-sentence 1 (12%)"


def test_no_flag_line_when_nothing_is_flagged():
    lines = table("group", [Row("a.md", items=3, flagged=0)])
    assert lines[-1].split()[0] == "all"
