"""Turn text in BLOCK CAPITALS into sentence case, which people with learning disabilities read
more easily, keeping the capitals that carry meaning.

Known acronyms (NHS, BSL) stay in capitals; days and months get their capital letter; a word
that is not an everyday English word (Northbrook, Whitcombe) is taken for a name and gets one too.
"""

from __future__ import annotations

import re
from functools import cache

NAME_ZIPF = 3.0  # rarer than this on wordfreq's scale: probably a name
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Month names; "may" only next to a number ("1 MAY 2026"), else it is the verb ("YOU MAY PAY").
_MONTHS = frozenset("january february march april june july august september october november december".split())
_MAY_DATE = re.compile(r"\d\s*(?:st|nd|rd|th)?\s+$|^\s+\d")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def _touches_digit(match: re.Match[str]) -> bool:
    """Whether a word is part of a code with digits in it ("NB1", "4AA", "A466"): codes keep their case."""
    text, start, end = match.string, match.start(), match.end()
    if match.group(0).lower() in ("st", "nd", "rd", "th") and start > 0 and text[start - 1].isdigit():
        return False  # "1ST" is an ordinal: "1st"
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def is_block_capitals(text: str) -> bool:
    """Whether `text` is written in capitals: 2 or more words, 80% or more of them all capitals."""
    words = re.findall(r"[A-Za-z]{2,}", text)
    return len(words) >= 2 and sum(1 for w in words if w.isupper()) >= max(2, int(len(words) * 0.8))


@cache
def _is_name(lower: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(lower, "en") < NAME_ZIPF


def sentence_case(text: str, keep: frozenset[str] = frozenset(), force: bool = False) -> str:
    """`text` in sentence case when it is in BLOCK CAPITALS (or `force`, when the caller judged that on
    the text before protected parts were masked); other text is returned as it is.

    Words in `keep` (acronyms, upper case) stay as they are, and so do reference codes and postcodes
    (tokens with both letters and digits: "NB1", "RJJ0VH").
    """
    if not force and not is_block_capitals(text):
        return text

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if word in keep or _touches_digit(match):
            return word
        if lower == "may":
            before, after = match.string[max(0, match.start() - 6) : match.start()], match.string[match.end() : match.end() + 3]
            return "May" if _MAY_DATE.search(before) or _MAY_DATE.search(after) else lower
        if lower in _DAYS or lower in _MONTHS or (len(lower) > 3 and _is_name(lower)):
            return lower.capitalize()
        return lower

    result = _WORD.sub(fix, text)
    first = re.search(r"[A-Za-z]", result)
    return result if first is None else result[: first.start()] + result[first.start()].upper() + result[first.start() + 1 :]
