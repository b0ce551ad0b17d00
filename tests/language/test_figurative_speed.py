"""Finding idioms and double-meaning words takes time linear in the sentence's length.

Eight times the text must take well under 64 times as long (what quadratic time would take);
before it was made linear, 27,000 characters of one idiom repeated took 12 seconds.
"""

import time

import pytest

from easyread.language.figurative import find_figures

SMALL = 3_000
GROWTH = 8
MAX_RATIO = 24  # linear is about 8; quadratic would be about 64


def seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        find_figures(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", ["please dig deep into your pockets ", "pay a fine and bear with us "])
def test_time_grows_linearly(unit):
    find_figures(unit)  # load the word lists first
    small = unit * (SMALL // len(unit))
    assert seconds(small * GROWTH) < MAX_RATIO * max(seconds(small), 1e-3)
