"""Readability scores from our own sentences, words and syllables, with the published formulas.

One way to cut text for every score (issue 14): each unit (a line, list item, block or Easy Read
item) is split into sentences by `language.sentences.split_sentences` and never joined to the next
one, so a list scores the same with or without full stops. Words are `language.sentences.words`;
syllables are counted word by word with textstat's counter (the CMU Pronouncing Dictionary, else
pyphen's hyphenation). textstat's own sentence and word counters are never used.

The formulas, each from its published source:
- Flesch Reading Ease (Flesch 1948, "A new readability yardstick", J. Applied Psychology 32):
  206.835 - 1.015 x words/sentence - 84.6 x syllables/word.
- Flesch-Kincaid grade (Kincaid, Fishburne, Rogers, Chissom 1975, Navy research branch report
  8-75): 0.39 x words/sentence + 11.8 x syllables/word - 15.59.
- SMOG (McLaughlin 1969, "SMOG grading", J. Reading 12), in the form textstat uses:
  1.043 x sqrt(30 x words of 3+ syllables / sentences) + 3.1291.
- Gunning Fog (Gunning 1952, "The Technique of Clear Writing"): 0.4 x (words/sentence +
  100 x share of words of 3+ syllables); Gunning's exceptions (names, compounds, -ed/-es
  endings) are not applied.
- New Dale-Chall (Chall and Dale 1995): 0.1579 x percent unfamiliar words + 0.0496 x
  words/sentence, + 3.6365 when more than 5% are unfamiliar; unfamiliar: not on the Dale-Chall
  list of 3,000 familiar words as textstat ships it (inflected forms count as unfamiliar there);
  a figure is never unfamiliar. Given only from 100 words, as the formula is meant for samples.
- Reading time: 14.69 ms a character of the words (Demberg and Keller 2008, the rate textstat uses).

A figure ("2024", "£1,987.45") counts as one word of one syllable, and a web or email address as
the one-syllable word "link": a reader takes each in as one thing (Flesch 1948 counted figures as
read aloud; we do not, so a date-heavy Easy Read page is not marked down for its facts).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

from easyread.checks.textstat_offline import textstat_offline
from easyread.language.sentences import split_sentences, words

__all__ = ["Metrics", "measure", "measure_sentences", "measure_units", "syllables", "textstat_offline"]

_LETTER = re.compile(r"[^\W\d_]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_WORD_PARTS = re.compile(r"[-/–]")


@dataclass(frozen=True)
class Metrics:
    """The scores of one text. Higher reading ease is easier; grades are school years (US).

    Shares are fractions of 0-1; `words_per_sentence_mean` and `syllables_per_word` are means.
    """

    sentences: int
    words: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog_index: float
    gunning_fog: float
    dale_chall: float | None  # only meaningful with 100 words or more
    reading_time_seconds: float
    words_per_sentence_mean: float
    words_per_sentence_max: int
    share_sentences_over_15: float
    syllables_per_word: float
    share_hard_words: float
    share_sentences_over_20: float = 0.0

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


def _addresses_as_words(text: str) -> str:
    """Web and email addresses as one short word each: the formulas would count "northbrook.gov.uk"
    as a very long word, and a reader reads an address as one thing, not as prose."""
    from easyread.language.facts import EMAIL, URL

    for pattern in (EMAIL, URL):
        text = pattern.sub("link", text)
    return text


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word (as `language.sentences.words` gives it), at least 1.

    textstat's counter (CMU dictionary, else pyphen) on each part of a word joined by "-" or "/";
    a curly apostrophe reads as a straight one ("doesn’t" = "doesn't", 2); a figure is 1.
    """
    textstat = textstat_offline()
    parts = [part for part in _WORD_PARTS.split(word.translate(_APOSTROPHES)) if _LETTER.search(part)]
    return sum(max(1, int(textstat.syllable_count(part))) for part in parts) if parts else 1


