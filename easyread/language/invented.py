"""Facts an Easy Read version adds that its source never had: the other half of "nothing changed".

`missing_facts` (easyread.language.facts) finds the source's facts a rewrite lost; this module
finds the facts a rewrite brought in: a date, an amount, a phone number copied from a prompt's
worked example, or worked out by the writer. Both use the one definition of a fact (`facts`,
`fact_cover`), so a fact in another of its forms is never an invented one.

Which kinds are checked, and why (a false alarm is a bug, so each choice leans towards silence):
- phone, email, url, postcode: a way to reach someone must be the source's, key for key.
- money: an amount must be the source's, or its pounds must be a plain number of the source
  ("fifty pounds" and "50 pounds" give "£50"). An amount worked out ("£10 a month" from "£120 a
  year") is invented: a reader would trust it as the council's figure.
- date: a date must be in the source at the precision it gives or coarser ("May 2026" for "1 May
  2026"), or inside what the source names: a date in a month the source names as a month ("Friday
  1 May 2026" for "in May 2026", or for "the first of May 2026", which the finder reads as the
  month), a day and month the source gives without a year, in any year (the prompt asks for dates
  in full, so the writer must add one); a month or span of years in a year the source names
  ("April 2026 to March 2027" for "2026/27"). So the worked example's Christmas dates copied into
  a letter about June are caught, and so is "15 August 2026" for "14 August 2026".
- time: a time must be the source's, or its hour must be a plain number of the source ("9am to
  5pm" for "open 9 till 5").
- number, percentage and code are NOT checked: Easy Read writes number words as digits ("three"
  becomes "3", "two thirds" becomes "2 out of 3"), counts things ("There are 3 ways to pay") and
  works out spans ("2 weeks" between two dates, as the prompt's own example does), and a code-shaped
  token ("A4", "3B") is no fact of the council's. The finder reads only digits, so each of these
  would raise false alarms on good answers.
"""

from __future__ import annotations

from easyread.language.fact_cover import FactIndex, covered, index_facts, range_ends
from easyread.language.fact_types import Fact
from easyread.language.facts import extract_facts, output_facts
from easyread.language.numbers import number_words_to_digits

CHECKED_KINDS = frozenset({"phone", "email", "url", "postcode", "money", "date", "time"})


def invented_facts(source_text: str | list[str], output_text: str | list[str]) -> list[Fact]:
    """The facts of `output_text` (an Easy Read version) that `source_text` does not give, each
    once, in output order; only the kinds in CHECKED_KINDS (see the module docstring for why).

    Both sides may be one text or a list of texts (blocks; sentences). Time: linear in the lengths."""
    sources = [source_text] if isinstance(source_text, str) else source_text
    outputs = [output_text] if isinstance(output_text, str) else output_text
    source_facts = [fact for text in sources for fact in output_facts(text)]
    index = index_facts(source_facts)
    plain_numbers = {fact.key for text in sources for fact in extract_facts(number_words_to_digits(text))
                     if fact.kind == "number"}
    invented: list[Fact] = []
    seen: set[str] = set()
    for text in outputs:
        for fact in extract_facts(text):
            if fact.kind not in CHECKED_KINDS or fact.key in seen:
                continue
            seen.add(fact.key)
            if not _given(fact, index, plain_numbers):
                invented.append(fact)
    return invented


def _given(fact: Fact, index: FactIndex, plain_numbers: set[str]) -> bool:
    if covered(fact, index):  # the same key, or the source holds it more precisely
        return True
    if fact.kind == "date":
        return all(_date_given(end, index) for end in range_ends(fact.key) or [fact.key])
    if fact.kind == "money":
        pence = fact.key.removeprefix("money:").removesuffix("p")
        return pence.isdigit() and int(pence) % 100 == 0 and f"number:{int(pence) // 100}" in plain_numbers
    if fact.kind == "time":
        hour = int(fact.key.removeprefix("time:")[:2])
        return f"number:{hour}" in plain_numbers or (hour > 12 and f"number:{hour - 12}" in plain_numbers)
    return False


def _date_given(key: str, index: FactIndex) -> bool:
    """Whether the date `key` ("date:2026-05-01", "date:2026-05", "date:2026/2027"), not covered by
    the source, still lies inside what the source names (see the module docstring)."""
    value = key.removeprefix("date:")
    if covered(Fact("date", value, key), index):
        return True
    if "/" in value or value.startswith("--"):
        return False  # covered() has already looked for both years, or for the day and month
    if len(value) == 10:
        return "date:" + value[:7] in index.keys or "date:--" + value[5:] in index.keys  # as the source names them
    return len(value) == 7 and int(value[:4]) in index.years
