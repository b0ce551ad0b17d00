"""Times of day: how to find them in text and their key, "time:HH:MM" on the 24-hour clock.

"18:30" = "6:30pm" = "6.30pm" = "6:30 pm" = "6.30 p.m."; "9am" = "9:00am" = "09:00";
"noon" = "midday" = "12 noon" = "12pm" = "12:00"; "midnight" = "12am" = "00:00".
Easy Read writes times like "2pm" or "5:30pm" (Department of Health 2010; Inclusion Europe,
"Information for all": dates and times in full); councils also write "18.30". A time with a dot and no "am"/"pm" ("18.30") is only a time
after "at", "from", "until", "till", "by" or "between", before "hrs", or in a range of two such
times ("09.00-17.00"), because "18.30" alone may be an amount. A range gives two times: in
"9am to 5pm", "9am-5pm" and "09:00-17:00" each end is found on its own; in "9 to 5pm" or
"10-11.30am" the first end takes the second's "am"/"pm", or "am" when that would put it after
the second ("11-1pm" is 11am to 1pm).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.language.fact_types import Finder, Span, spans_of

_HOUR_12 = r"(?:1[0-2]|0?[1-9])"
_HALF = r"(?P<half>(?i:[ap]\s?m\b|[ap]\.\s?m\b\.?))"  # "pm", "p m", "p.m.", but not the full stop after "9am."
_MINUTES = r"(?:[:.](?P<minute>[0-5]\d))"
_TIME_START = r"(?<![\w.:£/])"

TIME_12 = re.compile(_TIME_START + r"(?P<hour>" + _HOUR_12 + r")" + _MINUTES + r"?\s?" + _HALF + r"(?![\w])")
RANGE_12 = re.compile(
    _TIME_START + r"(?P<first>(?P<first_hour>" + _HOUR_12 + r")(?:[:.](?P<first_minute>[0-5]\d))?)"
    r"\s*(?:-|–|—|(?i:to))\s*(?=" + _HOUR_12 + r"(?:[:.][0-5]\d)?\s?(?i:[ap]\.?\s?m\b))"
)
NOON = re.compile(r"(?<![\w-])(?:12(?:[:.]00)?\s?)?(?P<word>(?i:noon|midday|mid-day|midnight))(?![\w-])")
TIME_24 = re.compile(_TIME_START + r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s?(?i:hrs|hours)\b)?(?![\w:]|[.,]\d)")
DOTTED_24 = re.compile(
    r"(?:(?<![\w-])(?i:at|from|until|till|by|between)\s+)?"
    r"(?P<time>" + _TIME_START + r"(?P<hour>[01]?\d|2[0-3])\.(?P<minute>[0-5]\d)(?P<hrs>\s?(?i:hrs|hours)\b)?)"
    r"(?!\w|[.,]\d)"
)
RANGE_24 = re.compile(
    _TIME_START + r"(?P<first>(?P<first_hour>[01]\d|2[0-3])[.:](?P<first_minute>[0-5]\d))\s*(?:-|–|—|(?i:to))\s*"
    r"(?P<last>(?P<last_hour>[01]\d|2[0-3])[.:](?P<last_minute>[0-5]\d))(?![\w]|[.,]\d)"
)


def time_key(hour: int, minute: int) -> str:
    return f"time:{hour:02d}:{minute:02d}"


def _hour_24(hour: int, half: str) -> int:
    return hour % 12 + (12 if half.lower().startswith("p") else 0)


def _time_12_key(match: re.Match[str]) -> str:
    return time_key(_hour_24(int(match.group("hour")), match.group("half")), int(match.group("minute") or 0))


def _find_12_ranges(text: str) -> Iterator[Span]:
    """The first end of "9 to 5pm" (the second is found by TIME_12)."""
    for match in RANGE_12.finditer(text):
        second = TIME_12.match(text, match.end())
        if second is None:
            continue
        last = _hour_24(int(second.group("hour")), second.group("half")) * 60 + int(second.group("minute") or 0)
        first = _hour_24(int(match.group("first_hour")), second.group("half"))
        if first * 60 > last:
            first -= 12
        yield Span(match.start("first"), match.end("first"), "time", time_key(first, int(match.group("first_minute") or 0)))


def _noon_key(match: re.Match[str]) -> str:
    return time_key(0 if match.group("word").lower() == "midnight" else 12, 0)


def _dotted_key(match: re.Match[str]) -> str | None:
    if not match.group("hrs") and match.start("time") == match.start():
        return None  # "18.30" with no "at" before it and no "hrs" after it may be an amount
    return time_key(int(match.group("hour")), int(match.group("minute")))


def _find_24_ranges(text: str) -> Iterator[Span]:
    for match in RANGE_24.finditer(text):
        for end in ("first", "last"):
            key = time_key(int(match.group(f"{end}_hour")), int(match.group(f"{end}_minute")))
            yield Span(match.start(end), match.end(end), "time", key)


FINDERS: tuple[Finder, ...] = (
    _find_24_ranges,
    _find_12_ranges,
    spans_of(TIME_12, "time", _time_12_key),
    spans_of(NOON, "time", _noon_key),
    spans_of(TIME_24, "time", lambda match: time_key(int(match.group("hour")), int(match.group("minute")))),
    spans_of(DOTTED_24, "time", _dotted_key, group="time"),
)