@lru_cache(maxsize=65536)
def _is_unfamiliar(word: str, syllable_threshold: int) -> bool:
    """Not on textstat's Dale-Chall list and at least `syllable_threshold` syllables; never a figure."""
    if not _LETTER.search(word):
        return False
    return bool(textstat_offline().is_difficult_word(word.translate(_APOSTROPHES).lower(), syllable_threshold))


def measure_units(texts: Iterable[str], hard_word_count: int | None = None) -> Metrics:
    """Score a document given as units (lines, list items, blocks or Easy Read items, in order).

    Each unit is split into sentences on its own and is at least one sentence, with or without an
    end mark; units are never joined. `hard_word_count` is the number of hard words found by the
    rule checks, if known (else words off the Dale-Chall list with 2 or more syllables). This is
    the one scoring function of `easyread check` and of convert's summary.
    """
    return measure_sentences([sentence for text in texts for sentence in split_sentences(text)], hard_word_count)


def measure(text: str, hard_word_count: int | None = None) -> Metrics:
    """Score `text`, each line a unit (`measure_units`)."""
    return measure_units(text.splitlines(), hard_word_count)


def measure_sentences(sentences: list[str], hard_word_count: int | None = None) -> Metrics:
    """Score sentences already cut (see `measure_units`); an empty list scores as the easiest text."""
    sentences = [_addresses_as_words(sentence) for sentence in sentences]
    per_sentence = [words(sentence) for sentence in sentences]
    per_sentence_kept = [ws for ws in per_sentence if ws]  # a sentence of only symbols is no sentence
    all_words = [word for ws in per_sentence_kept for word in ws]
    count = len(all_words)
    if not count:
        return Metrics(sentences=0, words=0, flesch_reading_ease=100.0, flesch_kincaid_grade=0.0, smog_index=0.0,
                       gunning_fog=0.0, dale_chall=None, reading_time_seconds=0.0, words_per_sentence_mean=0.0,
                       words_per_sentence_max=0, share_sentences_over_15=0.0, syllables_per_word=0.0,
                       share_hard_words=0.0, share_sentences_over_20=0.0)
    lengths = [len(ws) for ws in per_sentence_kept]
    n_sentences = len(lengths)
    word_syllables = [syllables(word) for word in all_words]
    wps = count / n_sentences
    spw = sum(word_syllables) / count
    polysyllables = sum(1 for n in word_syllables if n >= 3)
    if hard_word_count is None:
        hard_word_count = sum(1 for word in all_words if _is_unfamiliar(word, 2))
    unfamiliar = 100 * sum(1 for word in all_words if _is_unfamiliar(word, 0)) / count
    characters = sum(len(word) for word in all_words)  # the words' characters: layout and end marks count for nothing
    return Metrics(
        sentences=n_sentences,
        words=count,
        flesch_reading_ease=round(206.835 - 1.015 * wps - 84.6 * spw, 1),
        flesch_kincaid_grade=round(0.39 * wps + 11.8 * spw - 15.59, 1),
        smog_index=round(1.043 * math.sqrt(30 * polysyllables / n_sentences) + 3.1291, 1),
        gunning_fog=round(0.4 * (wps + 100 * polysyllables / count), 1),
        dale_chall=round(0.1579 * unfamiliar + 0.0496 * wps + (3.6365 if unfamiliar > 5 else 0.0), 1)
        if count >= 100 else None,
        reading_time_seconds=round(14.69 * characters / 1000, 1),
        words_per_sentence_mean=round(wps, 1),
        words_per_sentence_max=max(lengths),
        share_sentences_over_15=round(sum(1 for n in lengths if n > 15) / n_sentences, 3),
        syllables_per_word=round(spw, 2),
        share_hard_words=round(hard_word_count / count, 3),
        share_sentences_over_20=round(sum(1 for n in lengths if n > 20) / n_sentences, 3),
    )
