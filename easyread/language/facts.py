"""Find the facts in a text (numbers, dates, times, money, phones, emails, web addresses, postcodes).

Each fact has a canonical key, so that "01632 960123" and "01632 960 123", or "01/04/2026" and
"1 April 2026", or "35%" and "35 out of 100", are the same fact. `missing_facts` says which
facts of a source are not in its Easy Read version: nothing may silently vanish.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from easyread.model import SourceDocument

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
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_NAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|ac\.uk|com|org|net|uk)(?:/[^\s<>()\"']*[^\s<>()\"'.,;:!?])?",
    re.IGNORECASE,
)
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s?[0-9][A-Z]{2}\b")
MONEY = re.compile(
    r"£\s?(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimals>\d{1,2}))?(?P<scale>\s?(?:m|bn|k|million|billion)\b)?"
    r"|\b(?P<only_pence>\d{1,2})p\b"
)
DATE_DMY = re.compile(
    _DAY_NAME + r"\b(?P<day>[0-3]?\d)" + _ORDINAL + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
    re.IGNORECASE,
)
DATE_MDY = re.compile(
    _DAY_NAME + r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)" + _ORDINAL + r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b",
    re.IGNORECASE,
)
DATE_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>(?:19|20)?\d{2})\b")
DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
TIME = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s?(?P<half>am|pm|a\.m\.|p\.m\.)(?![a-z])"
    r"|\b(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)\b",
    re.IGNORECASE,
)
PERCENT = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)|\b(?P<value2>\d+(?:\.\d+)?) (?:out of|in every|in) 100\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w])\d+(?:\.\d+)?(?![\w])")


@dataclass(frozen=True)
class Fact:
    """A fact as written (`text`) and its canonical `key`, e.g. ("phone", "01632 960 123", "+441632960123")."""

    kind: str
    text: str
    key: str


def _number_value(text: str) -> str:
    value = float(text.replace(",", ""))
    return str(int(value)) if value.is_integer() else repr(value)


def _money_key(match: re.Match[str]) -> str:
    if match.group("only_pence"):
        return f"money:{int(match.group('only_pence'))}p"
    pounds = float(match.group("pounds").replace(",", "") + "." + (match.group("decimals") or "0"))
    scale_word = (match.group("scale") or "").strip().lower()
    scale = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}.get(scale_word, 1)
    return f"money:{round(pounds * scale * 100)}p"


def _date_key(match: re.Match[str]) -> str | None:
    month_text = match.group("month").lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    day = int(match.group("day"))
    year_text = match.group("year")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    try:
        date(year or 2000, month, day)  # 2000 is a leap year, so 29 February passes without a year
    except ValueError:
        return None
    return f"date:{year or '????'}-{month:02d}-{day:02d}"


def _time_key(match: re.Match[str]) -> str:
    if match.group("hour24") is not None:
        return f"time:{int(match.group('hour24')):02d}:{match.group('minute24')}"
    hour = int(match.group("hour")) % 12
    if match.group("half").lower().startswith("p"):
        hour += 12
    return f"time:{hour:02d}:{match.group('minute') or '00'}"


@cache
def _phone_module():  # type: ignore[no-untyped-def]
    import phonenumbers

    return phonenumbers


# UK-shaped numbers that libphonenumber may not call valid (Ofcom's ranges kept for drama and
# examples, such as 01632 960xxx, are "possible" but not "valid"); they are still phone numbers.
UK_PHONE_SHAPE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d \t()-]{7,14}\d(?![\w])")


def _phones(text: str) -> list[tuple[int, int, str]]:
    """(start, end, E.164) of phone numbers: valid ones anywhere, and possible UK-shaped ones."""
    phonenumbers = _phone_module()
    e164 = phonenumbers.PhoneNumberFormat.E164
    found = []
    taken: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID):
        found.append((match.start, match.end, phonenumbers.format_number(match.number, e164)))
        taken.append((match.start, match.end))
    for match in UK_PHONE_SHAPE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        digits = re.sub(r"\D", "", match.group(0))
        if not 10 <= len(digits) <= 12:
            continue
        try:
            number = phonenumbers.parse(match.group(0), "GB")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            found.append((match.start(), match.end(), phonenumbers.format_number(number, e164)))
    return sorted(found)


def _url_key(text: str) -> str:
    text = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.lower()).rstrip("/")
    return f"url:{text}"


class _Masked:
    """The text with found spans blanked out, so one span is never counted as two facts."""

    def __init__(self, text: str) -> None:
        self.chars = list(text)

    def text(self) -> str:
        return "".join(self.chars)

    def take(self, start: int, end: int) -> None:
        self.chars[start:end] = " " * (end - start)


def extract_facts(text: str) -> list[Fact]:
    """Every fact in `text`, in the order the kinds are searched (emails and web addresses first)."""
    facts: list[Fact] = []
    masked = _Masked(text)

    def scan(pattern: re.Pattern[str], kind: str, key_of) -> None:  # type: ignore[no-untyped-def]
        for match in list(pattern.finditer(masked.text())):
            key = key_of(match)
            if key is None:
                continue
            facts.append(Fact(kind, text[match.start() : match.end()].strip(), key))
            masked.take(match.start(), match.end())

    scan(EMAIL, "email", lambda m: "email:" + m.group(0).lower())
    scan(URL, "url", lambda m: _url_key(m.group(0)))
    scan(POSTCODE, "postcode", lambda m: "postcode:" + m.group(0).replace(" ", "").upper())
    scan(MONEY, "money", _money_key)
    for pattern in (DATE_ISO, DATE_NUMERIC, DATE_DMY, DATE_MDY):
        scan(pattern, "date", _date_key)
    scan(TIME, "time", _time_key)
    for start, end, key in _phones(masked.text()):
        facts.append(Fact("phone", text[start:end].strip(), f"phone:{key}"))
        masked.take(start, end)
    scan(PERCENT, "percentage", lambda m: f"percentage:{_number_value(m.group('value') or m.group('value2'))}")
    scan(NUMBER, "number", lambda m: f"number:{_number_value(m.group(0))}")
    return facts


HEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Za-z]\.|\(?[a-z]{1,3}\))\s+(?=\S)")
WRAPPED_ADDRESS = re.compile(r"((?:https?://|www\.)\S*/)[ \t]*\n[ \t]*(?=[\w-])")


def without_heading_number(heading: str) -> str:
    """ "4.1 The assessment process" -> "The assessment process": section numbers are not facts."""
    return HEADING_NUMBER.sub("", heading, count=1)


def source_fact_text(source: SourceDocument) -> str:
    """A source document's text for fact checks: all of it but section numbers ("4.1"), which
    order the source and are not facts a reader needs."""
    parts = [source.title]
    for section in source.sections:
        parts.append(without_heading_number(section.heading))
        parts.extend(block.text for block in section.blocks)
    return "\n".join(part for part in parts if part)


WRAPPED_AT_HYPHEN = re.compile(r"(?<=\w-)[ \t]*\n[ \t]*(?=\w)")


def rejoin_wrapped_lines(text: str) -> str:
    """Undo the line breaks a layout puts inside one thing, as text extraction shows them: a web
    address broken after a "/", and a hyphenated word broken after its hyphen ("Disability-" / "Related")."""
    return WRAPPED_AT_HYPHEN.sub("", WRAPPED_ADDRESS.sub(r"\1", text))


def fact_keys(text: str) -> set[str]:
    return {fact.key for fact in extract_facts(text)}


def _covered(key: str, output_keys: set[str]) -> bool:
    if key in output_keys:
        return True
    if key.startswith("date:????"):
        # A date without a year in the source is kept when the output has the same day and month.
        return any(other.startswith("date:") and other[9:] == key[9:] for other in output_keys)
    return False


def missing_facts(source_text: str, output_text: str) -> list[Fact]:
    """The facts of the source that do not appear in the output, each once, in source order."""
    output_keys = fact_keys(output_text)
    missing: list[Fact] = []
    seen: set[str] = set()
    for fact in extract_facts(source_text):
        if fact.key in seen:
            continue
        seen.add(fact.key)
        if not _covered(fact.key, output_keys):
            missing.append(fact)
    return missing


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans that rewriting must leave alone: web addresses, emails and phone numbers."""
    spans = [(m.start(), m.end()) for pattern in (EMAIL, URL) for m in pattern.finditer(text)]
    spans += [(start, end) for start, end, _ in _phones(text)]
    return sorted(spans)
