"""Money, percentages and plain numbers: how to find them in text and their canonical keys.

Keys compare values, not spellings:
- money in pence: "£1,987.45" = "£1987.45"; "£70.00" = "£70"; "£3.4 million" = "£3.4m" =
  "£3,400,000"; "50p" = "50 pence" = "£0.50";
- a percentage as its value: "25%" = "25 per cent" = "25 percent" and the Easy Read forms
  "25 out of 100", "25 out of every 100", "25 in every 100", "1 in 4", "1 out of 4" (Easy Read
  guidance: Department of Health 2010, Mencap "Am I making myself clear?": "No percentages, fractions, big numbers: '3 out of 10'");
  "1 in 3" is 100/3 per cent, which is not "33%";
- a number as its value ("2,300" = "2300", "3.4 million" = "3400000"), except that a number with
  a leading zero ("0042") keeps its digits, and digit groups that together form one reference
  ("4001 2387 65", an account number) are one number of all their digits.

"half" is not a fact of a source ("half term", "half an hour"), but the Easy Read guidance allows
"half" as the one fraction, so on the Easy Read side it carries 50 per cent (`carried_keys`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from easyread.language.fact_types import Finder, Span, spans_of

_SCALES = {"k": 1000, "thousand": 1000, "m": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9}
_AMOUNT = r"(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimals>\d{1,2}))?(?![\d])"
MONEY = re.compile(
    r"£\s?" + _AMOUNT + r"(?:\s?(?P<scale>(?i:k|m|bn|thousand|million|billion))(?!\w))?"
    r"|(?<![\w.,£])(?P<pence>\d{1,3})(?:[pP]|\s?(?i:pence))(?!\w)"
)
_NUMBER_TEXT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
PERCENT = re.compile(r"(?<![\d.,£])(?P<value>" + _NUMBER_TEXT + r")\s?(?:%|(?i:per\s?cent)(?!\w))")
_UNITS = r"(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|miles?|metres?|meters?|km|kg|cm|mm|am|pm)"
PROPORTION = re.compile(
    r"(?<![\w.,£])(?P<part>\d+(?:\.\d+)?)\s+(?P<word>(?i:out\s+of|in))(?P<every>\s+(?i:every))?\s+"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?!\w|[.,]\d)(?!\s*(?:%|(?i:per\s?cent)|(?i:" + _UNITS + r")(?!\w)))"
)
HALF = re.compile(r"(?<![\w-])(?i:half)(?![\w-])")
DIGIT_GROUPS = re.compile(r"(?<![\w.,£/:-])(?:\d{2,6}(?:[ -]\d{2,6}){2,7}|\d{4,6}[ -]\d{4,6})(?!\w|[.,:/-]\d)")
NUMBER = re.compile(
    r"(?:(?<![\w.,])\d{1,3}(?:,\d{3})+|(?<!\w)\d+)(?:\.\d+)?(?:\s(?P<scale>million|billion)(?!\w))?(?!\w)"
)


def decimal_text(value: Decimal | Fraction) -> str:
    """A value in its shortest exact form: 2.50 -> "2.5", 2300 -> "2300", 1/3 -> "1/3"."""
    if isinstance(value, Fraction):
        denominator = value.denominator
        for factor in (2, 5):
            while denominator % factor == 0:
                denominator //= factor
        if denominator != 1:
            return f"{value.numerator}/{value.denominator}"
        value = Decimal(value.numerator) / Decimal(value.denominator)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _money_key(match: re.Match[str]) -> str:
    if match.group("pence"):
        return f"money:{int(match.group('pence'))}p"
    pounds = Decimal(match.group("pounds").replace(",", "") + "." + (match.group("decimals") or "0"))
    scale = _SCALES[(match.group("scale") or "").lower()] if match.group("scale") else 1
    return f"money:{decimal_text(pounds * scale * 100)}p"


# PERCENT may follow a letter ("reducedby50%" from a PDF that lost its spaces): "%" says enough.


def _percent_key(match: re.Match[str]) -> str:
    return "percentage:" + decimal_text(Decimal(match.group("value").replace(",", "")))


def _proportion_key(match: re.Match[str]) -> str | None:
    part = Fraction(match.group("part"))
    whole = Fraction(match.group("whole").replace(",", ""))
    if whole == 0 or part > whole:
        return None
    if match.group("word").lower() == "in" and not match.group("every") and 1900 <= whole < 2100:
        return None  # "3 in 2026" is not a proportion
    return "percentage:" + decimal_text(part / whole * 100)


def number_key(text: str) -> str:
    """ "2,300" -> "number:2300"; "3.4 million" -> "number:3400000"; "0042" -> "number:0042"."""
    if text.isdigit() and not text.startswith("0"):
        return "number:" + text
    digits, _, scale = text.partition(" ")
    digits = digits.replace(",", "")
    if digits.startswith("0") and len(digits) > 1 and "." not in digits:
        return "number:" + digits
    return "number:" + decimal_text(Decimal(digits) * _SCALES.get(scale.lower(), 1))


def _groups_key(match: re.Match[str]) -> str:
    return "number:" + re.sub(r"\D", "", match.group(0))


def group_parts(text: str) -> list[str]:
    """The digit groups of a number written in groups: "4001 2387 65" -> ["4001", "2387", "65"]."""
    return re.findall(r"\d+", text) if DIGIT_GROUPS.fullmatch(text) else []


def carried_keys(text: str) -> Iterator[Span]:
    """Forms that carry a fact only on the Easy Read side: "half" carries 50 per cent."""
    for match in HALF.finditer(text):
        yield Span(match.start(), match.end(), "percentage", "percentage:50")


MONEY_FINDERS: tuple[Finder, ...] = (spans_of(MONEY, "money", _money_key),)
PERCENT_FINDERS: tuple[Finder, ...] = (
    spans_of(PERCENT, "percentage", _percent_key),
    spans_of(PROPORTION, "percentage", _proportion_key),
)
NUMBER_FINDERS: tuple[Finder, ...] = (
    spans_of(DIGIT_GROUPS, "number", _groups_key),
    spans_of(NUMBER, "number", lambda match: number_key(match.group(0))),
)
