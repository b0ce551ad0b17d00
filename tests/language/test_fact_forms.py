"""Each fact in each of its forms has one key; near misses have different keys.

Table-driven: SAME pairs must give the same keys both ways; COVERED pairs are a source fact and
an Easy Read form that carries it (one way only); NEAR_MISSES must be reported as lost.
"""

import pytest

from easyread.language.facts import extract_facts, fact_keys, missing_facts

SAME = [
    # money
    ("£1,987.45", "£1987.45"),
    ("£70.00", "£70"),
    ("£3.4 million", "£3,400,000"),
    ("£3.4m", "£3,400,000"),
    ("£1.2bn", "£1,200,000,000"),
    ("50p", "£0.50"),
    ("50 pence", "50p"),
    # numbers
    ("2,300 homes", "2300 homes"),
    ("3.4 million people", "3,400,000 people"),
    ("Account 4001 2387 65.", "Account 4001238765."),
    ("Account 4001 2387 65.", "Account 4001-2387-65."),
    # dates
    ("1st April", "1 April"),
    ("1 April", "April 1st"),
    ("the 1st of April", "1 April"),
    ("Wednesday 1 April 2026", "1 April 2026"),
    ("Wed 1 Apr 2026", "1 April 2026"),
    ("01/04/2026", "1 April 2026"),
    ("1.4.2026", "1 April 2026"),
    ("1-4-2026", "1 April 2026"),
    ("2026-04-01", "1 April 2026"),
    ("01/04/26", "1 April 2026"),
    ("April 1st, 2026", "1 April 2026"),
    ("1 APRIL 2026", "1 April 2026"),
    ("1 April, 2026", "1 April 2026"),
    ("May 2026", "May, 2026"),
    ("2026/27", "2026-27"),
    ("2026/27", "2026 to 2027"),
    ("2026/27", "2026/2027"),
    ("2026/27", "2026-2027"),
    ("1-28 February 2026", "1st to 28th February 2026"),
    ("Monday 1 to Friday 5 June", "1-5 June"),
    # times
    ("18:30", "6:30pm"),
    ("18:30", "6.30pm"),
    ("18:30", "6:30 pm"),
    ("18:30", "6.30 p.m."),
    ("at 18.30", "6:30pm"),
    ("18.30hrs", "6:30pm"),
    ("noon", "12:00"),
    ("midday", "12pm"),
    ("12 noon", "12:00"),
    ("midnight", "00:00"),
    ("midnight", "12am"),
    ("9am", "9:00am"),
    ("9am", "09:00"),
    ("9 AM", "9am"),
    ("9am to 5pm", "09:00-17:00"),
    ("9am-5pm", "9:00 to 17:00"),
    ("9 to 5pm", "9am to 5pm"),
    ("11-1pm", "11am to 1pm"),
    ("10-11.30am", "10am to 11:30am"),
    # percentages and their Easy Read forms
    ("25%", "25 per cent"),
    ("25%", "25 percent"),
    ("25%", "25 out of 100"),
    ("25%", "25 out of every 100"),
    ("25%", "25 in every 100"),
    ("25%", "1 in 4"),
    ("25%", "1 out of 4"),
    ("26.89%", "26.890 per cent"),
    ("1 in 3", "1 out of 3"),
    # phones
    ("Tel. 01632 960 005", "(01632) 960005"),
    ("Tel. 01632 960 005", "+44 1632 960005"),
    ("Tel. 01632 960 005", "+44 (0)1632 960005"),
    ("Call 07700 900123", "Call 07700900123"),
    ("Call 0300 123 4567", "Call 03001234567"),
    # emails and web addresses
    ("Tax@Northbrook.gov.uk", "tax@northbrook.gov.uk"),
    ("https://www.northbrook.gov.uk/bins/", "northbrook.gov.uk/bins"),
    ("http://Northbrook.gov.uk/bins", "www.northbrook.gov.uk/bins"),
    # postcodes
    ("NB1 4AA", "NB14AA"),
    ("nb1 4aa", "NB1 4AA"),
    # reference codes
    ("Ref CT-4471", "Quote CT-4471"),
    ("the A48/A466", "the A48 and the A466"),
]

