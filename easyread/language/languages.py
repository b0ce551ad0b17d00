"""Say when text is not English, and in what language or writing, so it is kept as written.

easyread simplifies English only. Text in another language is kept exactly as the source wrote
it, flagged, and reported; this module decides which text that is. Two tests, in this order:

1. Writing system. The letters of the text are counted by Unicode script (UAX #24, through the
   `regex` module's `\\p{Script=...}`). When half or more of them are in scripts other than Latin
   (Cyrillic, Greek, Han, Hebrew, Arabic, ...), the text is not English. A Greek name or a Russian
   word inside an English sentence is far less than half and changes nothing.
2. Language, for text in Latin letters (Welsh, French, Polish, ...), only where the CLD2 detector
   (`pycld2`, Google's Compact Language Detector 2) is installed: the text is not English when it
   has at least MIN_LATIN_LETTERS letters, CLD2 calls its answer reliable, and a language other
   than English makes up at least MIN_SHARE percent of it. CLD2 scores the whole text, so an
   English sentence holding a Polish name, a French quotation or a Welsh place name stays English;
   short lines (an address, a sign-off) are never judged. Without pycld2 Latin-script text is
   always taken for English: we do not guess with word lists, as a false alarm is a bug.

The language is named by CLD2 when it is sure ("Russian", "Ukrainian", "Urdu"); otherwise by the
script, with its one language where it has one (easyread/data/scripts.tsv: Hebrew writing is
Hebrew, Cyrillic writing may be Russian or Ukrainian and is called "Cyrillic writing").
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from easyread.data import data_rows

MIN_LATIN_LETTERS = 40  # CLD2 needs a sentence or two; shorter Latin-letter text is taken for English
MIN_SHARE = 60  # percent of the text CLD2 gives to one language other than English
ENGLISH_CODES = frozenset({"en", "sco", "un"})  # CLD2 sometimes calls plain English Scots
LATIN = "Latin"
OTHER = "other"  # letters of a script not in the table
_OLD_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv"}  # withdrawn ISO 639 codes CLD2 still gives


@dataclass(frozen=True)
class Script:
    """A writing system from easyread/data/scripts.tsv."""

    name: str  # the Unicode Script property value: "Cyrillic"
    writing: str  # what we call it in English: "Cyrillic writing"
    tag: str  # the language it is written for, as a BCP 47 tag, "" when several share it
    language: str  # that language's English name, "" when several share the script
    right_to_left: bool
    shaped: bool  # its letters must be joined or reordered to be read: a layout without shaping draws them wrong


@dataclass(frozen=True)
class Language:
    """What a text is written in, when it is not English."""

    name: str  # plain English: "Russian", "Welsh", or the writing when the language is unsure: "Cyrillic writing"
    tag: str  # BCP 47 tag for HTML's lang, "" when unknown
    script: str  # the Unicode script of most of its letters: "Cyrillic", "Latin"
    right_to_left: bool = False


@functools.cache
def scripts() -> dict[str, Script]:
    """The non-Latin scripts we name, by Unicode script name."""
    return {
        row[0]: Script(row[0], row[1], row[2], row[3], row[4] == "rtl", row[5] == "shaped")
        for row in data_rows("scripts.tsv")
    }


@functools.cache
def _script_pattern():  # type: ignore[no-untyped-def]
    import regex

    groups = [LATIN, *scripts()]
    alternatives = [rf"(?P<{name}>\p{{Script={name}}}+)" for name in groups]
    return regex.compile("|".join(alternatives) + rf"|(?P<{OTHER}>\p{{L}})", regex.V1)


_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


@functools.lru_cache(maxsize=65536)
def _script_of(character: str) -> str | None:
    """The script of one character outside ASCII, when it is a letter (or a script's own mark or digit)."""
    match = _script_pattern().match(character)
    return match.lastgroup if match else None


def script_counts(text: str) -> Counter[str]:
    """How many letters of `text` are in each script: {"Latin": 12, "Cyrillic": 30}; "other" for
    letters of scripts not in the table. Digits, punctuation and spaces are not counted.

    Linear and at C speed (tens of milliseconds for a million characters): ASCII text is counted
    with bytes.translate, other text character by distinct character.
    """
    counts: Counter[str] = Counter()
    if text.isascii():
        letters = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        if letters:
            counts[LATIN] = letters
        return counts
    for character, number in Counter(text).items():
        script = (LATIN if character.isalpha() else None) if character.isascii() else _script_of(character)
        if script is not None:
            counts[script] += number
    return counts


def _foreign(counts: Counter[str]) -> Counter[str]:
    """The letters not in Latin script by script; Han goes with kana as Japanese, with Hangul as Korean."""
    foreign = Counter({name: count for name, count in counts.items() if name != LATIN})
    kana = foreign.pop("Hiragana", 0) + foreign.pop("Katakana", 0)
    if kana:
        foreign["Hiragana"] = kana + foreign.pop("Han", 0)
    elif foreign["Hangul"]:
        foreign["Hangul"] += foreign.pop("Han", 0)
    return +foreign


def writing_names(text: str) -> list[str]:
    """The non-Latin writing in `text` in plain words, most letters first: ["Japanese writing"]."""
    names: list[str] = []
    for name, _ in _foreign(script_counts(text)).most_common():
        script = scripts().get(name)
        writing = script.writing if script else "writing in another script"
        if writing not in names:
            names.append(writing)
    return names


@functools.cache
def _cld2():  # type: ignore[no-untyped-def]
    try:
        import pycld2
    except ImportError:
        return None
    return pycld2


def latin_detection_available() -> bool:
    """Whether Latin-script languages (Welsh, French, ...) can be told from English: pycld2 is installed."""
    return _cld2() is not None


def _cld2_language(text: str) -> tuple[str, str, int] | None:
    """(name, tag, percent of the text) of the main language CLD2 is sure of, or None."""
    import regex

    cld2 = _cld2()
    if cld2 is None:
        return None
    clean = regex.sub(r"[\p{Cc}\p{Cs}\p{Co}\p{Cn}]", " ", text)  # CLD2 refuses some control characters
    try:
        reliable, _, details = cld2.detect(clean, isPlainText=True, bestEffort=False)
    except Exception:  # CLD2 could not read it: no verdict rather than a failed conversion
        return None
    if not reliable or not details:
        return None
    name, tag, percent, _ = details[0]
    return name, _OLD_CODES.get(tag, tag), percent


def _language_name(cld2_name: str, tag: str) -> str:
    """CLD2's language in plain words: "WELSH" -> "Welsh"; a script's table name for its tag ("ja" -> "Japanese")."""
    base = tag.split("-")[0]
    for script in scripts().values():
        if script.tag == base and script.language:
            return script.language
    return cld2_name.replace("_", " ").title()


@functools.lru_cache(maxsize=4096)
def detect_language(text: str) -> Language | None:
    """The language `text` is written in when it is not English, else None (English, or too
    little to tell). See the module docstring for the rules and their thresholds."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters:
        return None
    if (letters - counts[LATIN]) * 2 >= letters:
        name = _foreign(counts).most_common(1)[0][0]
        script = scripts().get(name)
        right_to_left = bool(script and script.right_to_left)
        found = _cld2_language(text)
        if found is not None and found[1] not in ENGLISH_CODES:
            return Language(_language_name(found[0], found[1]), found[1], name, right_to_left)
        if script is None:
            return Language("writing in another script", "", name)
        return Language(script.language or script.writing, script.tag, name, right_to_left)
    if counts[LATIN] < MIN_LATIN_LETTERS:
        return None
    found = _cld2_language(text)
    if found is None or found[1] in ENGLISH_CODES or found[2] < MIN_SHARE:
        return None
    return Language(_language_name(found[0], found[1]), found[1], LATIN)
