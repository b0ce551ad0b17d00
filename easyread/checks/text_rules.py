"""Rule checks on sentences and words: length, ideas, voice, negatives, words, numbers and symbols.

Pure functions: a sentence in, findings out. The location is filled in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from easyread.checks.word_filters import (
    is_broken_word,
    is_identifier_number,
    is_shouted_word,
    known_acronyms,
    masked,
    mostly_capitals,
    shouted_spans,
)
from easyread.language.clauses import split_in_two
from easyread.language.facts import EMAIL, URL
from easyread.language.figurative import IDIOM, find_figures
from easyread.language.hard_words import is_hard_word
from easyread.language.numbers import number_words
from easyread.language.sentences import word_count
from easyread.language.style import is_passive

Hit = tuple[str, str, str]  # (rule id, offending text, suggestion)
_POSSESSIVES = frozenset("your our their his her my one's its".split())

_NEGATIVES = r"(?:not|no|never|nobody|nothing|none|nowhere|neither|cannot|can't|don't|doesn't|didn't|won't|isn't|aren't|wasn't|weren't|shouldn't|mustn't|haven't|hasn't)"
# "un-" words that are not a negative: "unless", "until", "under", "understand", "unit", "union"...
_NOT_NEGATIVE_UN = r"(?!less\b|til\b|der\w*|it\w*|ion\w*|iq\w*|iform\w*|ivers\w*|animous\w*|cle\w*)"
DOUBLE_NEGATIVE = re.compile(
    r"\b" + _NEGATIVES + r"\b(?:\s+\w+){0,3}?\s+\b(?:" + _NEGATIVES[3:-1] + r"|un" + _NOT_NEGATIVE_UN
    + r"\w+|in(?:correct|valid|eligible|appropriate|sufficient)\w*)\b",
    re.IGNORECASE,
)
# A subject between two negatives starts a new clause: "If you do not agree we might not ..." holds two
# plain negatives, not a double negative.
_NEW_CLAUSE = re.compile(r"\b(?:we|you|they|he|she|i)\b", re.IGNORECASE)
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


_WORD = re.compile(r"(?<![\w@#'’-])[A-Za-z][a-z]{2,}(?:-[a-z]+)*(?:['’][a-z]{1,2}(?![a-z]))?")
_LETTERS = re.compile(r"[A-Za-z]+(?:-[a-z]+)?")
_TOKEN = re.compile(r"(?<![\w-])[\w']+")

# Before a postcode (an address) or a capitalised word (part of a name: "the WA Department of Communities")
_AUSTRALIAN_STATES = frozenset({"ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"})
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
    if match and not _NEW_CLAUSE.search(" ".join(match.group(0).split()[1:-1])):
        yield "ER104", match.group(0), "Say it in a positive way."


def word_hits(sentence: str, hard_word_zipf: float = 3.5, defined_acronyms: frozenset[str] = frozenset(),
              names: frozenset[str] = frozenset(), explained: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Word-level rules: hard words, double meanings, idioms, acronyms, Latin, symbols, numbers.

    `names` are lower-case words the document uses as names (checks.document_words): never hard
    words, even where they start a sentence. `explained` are lower-case words the document explains
    (its Hard words page): never hard words, double meanings or acronyms. Facts are blanked out first
    (checks.word_filters.masked), so phone numbers, postcodes and codes are none of these.
    """
    text = masked(sentence)
    taken: list[tuple[int, int]] = []
    for figure in find_figures(_without_addresses(sentence)):
        if figure.kind == IDIOM:
            taken.append((figure.start, figure.end))
            yield "ER113", figure.text, f"Say what it means: '{figure.meaning}'."
        elif not _is_explained(figure.text, explained):
            yield "ER112", figure.text, f"Can mean {figure.meaning}. Try: {figure.suggestion}."
    yield from _hard_words(text, hard_word_zipf, names, explained, taken)
    yield from _acronyms(text, defined_acronyms, explained)
    yield from _number_and_symbol_hits(text)


def _is_explained(word: str, explained: frozenset[str]) -> bool:
    """Whether `word` (or its singular: "appeals") is a term the document explains."""
    lower = word.lower()
    return lower in explained or (lower.endswith("s") and lower[:-1] in explained)


def _hard_words(text: str, zipf: float, names: frozenset[str], explained: frozenset[str],
                taken: list[tuple[int, int]]) -> Iterator[Hit]:
    """ER111: words rarer than `zipf`. Not names (capitalised inside the sentence, or known to the
    document as names), not a contraction's ending ("doesn’t" is not "doesn"), not a piece of a
    word split by a PDF, not a word the document explains."""
    for match in _WORD.finditer(text):
        word = match.group(0)
        base, _, ending = word.replace("’", "'").partition("'")
        if ending == "t":
            continue  # "doesn’t", "couldn’t": everyday contractions
        lower = base.lower()
        at_start = not re.search(r"[A-Za-z0-9]", text[:match.start()])
        if base[0].isupper() and (not at_start or lower in names or ending == "s"):
            continue  # a name: "Northbrook", "Oxfordshire’s"
        if any(s <= match.start() < e for s, e in taken) or _is_explained(base, explained):
            continue
        if is_hard_word(lower, zipf) and not is_broken_word(text, match.start(), match.start() + len(base),
                                                             lambda joined: is_hard_word(joined, zipf)):
            yield "ER111", base, "Use an everyday word, or explain it in a short sentence."


