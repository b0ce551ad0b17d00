"""The fidelity benchmark's own idea of a fact, written apart from easyread so it can judge easyread.

Nothing here imports easyread: the benchmark would prove nothing if the judge shared the tool's
definition. How a fact was chosen: a fact is a piece of text a reader could act on or rely on
(turn up at a time, pay a sum, ring a number, quote a reference, count on a figure) that must reach
the Easy Read version with the same meaning. The kinds are those the project promises to keep
(numbers, dates, money, times, percentages, phone numbers, emails, web addresses, UK postcodes,
reference codes). Names, addresses without a postcode and number words in the source ("three")
are not facts here: no pattern can tell them apart from ordinary words without guessing.

They are looked for in this order, and text taken by one kind is not looked at again, so the
digits of a phone number or a date are not also counted as numbers:

    email       name@example.org                      key: lower case
    url         https://www.example.gov.uk/path/, example.gov.uk/path
                                                      key: host in lower case, without the scheme,
                                                      "www." and a trailing "/"; the path as written
    phone       0141 287 0060, +44 141 287 0060       key: E.164, from the phonenumbers library
                                                      (libphonenumber's data; region GB; only
                                                      numbers it calls valid)
    postcode    G11 7HZ                               key: upper case without the space (the
                                                      Royal Mail pattern: outward A9, A99, AA9,
                                                      AA99, A9A or AA9A; inward 9AA)
    date        01/04/2026, 1/4/26, 2026-04-01, 1 April 2026, Wednesday 1st April 2026,
                April 1, 2026, 5 Oct. 2019, April 2026, 10th November, 12-13 June 2024 (two dates)
                                                      key: (year, month, day), year or day None
                                                      when not written; numbers with slashes are
                                                      day/month/year (UK order)
    time        18:30, 6:30pm, 6.30 p.m., 6pm, 18.30hrs, noon, 5pm to 7pm, 9-11am (two times)
                                                      key: minutes after midnight
    money       £70.00, £7, £1.5m, 50p, 70 pounds     key: currency and amount in pence
    percentage  25%, 25 per cent, 25 out of 100, 1 in 4
                                                      key: the value in hundredths, and whether it
                                                      was written as a fraction ("1 in 4")
    code        A466, DM/2019/01572, AA-3243, Q7, 1A  a run of letters and digits (with / - .
                                                      joins) holding a letter and a digit, that is
                                                      not an ordinal (2nd), a number with a unit
                                                      (20mph, 5km) or a number joined to a word
                                                      (4-yearly, "2017meeting" from a text layer
                                                      without spaces); key: upper case
    number      16, 1,579, 26.89, 4.1.2, 8th, 20 (of 20mph)
                                                      key: the value ("1,579" = "1579", "26.50" =
                                                      "26.5", "8th" = "8")

A section number at the start of a heading or the title ("4.1 Reviews", "2. Vacancies") is not a
fact (`strip_section_number`): the reader sees where the heading is, not its number. Which forms of
a fact count as the same is `fact_forms.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
UNITS = ("mph", "kph", "km", "kms", "kg", "cm", "mm", "m", "ft", "yrs", "hrs", "mins", "ml", "kw", "kwh", "mb",
         "gb", "sqm", "m2", "x", "k", "s", "h", "hr", "min", "g", "l")

_MONTH = (r"(?:" + "|".join(name for name in sorted(MONTHS, key=len, reverse=True) if len(name) > 4)
          + r"|(?:" + "|".join(name for name in sorted(MONTHS, key=len, reverse=True) if len(name) <= 4)
          + r")\.?)")  # a full stop only after a short form ("Oct."), never after "October"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_JOIN = r"\s*(?:-|–|—|to|and|&|,)\s*"
_YEAR = r"(?:19|20)\d\d"

_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_TLDS = r"(?:gov\.uk|org\.uk|co\.uk|ac\.uk|nhs\.uk|police\.uk|sch\.uk|gov\.scot|gov\.wales|com|org|net|uk|wales|scot|cymru|info|eu|io)"
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'\[\]]+"
    r"|\b[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\." + _TLDS + r"\b(?:/[^\s<>\"'\[\]]*)?",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
_MONEY = re.compile(
    r"(?P<cur>[£$€])\s?(?P<amount>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<minor>\d{1,2}))?(?:\s?(?P<mult>million|bn|billion|m|k)\b)?"
    r"|\b(?P<amount2>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<minor2>\d{1,2}))?(?:\s?(?P<word>pounds?|pence|euros?|dollars?)|(?P<pence>p))\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)"
    r"|\b(?P<num>\d+(?:\.\d+)?)\s+out\s+of\s+(?:every\s+)?(?P<den>\d+)\b"
    r"|\b(?P<num2>\d+)\s+in\s+(?:every\s+)?(?!(?:19|20)\d\d\b)(?P<den2>\d{1,4})\b(?!\s*(?:" + _MONTH + r"|%))",
    re.IGNORECASE,
)
_DATE_NUMERIC = re.compile(
    r"\b(?P<y>" + _YEAR + r")-(?P<m>0?[1-9]|1[0-2])-(?P<d>[12]\d|3[01]|0?[1-9])\b"
    r"|\b(?P<d2>[12]\d|3[01]|0?[1-9])(?P<sep>[/.\-])(?P<m2>1[0-2]|0?[1-9])(?P=sep)(?P<y2>" + _YEAR + r"|\d\d)\b(?![/.\-]\d)"
)
_DATE_DAY_MONTH = re.compile(
    r"(?:\b" + _WEEKDAY + r",?\s+)?(?:the\s+)?\b(?P<days>" + _DAY + r"(?:" + _JOIN + _DAY + r")*)(?:\s+of)?\s+(?P<month>" + _MONTH
    + r")(?:,?\s+(?P<year>" + _YEAR + r"))?\b",
    re.IGNORECASE,
)
_DATE_MONTH_DAY = re.compile(
    r"\b(?P<month>" + _MONTH + r")\s+(?P<days>" + _DAY + r"(?:" + _JOIN + _DAY + r")*)\b(?:,?\s+(?P<year>" + _YEAR + r"))?(?![\d:.])",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(r"\b(?P<month>" + _MONTH + r"),?\s+(?P<year>" + _YEAR + r")\b", re.IGNORECASE)
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?"
_TIME_RANGE = re.compile(
    r"\b(?P<a>" + _CLOCK + r")\s*(?:-|–|—|to|until|till)\s*(?P<b>" + _CLOCK + r")\s?(?P<ap>[ap]m\b|[ap]\.m\.?)", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap]m\b|[ap]\.m\.?)"
    r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)\b(?!:\d)"
    r"|\b(?P<h3>[01]?\d|2[0-3])\.(?P<m3>[0-5]\d)\s?(?:hrs|hours|h)\b"
    r"|\b(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)\s?(?:hrs|hours)\b"
    r"|\b(?P<word>noon|midday|midnight)\b",
    re.IGNORECASE,
)
_CODE = re.compile(r"\b[A-Za-z0-9]+(?:[/\-.][A-Za-z0-9]+)*\b")
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)*(?:st|nd|rd|th)?(?!\d)(?![.,]\d)")
_SECTION_NUMBER = re.compile(r"^\s*(?P<number>\d+(?P<levels>(?:\.\d+)+)?)(?P<mark>[.):])?\s+(?P<word>\S+)")


@dataclass(frozen=True)
class Fact:
    """One fact: its `kind` (see the module docstring), `text` as written, a `key` that is the same
    for every equivalent form, and where it is in the text it came from (`start`, `end`)."""

    kind: str
    text: str
    key: object
    start: int = 0
    end: int = 0


def strip_section_number(heading: str) -> str:
    """`heading` without a section number at its start: "4.1 Reviews" -> "Reviews", "2. Vacancies" ->
    "Vacancies", "1 Introduction" -> "Introduction". A bare number is kept when the word after it is
    a month ("2 May 2019") or in lower case ("10 years"), or when it has four digits ("2026 Budget")."""
    match = _SECTION_NUMBER.match(heading)
    if not match:
        return heading
    word = match.group("word").strip(".,:;").lower()
    numbered = match.group("levels") or match.group("mark")
    if not numbered and (len(match.group("number")) > 3 or not match.group("word")[0].isupper() or word in MONTHS):
        return heading
    return heading[match.start("word"):]


def number_key(text: str) -> str:
    """The value of a written number as a canonical string: "1,579" -> "1579", "26.50" -> "26.5"."""
    digits = re.sub(r"(?:st|nd|rd|th)$", "", text.replace(",", ""), flags=re.IGNORECASE)
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return digits
    return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")


def url_key(text: str) -> str:
    """A web address without scheme, "www." and trailing "/"; host in lower case, path as written."""
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip(), flags=re.IGNORECASE)
    host, slash, path = text.partition("/")
    return (host.lower() + slash + path).rstrip("/")


def _trim_url(text: str) -> str:
    """A web address without the sentence punctuation after it, or a closing bracket it did not open."""
    while text and text[-1] in ".,;:!?'\"":
        text = text[:-1]
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    return text


class _Finder:
    """Finds facts kind by kind in one text, never taking the same characters twice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.taken = [False] * len(text)
        self.facts: list[Fact] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = [True] * (end - start)

    def add(self, kind: str, start: int, end: int, key: object) -> None:
        self.take(start, end)
        self.facts.append(Fact(kind, self.text[start:end], key, start, end))


