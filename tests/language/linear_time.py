"""Timing for the tests that a finder's time grows linearly with its text's length.

Eight times the text must take well under 64 times as long (what quadratic time would take):
linear is about 8, so MAX_RATIO leaves room for a noisy machine without letting quadratic pass.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

GROWTH = 8
MAX_RATIO = 24  # linear is about 8; quadratic would be about 64


def best_seconds(function: Callable[[str], Any], text: str, runs: int = 2) -> float:
    """The shortest of `runs` timings of `function(text)`, in seconds (the least disturbed one)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best