def _acronyms(text: str, defined: frozenset[str], explained: frozenset[str]) -> Iterator[Hit]:
    """ER114: initials not written out. Not codes, postcodes or road numbers (a digit in the token),
    a two-letter label that starts a table row ("LC, St John's Hall", "BA 2 polling stations"), not words shouted in
    capitals or surnames in a list of names, not initials the document or a reader already knows."""
    if mostly_capitals(text):
        return  # a line in capitals is reported as such (ER304), not word by word
    shouted = shouted_spans(text)
    for match in ACRONYM.finditer(text):
        token = match.group(0).rstrip("s")
        if (token in defined or token in known_acronyms() or token in ("I", "A") or ROMAN.fullmatch(token)
                or any(c.isdigit() for c in token) or is_shouted_word(token) or _is_explained(token, explained)
                or any(s <= match.start() < e for s, e in shouted)
                or re.match(r"[ \t]*-[ \t]*\d", text[match.end():])  # a district code: "BA - 1432"
                or (token == "PO" and re.match(r"[ \t]+Box\b", text[match.end():], re.IGNORECASE))
                or (len(token) == 2 and not text[:match.start()].strip() and re.match(r",|[ \t]+\d", text[match.end():]))
                or _in_list_of_names(text, match.start(), match.end())
                or (token in _AUSTRALIAN_STATES and re.match(r"[ \t]+(?:\d{2}[ \t]?\d{2}\b|[A-Z][a-z])", text[match.end():]))):
            continue
        yield "ER114", token, f"Write '{token}' out in full the first time, or explain it."


def _in_list_of_names(text: str, start: int, end: int) -> bool:
    """Whether the capitals at text[start:end] are a surname between other names, as election
    notices write them ("Brenda Ratcliffe BEGG Victoria"): a plain capitalised word either side."""
    return bool(re.search(r"(?<![\w'’])[A-Z][a-z]+[ \t]+\Z", text[max(0, start - 30):start])
                and re.match(r"[ \t]+[A-Z][a-z]+(?![\w'’])", text[end:]))


def _number_and_symbol_hits(text: str) -> Iterator[Hit]:
    for match in LATIN.finditer(text):
        yield "ER115", match.group(0), "Write 'for example' or 'that means', or leave it out."
    for match in SYMBOL.finditer(text):
        if re.fullmatch(r"\d+/\d+(?:/\d+)?", match.group(0)) or "and/or" in match.group(0).lower():
            continue
        if match.group(0) == "&" and re.search(r"\b[A-Z][\w'’]*\s+\Z", text[:match.start()]) \
                and re.match(r"\s+[A-Z]", text[match.end():]):
            continue  # part of a name: "Health & Disability Services", "Marks & Spencer"
        yield "ER116", match.group(0), "Use words instead of the symbol, for example 'and', 'or'."
    for match in PERCENT.finditer(text):
        number = re.match(r"\d+(?:\.\d+)?", match.group(0)).group(0)  # type: ignore[union-attr]
        yield "ER121", match.group(0), (f"Say '{number} out of 100', or a rounder '1 in 4' or 'most people' "
                                        "if the exact number does not matter.")
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
        if is_identifier_number(text, match.start(1), match.end(1)):
            continue  # "Phone 9420", "job number 5719", "2779. Police report"
        if value > 1000 and not before.endswith("£") and not rounded:
            yield "ER123", match.group(1), "Say 'more than 1,000' or 'about 2,000' if the exact number does not matter."
    for match in _LETTERS.finditer(text):
        if match.group(0).lower() in _NUMBER_WORDS_TO_FLAG and not _number_given_in_digits(text, match.start(), match.end()):
            yield "ER124", match.group(0), "Write the number as digits."
    for match in ROMAN.finditer(text):
        if match.group(0):
            yield "ER125", match.group(0), "Use ordinary numbers: 1, 2, 3."


_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})


def _number_given_in_digits(text: str, start: int, end: int) -> bool:
    """Whether the number word at text[start:end] comes with its digits: "60 thousand" (digits and a
    word for the size, as Easy Read guides advise for big numbers) or "seven (7) days"."""
    word = text[start:end].lower()
    if word in _SCALE_WORDS and re.search(r"\d[ \t]*\Z", text[:start]):
        return True
    return bool(re.match(r"[ \t]*\(\d+\)", text[end:]))


_DEFINED = (
    re.compile(r"\((?:the\s+)?['‘\"“]?([A-Z][A-Z0-9&]{1,6})['’\"”]?\)"),  # "... Pensions (DWP)", "(the 'EEA')"
    re.compile(r"\b([A-Z][A-Z0-9&]{1,6})\s+\((?:[A-Z][a-z]+|[a-z]+)(?:\s+[A-Za-z]+)+\)"),  # "DWP (Department for ...)"
    re.compile(r"\b([A-Z][A-Z0-9&]{1,6})\s+(?:means|stands for|is short for)\b"),  # "NDIS means ..."
)


def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text itself explains: "Department for Work and Pensions (DWP)", "DWP (the
    Department for Work and Pensions)", "NDIS means the National Disability Insurance Scheme"."""
    return frozenset(found for pattern in _DEFINED for found in pattern.findall(text))
