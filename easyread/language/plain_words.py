"""Swap hard words and phrases for everyday ones, keeping grammar and sense.

Words come from data/plain_words.tsv (each with its part of speech and the contexts where it must not
be used), phrases from data/council_phrases.tsv (language/council_phrases.py). A word is swapped only
where it is used as the part of speech its entry gives (judged from its neighbours, language/
word_rules.py), and the plain word takes its inflection ("purchased" -> "bought"); "a"/"an" before a
swapped word is fixed. A swap that cannot be made grammatical is not made: the word stays, and the
"Hard words" page explains it if it is on that list. Nothing is swapped inside a quotation, a name,
a fixed term (data/fixed_terms.txt) or a term the "Hard words" page explains.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from easyread.data import data_lines, data_rows
from easyread.language.council_phrases import phrases, plain_for
from easyread.language.inflection import all_lemmas, choose_tag, inflect, lemmas, match_case, tags_of
from easyread.language.word_rules import (
    Context,
    blocked,
    context_at,
    loses_object,
    parse_rules,
    strands_particle,
    used_as,
)

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_LOWER_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])([Aa])(n?)(\s+)$")
# 'Straight single quotes' around two or more words; protect.py finds the other kinds of quotation.
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'(?=\w)[^'\n]{1,300}?\s[^'\n]{0,300}?(?<=[\w.!?,])'(?!\w)")
_POS_ORDER = ("VERB", "NOUN", "ADJ", "ADV")


@dataclass(frozen=True)
class Replacement:
    original: str
    plain: str


@dataclass(frozen=True)
class Entry:
    """One row of data/plain_words.tsv: `plain` for `hard` used as `pos`, except where `rules` say not."""

    hard: str
    plain: str
    pos: str
    rules: tuple[tuple[str, frozenset[str]], ...]


@cache
def word_entries() -> dict[tuple[str, str], Entry]:
    """{(hard word, part of speech): Entry} from data/plain_words.tsv."""
    entries = {}
    for row in data_rows("plain_words.tsv"):
        entry = Entry(row[0].lower(), row[1], row[2].upper(), parse_rules(row[3] if len(row) > 3 else ""))
        entries[(entry.hard, entry.pos)] = entry
    return entries


@cache
def _fixed_terms() -> re.Pattern[str]:
    terms = sorted((line.strip().lower() for line in data_lines("fixed_terms.txt")), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, term.split())) for term in terms)
    return re.compile(rf"(?<![\w-])(?:{body})(?:s)?(?![\w-])", re.IGNORECASE)


def _word_plain(word: str, context: Context) -> str | None:
    """The everyday word for `word` here, inflected like it, or None (no entry, or no safe swap)."""
    lower = word.lower()
    entries = word_entries()
    for pos in _POS_ORDER:
        for lemma in dict.fromkeys((*lemmas(lower, pos), lower)):
            entry = entries.get((lemma, pos))
            if entry is None:
                continue
            tags = tags_of(lower, lemma, pos) or (("VB",) if pos == "VERB" and lower == lemma else ())
            if not tags:
                continue
            tag = choose_tag(tags, context.previous, context.following)
            if not used_as(lower, pos, tag, context) or blocked(entry.rules, context, tag):
                continue
            plain = inflect(entry.plain, tag) if lower != lemma or pos == "VERB" else entry.plain
            if pos == "VERB" and (strands_particle(entry.plain, context) or loses_object(entry.plain, context, tag)):
                continue
            return plain
    return None


def plain_word_for(word: str, previous: str = "", following: str = "") -> str | None:
    """The everyday word for `word` between `previous` and `following`, inflected like it, or None.

    A convenience for one word: `simplify_words` reads the whole clause around each word.
    """
    text = f"{previous} {word} {following}".strip()
    start = len(previous) + 1 if previous else 0
    return _word_plain(word, context_at(text, start, start + len(word)))


def _vowel_sound(word: str) -> bool:
    lower = word.lower()
    if lower.startswith(("hour", "honest", "honour")):
        return True
    if lower.startswith(("uni", "use", "usu", "eu", "one")):
        return False
    return lower[:1] in "aeiou"


def kept_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(spans where nothing is swapped: quotations, names, fixed terms; spans of terms the "Hard words"
    page explains, which a phrase may replace whole but no word swap may break up)."""
    from easyread.language.hard_words import explained_term_spans
    from easyread.language.names import name_spans
    from easyread.language.protect import quotation_spans

    spans = name_spans(text) + quotation_spans(text)
    spans += [match.span() for match in _SINGLE_QUOTED.finditer(text)]
    spans += [match.span() for match in _fixed_terms().finditer(text)]
    return spans, explained_term_spans(text)


