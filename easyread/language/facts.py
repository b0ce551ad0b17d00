"""The one definition of a fact: find the facts in a text, and say which facts of a source its Easy
Read version lost.

Kinds: email, url, postcode, code (reference codes), money, date, time, percentage, phone, number.
Each fact has a canonical key, so one fact written in another form is the same fact: "01632 960123"
= "(01632) 960 123"; "01/04/2026" = "Wednesday 1 April 2026"; "35%" = "35 out of 100"; "18:30" =
"6.30pm". The Easy Read forms the guidance asks for (Department of Health 2010, Mencap: numbers as digits,
"3 out of 10" for percentages, dates and times in full) are keys of the same facts, so a rewrite
in those forms loses nothing; a changed fact ("£25" for "£52", "Rjjovh" for "RJJOVH") is lost.
The rules for each kind, and their sources, are in web, codes, amounts, dates, clock and phones;
how one fact covers another (a date without a year, a month, a span of years) is in fact_cover.

Finding is linear in the length of the text: each finder reads the text once, and what it finds is
blanked out before the next one reads it, so one piece of text is never two facts.
"""

from __future__ import annotations

import re

from easyread.language import amounts, clock, dates, web
from easyread.language.amounts import MONEY, NUMBER, PERCENT
from easyread.language.codes import POSTCODE, carried_code_keys, find_codes, find_postcodes
from easyread.language.dates import DATE_DMY, DATE_ISO, DATE_MDY, DATE_NUMERIC, MONTHS
from easyread.language.fact_cover import FactIndex, covered, index_facts
from easyread.language.fact_types import Fact, Finder, Span, blank_out
from easyread.language.phones import find_phones
from easyread.language.web import EMAIL, URL

__all__ = [
    "DATE_DMY", "DATE_ISO", "DATE_MDY", "DATE_NUMERIC", "EMAIL", "MONEY", "MONTHS", "NUMBER", "PERCENT",
    "POSTCODE", "URL", "Fact", "FactIndex", "covered", "extract_facts", "fact_keys", "fact_spans", "index_facts",
    "missing_facts", "output_facts", "protected_spans", "rejoin_wrapped_lines", "CONTACT_KINDS", "has_fact",
]

# The order matters: a finder only sees what the ones before it left. Addresses first (they hold
# digits and dots), then postcodes, then the kinds whose forms hold numbers, then codes (after
# dates, times and money, so "10TH", "9AM" and "50P" are taken), phones, and plain numbers last.
FINDERS: tuple[Finder, ...] = (
    *web.FINDERS,
    find_postcodes,
    *amounts.MONEY_FINDERS,
    *dates.FINDERS,
    *clock.FINDERS,
    *amounts.PERCENT_FINDERS,
    find_codes,
    find_phones,
    *amounts.NUMBER_FINDERS,
)
PROTECTED_KINDS = frozenset({"email", "url", "phone", "postcode", "code"})


def fact_spans(text: str) -> list[Span]:
    """Every fact of `text` as a Span (start, end, kind, key), in text order, none overlapping.
    Spans are trimmed of surrounding white space."""
    found: list[Span] = []
    masked = text
    for finder in FINDERS:
        spans = sorted(finder(masked))
        if spans:
            found += spans
            masked = blank_out(masked, spans)
    found.sort()
    for number, span in enumerate(found):
        start, end = span.start, span.end
        if text[start].isspace() or text[end - 1].isspace():
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            found[number] = span._replace(start=start, end=end)
    return found


def extract_facts(text: str) -> list[Fact]:
    """Every fact in `text`, in text order. Time: linear in len(text)."""
    return [Fact(span.kind, text[span.start : span.end], span.key) for span in fact_spans(text)]


def fact_keys(text: str) -> set[str]:
    """The keys of the facts in `text`, e.g. {"money:5200p", "date:2026-04-01"}."""
    return {fact.key for fact in extract_facts(text)}


def output_facts(text: str) -> list[Fact]:
    """The facts `text` carries as the Easy Read version of a source: its facts, plus forms that
    only count on the Easy Read side ("half" for 50 per cent; any token shaped like a code, such
    as "RJJOVH" with no "reference" before it). These never make a fact of their own, so they can
    only stop a false alarm, never raise one."""
    facts = extract_facts(text)
    facts += [Fact(span.kind, text[span.start : span.end], span.key) for span in amounts.carried_keys(text)]
    facts += [Fact("code", key.removeprefix("code:"), key) for key in sorted(carried_code_keys(text))]
    return facts


CONTACT_KINDS = frozenset({"phone", "email", "url", "postcode"})  # the kinds of fact that are ways to reach someone


def has_fact(text: str, kinds: frozenset[str]) -> bool:
    """Whether `text` holds a fact of one of `kinds` (for example CONTACT_KINDS)."""
    return any(fact.kind in kinds for fact in extract_facts(text))


def missing_facts(source_text: str, output_text: str | list[str]) -> list[Fact]:
    """The facts of the source that its Easy Read version does not carry, each once, in source
    order. A fact counts as carried in any of its forms (see fact_cover.covered).

    `output_text` may be a list of sentences (the items made from a block): then a fact must be
    whole within one of them, so "22 October." and "2021 a request ..." do not carry the date
    22 October 2021 between them.
    """
    texts = [output_text] if isinstance(output_text, str) else output_text
    index = index_facts([fact for text in texts for fact in output_facts(text)])
    missing: list[Fact] = []
    seen: set[str] = set()
    for fact in extract_facts(source_text):
        if fact.key in seen:
            continue
        seen.add(fact.key)
        if not covered(fact, index):
            missing.append(fact)
    return missing


def protected_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` that rewriting must leave alone, in order, none
    overlapping: web addresses, emails, phone numbers, postcodes and reference codes."""
    return [(span.start, span.end) for span in fact_spans(text) if span.kind in PROTECTED_KINDS]


WRAPPED_ADDRESS = re.compile(r"((?<![\w./])(?:https?://|www\.)\S*/)[ \t]*\n[ \t]*(?=[\w-])")


WRAPPED_AT_HYPHEN = re.compile(r"(?<=\w-)[ \t]*\n[ \t]*(?=\w)")


def rejoin_wrapped_lines(text: str) -> str:
    """Undo the line breaks a layout puts inside one thing, as text extraction shows them: a web
    address broken after a "/", and a hyphenated word broken after its hyphen ("Disability-" / "Related")."""
    return WRAPPED_AT_HYPHEN.sub("", WRAPPED_ADDRESS.sub(r"\1", text))

