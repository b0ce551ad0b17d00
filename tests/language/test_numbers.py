"""Digits not words, no percentages, dates in full, abbreviations expanded."""

import pytest

from easyread.language.numbers import (
    expand_abbreviations,
    number_words_to_digits,
    rewrite_percentages,
    write_dates_in_full,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within three weeks", "within 3 weeks"),
        ("twenty-one days", "21 days"),
        ("Twelve homes", "12 homes"),
        ("the old one is fine", "the old one is fine"),
        ("a hundred people", "a hundred people"),
        ("someone threequarters", "someone threequarters"),
    ],
)
def test_number_words(text, expected):
    assert number_words_to_digits(text) == expected


def test_percentages_become_out_of_100_and_are_reported():
    assert rewrite_percentages("35% of people and 3.5 per cent of homes") == (
        "35 out of 100 of people and 3.5 out of 100 of homes",
        True,
    )
    assert rewrite_percentages("no percentages here") == ("no percentages here", False)


def test_numeric_dates_in_full_with_the_day():
    assert write_dates_in_full("due 01/04/2026.") == "due Wednesday 1 April 2026."
    assert write_dates_in_full("on 31/02/2026") == "on 31/02/2026"
    assert write_dates_in_full("published 2025-10-29.") == "published Wednesday 29 October 2025."
    assert write_dates_in_full("code 2025-10-29-x, 2025-13-40") == "code 2025-10-29-x, 2025-13-40"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bring proof, e.g. a bill.", "bring proof, for example a bill."),
        ("longer (e.g. because parts must be ordered)", "longer (for example because parts must be ordered)"),
        ("paper, card, etc. go in the blue bin", "paper, card and more go in the blue bin"),
        ("the charge, i.e. what you pay", "the charge, that means what you pay"),
        # just inside a bracket: no comma left behind ("(, that means ...")
        ("the only adult (i.e. a person aged 18 or over)", "the only adult (that means a person aged 18 or over)"),
        ("bins & boxes", "bins and boxes"),
        ("AT&T stays", "AT&T stays"),
    ],
)
def test_abbreviations(text, expected):
    assert expand_abbreviations(text) == expected


def test_an_ordinal_day_before_a_month_loses_its_ending():
    assert write_dates_in_full("due on Friday 2nd April 2027 and on 23rd May") == "due on Friday 2 April 2027 and on 23 May"
    assert write_dates_in_full("the 21st century, the 3rd bin") == "the 21st century, the 3rd bin"
