"""Finding idioms and double-meaning words takes time linear in the sentence's length.

Eight times the text must take well under 64 times as long (what quadratic time would take);
before it was made linear, 27,000 characters of one idiom repeated took 12 seconds.
"""

import pytest

from easyread.language.figurative import find_figures
from tests.language.linear_time import GROWTH, MAX_RATIO, best_seconds

SMALL = 3_000


@pytest.mark.parametrize("unit", ["please dig deep into your pockets ", "pay a fine and bear with us "])
def test_time_grows_linearly(unit):
    find_figures(unit)  # load the word lists first
    small = unit * (SMALL // len(unit))
    assert best_seconds(find_figures, small * GROWTH) < MAX_RATIO * max(best_seconds(find_figures, small), 1e-3)
