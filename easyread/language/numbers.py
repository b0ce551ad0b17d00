"""Numbers and symbols the Easy Read way: digits, no percentages, dates in full, no "e.g." or "&".

Each rewrite keeps the fact: "35%" becomes "35 out of 100" (the fact checker knows they are the
same), "01/04/2026" becomes "Wednesday 1 April 2026".
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from easyread.data import data_rows

_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)", re.IGNORECASE)
NUMERIC_DATE = re.compile(r"(?<![\w/.-])([0-3]?\d)/([01]?\d)/((?:19|20)\d{2})(?![\w/])")
ORDINAL_DAY = re.compile(r"(?<![\w.])([0-3]?\d)(?:st|nd|rd|th)\s+(?=(?:January|February|March|April|May|June|July|"
                         r"August|September|October|November|December)\b)")
ISO_DATE = re.compile(r"(?<![\w/.-])((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?![\w/-])")
ABBREVIATIONS = (
    (re.compile(r"\(\s*e\.\s?g\.,?\s*", re.IGNORECASE), "(for example "),
    (re.compile(r",?\s*\be\.\s?g\.,?(?=\s)", re.IGNORECASE), ", for example"),
    (re.compile(r"\(\s*i\.\s?e\.,?\s*", re.IGNORECASE), "(that means "),
    (re.compile(r",?\s*\bi\.\s?e\.,?(?=\s)", re.IGNORECASE), ", that means"),
    (re.compile(r",?\s*\betc\.?(?=\W|$)", re.IGNORECASE), " and more"),
    (re.compile(r"(?<=\s)&(?=\s)"), "and"),
    (re.compile(r"\bvs\.?(?=\s)", re.IGNORECASE), "or"),
    (re.compile(r"\bapprox\.(?=\s)", re.IGNORECASE), "about"),
    (re.compile(r"\bno\.(?=\s?\d)", re.IGNORECASE), "number"),
)


@cache
def number_words() -> dict[str, str]:
    """{"three": "3", "twenty-one": "21", ...} from data/number_words.tsv."""
    return {word.lower(): digits for word, digits, *_ in data_rows("number_words.tsv")}


@cache
def _number_word_pattern() -> re.Pattern[str]:
    # "one" stays a word: it is often a pronoun ("the old one"), and "1" reads worse there.
    words = sorted((w for w in number_words() if w not in ("one", "zero")), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, words)) + r")(?![\w-])", re.IGNORECASE)


def number_words_to_digits(text: str) -> str:
    """ "three weeks" -> "3 weeks"; "twenty-one" -> "21". Leaves "one", ordinals and big-number words."""
    words = number_words()

    def to_digits(match: re.Match[str]) -> str:
        digits = words[match.group(1).lower()]
        return digits if len(digits) <= 2 else match.group(0)  # "hundred" alone stays a word

    return _number_word_pattern().sub(to_digits, text)


def rewrite_percentages(text: str) -> tuple[str, bool]:
    """ "35%" -> "35 out of 100", and whether any was rewritten."""
    new = PERCENT.sub(lambda m: f"{m.group(1)} out of 100", text)
    return new, new != text


def write_dates_in_full(text: str) -> str:
    """ "01/04/2026" (UK day/month order) and "2026-04-01" (ISO 8601) -> "Wednesday 1 April 2026", as
    Easy Read guidance asks (dates in full); impossible dates are left as they are. An ordinal day
    before a month loses its ending ("Wednesday 1st April 2026" -> "Wednesday 1 April 2026")."""

    def written(match: re.Match[str], day: int, month: int, year: int) -> str:
        try:
            when = date(year, month, day)
        except ValueError:
            return match.group(0)
        return f"{when:%A} {day} {_MONTH_NAMES[month - 1]} {year}"

    text = NUMERIC_DATE.sub(lambda m: written(m, int(m.group(1)), int(m.group(2)), int(m.group(3))), text)
    text = ISO_DATE.sub(lambda m: written(m, int(m.group(3)), int(m.group(2)), int(m.group(1))), text)
    return ORDINAL_DAY.sub(r"\1 ", text)  # "1st April" -> "1 April", the form Easy Read guides use


def expand_abbreviations(text: str) -> str:
    """ "e.g." -> "for example" (grammatical wherever "e.g." was: "(e.g. because ...)"), "i.e." -> "that means", "etc." -> "and more", " & " -> " and "."""
    for pattern, plain in ABBREVIATIONS:
        text = pattern.sub(plain, text)
    text = re.sub(r"^,\s*", "", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\s+,", ",", text)
    return re.sub(r"[ \t]{2,}", " ", text)
