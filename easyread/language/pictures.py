"""Say what the picture beside a sentence should show, from the sentence's key nouns and facts.

A person or a picture library uses the description to choose a real picture; the PDF shows it in
the placeholder box until then.
"""

from __future__ import annotations

import re
from functools import cache

from easyread.data import data_words
from easyread.language.dates import MONTH_NAMES

_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"  # "January" ... "December", as written in a date

# A fact in the sentence makes the clearest picture of all.
_FACT_PICTURES = (
    (re.compile(r"£|\b\d+p\b"), "money"),
    (re.compile(r"@"), "an email"),
    (re.compile(r"\b(?:www\.|https?://)|\.gov\.uk\b"), "a computer showing a website"),
    # "ring" only in lower case: "Ring" in a list of names is a surname ("Lee Ring")
    (re.compile(r"\b0\d{2,4}[ \d]{6,10}\b|\b(?:(?i:phone|call)|ring)\b"), "a telephone"),
    # a month beside a day or a year is a date; "June" alone may be a name ("Proposer: June Hutchinson")
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{4}}\b|"
                rf"\b(?i:in|on|by|from|until|during|since|before|after|every|each|next|last)\s+{_MONTH}\b"
                r"(?!\s+[A-Z][a-z])"), "a calendar"),  # "by June Hutchinson" is a name
    (re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b", re.IGNORECASE), "a clock"),
)


# The description of an item whose sentence names nothing to show ("Also."): a placeholder's
# words for the person who draws it, never matched against a picture set (a person would fit any
# sentence, so it would say nothing).
NOTHING_TO_SHOW = "a person reading"


@cache
def is_noun(word: str) -> bool:
    """Whether `word` can be a noun (any case; from the inflection lemmas: "bin", "food", "garden")."""
    from easyread.language.inflection import all_lemmas

    return "NOUN" in all_lemmas(word.lower())


@cache
def singular(word: str) -> str:
    """The singular of a noun, lower case ("Bins" -> "bin"); other words lower case as they are."""
    from easyread.language.inflection import all_lemmas

    lemmas = all_lemmas(word.lower()).get("NOUN")
    return lemmas[0] if lemmas else word.lower()


def key_nouns(sentence: str, limit: int = 3) -> list[str]:
    """Up to `limit` nouns of the sentence that make good picture labels, in order, singular."""
    skip = data_words("function_words.txt")
    nouns: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", sentence):
        lower = word.lower()
        if lower in skip or len(lower) < 3 or not is_noun(word):
            continue
        noun = singular(word)
        if noun not in nouns:
            nouns.append(noun)
        if len(nouns) == limit:
            break
    return nouns


def describe_picture(sentence: str, english: bool = True) -> str:
    """A short description of the picture for `sentence`, e.g. "a calendar, bin, Tuesday". For a
    sentence not in English (`english` False) only its facts choose ("a telephone"): its words are
    not English nouns ("wag" in Welsh is "empty")."""
    parts = [picture for pattern, picture in _FACT_PICTURES if pattern.search(sentence)][:1]
    if english:
        parts += key_nouns(sentence, limit=3 - len(parts))
    return ", ".join(parts) if parts else NOTHING_TO_SHOW