def extract_facts(text: str) -> list[Fact]:
    """Every fact in `text`, in the order they are written; kinds are looked for in the order of the
    module docstring, each in the text the kinds before it left."""
    finder = _Finder(text)
    _emails(finder)
    _urls(finder)
    _phones(finder)
    _postcodes(finder)
    _dates(finder)
    _times(finder)
    _money(finder)
    _percentages(finder)
    _codes(finder)
    _numbers(finder)
    return sorted(finder.facts, key=lambda fact: fact.start)


def _emails(finder: _Finder) -> None:
    for match in _EMAIL.finditer(finder.text):
        value = match.group().rstrip(".")
        finder.add("email", match.start(), match.start() + len(value), value.lower())


def _urls(finder: _Finder) -> None:
    for match in _URL.finditer(finder.text):
        value = _trim_url(match.group())
        start = match.start()
        if finder.free(start, start + len(value)) and "." in value:
            finder.add("url", start, start + len(value), url_key(value))


def _phones(finder: _Finder) -> None:
    import phonenumbers

    for match in phonenumbers.PhoneNumberMatcher(finder.text, "GB", leniency=phonenumbers.Leniency.VALID):
        if finder.free(match.start, match.end):
            key = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            finder.add("phone", match.start, match.end, key)


def _postcodes(finder: _Finder) -> None:
    for match in _POSTCODE.finditer(finder.text):
        if finder.free(match.start(), match.end()):
            finder.add("postcode", match.start(), match.end(), match.group().replace(" ", ""))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _dates(finder: _Finder) -> None:
    text = finder.text
    for match in _DATE_NUMERIC.finditer(text):
        if match.group("y"):
            year, month, day = int(match.group("y")), int(match.group("m")), int(match.group("d"))
        else:
            year, month, day = _year(match.group("y2")), int(match.group("m2")), int(match.group("d2"))
        if finder.free(match.start(), match.end()):
            finder.add("date", match.start(), match.end(), (year, month, day))
    for pattern in (_DATE_DAY_MONTH, _DATE_MONTH_DAY):
        for match in pattern.finditer(text):
            if not finder.free(match.start(), match.end()):
                continue
            month = MONTHS[match.group("month").lower().rstrip(".")]
            year = _year(match.group("year"))
            days = re.findall(r"\d+", match.group("days"))
            if pattern is _DATE_MONTH_DAY and not year and not re.search(r"(?:st|nd|rd|th)\b", match.group("days")):
                if match.group("month").lower().rstrip(".") == "may":  # "may 5 people" is a verb, not a date
                    continue
            for day in days:  # "12-13 June": a fact for each day, all with the same span
                finder.facts.append(Fact("date", match.group(), (year, month, int(day)), match.start(), match.end()))
            finder.take(match.start(), match.end())
    for match in _MONTH_YEAR.finditer(text):
        if finder.free(match.start(), match.end()):
            month = MONTHS[match.group("month").lower().rstrip(".")]
            finder.add("date", match.start(), match.end(), (int(match.group("year")), month, None))


