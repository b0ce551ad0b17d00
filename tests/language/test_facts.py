"""Facts are found in every common form and compared by meaning, not by spelling."""

import pytest

from easyread.language.facts import extract_facts, fact_keys, missing_facts, protected_spans


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


SOURCE_LETTER = """Northbrook Borough Council - Council Tax bill 2026/27
Account number 4001 2387 65. Booking reference RJJOVH. Planning ref 24/01234/FUL.
Your bill for 2026/27 is £1,987.45. From 01/04/2026 you pay 10 instalments of £198.75.
A discount of 25% applies. 1 in 5 homes in NB1 4AA get it. Budget: £3.4m.
Pay by 1st May. Offices open 9am-5pm and until 18:30 on Thursdays; closed at noon on 24/12/2026.
The A466 is closed in May 2026. Call 01632 960 005, email Tax@Northbrook.gov.uk or see
https://www.northbrook.gov.uk/CouncilTax/.
"""

EASY_READ_LETTER = """Your Council Tax bill for 2026 to 2027.
Your account number is 4001238765.
Your booking reference is RJJOVH.
Your planning reference is 24/01234/FUL.
You must pay £1987.45 for the year 2026 to 2027.
From Wednesday 1 April 2026 you pay 10 times. Each time you pay £198.75.
You get money off: 25 out of 100.
1 out of 5 homes in NB14AA get money off.
The budget is £3,400,000.
Pay by Friday 1 May 2026.
The offices are open from 9:00am to 5:00pm.
On Thursdays they are open until 6:30pm.
On Thursday 24 December 2026 they close at 12pm.
The A466 road is closed in May 2026.
Phone (01632) 960005.
Email tax@northbrook.gov.uk.
Look at northbrook.gov.uk/CouncilTax.
"""


def test_an_easy_read_version_with_every_fact_in_another_form_loses_nothing():
    assert len(extract_facts(SOURCE_LETTER)) >= 20
    assert missing_facts(SOURCE_LETTER, EASY_READ_LETTER) == []


@pytest.mark.parametrize(
    ("old", "new", "lost"),
    [
        ("£1987.45", "£1978.45", "£1,987.45"),
        ("RJJOVH", "Rjjovh", "RJJOVH"),
        ("25 out of 100", "20 out of 100", "25%"),
        ("6:30pm", "6:30am", "18:30"),
        ("NB14AA", "NB14AB", "NB1 4AA"),
        ("Friday 1 May 2026", "Saturday 2 May 2026", "1st May"),
        ("northbrook.gov.uk/CouncilTax", "northbrook.gov.uk/counciltax", "https://www.northbrook.gov.uk/CouncilTax/"),
        ("4001238765", "4001238766", "4001 2387 65"),
        ("(01632) 960005", "(01632) 960006", "01632 960 005"),
    ],
)
def test_one_changed_fact_is_reported_and_nothing_else(old, new, lost):
    assert old in EASY_READ_LETTER
    changed = EASY_READ_LETTER.replace(old, new)
    assert [fact.text for fact in missing_facts(SOURCE_LETTER, changed)] == [lost]


def test_facts_come_in_text_order():
    texts = [fact.text for fact in extract_facts("Call 01632 960 005 by 1 April 2026 about £5 for NB1 4AA.")]
    assert texts == ["01632 960 005", "1 April 2026", "£5", "NB1 4AA"]


def test_a_fact_never_reaches_across_another():
    assert [(fact.kind, fact.text) for fact in extract_facts("On 1 £5 April")] == [("number", "1"), ("money", "£5")]


def test_protected_spans_cover_addresses_phones_postcodes_and_codes_only():
    text = "Quote RJJOVH or CT-4471, write to NB1 4AA, call 01632 960 005, see www.northbrook.gov.uk on 1 April for £5."
    protected = [text[start:end] for start, end in protected_spans(text)]
    assert protected == ["RJJOVH", "CT-4471", "NB1 4AA", "01632 960 005", "www.northbrook.gov.uk"]
    uncued = "The COUNCIL asks RJJOVH to pay."
    assert protected_spans(uncued) == []


def test_covered_takes_facts_or_their_index():
    from easyread.language.facts import covered, index_facts

    source = extract_facts("Reply by 1 April.")[0]
    easy_read = extract_facts("Reply by Wednesday 1 April 2026.")
    assert covered(source, easy_read)
    assert covered(source, index_facts(easy_read))
    assert not covered(source, extract_facts("Reply by Thursday 2 April 2026."))


def test_half_carries_50_per_cent_only_on_the_easy_read_side():
    from easyread.language.facts import output_facts

    assert extract_facts("Half term starts on Monday.") == []
    assert "percentage:50" in {fact.key for fact in output_facts("Half of the homes pay less.")}
    assert missing_facts("50% of homes pay less.", "Half of the homes pay less.") == []


@pytest.mark.parametrize("text, found", [
    # A span of years before a colon (a title "Annual Bill 2029/30: ...") is still a span.
    ("Annual Bill 2029/30: What It Means", [("date", "2029/30")]),
    # Two full dates joined by "to" or a dash are two dates, not a span of years "2029 to 31".
    ("Period: 1 April 2029 to 31 March 2030", [("date", "1 April 2029"), ("date", "31 March 2030")]),
    ("Period: 1 April 2029 - 30 March 2030", [("date", "1 April 2029"), ("date", "30 March 2030")]),
])
def test_spans_of_years_and_ranges_of_full_dates(text, found):
    assert kinds(text) == found


def test_a_span_of_years_before_a_colon_is_kept_by_its_easy_read_form():
    assert missing_facts("Annual Bill 2029/30: What It Means", ["Your bill for 2029 to 2030"]) == []
    assert missing_facts("Period: 1 April 2029 to 31 March 2030",
                         ["It starts on Sunday 1 April 2029.", "It ends on Sunday 31 March 2030."]) == []
