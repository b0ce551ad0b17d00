"""What the word rules must not take for a hard word, an acronym or a big number.

- Facts (easyread.language.facts, the one definition of a fact): phone numbers, postcodes,
  reference codes, web and email addresses, money, dates, times, and numbers written in groups
  ("4001 2387 65") are blanked out before the word rules read a sentence. Percentages and single
  numbers stay, for the percentage and big-number rules.
- Identifiers: a number right after a word such as "phone", "reference", "account" or "job
  number", a polling district code ("BA - 1432"), an Australian state and postcode ("WA 6061"),
  or the number that starts a numbered item ("2779. Police report") is not a quantity.
- Shouting: a word in capitals that is an ordinary word ("COUNCIL", "NOTICE", "BUT") or reads as
  one (a surname on an election notice: "LOFTUS"), a run of capitals holding one, and a sentence
  mostly in capitals are not acronyms.
- Broken words: a word a PDF's text layer split ("p rinted", "feedbac k") is not a hard word
  when joined to the piece next to it it is an everyday word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from easyread.data import data_rows, data_words
from easyread.language.fact_types import BLANK, blank_out
from easyread.language.numbers import number_words

MASKED_KINDS = frozenset({"phone", "email", "url", "postcode", "code", "money", "date", "time"})
SHOUTED_ZIPF = 3.0  # wordfreq Zipf from which a word in capitals is an ordinary word ("NOTICE"), not initials
SHOUTED_MIN_LETTERS = 4  # "IT", "ACT", "CID" stay acronyms: short initials are often words too
SPOKEN_MIN_LETTERS = 5  # from 5 letters, a token with vowels enough reads as a word: "LOFTUS", not "PWDWA"
SPOKEN_VOWEL_SHARE = 0.25

_ID_CUE = re.compile(
    r"\b(?:phone|telephone|tel|call|freecall|freephone|mobile|fax|text|sms|tty|ref|reference|account|acct|"
    r"number|no|job|paid|box|code|version|page|pages|room|flat|unit|ext|extension|pin|abn|licence|license|"
    r"policy|claim|case|order|invoice|item|application|customer|booking|permit|ticket|serial|id)\b"
    r"\.?[ \t]*(?:is|number|no\.?)?[ \t]*[:#.-]?[ \t]*\Z",
    re.IGNORECASE,
)
_DISTRICT_CODE = re.compile(r"\b[A-Z]{1,3}[ \t]*-[ \t]*\Z")
_STATE_POSTCODE = re.compile(r"\b(?:ACT|NSW|NT|QLD|SA|TAS|VIC|WA)[ \t]+\Z")
_ITEM_NUMBER = re.compile(r"[ \t]*[.)](?:\s|$)")


def masked(text: str) -> str:
    """`text` with its facts of MASKED_KINDS, and numbers written in groups, blanked out (same length).

    "Call 01632 960 178 or write to NB1 4AA." -> "Call \\0\\0... or write to \\0\\0\\0\\0\\0\\0\\0."
    """
    from easyread.language.facts import fact_spans

    return blank_out(text, [span for span in fact_spans(text)
                            if span.kind in MASKED_KINDS
                            or (span.kind == "number" and re.search(r"\d\s+\d", text[span.start:span.end]))])


def is_identifier_number(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] names something rather than counts it: it follows a
    cue word ("Phone 9420", "job number 5719", "Reply Paid 9867"), a district code ("BA - 1432")
    or an Australian state ("WA 6061"), or it numbers an item at the start of a sentence ("2779.")."""
    before = text[max(0, start - 30):start]
    if _ID_CUE.search(before) or _DISTRICT_CODE.search(before) or _STATE_POSTCODE.search(before):
        return True
    return not text[:start].strip(" \t(" + BLANK) and bool(_ITEM_NUMBER.match(text, end))


@cache
def _explained_acronyms() -> frozenset[str]:
    """The acronyms of data/hard_words.tsv: always initials, even when they spell a word ("SEND")."""
    return frozenset(row[0] for row in data_rows("hard_words.tsv") if row[0].isupper())


@cache
def known_acronyms() -> frozenset[str]:
    """Initials people know better than the words they stand for (data/known_acronyms.txt)."""
    return frozenset(word.upper() for word in data_words("known_acronyms.txt"))


@cache
def _is_ordinary_word(letters: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(letters.lower(), "en") >= SHOUTED_ZIPF


def is_shouted_word(token: str) -> bool:
    """Whether a token in capitals is a word written in capitals, not initials: a common English
    word of 4 letters or more ("COUNCIL", "BAKER"), a small word ("BUT", "TEN"), or a longer token
    that reads as a word, with a vowel in every 4 letters or so ("PHILBIN", "TINTERN"). Acronyms
    we explain (data/hard_words.tsv: "SEND", "SENCO") are always initials."""
    if not token.isalpha() or token in _explained_acronyms():
        return False
    lower = token.lower()
    if len(token) >= 3 and (lower in data_words("function_words.txt") or lower in number_words()):
        return True
    vowels = sum(1 for letter in token if letter in "AEIOUY")
    if len(token) >= SPOKEN_MIN_LETTERS and vowels >= 2 and vowels / len(token) >= SPOKEN_VOWEL_SHARE:
        return True
    return len(token) >= SHOUTED_MIN_LETTERS and vowels > 0 and _is_ordinary_word(token)


_CAPS_RUN = re.compile(r"(?<![\w'’])[A-Z][A-Z'’&]*(?:[ \t]+[A-Z][A-Z'’&]*)+(?![\w'’])")


def shouted_spans(text: str) -> list[tuple[int, int]]:
    """Runs of two or more words in capitals that hold an ordinary word ("DROP IN SESSION",
    "WYE VALLEY HOTEL"), as (start, end): a heading or address in capitals, not initials."""
    spans = []
    for match in _CAPS_RUN.finditer(text):
        if any(is_shouted_word(word.strip("'’&")) for word in match.group(0).split()):
            spans.append(match.span())
    return spans


def mostly_capitals(text: str) -> bool:
    """Whether most words of 2 letters or more are in capitals: a line shouted, not initials used."""
    words = re.findall(r"[A-Za-z][A-Za-z'’]+", text)
    capitals = sum(1 for word in words if word.isupper())
    return len(words) >= 3 and capitals * 2 > len(words)


def is_broken_word(text: str, start: int, end: int, is_rare: Callable[[str], bool]) -> bool:
    """Whether text[start:end] is a piece of a word split by a PDF's text layer: joined to a piece
    of 1 to 3 letters right before it ("p rinted", "des cription") or after it ("feedbac k", "bene
    fit"), it makes a word that
    `is_rare` (a function of a lower-case word) says is not rare."""
    word = text[start:end]
    before = re.search(r"(?<![\w'’])([A-Za-z]{1,3})[ \t]\Z", text[max(0, start - 5):start])
    if before and not is_rare((before.group(1) + word).lower()):
        return True
    after = re.match(r"[ \t]([a-z]{1,3})(?![\w'’])", text[end:end + 5])
    return bool(after and not is_rare((word + after.group(1)).lower()))
