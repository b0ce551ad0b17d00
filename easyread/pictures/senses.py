"""Which sense a sentence uses its words in, and which pictures suit it (issue 16).

The rules are data, written by us: `easyread/data/picture_senses.tsv`. A "word" rule says a keyword
is not matched in a given context ("Head of Revenues" is not a head); a "picture" rule says a
picture fits only a sentence with certain words (a frowning face only when someone is sad) or never
(the service-mark sign, a $ money bag); a "qualifier" rule names a class of words (colours, sizes)
that tell pictures apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from easyread.data import data_rows
from easyread.language.dates import MONTH_NAMES

SENSES_FILE = "picture_senses.tsv"
NEAR = 3  # words either side that count as "near"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*|[:,;.()/!?]")


@dataclass(frozen=True)
class Token:
    """One word of a text as written (`text`), lower case (`lower`) and singular (`word`); or a
    punctuation mark (all three the mark), which ends a phrase."""

    text: str
    lower: str
    word: str


def tokens(text: str) -> list[Token]:
    """The words and punctuation marks of `text` in order; hyphens and underscores split words, "’" is "'"."""
    from easyread.language.pictures import singular

    found = []
    for raw in _TOKEN.findall(text.replace("’", "'").replace("-", " ").replace("_", " ")):
        lower = raw.lower().strip("'")
        found.append(Token(raw, lower, singular(lower) if lower[:1].isalpha() else lower))
    return found


@dataclass(frozen=True)
class SenseRules:
    """The parsed `picture_senses.tsv`: word rules by keyword ("*" for any word), picture rules, and
    the class of each qualifier."""

    words: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # keyword -> ((test, words), ...)
    pictures: tuple[tuple[frozenset[str], frozenset[str] | None], ...]  # (name words, needs; None: never)
    qualifiers: dict[str, str]  # word -> its class ("green" -> "colour")


@cache
def sense_rules() -> SenseRules:
    """The rules of `picture_senses.tsv`, parsed once. Raises ValueError for a row it cannot read
    (a bug in our own data, caught by the tests)."""
    words: dict[str, list[tuple[str, frozenset[str]]]] = {}
    pictures: list[tuple[frozenset[str], frozenset[str] | None]] = []
    qualifiers: dict[str, str] = {}
    for row in data_rows(SENSES_FILE):
        if len(row) < 3:
            raise ValueError(f"{SENSES_FILE}: cannot read the rule {row!r}")
        kind, subject, condition = row[0], row[1], row[2].split()
        if kind == "word" and condition and condition[0] in ("next", "previous", "near", "capital", "name"):
            words.setdefault(subject, []).append((condition[0], frozenset(condition[1:])))
        elif kind == "picture" and condition and condition[0] in ("never", "needs"):
            needs = frozenset(condition[1:]) if condition[0] == "needs" else None
            pictures.append((frozenset(subject.split()), needs))
        elif kind == "qualifier":
            qualifiers.update(dict.fromkeys(condition, subject))
        else:
            raise ValueError(f"{SENSES_FILE}: cannot read the rule {row!r}")
    return SenseRules({key: tuple(value) for key, value in words.items()}, tuple(pictures), qualifiers)


def _holds(test: str, words: frozenset[str], found: list[Token], at: int) -> bool:
    if test == "next":
        return at + 1 < len(found) and found[at + 1].lower in words
    if test == "previous":
        return at > 0 and found[at - 1].lower in words
    if test == "near":
        around = found[max(0, at - NEAR):at] + found[at + 1:at + 1 + NEAR]
        return any(token.lower in words or token.word in words for token in around)
    if test == "name":  # its words are the exceptions: kinds of place a name still shows ("Park School")
        return found[at].word not in words and _in_name(found, at)
    return found[at].text[:1].isupper()  # "capital"


def _capital_inside(found: list[Token], at: int) -> bool:
    """Whether the word at `at` has a capital and is not the first word of a sentence."""
    if not (0 <= at < len(found)) or not found[at].text[:1].isupper():
        return False
    return at > 0 and found[at - 1].text not in (".", ":", "!", "?", "(")


def _in_name(found: list[Token], at: int) -> bool:
    """Whether the word at `at` is inside a name of several capitalised words in running text
    ("Cherry Tree Grove", "Mallard Court"), or a label's value that starts one ("Proposer: June
    Hutchinson": after a colon a capitalised word before another is a name's first word)."""
    return _starts_labelled_name(found, at) or _capital_inside(found, at) and (
        _capital_inside(found, at - 1) or _capital_inside(found, at + 1) or _starts_labelled_name(found, at - 1))


_DATE_WORDS = frozenset([*(month.lower() for month in MONTH_NAMES), "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday", "sunday"])


def _starts_labelled_name(found: list[Token], at: int) -> bool:
    """Whether the word at `at` follows a label's colon and starts a name: it and the next word
    have capitals, and the next is no month or day ("Proposer: June Hutchinson", but not "Day:
    Monday 4 June")."""
    if not (0 < at < len(found) - 1) or found[at - 1].text != ":" or not found[at].text[:1].isupper():
        return False
    following = found[at + 1]
    return following.text[:1].isupper() and following.lower not in _DATE_WORDS


def other_senses(text: str, names: bool = True) -> set[str]:
    """The keywords (lower case, singular) that `text` uses only in a sense no picture of the word
    shows: {"head"} for "Contact the Head of Revenues". A word used in both senses in one text is
    still matched. With `names` False the "name" rules are not used (for a title in title case, or a
    picture description)."""
    rules = sense_rules().words
    found = tokens(text)
    other: set[str] = set()
    plain: set[str] = set()
    for at, token in enumerate(found):
        tests = tuple(test for test in rules.get(token.word, ()) + rules.get("*", ()) if names or test[0] != "name")
        if not tests:
            continue
        (other if any(_holds(test, words, found, at) for test, words in tests) else plain).add(token.word)
    return other - plain


def picture_suits(name_words: frozenset[str], text_words: frozenset[str]) -> bool:
    """Whether a picture named by `name_words` (lower case, singular, all words of its name) may show
    an item whose sentence and description have `text_words` (lower case, both as written and
    singular): False when a "picture" rule for it says never, or needs a word the text lacks."""
    for subject, needs in sense_rules().pictures:
        if subject <= name_words and (needs is None or not needs & text_words):
            return False
    return True


def qualifier_clash(name_words: frozenset[str], text_words: frozenset[str]) -> bool:
    """Whether the picture's name has a qualifier (a colour, a size) of a class the text names with
    other words only: "blue bin" for a text that says "green"."""
    classes = sense_rules().qualifiers
    for word in name_words:
        kind = classes.get(word)
        if kind and word not in text_words and any(classes.get(other) == kind for other in text_words):
            return True
    return False
