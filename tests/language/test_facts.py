"""Facts are found in every common form and compared by meaning, not by spelling."""

import pytest

from easyread.language.facts import extract_facts, fact_keys, missing_facts


def kinds(text):
    return [(fact.kind, fact.text) for fact in extract_facts(text)]


def test_each_kind_is_found_once():
    text = (
        "Pay £1,987.45 by 1 April 2026 at 9am. Call 01632 960 123 or email tax@northbrook.gov.uk. "
        "See https://www.northbrook.gov.uk/counciltax. 35% of 2,300 homes in NB1 4AA pay 50p more."
    )
    found = kinds(text)
    assert ("money", "£1,987.45") in found
    assert ("date", "1 April 2026") in found
    assert ("time", "9am") in found
    assert ("phone", "01632 960 123") in found
    assert ("email", "tax@northbrook.gov.uk") in found
    assert ("url", "https://www.northbrook.gov.uk/counciltax") in found
    assert ("percentage", "35%") in found
    assert ("number", "2,300") in found
    assert ("postcode", "NB1 4AA") in found
    assert ("money", "50p") in found
    # The digits inside the phone number, date and money are not counted again as numbers.
    assert [text for kind, text in found if kind == "number"] == ["2,300"]


@pytest.mark.parametrize(
    ("source", "output"),
    [
        ("Call 01632 960123.", "Call 01632 960 123."),
        ("Call 01632960123.", "Phone +44 1632 960123."),
        ("Due 01/04/2026.", "Due Wednesday 1 April 2026."),
        ("By Monday 6th April.", "By 6 April 2026."),
        ("35% said yes.", "35 out of 100 said yes."),
        ("It cost £1.2m.", "It cost £1,200,000."),
        ("Open 17:30 to 9pm.", "Open 5:30pm to 21:00."),
        ("See www.northbrook.gov.uk/bins/.", "See https://northbrook.gov.uk/bins"),
        ("Email Tax@Northbrook.gov.uk", "email tax@northbrook.gov.uk"),
        ("2,300 homes", "2300 homes"),
    ],
)
def test_same_fact_in_another_form_is_not_missing(source, output):
    assert missing_facts(source, output) == []


@pytest.mark.parametrize(
    ("source", "output", "lost"),
    [
        ("Pay £52 a year.", "Pay £25 a year.", "£52"),
        ("Call 01632 960 123.", "Call 01632 960 124.", "01632 960 123"),
        ("Due 1 April 2026.", "Due 2 April 2026.", "1 April 2026"),
        ("At 9am.", "At 9pm.", "9am"),
        ("Visit www.northbrook.gov.uk/bins", "Visit www.northbrook.gov.uk", "www.northbrook.gov.uk/bins"),
        ("In 28 days.", "Soon.", "28"),
    ],
)
def test_a_changed_or_dropped_fact_is_reported(source, output, lost):
    assert [fact.text for fact in missing_facts(source, output)] == [lost]


def test_impossible_dates_are_not_dates():
    assert "date" not in {fact.kind for fact in extract_facts("31/02/2026")}


def test_keys_are_canonical():
    assert fact_keys("£1.2m") == {"money:120000000p"}
    assert fact_keys("9.30pm") == {"time:21:30"}


def test_lines_broken_inside_an_address_or_a_hyphenated_word_are_joined():
    from easyread.language.facts import rejoin_wrapped_lines

    assert rejoin_wrapped_lines("see www.northbrook.gov.uk/\nlibraryconsultation now") == (
        "see www.northbrook.gov.uk/libraryconsultation now"
    )
    assert rejoin_wrapped_lines("Disability-\nRelated costs") == "Disability-Related costs"
    assert rejoin_wrapped_lines("Monday -\nFriday") == "Monday -\nFriday"
