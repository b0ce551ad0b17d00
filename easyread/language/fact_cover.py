"""Whether a fact of a source is carried by the facts of its Easy Read version.

A fact is covered when the Easy Read side has a fact with the same key (every equivalent form has
the same key: see web, codes, amounts, dates, clock, phones). Beyond an equal key, a fact is
covered by a more precise fact that holds it:
- a date without a year ("date:--04-01") by the same day and month in any year ("1 April 2026");
- a month of a year ("May 2026") by any date in that month ("Friday 1 May 2026");
- a range of days ("1-28 February 2026") by both of its dates, each covered as a date; and a
  range carries its two dates, so "1-3 April 2026" covers "1 April 2026";
- a span of years ("2026/27") by both of its years, each in a date, a month, a span or as a plain
  number ("2026 to 2027", "from April 2026 to March 2027");
- a plain number that is a year (1900 to 2099) by a date in that year ("in 2026" by "April 2026");
- digit groups read as one number ("4001 2387 65") by each group as a number of its own.
Never by a loose substring: each rule compares keys or parts of keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from easyread.language.amounts import group_parts, number_key
from easyread.language.fact_types import Fact

FIRST_YEAR, LAST_YEAR = 1900, 2099  # plain numbers in this range may be years


@dataclass(frozen=True)
class FactIndex:
    """The facts of a text arranged for `covered`: their keys, and the day-months, months and years
    their dates hold ("--04-01", "2026-04", 2026)."""

    keys: frozenset[str]
    month_days: frozenset[str]
    months: frozenset[str]
    years: frozenset[int]


def _year_of_number(key: str) -> int | None:
    value = key.removeprefix("number:")
    if value.isdigit() and not value.startswith("0") and FIRST_YEAR <= int(value) <= LAST_YEAR:
        return int(value)
    return None


def range_ends(key: str) -> list[str]:
    """The two dates of a range of days: "date:2026-02-01/2026-02-28" -> ["date:2026-02-01",
    "date:2026-02-28"]; [] for any other key (a span of years "date:2026/2027" is not a range of days)."""
    value = key.removeprefix("date:")
    first, slash, last = value.partition("/")
    return ["date:" + first, "date:" + last] if slash and len(first) > 4 else []


def index_facts(facts: Iterable[Fact]) -> FactIndex:
    """A FactIndex of `facts`. A range of days carries each of its two dates. Time: one pass."""
    keys: set[str] = set()
    month_days: set[str] = set()
    months: set[str] = set()
    years: set[int] = set()
    for fact in facts:
        keys.add(fact.key)
        if fact.kind == "date":
            for key in range_ends(fact.key) or [fact.key]:
                keys.add(key)
                value = key.removeprefix("date:")
                if "/" in value:
                    years.update(int(year) for year in value.split("/"))
                elif not value.startswith("--"):
                    years.add(int(value[:4]))
                    months.add(value[:7])
                    if len(value) == 10:
                        month_days.add("--" + value[5:])
        elif fact.kind == "number" and (year := _year_of_number(fact.key)) is not None:
            years.add(year)
    return FactIndex(frozenset(keys), frozenset(month_days), frozenset(months), frozenset(years))


def covered(fact: Fact, output: FactIndex | Iterable[Fact]) -> bool:
    """Whether `fact` (of a source) is carried by `output` (the Easy Read version's facts, or their
    index: build it once with `index_facts` when checking many facts)."""
    index = output if isinstance(output, FactIndex) else index_facts(output)
    if fact.key in index.keys:
        return True
    if fact.kind == "date":
        if ends := range_ends(fact.key):
            return all(covered(Fact("date", fact.text, end), index) for end in ends)
        value = fact.key.removeprefix("date:")
        if value.startswith("--"):
            return value in index.month_days
        if "/" in value:
            return all(int(year) in index.years for year in value.split("/"))
        if len(value) == 7:
            return value in index.months
        return False
    if fact.kind == "number":
        year = _year_of_number(fact.key)
        if year is not None and year in index.years:
            return True
        parts = group_parts(fact.text)
        return bool(parts) and all(covered(Fact("number", part, number_key(part)), index) for part in parts)
    return False
