"""Swap hard words and phrases for everyday ones, from the word list in data/plain_words.tsv.

Phrases ("in accordance with") are replaced whole; single words keep their inflection
("purchased" -> "bought", "residences" -> "homes"), and "a"/"an" before a swapped word is fixed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from easyread.data import data_rows
from easyread.language.inflection import all_lemmas, choose_tag, inflect, lemmas, match_case, tags_of

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_LOWER_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# Before a bare verb form that is also a noun ("permit", "request"), one of these words says it is a verb.
_VERB_CUES = frozenset(
    "to will would can could must may might should shall please you we they i not never also then and or "
    "don't didn't won't cannot can't".split()
)
_OBJECT_STARTS = frozenset("a an the your our their this that these those it them us you me him her any all".split())
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])([Aa])(n?)(\s+)$")


DROP = "-"  # the plain side of a phrase that is simply left out: "please note that", "hereby"


@dataclass(frozen=True)
class Replacement:
    original: str
    plain: str


@cache
def _table() -> tuple[dict[tuple[str, str], str], tuple[tuple[re.Pattern[str], str, str], ...]]:
    """({(word, part of speech): plain word}, ((phrase pattern, plain, the phrase's first word), ...)).
    A phrase is only looked for in text that has its first word."""
    words: dict[tuple[str, str], str] = {}
    phrases: list[tuple[str, str]] = []
    for row in data_rows("plain_words.tsv"):
        hard, plain, pos = row[0].lower(), row[1], row[2].upper()
        if pos == "PHRASE" or " " in hard:
            phrases.append((hard, "" if plain == DROP else plain))
        else:
            words[(hard, pos)] = plain
    phrases.sort(key=lambda pair: len(pair[0]), reverse=True)  # "in order to" before "in order"
    compiled = tuple(
        (re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, hard.split())) + r"(?![\w-])", re.IGNORECASE), plain,
         next(iter(_LOWER_WORD.findall(hard)), ""))
        for hard, plain in phrases
    )
    return words, compiled


def _reads_as_verb(lower: str, previous: str, following: str) -> bool:
    """For a word that is both a verb and a noun: whether this use is the verb.

    "You must purchase a permit" and "Purchase it today" are verbs; "your purchase", "a parking
    permit" and "permits" are nouns. Without a tagger we look at the neighbours only.
    """
    if "NOUN" not in all_lemmas(lower):
        return True
    previous = previous.lower()
    if previous in _VERB_CUES:
        return True
    return previous == "" and following.lower() in _OBJECT_STARTS


def plain_word_for(word: str, previous: str = "", following: str = "") -> str | None:
    """The everyday word for `word`, inflected like it, or None when the list has none.

    `previous` and `following` are the words either side, used to tell a verb from a noun.
    """
    words, _ = _table()
    lower = word.lower()
    for pos in ("VERB", "NOUN", "ADJ", "ADV"):
        if (lower, pos) in words:
            if pos == "VERB" and not _reads_as_verb(lower, previous, following):
                continue
            return words[(lower, pos)]
        for lemma in lemmas(lower, pos):
            plain = words.get((lemma, pos))
            if plain is None:
                continue
            tags = tags_of(lower, lemma, pos)
            if not tags:
                continue
            tag = choose_tag(tags, previous, following)
            if pos == "VERB" and tag in ("VBZ", "VBP", "VB") and not _reads_as_verb(lower, previous, following):
                continue  # "permits", "requests": more often nouns
            return inflect(plain, tag)
    return None


def _vowel_sound(word: str) -> bool:
    lower = word.lower()
    if lower.startswith(("hour", "honest", "honour")):
        return True
    if lower.startswith(("uni", "use", "usu", "eu", "one")):
        return False
    return lower[:1] in "aeiou"


_NEXT_WORD = re.compile(r"\W*([A-Za-z']+)")


def _substitute(text: str, pattern: re.Pattern[str], plain_of: Callable[[re.Match[str], str, str], str | None],
                replacements: list[Replacement]) -> str:
    pieces: list[str] = []
    cursor = 0
    previous = ""
    for match in pattern.finditer(text):
        original = match.group(0)
        following_match = _NEXT_WORD.match(text, match.end())
        plain = plain_of(match, previous, following_match.group(1) if following_match else "")
        previous = original
        if plain is None or plain.lower() == original.lower():
            continue
        replacement = match_case(plain, original)
        before = text[cursor : match.start()]
        article = _ARTICLE_BEFORE.search(before)
        if article:  # "an assessment" -> "a check": make the article agree with the new word
            new_article = "an" if _vowel_sound(replacement) else "a"
            before = before[: article.start()] + match_case(new_article, article.group(1)) + article.group(3)
        pieces += [before, replacement]
        replacements.append(Replacement(original, replacement))
        cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces)


_OPENERS = "\"'“‘("


def _starts_sentence(text: str, position: int) -> bool:
    """Whether `position` starts a sentence: only spaces and an opening quote or bracket between it
    and the start of the text or a . ! ? : before it. Looks back a few characters only, so a long
    paragraph costs time in proportion to its length."""
    index = position - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    if index >= 0 and text[index] in _OPENERS:
        index -= 1
        while index >= 0 and text[index].isspace():
            index -= 1
    return index < 0 or text[index] in ".!?:"


def _inside(position: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether `position` is inside one of `spans` (sorted, not overlapping; `starts` their starts)."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _plain_unless_kept(text: str, match: re.Match[str], previous: str, following: str,
                       kept: list[tuple[int, int]], starts: list[int]) -> str | None:
    """The plain word for a match, except for a word we keep as written: a capitalised word inside a
    sentence is part of a name or title ("Monitoring Officer", "Care Act"), and a word inside a term
    explained on the "Hard words" page ("financial assessment") must stay whole to be explained."""
    word = match.group(0)
    if word[:1].isupper() and not _starts_sentence(text, match.start()):
        return None
    if _inside(match.start(), starts, kept):
        return None
    return plain_word_for(word, previous, following)


def simplify_words(text: str) -> tuple[str, list[Replacement]]:
    """`text` with hard phrases and words replaced, and the list of what was replaced."""
    replacements: list[Replacement] = []
    _, phrases = _table()
    present = set(_LOWER_WORD.findall(text.lower()))
    for pattern, plain, first in phrases:
        if first and first not in present:
            continue  # the phrase cannot be here: skip a scan of the whole text
        before = len(replacements)
        text = _substitute(text, pattern, lambda _match, _previous, _following, plain=plain: plain, replacements)
        if len(replacements) > before:
            present |= set(_LOWER_WORD.findall(plain.lower()))
    from easyread.language.hard_words import explained_term_spans

    kept = sorted(explained_term_spans(text))
    starts = [start for start, _ in kept]
    text = _substitute(text, WORD, lambda match, previous, following: _plain_unless_kept(
        text, match, previous, following, kept, starts), replacements)
    return text, replacements
