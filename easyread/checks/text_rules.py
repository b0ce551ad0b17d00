"""Rule checks on sentences and words: length, ideas, voice, negatives, words, numbers and symbols.

Pure functions: a sentence in, findings out. The location is filled in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.language.clauses import split_in_two
from easyread.language.facts import EMAIL, URL
from easyread.language.figurative import IDIOM, find_figures
from easyread.language.hard_words import is_rare_word
from easyread.language.numbers import number_words
from easyread.language.sentences import word_count
from easyread.language.style import is_passive

Hit = tuple[str, str, str]  # (rule id, offending text, suggestion)
_POSSESSIVES = frozenset("your our their his her my one's its".split())

_NEGATIVES = r"(?:not|no|never|nobody|nothing|none|nowhere|neither|cannot|can't|don't|doesn't|didn't|won't|isn't|aren't|wasn't|weren't|shouldn't|mustn't|haven't|hasn't)"
DOUBLE_NEGATIVE = re.compile(
    r"\b" + _NEGATIVES + r"\b(?:\s+\w+){0,3}?\s+\b(?:" + _NEGATIVES[3:-1] + r"|un\w+|in(?:correct|valid|eligible|appropriate|sufficient)\w*)\b",
    re.IGNORECASE,
)
LATIN = re.compile(r"\b(?:e\.\s?g\.|i\.\s?e\.|etc\.?|viz\.|cf\.|n\.b\.|et al\.?|per annum|per se|pro rata|ad hoc)(?=\W|$)", re.IGNORECASE)
PERCENT = re.compile(r"\d+(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
FRACTION = re.compile(
    r"(?<![\d/])\b\d{1,2}/\d{1,2}\b(?!/)|[¼½¾⅓⅔⅕⅛]|\b(?:a|one|two|three)[- ](?:third|quarter|fifth|eighth)s?\b|\bthree[- ]quarters\b",
    re.IGNORECASE,
)
BIG_NUMBER = re.compile(r"(?<![\w£$.,/:-])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\w.,/:-]*\d)")
ROMAN = re.compile(r"(?<![\w'])(?:\((?:i{1,3}|iv|v|vi{1,3}|ix|x)\)|(?=[IVXLC]{2,}\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(?![\w'])")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}s?\b")
SYMBOL = re.compile(r"(?<=\s)[&/+=<>~*#]+(?=\s)|(?<!\w)\w+/\w+")  # (?<!\w): start at a word, or a long word takes quadratic time


_WORD = re.compile(r"[A-Za-z][a-z]{2,}(?:-[a-z]+)*")
_LETTERS = re.compile(r"[A-Za-z]+(?:-[a-z]+)?")
_TOKEN = re.compile(r"(?<![\w-])[\w']+")



_NUMBER_WORDS_TO_FLAG = frozenset(w for w in number_words() if w not in ("one", "zero"))


def _without_addresses(sentence: str) -> str:
    for pattern in (URL, EMAIL):
        sentence = pattern.sub(" ", sentence)
    return sentence


def sentence_hits(sentence: str, max_words: int = 15) -> Iterator[Hit]:
    """Sentence-level rules: ER101 long, ER102 more than one idea, ER103 passive, ER104 double negative."""
    words = word_count(sentence)
    if words > max_words:
        yield "ER101", sentence, f"{words} words: split it into sentences of {max_words} words or fewer."
    if words > 8:
        parts = split_in_two(sentence)
        if parts:
            yield "ER102", sentence, "Split it: " + " / ".join(parts)
    if is_passive(sentence):
        yield "ER103", sentence, "Say who does it: 'We will collect your bin', not 'Your bin will be collected'."
    match = DOUBLE_NEGATIVE.search(sentence)
    if match:
        yield "ER104", match.group(0), "Say it in a positive way."


def word_hits(sentence: str, hard_word_zipf: float = 3.5, defined_acronyms: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Word-level rules: hard words, double meanings, idioms, acronyms, Latin, symbols, numbers."""
    text = _without_addresses(sentence)
    taken: list[tuple[int, int]] = []
    for figure in find_figures(text):
        if figure.kind == IDIOM:
            taken.append((figure.start, figure.end))
            yield "ER113", figure.text, f"Say what it means: '{figure.meaning}'."
        else:
            yield "ER112", figure.text, f"Can mean {figure.meaning}. Try: {figure.suggestion}."
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group(0)
        lower = word.lower()
        if word[0].isupper() and index > 0:
            continue  # a name
        if any(s <= match.start() < e for s, e in taken):
            continue
        if is_rare_word(lower, hard_word_zipf):
            yield "ER111", word, "Use an everyday word, or explain it in a short sentence."
    for match in ACRONYM.finditer(text):
        token = match.group(0).rstrip("s")
        if token in defined_acronyms or token in ("I", "A", "OK", "TV", "UK") or ROMAN.fullmatch(token):
            continue
        if text.isupper():
            break  # a line in block capitals is reported as such, not word by word
        yield "ER114", token, f"Write '{token}' out in full the first time, or explain it."
    for match in LATIN.finditer(text):
        yield "ER115", match.group(0), "Write 'for example' or 'that means', or leave it out."
    for match in SYMBOL.finditer(text):
        if re.fullmatch(r"\d+/\d+(?:/\d+)?", match.group(0)) or "and/or" in match.group(0).lower():
            continue
        yield "ER116", match.group(0), "Use words instead of the symbol, for example 'and', 'or'."
    for match in PERCENT.finditer(text):
        yield "ER121", match.group(0), "Say '3 out of 10' or 'most people' instead."
    for match in FRACTION.finditer(text):
        if re.fullmatch(r"\d{1,2}/\d{1,2}", match.group(0)) and re.search(r"\d/\d{1,2}/\d", text):
            continue
        yield "ER122", match.group(0), "Use 'half' or say '1 in 4'."
    for match in BIG_NUMBER.finditer(text):
        value = int(match.group(1).replace(",", ""))
        if 1900 <= value <= 2099 and "," not in match.group(1):
            continue  # a year
        before = text[max(0, match.start() - 12) : match.start()].lower()
        rounded = value % 100 == 0 and re.search(r"(?:more than|over|about|around|less than|fewer than|nearly) $", before)
        if value > 1000 and not before.endswith("£") and not rounded:
            yield "ER123", match.group(1), "Say 'more than 1,000' or 'about 2,000' if the exact number does not matter."
    for match in _LETTERS.finditer(text):
        if match.group(0).lower() in _NUMBER_WORDS_TO_FLAG:
            yield "ER124", match.group(0), "Write the number as digits."
    for match in ROMAN.finditer(text):
        if match.group(0):
            yield "ER125", match.group(0), "Use ordinary numbers: 1, 2, 3."


def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text itself explains, as in "Department for Work and Pensions (DWP)"."""
    return frozenset(re.findall(r"\(([A-Z][A-Z0-9&]{1,6})\)", text))
