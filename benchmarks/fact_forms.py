"""Which forms of a fact count as the same, for the fidelity benchmark (see independent_facts.py).

`FactBag.of(text)` holds the facts of some Easy Read sentences (one a line); `has(fact)` says
whether a fact of the source is there in an equivalent form:

* a fact counts only when it is whole within one sentence: "on 11th March." followed by "2026 at
  7pm." has cut the date's year off the date, even though both are on the page;
* a fact written twice in a part must be said twice (`has` with `used`): each place in the items
  answers for one fact;
* a date with a year is present when the same day and month are there with the same year, or with
  no year while that year is written in the same sentence; a date without a year is present when
  its day and month are; a month with a year ("April 2026") when that month and year are;
* a percentage is present when the same value is written as a percentage (to 0.01; "26.89 out of
  100" is a percentage), or as a fraction within 0.5 of it ("1 in 3", "half", "a quarter"): Easy
  Read writes "1 in 3" for 33%;
* a number is present when its value is written as digits in a sentence (also as part of a date,
  time, sum of money or percentage, not inside a phone number, postcode, email, web address or
  code), or as a number word (zero to twenty, the tens, "hundred");
* a code is present when its letters and digits appear in a sentence in the same order, with any
  spacing or joins ("A466", "A 466");
* every other kind (email, url, phone, postcode, time, money) is present when a fact of the same
  kind with the same key is there (so 18:30 = 6:30pm, £70.00 = £70 = 70 pounds, a phone number
  with any spacing, an email in any case, a web address with or without its scheme or "www.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from independent_facts import Fact, extract_facts, number_key

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
FRACTION_WORDS = {"half": 50.0, "a quarter": 25.0, "a third": 100 / 3, "three quarters": 75.0}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_FRACTION = re.compile(r"\b(?:" + "|".join(FRACTION_WORDS) + r")\b(?!\s*(?:an?\s+)?(?:hour|past|term|time))", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)*|\d+(?:\.\d+)*")
HIDING_KINDS = ("phone", "postcode", "email", "url", "code")  # their digits are not numbers


def _alnum(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


@dataclass
class _Sentence:
    """The facts of one Easy Read sentence, and where each number and fraction word is in it."""

    text: str
    facts: list[Fact]
    numbers: list[tuple[int, str]]  # (position, value) of each number written (module docstring)
    fractions: list[tuple[int, float]]  # (position, percentage) of "half", "a quarter", ...

    @classmethod
    def of(cls, text: str) -> _Sentence:
        facts = extract_facts(text)
        hidden = [(fact.start, fact.end) for fact in facts if fact.kind in HIDING_KINDS]
        numbers = [(match.start(), number_key(match.group())) for match in _DIGITS.finditer(text)
                   if not any(start <= match.start() < end for start, end in hidden)]
        numbers += [(match.start(), str(NUMBER_WORDS[match.group().lower()])) for match in _NUMBER_WORD.finditer(text)]
        fractions = [(match.start(), FRACTION_WORDS[match.group().lower()]) for match in _FRACTION.finditer(text)]
        return cls(text, facts, numbers, fractions)

    def places(self, fact: Fact) -> list[tuple[str, int]]:
        """Each place in this sentence that says `fact` in an equivalent form (module docstring)."""
        if fact.kind == "number":
            return [("number", position) for position, value in self.numbers if value == fact.key]
        if fact.kind == "percentage":
            form, value = fact.key

            def same(other: tuple[str, float]) -> bool:
                # a fraction stands for a rounded percentage ("1 in 3" for 33%), either way round
                return abs(other[1] - value) < (0.5001 if "fraction" in (form, other[0]) else 0.01)

            return self._facts("percentage", same) + [("fraction", p) for p, v in self.fractions if abs(v - value) <= 0.5]
        if fact.kind == "date":
            year, month, day = fact.key

            def same(other: tuple[int | None, int, int | None]) -> bool:
                other_year, other_month, other_day = other
                return (other_month, other_day) == (month, day) and (
                    year is None or other_year == year
                    or (other_year is None and any(value == str(year) for _, value in self.numbers)))

            return self._facts("date", same)
        places = self._facts(fact.kind, lambda key: key == fact.key)
        if fact.kind == "code" and not places:  # "A 466" for "A466"
            return [("code", n) for n in range(_alnum(self.text).count(_alnum(str(fact.key))))]
        return places

    def _facts(self, kind: str, same) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
        return [("fact", index) for index, fact in enumerate(self.facts) if fact.kind == kind and same(fact.key)]


@dataclass
class FactBag:
    """The facts of some Easy Read sentences, ready to answer "is this source fact here, in any form?".

    A fact counts only when it is whole within one sentence: "on 11th March." followed by "2026 at
    7pm." has cut the year off the date, even though both are on the page.
    """

    sentences: list[_Sentence] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> FactBag:
        """The bag of `text`: one sentence (an Easy Read item, heading or title) a line."""
        return cls([_Sentence.of(line) for line in text.split("\n") if line.strip()])

    @property
    def text(self) -> str:
        return "\n".join(sentence.text for sentence in self.sentences)

    def has(self, fact: Fact, used: set[tuple[int, str, int]] | None = None) -> bool:
        """Whether `fact` (from the source) is in one of the sentences in an equivalent form.

        With `used`, each place in the sentences answers for one fact only, and the place found is
        added to `used`: a part that says "50%" twice needs "50%" twice in its items.
        """
        for index, sentence in enumerate(self.sentences):
            for kind, position in sentence.places(fact):
                if used is None:
                    return True
                if (index, kind, position) not in used:
                    used.add((index, kind, position))
                    return True
        return False