def _clock(text: str, suffix: str) -> int:
    """Minutes after midnight of "7", "7:30" or "19.30" with an optional am/pm `suffix`."""
    hour, _, minute = text.replace(".", ":").partition(":")
    hours, minutes = int(hour), int(minute or 0)
    suffix = suffix.lower().replace(".", "")
    if suffix == "pm" and hours < 12:
        hours += 12
    if suffix == "am" and hours == 12:
        hours = 0
    return hours * 60 + minutes


def _times(finder: _Finder) -> None:
    text = finder.text
    for match in _TIME_RANGE.finditer(text):
        if not finder.free(match.start(), match.end()):
            continue
        suffix = match.group("ap")
        end = _clock(match.group("b"), suffix)
        start = _clock(match.group("a"), suffix)
        if start > end:  # "10-2pm": the first time is in the morning
            start = _clock(match.group("a"), "am")
        finder.facts.append(Fact("time", match.group(), start, match.start(), match.end()))
        finder.facts.append(Fact("time", match.group(), end, match.start("b"), match.end()))
        finder.take(match.start(), match.end())
    for match in _TIME.finditer(text):
        if not finder.free(match.start(), match.end()):
            continue
        if match.group("word"):
            minutes = 0 if match.group("word").lower() == "midnight" else 12 * 60
        elif match.group("h") is not None:
            minutes = _clock(match.group("h") + ":" + (match.group("m") or "0"), match.group("ap"))
        else:
            hour, minute = next((match.group(f"h{n}"), match.group(f"m{n}")) for n in (2, 3, 4) if match.group(f"h{n}"))
            minutes = int(hour) * 60 + int(minute)
        finder.add("time", match.start(), match.end(), minutes)


