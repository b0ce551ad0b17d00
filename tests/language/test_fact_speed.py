"""Finding facts takes time linear in the text's length, even on text made to trip regexes up.

Eight times the text must take well under 64 times as long (what quadratic time would take);
before the finders were made linear, 100,000 characters of "a.b.c." took over a minute.
"""

import pytest

from easyread.language.facts import extract_facts
from tests.language.linear_time import GROWTH, MAX_RATIO, best_seconds

SMALL = 10_000


@pytest.mark.parametrize(
    "unit",
    [
        "Call 01632 960123 or see www.northbrook.gov.uk by 1 April 2026 for £5. ",  # ordinary text
        "a.b.c.d.e.",  # one long dotted token (emails, web addresses)
        "www.",  # a web address that never ends
        "0",  # one long run of digits (numbers, percentages, phones)
        "0 ",  # many digit groups (phones, account numbers)
        "(0",  # brackets and digits (phones)
        "RJJOVH-",  # one long code-shaped token
        "9-",  # time ranges
    ],
)
def test_finding_facts_is_linear(unit):
    extract_facts("warm up: 01632 960123 RJJOVH")  # load phonenumbers and wordfreq first
    small = (unit * (SMALL // len(unit) + 1))[:SMALL]
    large = (unit * (SMALL * GROWTH // len(unit) + 1))[: SMALL * GROWTH]
    small_seconds, large_seconds = best_seconds(extract_facts, small), best_seconds(extract_facts, large)
    assert large_seconds < max(small_seconds, 0.01) * MAX_RATIO, (small_seconds, large_seconds)
