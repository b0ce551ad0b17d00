"""Times of day: how to find them in text, their key ("time:HH:MM" on the 24-hour clock), and how
Easy Read writes them.

"18:30" = "6:30pm" = "6.30pm" = "6:30 pm" = "6.30 p.m."; "9am" = "9:00am" = "09:00";
"noon" = "midday" = "12 noon" = "12pm" = "12:00"; "midnight" = "12am" = "00:00".
Easy Read writes times like "2pm" or "5:30pm" (Department of Health 2010; Inclusion Europe,
"Information for all": dates and times in full); councils also write "18.30". A time with a dot and no "am"/"pm" ("18.30") is only a time
after "at", "from", "until", "till", "by" or "between", before "hrs", or in a range of two such
times ("09.00-17.00"), because "18.30" alone may be an amount. A range gives two times: in
"9am to 5pm", "9am-5pm" and "09:00-17:00" each end is found on its own; in "9 to 5pm" or
"10-11.30am" the first end takes the second's "am"/"pm", or "am" when that would put it after
the second ("11-1pm" is 11am to 1pm).

Easy Read writes every time on the 12-hour clock as GOV.UK's style guide does ("A to Z of GOV.UK
style", Times: "5:30pm, not 1730hrs; midnight, not 00:00; midday, not 12 noon or 12pm"; "5pm, not 5:00pm";
"use 'to' in time ranges, not hyphens"): "18:30" -> "6:30pm", "09:00" -> "9am", "12:00" ->
"midday", "00:00" -> "midnight", "09:00-17:00" -> "9am to 5pm" (`with_easy_read_times`). The key
is unchanged, so the fact checks count "6:30pm" as the same fact as "18:30". A time with no
"am"/"pm" is rewritten only when it is plainly on the 24-hour clock (a leading zero, an hour of 13
or more, "hrs", an hour of 12, or the other end of its range is): "at 2:30" or "doors at 7.30" may mean
the afternoon or evening, and stays as written. A time already in words ("noon", "12 noon",
"midnight") is the author's and stays too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from easyread.language.fact_types import Finder, Span, spans_of

if TYPE_CHECKING:
    from easyread.model import EasyReadDocument

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

TIME_KEY = re.compile(r"time:(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)")
_RANGE_JOIN = re.compile(r"\s*[-–—]\s*")  # "9am-5pm", "09:00 – 17:00": written "to"
_SENTENCE_START = re.compile(r"\s+[A-Z]")


def easy_read_time(key: str) -> str:
    """The Easy Read way to write the time of `key` ("time:HH:MM"): "time:18:30" -> "6:30pm",
    "time:09:00" -> "9am", "time:12:00" -> "midday", "time:00:00" -> "midnight", "time:00:15" ->
    "12:15am" (GOV.UK style guide, Times). Raises ValueError for a key that is not a time's."""
    match = TIME_KEY.fullmatch(key)
    if match is None:
        raise ValueError(f"not a time key: {key!r}")
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "midday"
    shown = f"{hour % 12 or 12}" + (f":{minute:02d}" if minute else "")
    return shown + ("am" if hour < 12 else "pm")


def with_easy_read_times(text: str) -> str:
    """`text` with every time of day (as `language.facts` finds them: "18:30", "at 18.30", "6.30
    p.m.", "12 noon") written the Easy Read way (`easy_read_time`), and a dash between two times
    written "to". Nothing else changes; a time's key, so the fact it is, stays the same. A time
inside a quotation (`protect.quotation_spans`) stays as written: quotes stay exact.

    "Open 09:00-17:30." -> "Open 9am to 5:30pm."  Time: linear in len(text).
    """
    from easyread.language.facts import fact_spans  # facts imports this module
    from easyread.language.protect import quotation_spans

    quoted = quotation_spans(text)  # someone's own words stay exact, their times too
    times = [span for span in fact_spans(text) if span.kind == "time"
             and not any(start <= span.start and span.end <= end for start, end in quoted)]
    if not times:
        return text
    plain = [_is_plain(text, times, number) for number in range(len(times))]
    out: list[str] = []
    position = 0
    for number, span in enumerate(times):
        original = text[span.start : span.end]
        if not plain[number] or _WORD.search(original):
            continue  # left as written: the text before it is copied with the next time or at the end
        between = text[position : span.start]
        if number and plain[number - 1] and times[number - 1].end == position and _RANGE_JOIN.fullmatch(between):
            between = " to "
        out.append(between)
        written = easy_read_time(span.key)
        if original.endswith(".") and not written.endswith(".") and _ends_sentence(text, span.end):
            written += "."  # "at 6 p.m." ending a sentence keeps its full stop
        if not text[: span.start].strip() or text[: span.start].rstrip().endswith((".", "!", "?")):
            written = written[0].upper() + written[1:]  # "Midday is ..." starts a sentence
        out.append(written)
        position = span.end
    out.append(text[position:])
    return "".join(out)


_WORD = re.compile(r"(?i)noon|midday|mid-day|midnight")  # already words: kept as written ("12 noon" too)
_TWELVE_HOUR = re.compile(r"(?i)[ap]\.?\s?m\b|noon|midday|mid-day|midnight")
_CLEAR_24 = re.compile(r"(?i)(?:0\d|1[2-9]|2[0-3])[:.][0-5]\d|.*\b(?:hrs|hours)$")  # 12:30 is 12:30pm either way


def _is_plain(text: str, times: list[Span], number: int) -> bool:
    """Whether the time `times[number]` of `text` says plainly which time of day it is: it has
    "am"/"pm" or is a word (noon, midnight), it is plainly 24-hour (`_CLEAR_24`), or it is one end
    of a range ("9 to 5pm", "10:00-16:00") whose other end is."""

    def alone(index: int) -> bool:
        written = text[times[index].start : times[index].end]
        return bool(_TWELVE_HOUR.search(written) or _CLEAR_24.fullmatch(written))

    if alone(number):
        return True
    ranged = [other for other in (number - 1, number + 1) if 0 <= other < len(times)]
    for other in ranged:
        first, last = sorted((number, other))
        joined = text[times[first].end : times[last].start]
        if (_RANGE_JOIN.fullmatch(joined) or joined.strip().lower() == "to") and alone(other):
            return True
    return False


def _ends_sentence(text: str, end: int) -> bool:
    return end == len(text) or _SENTENCE_START.match(text, end) is not None


def write_times(document: EasyReadDocument) -> None:
    """Write the times of every item (the opening's too) and heading of `document` the Easy Read
    way (`with_easy_read_times`), in place. The one place this happens for every backend. An item
    flagged not-english is kept as written ("pm" is English)."""
    from easyread.not_english import NOT_ENGLISH_FLAG

    for item in [*document.opening, *document.items()]:
        if NOT_ENGLISH_FLAG not in item.flags:
            item.sentence = with_easy_read_times(item.sentence)
    for section in document.sections:
        section.heading = with_easy_read_times(section.heading)
