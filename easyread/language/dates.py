"""Dates, months of a year and spans of years: how to find them in text and their keys.

Every written form of one date has one key, in ISO 8601 shape:
- a full date "date:2026-04-01": "1st April 2026", "1 April 2026", "April 1st, 2026",
  "the 1st of April 2026", "Wednesday 1 April 2026", "Wed 1 Apr 2026", "01/04/2026", "1.4.2026",
  "1-4-2026", "2026-04-01", and "01/04/26" (a two-digit year only with "/");
- a date without a year "date:--04-01" (ISO 8601's month-day form): "1 April", "1st April";
- a month of a year "date:2026-05": "May 2026";
- a span of years "date:2026/2027" (ISO 8601's interval form): "2026/27", "2026-27", "2026/2027",
  "2026 to 2027";
- a range of days in one month "date:2026-02-01/2026-02-28": "1-28 February 2026", "1st to 28th
  February 2026" (without a year: "date:--02-01/--02-28").
Numeric dates are read in UK order, day then month (GOV.UK style guide: "dates"). A day name is
part of the date it stands before, and is not checked against it; a day name alone, or a month
alone, is not a fact. Impossible dates ("31/02/2026", "30 February") are not dates. A month name
only counts with a capital letter ("May", "MAY"), so the verb "may" in "step 1 may take" is not
a date. Easy Read writes dates in full ("Tuesday 3 June 2025": Department of Health 2010); how one
date form covers another (a date without a year, a month, a span of years) is in fact_cover.
"""

from __future__ import annotations

import re
from datetime import date

from easyread.language.fact_types import Finder, spans_of

MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_FULL_NAMES = {name.lower() for name in MONTH_NAMES}
_MONTH = (  # "April", "APRIL", "Apr", "Apr." (a full stop only after a short form: "10th November." ends a sentence)
    r"(?P<month>"
    + "|".join(
        re.escape(form) + ("" if name in _MONTH_FULL_NAMES else r"\.?")
        for name in sorted(MONTHS, key=len, reverse=True)
        for form in (name.title(), name.upper())
    )
    + ")"
)
_DAY_NAME = r"(?:(?i:mon|tues?|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?i:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?i:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

DATE_ISO = re.compile(r"(?<![\w/.-])" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w/-]|\.\d)")
DATE_NUMERIC = re.compile(
    r"(?<![\w/.:-])(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)\d{2}|(?<=/)\d{2})(?![\w/-]|\.\d)"
)
DATE_DMY = re.compile(
    r"(?<![\w.,/:-])" + _DAY_NAME + _DAY + r"(?:\s+(?i:of))?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?(?![\w/-])"
)
DATE_MDY = re.compile(
    r"(?<![\w.,/:-])" + _DAY_NAME + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?(?![\w/:-]|[.,]\d)"
)
DAY_RANGE = re.compile(
    r"(?<![\w.,/:-])" + _DAY_NAME + r"(?P<first>[0-3]?\d)(?i:st|nd|rd|th)?\s*(?:-|–|—|\s(?i:to)\s)\s*"
    + _DAY_NAME + _DAY + r"(?:\s+(?i:of))?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?(?![\w/-])"
)
MONTH_YEAR = re.compile(r"(?<![\w.,/:-])" + _MONTH + r",?\s+" + _YEAR + r"(?![\w/-]|[.,]\d)")
YEAR_SPAN = re.compile(
    r"(?<![\w.,/:-])(?P<first>(?:19|20)\d{2})\s*(?P<join>/|-|–|—|\s(?i:to)\s)\s*(?P<last>(?:19|20)\d{2}|\d{2})"
    r"(?![\w/-]|[.,:]\d)"  # "2026/27:" is a span; "2026-27:30" and "2026/27.5" are not
)
_MONTH_AFTER = re.compile(r"\s*" + _MONTH.replace("(?P<month>", "(?:") + r"(?![\w])")


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def date_key(day: int, month: int, year: int | None) -> str | None:
    """ "date:2026-04-01", or "date:--04-01" without a year; None for an impossible date."""
    try:
        date(year or 2000, month, day)  # 2000 is a leap year, so 29 February passes without a year
    except ValueError:
        return None
    return f"date:{year:04d}-{month:02d}-{day:02d}" if year else f"date:--{month:02d}-{day:02d}"


def _key(match: re.Match[str]) -> str | None:
    year_text = match.group("year")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    return date_key(int(match.group("day")), _month_number(match.group("month")), year)


_DAY_BEFORE = re.compile(r"\d(?i:st|nd|rd|th)?(?:\s+(?i:of))?\s+$")


def _range_key(match: re.Match[str]) -> str | None:
    last = _key(match)
    first_day, last_day = int(match.group("first")), int(match.group("day"))
    if last is None or first_day >= last_day:
        return None
    first = date_key(first_day, _month_number(match.group("month")), int(last[5:9]) if last[5] != "-" else None)
    return None if first is None else f"{first}/{last.removeprefix('date:')}"


def _month_year_key(match: re.Match[str]) -> str | None:
    if _DAY_BEFORE.search(match.string, max(0, match.start() - 12), match.start()):
        return None  # "February 2026" of "30 February 2026", an impossible date, is not a month either
    return f"date:{match.group('year')}-{_month_number(match.group('month')):02d}"


def _year_span_key(match: re.Match[str]) -> str | None:
    """ "date:2026/2027" for a span of years. Two digits after "to", or before a month name, are a
    day, not a year: "1 April 2026 to 31 March 2027" and "2026 - 31 March" hold no span."""
    first = int(match.group("first"))
    last_text = match.group("last")
    if len(last_text) == 2 and ("to" in match.group("join").lower() or _MONTH_AFTER.match(match.string, match.end())):
        return None
    last = first // 100 * 100 + int(last_text) if len(last_text) == 2 else int(last_text)
    return f"date:{first}/{last}" if first < last <= first + 10 else None


FINDERS: tuple[Finder, ...] = (
    spans_of(DATE_ISO, "date", _key),
    spans_of(DATE_NUMERIC, "date", _key),
    spans_of(YEAR_SPAN, "date", _year_span_key),
    spans_of(DAY_RANGE, "date", _range_key),
    spans_of(DATE_DMY, "date", _key),
    spans_of(DATE_MDY, "date", _key),
    spans_of(MONTH_YEAR, "date", _month_year_key),
)