class _Spans:
    """Sorted, merged (start, end) spans with overlap look-ups in O(log n), so that a long paragraph
    with many names and swaps costs time in proportion to its length."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def _first_after(self, position: int) -> int:
        return bisect_right(self.ends, position)  # the first span ending after `position`

    def overlaps(self, start: int, end: int) -> bool:
        index = self._first_after(start)
        return start < end and index < len(self.starts) and self.starts[index] < end

    def breaks_up(self, start: int, end: int) -> bool:
        """Whether [start, end) takes part of a span but not all of it."""
        index = self._first_after(start)
        while index < len(self.starts) and self.starts[index] < end:
            if not (start <= self.starts[index] and self.ends[index] <= end):
                return True
            index += 1
        return False

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none already here."""
        index = bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def _capitalised_inside(text: str, start: int, word: str) -> bool:
    """A capitalised word inside a sentence is part of a name or title ("Monitoring Officer")."""
    return word[:1].isupper() and not context_at(text, start, start + len(word)).sentence_start


def _possessive(text: str, end: int) -> bool:
    """Whether the word ending at `end` is a possessive ("residents’ parking"): "people’" would be wrong."""
    return text[end: end + 1] in ("'", "’")


def _blocked_phrase(match: re.Match[str], kept: _Spans, chosen: _Spans, explained: _Spans) -> bool:
    """Whether a phrase match would change kept text: a name, quotation or fixed term outside its object
    slot ("provide Northbrook Council with" carries the name over whole), an earlier swap, or part of a
    term the "Hard words" page explains."""
    start, end = match.span()
    if chosen.overlaps(start, end) or explained.breaks_up(start, end):
        return True
    if "slot" in match.groupdict() and match.group("slot") is not None:
        slot_start, slot_end = match.span("slot")
        return kept.overlaps(start, slot_start) or kept.overlaps(slot_end, end)
    return kept.overlaps(start, end)


def _phrase_swaps(text: str, kept: _Spans, explained: _Spans) -> list[tuple[int, int, str]]:
    present = set(_LOWER_WORD.findall(text.lower()))
    found: list[tuple[int, int, str]] = []
    chosen = _Spans([])
    for phrase in phrases():
        first = next(iter(_LOWER_WORD.findall(phrase.hard)), "")
        if not phrase.lemma and first not in present:
            continue  # the phrase cannot be here: skip a scan of the whole text
        for match in phrase.pattern.finditer(text):
            if _blocked_phrase(match, kept, chosen, explained) or _capitalised_inside(text, match.start(), match.group(0)) \
                    or _possessive(text, match.end()):
                continue
            plain = plain_for(phrase, text, match)
            if plain is None:
                continue
            found.append((match.start(), match.end(), plain))
            chosen.add(match.start(), match.end())
    return found


def _word_swaps(text: str, taken: _Spans) -> list[tuple[int, int, str]]:
    entries = {hard for hard, _ in word_entries()}
    chosen = []
    for match in WORD.finditer(text):
        word, start, end = match.group(0), match.start(), match.end()
        lower = word.lower()
        if lower not in entries and not any(lemma in entries for found in all_lemmas(lower).values() for lemma in found):
            continue
        if text[start - 1: start] == "-" or text[end: end + 1] == "-" or taken.overlaps(start, end) or _possessive(text, end):
            continue  # "well-maintained", "co-operate": part of a compound
        if _capitalised_inside(text, start, word):
            continue
        plain = _word_plain(word, context_at(text, start, end))
        if plain is not None and plain.lower() != lower:
            chosen.append((start, end, plain))
    return chosen


def simplify_words(text: str) -> tuple[str, list[Replacement]]:
    """`text` with hard phrases and words replaced, and the list of what was replaced, in text order."""
    kept, explained = kept_spans(text)
    swaps = _phrase_swaps(text, _Spans(kept), _Spans(explained))
    swaps += _word_swaps(text, _Spans(kept + explained + [(start, end) for start, end, _ in swaps]))
    pieces: list[str] = []
    replacements: list[Replacement] = []
    cursor = 0
    for start, end, plain in sorted(swaps):
        original = text[start:end]
        replacement = match_case(plain, original) if plain else ""
        before = text[cursor:start]
        article = _ARTICLE_BEFORE.search(before)
        if article and replacement:  # "an assessment" -> "a check": make the article agree with the new word
            new_article = "an" if _vowel_sound(replacement) else "a"
            before = before[: article.start()] + match_case(new_article, article.group(1)) + article.group(3)
        pieces += [before, replacement]
        replacements.append(Replacement(original, replacement))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), replacements

