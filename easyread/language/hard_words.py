"""Find the hard words left in a sentence: terms we keep and explain, and rare words.

Terms to keep (council tax, appeal, NHS) come with a one-sentence explanation from
data/hard_words.tsv and go on the "Hard words" page. Other words rarer than a Zipf frequency of
3.0 (wordfreq) are marked too, without an explanation.
"""

from __future__ import annotations

import re
from functools import cache

from easyread.data import data_rows, data_words
from easyread.model import HardWord

RARE_ZIPF = 3.0


@cache
def _explained() -> tuple[dict[str, str], re.Pattern[str], frozenset[str]]:
    """{term: explanation}, one pattern finding any term, and the terms that are acronyms."""
    explanations = {row[0].lower(): row[1] for row in data_rows("hard_words.tsv")}
    acronyms = frozenset(row[0].lower() for row in data_rows("hard_words.tsv") if row[0].isupper())
    terms = sorted(explanations, key=len, reverse=True)
    # Plural "s" allowed so that "appeals" finds "appeal".
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(r"\s+".join(map(re.escape, term.split())) for term in terms) + r")(?:s|es)?(?![\w-])",
        re.IGNORECASE,
    )
    return explanations, pattern, acronyms


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@cache
def _easy_words() -> frozenset[str]:
    return data_words("easy_words.txt") | data_words("function_words.txt")


def is_rare_word(word: str, threshold: float = RARE_ZIPF) -> bool:
    """Whether a lower-case `word` is rarer than `threshold` on wordfreq's Zipf scale and not on our easy list."""
    lower = word.lower()
    return lower not in _easy_words() and _zipf(lower) < threshold


def is_hard_word(word: str, threshold: float = RARE_ZIPF) -> bool:
    """Whether `word` is rare (is_rare_word) and so is every lemma of it: "phoning" (phone),
    "jails" (jail) and "fairer" (fair) are everyday words in another form, not hard words; lemmas
    from lemminflect (easyread.language.inflection)."""
    from easyread.language.inflection import all_lemmas

    if not is_rare_word(word, threshold):
        return False
    lower = word.lower()
    return all(is_rare_word(lemma, threshold) for forms in all_lemmas(lower).values() for lemma in forms
               if lemma.lower() != lower)


def explanation_for(term: str) -> str | None:
    explanations, _, _ = _explained()
    return explanations.get(term.lower())


def explained_term_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` has terms from the "Hard words" list, so word swaps leave them whole."""
    explanations, pattern, acronyms = _explained()
    return [match.span() for match in pattern.finditer(text)
            if (key := re.sub(r"\s+", " ", match.group(1).lower())) in explanations
            and not (key in acronyms and not match.group(1).isupper())]


def find_hard_words(sentence: str) -> list[HardWord]:
    """The hard words in `sentence` in order, each once: explained terms first claim their words.

    Nothing inside a web address, email, phone number, code or place name is a hard word ("policy"
    in a web address, "court" in "Rosemary Court").
    """
    from easyread.language.protect import no_emphasis_spans

    explanations, pattern, acronyms = _explained()
    found: list[HardWord] = []
    taken: list[tuple[int, int]] = no_emphasis_spans(sentence)  # addresses, codes, place names: not words
    for match in pattern.finditer(sentence):
        if any(start <= match.start() < end for start, end in taken):
            continue
        term = match.group(1)
        key = re.sub(r"\s+", " ", term.lower())
        if key not in explanations:
            continue
        if key in acronyms and not term.isupper():  # "SEND" the acronym, not "send" the verb
            continue
        found.append(HardWord(re.sub(r"\s+", " ", term), explanations[key]))
        taken.append(match.span())
    for match in re.finditer(r"(?<![\w-])[a-z]{4,}(?![\w-])", sentence):
        # Lower case only: a capitalised word is a name (Northbrook) or starts the sentence, and
        # names are not hard words.
        if any(start <= match.start() < end for start, end in taken):
            continue
        word = match.group(0)
        if not is_rare_word(word):
            continue
        found.append(HardWord(word, None))
    unique: dict[str, HardWord] = {}
    for hard in found:
        unique.setdefault(hard.word.lower(), hard)
    return list(unique.values())