COVERED = [
    ("By 1 April.", "By Wednesday 1 April 2026."),
    ("By 6th April.", "By Monday 6 April 2026."),
    ("In May 2026.", "On Friday 1 May 2026."),
    ("For 2026/27.", "From April 2026 to March 2027."),
    ("For 2026/27.", "For 2026 and 2027."),
    ("In 2026.", "In April 2026."),
    ("Runs 1-3 April 2026.", "Runs from Wednesday 1 April 2026 to Friday 3 April 2026."),
    ("Runs 1-3 April.", "Runs from 1 April 2026 to 3 April 2026."),
    ("Open on 1 April 2026.", "Open 1-3 April 2026."),
    ("Half of the homes (50%).", "Half of the homes."),
    ("Account 4001 2387 65.", "Account 4001, 2387 and 65."),
    ("Your booking reference is RJJOVH.", "RJJOVH is your booking reference."),
]

NEAR_MISSES = [
    ("Due 1 April 2026.", "Due 2 April 2026.", "1 April 2026"),
    ("Due 1 April 2026.", "Due 1 April 2027.", "1 April 2026"),
    ("Due 1 April 2026.", "Due 1 April.", "1 April 2026"),
    ("Due 01/04/2026.", "Due 4 January 2026.", "01/04/2026"),
    ("In May 2026.", "In June 2026.", "May 2026"),
    ("In May 2026.", "On 1 May 2027.", "May 2026"),
    ("For 2026/27.", "For 2026.", "2026/27"),
    ("For 2026/27.", "For 2026/28.", "2026/27"),
    ("Runs 1-3 April 2026.", "Runs 1-4 April 2026.", "1-3 April 2026"),
    ("Runs 1-3 April 2026.", "Runs from 1 April 2026.", "1-3 April 2026"),
    ("Pay £52.", "Pay £25.", "£52"),
    ("Pay £70.50.", "Pay £70.", "£70.50"),
    ("Pay £3.4m.", "Pay £3.4.", "£3.4m"),
    ("Pay 50p.", "Pay £50.", "50p"),
    ("At 9am.", "At 9pm.", "9am"),
    ("At 18:30.", "At 6:30am.", "18:30"),
    ("25% said yes.", "1 in 5 said yes.", "25%"),
    ("25% said yes.", "25 out of 1000 said yes.", "25%"),
    ("1 in 3 said yes.", "33% said yes.", "1 in 3"),
    ("Account 4001 2387 65.", "Account 4001 2387 66.", "4001 2387 65"),
    ("Call 01632 960 123.", "Call 01632 960 124.", "01632 960 123"),
    ("Email tax@northbrook.gov.uk", "Email tax@northbrook.org.uk", "tax@northbrook.gov.uk"),
    ("See northbrook.gov.uk/Bins", "See northbrook.gov.uk/bins", "northbrook.gov.uk/Bins"),
    ("Write to NB1 4AA.", "Write to NB1 4AB.", "NB1 4AA"),
    ("Write to NB1 4AA.", "Write to NB14 4AA.", "NB1 4AA"),
    ("Write to NB1 4AA.", "Quote NB1-4AA.", "NB1 4AA"),
    ("Your booking reference is RJJOVH.", "Your booking reference is Rjjovh.", "RJJOVH"),
    ("Quote CT-4471.", "Quote CT 4471.", "CT-4471"),
    ("Quote 24/01234/FUL.", "Quote 24/01234/ful.", "24/01234/FUL"),
    ("Use the A466.", "Use the A46.", "A466"),
    ("In 28 days.", "Soon.", "28"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_forms_of_one_fact_have_one_key(one, other):
    assert fact_keys(one), f"no fact found in {one!r}"
    assert fact_keys(one) == fact_keys(other)
    assert missing_facts(one, other) == []
    assert missing_facts(other, one) == []


@pytest.mark.parametrize(("source", "easy_read"), COVERED)
def test_an_easy_read_form_carries_the_source_fact(source, easy_read):
    assert extract_facts(source)
    assert missing_facts(source, easy_read) == []


@pytest.mark.parametrize(("source", "easy_read", "lost"), NEAR_MISSES)
def test_a_near_miss_is_reported_as_lost(source, easy_read, lost):
    assert [fact.text for fact in missing_facts(source, easy_read)] == [lost]


@pytest.mark.parametrize(
    ("text", "kind", "fact_text"),
    [
        ("Write to NB1 4AA.", "postcode", "NB1 4AA"),
        ("Quote 24/01234/FUL.", "code", "24/01234/FUL"),
        ("Quote NB/2026/0042.", "code", "NB/2026/0042"),
        ("Quote CT-4471.", "code", "CT-4471"),
        ("Take the A466.", "code", "A466"),
        ("DOCUMENT REF RJJOVH", "code", "RJJOVH"),
        ("Your booking reference is RJJOVH.", "code", "RJJOVH"),
        ("Account 4001 2387 65.", "number", "4001 2387 65"),
        ("For 2026/27.", "date", "2026/27"),
        ("In May 2026.", "date", "May 2026"),
        ("Runs 1-28 February 2026.", "date", "1-28 February 2026"),
    ],
)
def test_each_kind_is_found_whole(text, kind, fact_text):
    assert [(fact.kind, fact.text) for fact in extract_facts(text)] == [(kind, fact_text)]


@pytest.mark.parametrize(
    "text",
    [
        "The COUNCIL NOTICE is about the NHS, BSL and GDPR.",  # words in capitals and acronyms
        "Candidates: ZYGADLLO Geoff, STRENSALL ward.",  # names in capitals, no cue
        "Ref NHS",  # a known acronym after a cue
        "Reference NOTICE",  # a word after a cue
        "Customer number:\nABCDE Plan",  # a form's label, then the next label on its own line
        "On Wednesday we meet.",  # a day name alone
        "In April we meet.",  # a month alone
        "Step may take long.",  # the verb "may"
        "It is 10th in line and 30mph.",  # ordinals and units are not codes
        "COVID-19 and Covid-19 rules",  # a word with a number is not a code
        "Answer Q1 and Q26.",  # question numbers, like section numbers, are not facts
        "Half term starts soon.",  # "half" is not a fact of a source
    ],
)
def test_things_that_are_not_codes_dates_or_postcodes(text):
    assert {fact.kind for fact in extract_facts(text)} <= {"number"}


@pytest.mark.parametrize("text", ["31/02/2026", "30 February 2026", "31 June", "2026-13-01", "29/02/2027"])
def test_impossible_dates_are_not_dates(text):
    assert "date" not in {fact.kind for fact in extract_facts(text)}


@pytest.mark.parametrize("code", ["CT-4471", "A466", "B4293", "24/01234/FUL", "NB/2026/0042", "AB-1672", "SW1A-1AA"])
def test_codes_are_not_postcodes(code):
    assert [fact.kind for fact in extract_facts(f"Quote {code} please.")] == ["code"]


def test_a_postcode_is_read_in_one_case_only():
    assert "postcode" not in {fact.kind for fact in extract_facts("Take the M4 5th exit.")}
    assert "postcode" not in {fact.kind for fact in extract_facts("Write to Nb1 4aA.")}


def test_29_february_without_a_year_is_a_date():
    assert fact_keys("29 February") == {"date:--02-29"}


def test_section_numbers_in_headings_are_not_facts():
    from easyread.language.headings import without_heading_number

    assert fact_keys(without_heading_number("4.1 The assessment process")) == set()
