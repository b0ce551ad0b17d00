"""24-hour times written the Easy Read way ("18:30" -> "6:30pm"), and the fact checks agreeing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from easyread.fidelity import missing_by_block
from easyread.language.clock import easy_read_time, with_easy_read_times
from easyread.language.facts import extract_facts, fact_keys, missing_facts


@pytest.mark.parametrize(("key", "written"), [
    ("time:18:30", "6:30pm"), ("time:09:00", "9am"), ("time:12:00", "midday"), ("time:00:00", "midnight"),
    ("time:00:15", "12:15am"), ("time:12:05", "12:05pm"), ("time:23:59", "11:59pm"), ("time:13:00", "1pm"),
])
def test_easy_read_time(key, written):
    assert easy_read_time(key) == written


def test_a_key_that_is_not_a_time_is_refused():
    with pytest.raises(ValueError):
        easy_read_time("money:750p")


@pytest.mark.parametrize(("text", "written"), [
    ("Come to the hall at 18:30.", "Come to the hall at 6:30pm."),
    ("The office opens at 09:00.", "The office opens at 9am."),
    ("We are open 09:00-17:30.", "We are open 9am to 5:30pm."),
    ("We are open 08:30 – 17:00 on weekdays.", "We are open 8:30am to 5pm on weekdays."),
    ("The hall opens at 18.30 hrs.", "The hall opens at 6:30pm."),
    ("Lunch is at 12pm.", "Lunch is at midday."),
    ("12:00 is when we close.", "Midday is when we close."),
    ("The car park shuts at 00:00.", "The car park shuts at midnight."),
    ("Come from 10:00 to 14:00.", "Come from 10am to 2pm."),
    ("Come at 6.30 p.m.", "Come at 6:30pm."),
    ("Come at 6 p.m. on Monday.", "Come at 6pm on Monday."),
    ("The bus runs from 9 to 5pm.", "The bus runs from 9am to 5pm."),
    ("Open 9:00am - 5:00pm.", "Open 9am to 5pm."),
])
def test_times_are_written_the_easy_read_way(text, written):
    assert with_easy_read_times(text) == written


@pytest.mark.parametrize("text", [
    "The meeting starts at 2:30.",  # 2:30pm in a letter: no am or pm, so it stays as written
    "Doors open at 7.30 on Friday.",
    "It costs £18.30 a month.",
    "It was 18.30 on the scale.",
    "The score was 3:10 in the end.",
    "Read Psalm 23 and verse 11:5 is short.",
    "Open from 10:30 to 11:00.",
    "Lunch is at 12 noon or at noon, and we close at midnight.",  # already words: the author's
    "There are no times here at all.",
    'The notice said "doors open at 18:30 sharp" last year.',  # a quotation stays exact
])
def test_a_time_that_may_be_either_half_of_the_day_or_is_not_a_time_stays(text):
    assert with_easy_read_times(text) == text


def test_writing_twice_changes_nothing_more():
    text = "Open 08:30-17:00, and at 12:00 on Saturday. Closes at 00:00."
    once = with_easy_read_times(text)
    assert once == "Open 8:30am to 5pm, and at midday on Saturday. Closes at midnight."
    assert with_easy_read_times(once) == once


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["at {}", "at {} hrs", "{}"]))
def test_the_fact_is_the_same_after_writing(hour, minute, shape):
    text = "The hall opens " + shape.format(f"{hour:02d}:{minute:02d}") + " on Friday."
    written = with_easy_read_times(text)
    assert fact_keys(written) == fact_keys(text)
    if hour in (10, 11) and "hrs" not in shape:  # "10:30" may be 10:30pm in a letter with no "pm": it stays
        assert written == text
    else:  # a leading zero, an hour of 12 or more or "hrs" is plainly the 24-hour clock
        assert written == "The hall opens " + shape.format(easy_read_time(f"time:{hour:02d}:{minute:02d}")).replace(
            " hrs", "") + " on Friday."


@pytest.mark.parametrize(("twenty_four", "easy"), [
    ("18:30", "6:30pm"), ("09:00", "9am"), ("12:00", "midday"), ("00:00", "midnight"), ("07:45", "7:45am"),
])
def test_the_fact_checks_count_both_forms_as_one_fact_both_ways(twenty_four, easy):
    source, output = f"The library opens at {twenty_four} on Monday.", f"The library opens at {easy} on Monday."
    assert [fact.kind for fact in extract_facts(source)] == ["time"]
    assert missing_facts(source, output) == []
    assert missing_facts(output, source) == []
    assert missing_facts(source, "The library opens on Monday.") != []  # a dropped time is still caught


def test_a_converted_document_says_6_30pm_and_loses_no_fact(tmp_path):
    from easyread.backends import get_backend
    from easyread.pipeline import simplify_document
    from easyread.readers import read_document

    source_file = tmp_path / "meeting.txt"
    source_file.write_text(
        "Residents meeting\n\nThe residents meeting starts at 18:30 in the Ashdown Room.\n\n"
        "The office is open 09:00-17:00 on weekdays.\n", encoding="utf-8")
    source = read_document(source_file)
    document = simplify_document(source, get_backend("rules"))
    said = " ".join(item.sentence for item in document.items())
    assert "6:30pm" in said and "18:30" not in said
    assert "9am to 5pm" in said and "09:00" not in said
    assert missing_by_block(source, document) == []


def test_write_times_rewrites_items_and_headings_but_not_text_kept_in_another_language():
    from easyread.language.clock import write_times
    from easyread.model import EasyReadDocument, EasySection, Item
    from easyread.not_english import NOT_ENGLISH_FLAG

    english = Item("The tip opens at 08:00.", "a tip")
    other = Item("Рабочие придут в 09:00.", "workers", flags=[NOT_ENGLISH_FLAG])
    opening = Item("Come at 18:30.", "a clock")
    document = EasyReadDocument(title="Tip", source_name="tip.txt", opening=[opening],
                                sections=[EasySection("Open 08:00-16:00", [english, other])])
    write_times(document)
    assert english.sentence == "The tip opens at 8am."
    assert opening.sentence == "Come at 6:30pm."
    assert document.sections[0].heading == "Open 8am to 4pm"
    assert other.sentence == "Рабочие придут в 09:00."  # kept as written: "am" is English
