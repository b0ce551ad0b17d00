"""Properties of facts over generated inputs: any date, time, amount or percentage written in any
of its forms has one key; finding never overlaps and never fails on odd text."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.language.facts import extract_facts, fact_keys, fact_spans, missing_facts

MONTHS = "January February March April May June July August September October November December".split()
SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_forms(when: date) -> list[str]:
    d, m, y = when.day, when.month, when.year
    name, short = MONTHS[m - 1], SHORT[m - 1]
    return [
        f"{d} {name} {y}", f"{ordinal(d)} {name} {y}", f"{name} {ordinal(d)}, {y}", f"{name} {d} {y}",
        f"the {ordinal(d)} of {name} {y}", f"{when:%A} {d} {name} {y}", f"{when:%a} {d} {short} {y}",
        f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}", f"{d}.{m}.{y}", f"{d}-{m}-{y}", f"{y}-{m:02d}-{d:02d}",
        f"{d} {name.upper()} {y}",
    ]


@settings(deadline=None)  # the first example loads phonenumbers and wordfreq
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)), st.data())
def test_any_date_in_any_form_has_one_key(when, data):
    form = data.draw(st.sampled_from(date_forms(when)))
    assert fact_keys(f"Please reply by {form}.") == {f"date:{when:%Y-%m-%d}"}


@settings(deadline=None)  # the first example loads phonenumbers and wordfreq
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.data())
def test_a_date_without_its_year_is_carried_by_the_full_date(when, data):
    name = MONTHS[when.month - 1]
    source = data.draw(st.sampled_from([f"{when.day} {name}", f"{ordinal(when.day)} {name}", f"{name} {ordinal(when.day)}"]))
    assert missing_facts(f"Reply by {source}.", f"Reply by {when:%A} {when.day} {name} {when.year}.") == []
    other = date(when.year, when.month % 12 + 1, 1)
    assert len(missing_facts(f"Reply by {source}.", f"Reply by {other:%A} 1 {MONTHS[other.month - 1]} {other.year}.")) == 1


@settings(deadline=None)  # the first example loads phonenumbers and wordfreq
@given(st.integers(0, 23), st.integers(0, 59))
def test_any_time_in_12_and_24_hour_forms_has_one_key(hour, minute):
    half = "am" if hour < 12 else "pm"
    hour_12 = hour % 12 or 12
    twelve = f"{hour_12}:{minute:02d}{half}" if minute else f"{hour_12}{half}"
    key = {f"time:{hour:02d}:{minute:02d}"}
    assert fact_keys(f"Open at {twelve}.") == key
    assert fact_keys(f"Open at {hour:02d}:{minute:02d}.") == key
    assert fact_keys(f"Open at {hour_12}.{minute:02d} {half[0]}.m. today") == key


@settings(deadline=None)  # the first example loads phonenumbers and wordfreq
@given(st.integers(1, 99_999_999), st.sampled_from(["", "0", "5", "05", "50", "99"]))
def test_money_with_and_without_thousands_commas_has_one_key(pounds, pence):
    decimals = f".{pence}" if pence else ""
    assert fact_keys(f"Pay £{pounds:,}{decimals} now") == fact_keys(f"Pay £{pounds}{decimals} now")
    assert len(fact_keys(f"Pay £{pounds:,}{decimals} now")) == 1


@settings(deadline=None)  # the first example loads phonenumbers and wordfreq
@given(st.integers(1, 99), st.integers(2, 10))
def test_a_proportion_and_its_percentage_have_one_key(part, whole):
    if part >= whole:
        return
    percent = part * 100 / whole
    if percent != int(percent):
        return
    assert fact_keys(f"{part} in {whole} people") == fact_keys(f"{int(percent)}% of people")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 ./-:£%ampAPMRJOVHNB,()+@wx\n", max_size=80))
def test_facts_never_overlap_and_their_text_is_where_they_were_found(text):
    spans = fact_spans(text)
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.end <= after.start
    assert [fact.text for fact in extract_facts(text)] == [text[span.start : span.end] for span in spans]
    assert all(fact.text == fact.text.strip() and fact.text for fact in extract_facts(text))
