"""Facts an Easy Read version adds that its source never had (easyread.language.invented).

Invented wording and facts; phone numbers from Ofcom's drama range. A false alarm is a bug, so
half of these tests are good rewrites that must raise nothing."""

from __future__ import annotations

import pytest

from easyread.language.invented import invented_facts


def texts(facts) -> list[str]:
    return [fact.text for fact in facts]


@pytest.mark.parametrize(("source", "easy_read"), [
    # the forms the system prompt asks for
    ("Your charge for 2025/26 is set out below.", "Your charge is for 2025 to 2026."),
    ("Your charge for 2025/26 is set out below.", "This is for April 2025 to March 2026."),
    ("Homes get a 30% reduction.", "You pay 30 out of every 100 pounds less."),
    ("The hall reopens in March 2027.", "The hall opens again in March 2027."),
    ("The hall reopens on 03/03/2027 at 10:00.", "The hall opens again on Wednesday 3 March 2027 at 10am."),
    # a date in full for a month the source names, and a year added to a day and month
    ("The hall reopens in March 2027.", "The hall opens again on Monday 1 March 2027."),
    ("Send the form back by 14 August.", "Send the form back by Friday 14 August 2026."),
    # the two ends of a range, each as a date
    ("The survey runs 2-20 October 2026.", "It starts on Friday 2 October 2026. It ends on Tuesday 20 October 2026."),
    # amounts and times from number words and plain numbers
    ("The permit costs forty pounds.", "The permit costs £40."),
    ("The desk is open 8 till 4.", "The desk is open from 8am to 4pm."),
    ("The desk shuts at noon.", "The desk shuts at 12pm."),
    # plain numbers, proportions and codes the writer makes are not checked
    ("We shut from 21/12/2026 to 04/01/2027.", "We shut for 2 weeks."),
    ("You can pay online, by phone or by post.", "There are 3 ways to pay."),
    ("Two thirds of people said yes.", "2 out of 3 people said yes."),
    ("Post it in a large envelope.", "Use an A4 envelope."),
    # contact details copied as written, or in another layout of the same number
    ("Ring (01632) 960457 or write to help@example.org.", "Phone 01632 960457. Email help@example.org."),
])
def test_good_rewrites_invent_nothing(source, easy_read):
    assert invented_facts(source, easy_read) == []


@pytest.mark.parametrize(("source", "easy_read", "invented"), [
    # the worked example's dates and amount copied into another letter
    ("Bins are emptied on 15 June 2026.", "We stop on Monday 21 December 2026. It costs £47.",
     ["Monday 21 December 2026", "£47"]),
    ("The permit costs £96 a year.", "That is £8 a month.", ["£8"]),  # worked out: not the council's figure
    ("Ring 01632 960457.", "Ring 01632 960458.", ["01632 960458"]),
    ("Write to us.", "Email us at help@example.org or visit www.example.org.", ["help@example.org", "www.example.org"]),
    ("The desk is open from 9am.", "The desk is open from 9am to 6:30pm.", ["6:30pm"]),
    ("Your charge for 2025/26 is set out below.", "Your charge is for 2026 to 2027.", ["2026 to 2027"]),
    ("Send the form back by 14 August 2026.", "Send the form back by Saturday 15 August 2026.", ["Saturday 15 August 2026"]),
    ("Write to 4 Mill Lane, Exampleton.", "Write to 4 Mill Lane, Exampleton EX1 4AB.", ["EX1 4AB"]),
])
def test_facts_the_source_never_gave_are_found(source, easy_read, invented):
    assert texts(invented_facts(source, easy_read)) == invented


def test_each_invented_fact_is_named_once_and_sources_may_be_lists():
    found = invented_facts(["Bins go out on Monday.", "Call 01632 960457."],
                           ["It costs £47.", "Yes, £47 a year.", "Call 01632 960457."])
    assert texts(found) == ["£47"]
