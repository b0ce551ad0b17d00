"""Postcodes and reference codes: tokens a reader must copy exactly.

Postcodes (UK): outward code "A9", "A99", "A9A", "AA9", "AA99" or "AA9A", an optional space, and an
inward code of a digit and two letters that are never C, I, K, M, O or V (Royal Mail's rules for
the inward code). The key ignores the space and the case ("nb1 4aa" = "NB14AA"), but a postcode
is only read in one case throughout, so "M4 5th" (a motorway and an ordinal) is not a postcode.

A reference code is a token of letters and digits, joined by "-" or "/" ("24/01234/FUL",
"NB/2026/0042", "CT-4471", "A466"), or an all-capitals string like "RJJOVH". Its key keeps its case:
a rewrite that turns "RJJOVH" into "Rjjovh" has lost it. Not codes:
- tokens without a capital letter ("10th", "30mph", "4-yearly") or with a lower-case run longer
  than 3 letters ("Covid-19", words run together by a PDF without spaces);
- ordinals, times and amounts in capitals ("10TH", "9AM", "50P");
- question numbers ("Q1", "Q26"), which like section numbers order a form and are not facts;
- a token whose letters hold a common word of 4 letters or more ("COVID-19", "SECTION-4"):
  wordfreq Zipf frequency >= 2.5;
- an all-capitals token without digits, unless a cue such as "ref", "reference", "code" or
  "booking" comes just before it, it has 4 letters or more, and it is neither a word
  (wordfreq Zipf >= 2.5: "COUNCIL", "NOTICE", surnames like "BAKER") nor an acronym we explain
  (easyread/data/hard_words.tsv: "NHS", "BSL", "GDPR"). Words in BLOCK CAPITALS, place names and
  names in capitals on election notices are therefore not codes.
Road numbers ("A48/A466") split at "/" into their parts when every part is a code of letters and
digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from easyread.language.fact_types import Span

_OUTWARD = r"(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)"
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_UPPER_POSTCODE = _OUTWARD + r" ?" + _INWARD
POSTCODE = re.compile(
    r"(?<![\w/-])(?:" + _UPPER_POSTCODE + "|" + _UPPER_POSTCODE.lower() + r")(?![\w/-])"
)

# A token with a digit or two capitals in a row (the look-ahead skips plain words quickly).
CODE_TOKEN = re.compile(
    r"(?<![\w/.-])(?=[A-Za-z0-9/-]*(?:[0-9]|[A-Z]{2}))[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*(?![\w/-]|\.\w)"
)
_NOT_A_CODE = re.compile(r"\d+(?:ST|ND|RD|TH|AM|PM|P|K|M|BN)|Q\d{1,2}", re.IGNORECASE)
_LOWER_RUN = re.compile(r"[a-z]{4,}")
_LETTER_RUN = re.compile(r"[A-Za-z]{4,}")
_CUE = re.compile(
    r"\b(?:ref|reference|code|booking|quote|case|account|application|claim|customer|order|permit|"
    r"password|pin|id|number|no)\b\.?(?:[ \t]*(?:is|was|number|no\.?|code|reference|ref)\b\.?)*[ \t]*[:#-]?[ \t]*\Z",
    re.IGNORECASE,
)
CUE_WINDOW = 40  # characters before a token searched for its cue ("booking reference number is "), on its line
WORD_ZIPF = 2.5  # wordfreq Zipf frequency from which a run of letters is a word, not a code


def postcode_key(text: str) -> str:
    """ "nb1 4aa" -> "postcode:NB14AA"."""
    return "postcode:" + text.replace(" ", "").upper()


def find_postcodes(text: str) -> Iterator[Span]:
    """The UK postcodes of `text`, each a Span of kind "postcode"."""
    for match in POSTCODE.finditer(text):
        yield Span(match.start(), match.end(), "postcode", postcode_key(match.group(0)))


@cache
def _acronyms() -> frozenset[str]:
    from easyread.data import data_rows

    return frozenset(row[0] for row in data_rows("hard_words.tsv") if row[0].isupper())


@cache
def _is_word(letters: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(letters.lower(), "en") >= WORD_ZIPF


def _is_mixed_code(token: str) -> bool:
    """Letters and digits: "A466", "24/01234/FUL", "CT-4471" (not "10TH", "Covid-19", "30mph")."""
    if not any(char.isupper() for char in token) or _NOT_A_CODE.fullmatch(token) or _LOWER_RUN.search(token):
        return False
    return not any(_is_word(run) for run in _LETTER_RUN.findall(token))


def _is_letter_code(token: str, before: str) -> bool:
    """Capitals only, after a cue: "DOCUMENT REF RJJOVH" (not "COUNCIL", "NHS", "ZYGADLLO Geoff")."""
    letters = token.replace("-", "").replace("/", "")
    if len(letters) < 4 or not letters.isupper() or not _CUE.search(before):
        return False
    return token not in _acronyms() and not any(_is_word(run) for run in re.findall(r"[A-Z]+", token))


def _code_parts(token: str, start: int) -> list[tuple[int, int]]:
    """ "A48/A466" -> its two road numbers; any other token stays whole."""
    parts = token.split("/")
    if len(parts) > 1 and all(re.search(r"\d", p) and re.search(r"[A-Za-z]", p) for p in parts):
        spans, offset = [], start
        for part in parts:
            spans.append((offset, offset + len(part)))
            offset += len(part) + 1
        return spans
    return [(start, start + len(token))]


def find_codes(text: str) -> Iterator[Span]:
    """The reference codes of `text`, each a Span of kind "code" with key "code:" + the code as written."""
    for match in CODE_TOKEN.finditer(text):
        token = match.group(0)
        if token.islower() or token.isdigit():
            continue
        has_digit = any(char.isdigit() for char in token)
        if not any(char.isalpha() for char in token):
            continue
        if has_digit:
            if not _is_mixed_code(token):
                continue
        elif not _is_letter_code(token, text[max(0, match.start() - CUE_WINDOW) : match.start()]):
            continue
        for start, end in _code_parts(token, match.start()):
            yield Span(start, end, "code", "code:" + text[start:end])


def carried_code_keys(text: str) -> set[str]:
    """Keys of every token of `text` that could be a code, whatever its context: used on the Easy
    Read side only, so that "RJJOVH" there keeps the source's code even without a cue before it."""
    keys: set[str] = set()
    for match in CODE_TOKEN.finditer(text):
        token = match.group(0)
        if token.islower() or token.isdigit():
            continue
        keys.add("code:" + token)
        keys.update("code:" + text[start:end] for start, end in _code_parts(token, match.start()))
    return keys