def _money(finder: _Finder) -> None:
    for match in _MONEY.finditer(finder.text):
        if not finder.free(match.start(), match.end()):
            continue
        if match.group("cur"):
            currency = {"£": "GBP", "$": "USD", "€": "EUR"}[match.group("cur")]
            amount, minor, mult = match.group("amount"), match.group("minor"), (match.group("mult") or "").lower()
        else:
            word = (match.group("word") or match.group("pence")).lower()
            if word == "p" and match.group("minor2"):
                continue  # "1.5p" is not a sum of money anyone writes; more likely a page or a unit
            currency = "EUR" if word.startswith("euro") else "USD" if word.startswith("dollar") else "GBP"
            amount, minor, mult = match.group("amount2"), match.group("minor2"), ""
            if word in ("p", "pence"):
                finder.add("money", match.start(), match.end(), (currency, Decimal(amount.replace(",", ""))))
                continue
        value = Decimal(amount.replace(",", "")) * 100 + Decimal((minor or "0").ljust(2, "0"))
        value *= {"m": 10**6, "million": 10**6, "bn": 10**9, "billion": 10**9, "k": 1000}.get(mult, 1)
        finder.add("money", match.start(), match.end(), (currency, value))


def _percentages(finder: _Finder) -> None:
    for match in _PERCENT.finditer(finder.text):
        if not finder.free(match.start(), match.end()):
            continue
        if match.group("value"):
            finder.add("percentage", match.start(), match.end(), ("exact", round(float(match.group("value")), 2)))
            continue
        num, den = match.group("num") or match.group("num2"), match.group("den") or match.group("den2")
        if 0 < float(num) <= float(den):
            form = "exact" if den == "100" else "fraction"  # "26.89 out of 100" is 26.89% exactly
            finder.add("percentage", match.start(), match.end(), (form, round(100 * float(num) / float(den), 2)))


def _is_code(token: str) -> bool:
    if not (re.search(r"\d", token) and re.search(r"[A-Za-z]", token)):
        return False
    lower = token.lower()
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", lower):
        return False
    number_unit = re.fullmatch(r"(?:\d+(?:\.\d+)?)([a-z]+\d?)", lower)
    if number_unit and number_unit.group(1) in UNITS:
        return False
    # a number joined to a word ("4-yearly"), or glued to one by a text layer without spaces
    # ("2017meeting"), is a number in a sentence, not a code
    parts = re.split(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)|[/\-.]", token)
    return not all(re.fullmatch(r"\d+|[a-z]{3,}", part) for part in parts)


def _codes(finder: _Finder) -> None:
    for match in _CODE.finditer(finder.text):
        token = match.group().rstrip(".-/")
        start, end = match.start(), match.start() + len(token)
        if _is_code(token) and finder.free(start, end):
            finder.add("code", start, end, token.upper())


def _numbers(finder: _Finder) -> None:
    for match in _NUMBER.finditer(finder.text):
        if finder.free(match.start(), match.end()):
            finder.add("number", match.start(), match.end(), number_key(match.group()))
