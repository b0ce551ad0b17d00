"""Council-register phrases ("in respect of", "prior to", "provide us with") and their plain forms.

The list is data/council_phrases.tsv. A PHRASE entry is matched as written; a VERB entry starts with a
verb that is matched in any of its forms and gives the plain side's first word the same form
("provided us with" -> "gave us" after "we", "given us" after "have"), and its "*" stands for the
object, carried over whole ("provide the council with" -> "give the council").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from easyread.data import data_rows
from easyread.language.inflection import all_inflections, choose_tag, inflect, tags_of
from easyread.language.placeholders import CLASS
from easyread.language.word_rules import BE_FORMS, blocked, context_at, parse_rules, used_as

DROP = "-"  # the plain side of a phrase that is simply left out: "please note that", "hereby"
_OBJECT_WORD = r"(?!with\b)[a-z]+"
# The object a "*" stands for: a pronoun, a protected name, or a determiner and up to 3 words.
SLOT = (rf"(?P<slot>us|you|them|him|her|me|[{CLASS}]|"
        rf"(?:the|a|an|your|our|their|this|these|those|his|its|any|all|each)(?:\s+{_OBJECT_WORD}){{1,3}})")


@dataclass(frozen=True)
class Phrase:
    """One entry: `pattern` finds it; `plain` replaces it ("" to drop it); `lemma` is the verb's base
    form for a VERB entry ("" for a PHRASE); `rules` are its not_when rules."""

    hard: str
    plain: str
    lemma: str
    pattern: re.Pattern[str]
    rules: tuple[tuple[str, frozenset[str]], ...]


def _words_pattern(words: list[str]) -> str:
    return r"\s+".join(SLOT if word == "*" else re.escape(word) for word in words)


@cache
def phrases() -> tuple[Phrase, ...]:
    """Every entry of data/council_phrases.tsv, longest first so "in order to" wins over "in order"."""
    found = []
    for row in data_rows("council_phrases.tsv"):
        hard, plain, kind = row[0].lower(), row[1], row[2].upper()
        rules = parse_rules(row[3] if len(row) > 3 else "")
        words = hard.split()
        lemma = ""
        if kind == "VERB":
            lemma = words[0]
            forms = sorted({form for tag_forms in all_inflections(lemma, "VERB").values() for form in tag_forms} | {lemma},
                           key=len, reverse=True)
            head = "(?P<head>" + "|".join(map(re.escape, forms)) + ")"
            body = head + (r"\s+" + _words_pattern(words[1:]) if len(words) > 1 else "")
        else:
            body = _words_pattern(words)
        pattern = re.compile(r"(?<![\w-])" + body + r"(?![\w-])", re.IGNORECASE)
        found.append(Phrase(hard, "" if plain == DROP else plain, lemma, pattern, rules))
    return tuple(sorted(found, key=lambda phrase: len(phrase.hard), reverse=True))


def plain_for(phrase: Phrase, text: str, match: re.Match[str]) -> str | None:
    """The plain form of one match of `phrase` in `text`, or None where a not_when rule forbids the swap."""
    context = context_at(text, match.start(), match.end())
    tag = ""
    plain = phrase.plain
    if phrase.lemma:
        head = match.group("head").lower()
        tags = tags_of(head, phrase.lemma, "VERB")
        if not tags:
            return None
        tag = choose_tag(tags, context.previous, "")
        if head not in BE_FORMS and not used_as(head, "VERB", tag, context):
            return None  # "a written undertaking to repair" is a noun, not "a written promising to repair"
        plain = inflect(plain, tag) if plain else plain
    if blocked(phrase.rules, context, tag):
        return None
    if "*" in plain and "slot" in match.groupdict() and match.group("slot"):
        plain = plain.replace("*", match.group("slot"))
    return plain
