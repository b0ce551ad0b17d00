"""Phone numbers: found in text and compared as E.164 ("phone:+441632960005") with phonenumbers.

"Tel. 01632 960 005", "(01632) 960005", "01632 960005" and "+44 (0)1632 960005" are one number.
A phone number starts with "+" or "0" (UK national numbers begin with the trunk prefix 0; others
are written with "+" or "00"). It counts when libphonenumber calls it valid, or when it is a
possible UK number: Ofcom keeps ranges for drama and examples, such as 01632 960000-960999 and
07700 900000-900999, that are possible but never valid, and they are still phone numbers.

How it stays linear: runs of digit groups ("01632 960 005. 2") are found with one regex, then
each run is cut into numbers from the left, trying at most 5 groups and 15 digits (E.164's
longest) at each group, longest first. Parsing is cached, so a number repeated in a long
document is parsed once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from easyread.language.fact_types import Span

_RUN = re.compile(r"(?<![\w+])(?:\(?\+|\()?\d+(?:[ \t.()-]{1,3}\d+)*")
_GROUP = re.compile(r"\d+")
MAX_GROUPS = 5  # "+44 (0) 1632 960 005" has five
MIN_DIGITS = 9  # fewer cannot be a UK number, even a short one such as 0800 1111
MAX_DIGITS = 15  # E.164


@cache
def _phonenumbers():  # type: ignore[no-untyped-def]
    import phonenumbers

    return phonenumbers


@lru_cache(maxsize=4096)
def phone_key(text: str) -> str | None:
    """ "(01632) 960005" -> "phone:+441632960005"; None when `text` is not a phone number."""
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number) or (number.country_code == 44 and phonenumbers.is_possible_number(number)):
        return "phone:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _start(text: str, run_start: int, group_start: int) -> int:
    """Where a number that begins with the group at `group_start` starts: with its "+" or "(", if any."""
    start = group_start
    while start > run_start and text[start - 1] in "+(":
        start -= 1
    return start


def find_phones(text: str) -> Iterator[Span]:
    """The phone numbers of `text`, each a Span of kind "phone"."""
    for run in _RUN.finditer(text):
        groups = [(m.start() + run.start(), m.end() + run.start()) for m in _GROUP.finditer(run.group(0))]
        digits_before = [0]  # digits_before[i]: how many digits the groups before group i hold
        for begin, end in groups:
            digits_before.append(digits_before[-1] + end - begin)
        index = 0
        while index < len(groups):
            start = _start(text, run.start(), groups[index][0])
            if text[start] not in "+(" and text[groups[index][0]] != "0":
                index += 1
                continue
            found = None
            for last in range(min(index + MAX_GROUPS, len(groups)) - 1, index - 1, -1):
                if not MIN_DIGITS <= digits_before[last + 1] - digits_before[index] <= MAX_DIGITS:
                    continue
                begin = start
                if text[begin] == "(" and ")" not in text[begin : groups[last][1]]:
                    begin += 1  # "(01632 960005)": the bracket is around the number, not part of it
                key = phone_key(text[begin : groups[last][1]])
                if key is not None:
                    found = Span(begin, groups[last][1], "phone", key)
                    break
            if found is None:
                index += 1
            else:
                yield found
                index = last + 1
