"""Idioms and words with two meanings: found once, here, for both `convert` (item flags) and `check`.

Easy Read avoids idioms and words with double meanings (Department of Health, *Making written
information easier to understand*, 2010; the people who shaped Easy Read with Swindon People
First asked for words with double meanings to be avoided). Two word lists drive this module:

- data/idioms.tsv: idiom, plain meaning, and "yes" in a third column when the plain meaning can
  stand in the idiom's place word for word ("at short notice" -> "with little warning"), or
  "literal" for a phrase mostly meant literally ("return journey"), which is not flagged.
- data/double_meanings.tsv: a short list we chose of words that really confuse readers, each with
  its senses, a plainer choice, the context cues that show its confusing sense ("fine" near "pay"
  or right after "a") and those that show its everyday sense ("feel fine"). A word is flagged only
  when a confusing cue is there and no everyday one is: "pay a fine" is flagged, "that is fine"
  is not. A capitalised word inside a sentence is a name and is never flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Literal

from easyread.data import data_rows

IDIOM = "idiom"
AMBIGUOUS_WORD = "ambiguous-word"
CUE_WINDOW = 5  # words either side of a double-meaning word in which a cue counts
_LOOK_BACK = 40  # characters before an idiom that say whether the sentence speaks to "you"

_POSSESSIVES = ("your", "our", "their", "his", "her", "my", "one's", "its")
_TOKEN = re.compile(r"(?<![\w-])[\w']+")
_CUE_TOKEN = re.compile(r"£|[\w']+")
_LETTERS = re.compile(r"[A-Za-z]+(?:-[a-z]+)?")
_QUOTED = re.compile(r"[“\"‘][^”\"’]*[”\"’]")
# What may come before an idiom whose plain meaning speaks to "you" ("give as much money as you can"):
# nothing, a request, or "you" as the subject.
_SPEAKS_TO_YOU = re.compile(
    r"(?:^|[,;:]|\bplease|\bdo|\byou(?:\s+(?:can|could|may|might|should|must|will|need\s+to|want\s+to))?)\s*$",
    re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One idiom or double-meaning word found in a sentence.

    `start`/`end` are character offsets into the sentence; `meaning` is the idiom's plain meaning or
    the word's senses; `suggestion` is the plainer choice to show a person; `replacement` is the text
    that may stand in its place in this sentence, or None when that is not safe.
    """

    kind: Literal["idiom", "ambiguous-word"]
    text: str
    start: int
    end: int
    meaning: str
    suggestion: str
    replacement: str | None = None

    def note(self) -> str:
        """One line for a person reviewing an item: 'idiom "dig deep": say "try very hard"'."""
        if self.kind == IDIOM:
            return f'{IDIOM} "{self.text}": say "{self.meaning}"'
        return f'{AMBIGUOUS_WORD} "{self.text}" can mean {self.meaning}: {self.suggestion}'


@dataclass(frozen=True)
class _Idiom:
    phrase: str
    meaning: str
    safe: bool
    pattern: re.Pattern[str]


def _word_key(word: str) -> str:
    """What an idiom's word is indexed by: "your" for any possessive, else its first 3 letters."""
    word = re.sub(r"[^\w']", "", word.lower())
    return "your" if word in _POSSESSIVES else word[:3]


def _idiom_regex(idiom: str) -> str:
    words = ["your" if word == "one's" else word for word in idiom.lower().split()]
    parts = []
    named = False
    for index, word in enumerate(words):
        token = re.escape(word)
        if word in _POSSESSIVES:
            token = ("(?P<possessive>" if not named else "(?:") + "|".join(_POSSESSIVES) + ")"
            named = True
        elif index == 0 and word.isalpha():  # "dig deep": also "digs", "digging", "dug"
            forms = sorted(_verb_forms(word) - {word}, key=len, reverse=True)
            token = r"(?P<first>" + "".join(re.escape(form) + "|" for form in forms) + token + r"(?:s|es|ed|d|ing|\w?ing|\w?ed)?)"
        parts.append(token)
    return r"\s+".join(parts)


def _verb_forms(word: str) -> set[str]:
    """Every form of `word` as a verb ("dig" -> dug, digs, digging); empty for a word that is no verb."""
    from easyread.language.inflection import all_inflections

    return {form.lower() for forms in all_inflections(word, "VERB").values() for form in forms}


def _is_phrase(idiom: str) -> bool:
    """An idiom is a phrase: two words or more, or words joined by a hyphen ("win-win")."""
    return " " in idiom.strip() or "-" in idiom


@cache
def _idioms() -> dict[tuple[str, str], list[_Idiom]]:
    """The idioms indexed by the starts of their first two words, longest first, so each place in
    a sentence tries only the few idioms that can start there."""
    index: dict[tuple[str, str], list[_Idiom]] = {}
    rows = sorted((row for row in data_rows("idioms.tsv") if row[2:3] != ("literal",) and _is_phrase(row[0])),
                  key=lambda row: len(row[0]), reverse=True)
    for row in rows:
        phrase = row[0].lower()
        words = phrase.split()
        pattern = re.compile(_idiom_regex(phrase) + r"(?![\w-])", re.IGNORECASE)
        idiom = _Idiom(phrase, row[1], row[2:3] == ("yes",), pattern)
        second = _word_key(words[1]) if len(words) > 1 else ""
        firsts = {_word_key(words[0])} | ({_word_key(form) for form in _verb_forms(words[0])} if words[0].isalpha() else set())
        for first in firsts:
            index.setdefault((first, second), []).append(idiom)
    return index


def find_idioms(sentence: str) -> list[Figure]:
    """The idioms in `sentence`, in order, none overlapping; each with its replacement when safe."""
    index = _idioms()
    tokens = list(_TOKEN.finditer(sentence))
    keys = [_word_key(token.group(0)) for token in tokens] + [""]
    found: list[Figure] = []
    end = -1
    quoted = [quote.span() for quote in _QUOTED.finditer(sentence)]
    opening = len(sentence) - len(sentence.lstrip(" “\"‘'(-"))  # where the words start
    for position, token in enumerate(tokens):
        if token.start() < end:
            continue
        for idiom in index.get((keys[position], keys[position + 1]), []) + index.get((keys[position], ""), []):
            match = idiom.pattern.match(sentence, token.start())
            if match:
                found.append(Figure(IDIOM, match.group(0), match.start(), match.end(), idiom.meaning,
                                    f'say "{idiom.meaning}"', _safe_replacement(idiom, match, sentence, quoted, opening)))
                end = match.end()
                break
    return found


def _safe_replacement(idiom: _Idiom, match: re.Match[str], sentence: str, quoted: list[tuple[int, int]],
                      opening: int) -> str | None:
    """The plain meaning fitted to this place, or None when unsure: the idiom is not marked safe, its
    first word is inflected ("we dug deep"), it sits inside a quotation or a name ("Going Forward
    Together"), or its meaning speaks to "you" where the sentence does not ("residents can have
    their say")."""
    if not idiom.safe or _inside(quoted, match.start()):
        return None
    words = match.group(0).split()
    at_start = match.start() <= opening
    if any(word[:1].isupper() for word in words[1:]) or (words[0][:1].isupper() and not at_start):
        return None  # part of a name: "the Going Forward Together group"
    groups = match.groupdict()
    first = groups.get("first")
    if first is not None and first.lower() != idiom.phrase.split()[0]:
        return None
    if re.search(r"\byou(?:r)?\b", idiom.meaning) and not re.search(r"\byou\b", idiom.phrase):
        possessive = groups.get("possessive")
        if possessive is not None and possessive.lower() != "your":
            return None
        if not _SPEAKS_TO_YOU.search(sentence[max(0, match.start() - _LOOK_BACK):match.start()]):
            return None
    meaning = idiom.meaning
    return meaning[:1].upper() + meaning[1:] if match.group(0)[:1].isupper() else meaning


@dataclass(frozen=True)
class _Cues:
    """Context cues for one sense of a word: words near it, right before it, right after it."""

    near: frozenset[str]  # cue words anywhere within CUE_WINDOW words
    before: frozenset[str]  # cue words right before the word ("a fine")
    after: frozenset[str]  # cue words right after the word ("due to")

    @staticmethod
    def parse(column: str) -> _Cues:
        """ "pay, a _, _ to" -> near {"pay"}, before {"a"}, after {"to"}."""
        cues = [cue.strip().lower() for cue in column.split(",") if cue.strip()]
        return _Cues(near=frozenset(cue for cue in cues if "_" not in cue),
                     before=frozenset(cue.removesuffix("_").strip() for cue in cues if cue.endswith("_")),
                     after=frozenset(cue.removeprefix("_").strip() for cue in cues if cue.startswith("_")))

    def found(self, tokens: list[str], position: int) -> bool:
        """Whether one of these cues is around tokens[position]."""
        for cue in self.before:
            words = cue.split()
            if position >= len(words) and _all_match(words, tokens[position - len(words):position]):
                return True
        for cue in self.after:
            words = cue.split()
            following = tokens[position + 1:position + 1 + len(words)]
            if len(following) == len(words) and _all_match(words, following):
                return True
        window = tokens[max(0, position - CUE_WINDOW):position] + tokens[position + 1:position + 1 + CUE_WINDOW]
        return any(_cue_matches(cue, token) for cue in self.near for token in window)


@dataclass(frozen=True)
class _Word:
    senses: str
    plainer: str
    confusing: _Cues  # contexts that show the confusing sense ("pay a fine")
    not_confusing: _Cues  # contexts that show the everyday sense ("feel fine"); these win


@cache
def _double_meanings() -> dict[str, _Word]:
    """data/double_meanings.tsv: word, senses, plainer, confusing contexts, not-confusing contexts."""
    words: dict[str, _Word] = {}
    for row in data_rows("double_meanings.tsv"):
        words[row[0].lower()] = _Word(row[1], row[2], _Cues.parse(row[3] if len(row) > 3 else ""),
                                      _Cues.parse(row[4] if len(row) > 4 else ""))
    return words


def _cue_matches(cue: str, token: str) -> bool:
    """ "pay" matches "pay", "pays", "paying", "paid" is its own cue."""
    return token == cue or (len(cue) >= 3 and token.startswith(cue) and token[len(cue):] in ("s", "es", "ed", "d", "ing"))


def _all_match(cues: list[str], tokens: list[str]) -> bool:
    return len(cues) == len(tokens) and all(_cue_matches(cue, token) for cue, token in zip(cues, tokens, strict=True))


def _used_confusingly(entry: _Word, tokens: list[str], position: int) -> bool:
    return entry.confusing.found(tokens, position) and not entry.not_confusing.found(tokens, position)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, not overlapping)."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def find_double_meanings(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """The words of `sentence` from the double-meaning list used where a context cue shows their
    confusing sense, outside the `skip` spans (idioms already found). Names (capitalised inside
    the sentence) are never flagged."""
    meanings = _double_meanings()
    skip = sorted(skip or [])
    opening = len(sentence) - len(sentence.lstrip(" “\"‘'(-"))
    cue_tokens = list(_CUE_TOKEN.finditer(sentence))
    lowered = [token.group(0).lower() for token in cue_tokens]
    positions = {token.start(): n for n, token in enumerate(cue_tokens)}
    found = []
    for match in _LETTERS.finditer(sentence):
        word = match.group(0).lower()
        key = word if word in meanings else word[:-1] if word.endswith("s") and word[:-1] in meanings else None
        if key is None or _inside(skip, match.start()):
            continue
        if match.group(0)[0].isupper() and match.start() > opening:
            continue  # a name: "Northbrook Conference", "Fine Lane"
        position = positions.get(match.start())
        entry = meanings[key]
        if position is None or not _used_confusingly(entry, lowered, position):
            continue
        found.append(Figure(AMBIGUOUS_WORD, match.group(0), match.start(), match.end(), entry.senses, entry.plainer))
    return found


def find_figures(sentence: str) -> list[Figure]:
    """Idioms, then double-meaning words used confusingly outside them, in `sentence`."""
    idioms = find_idioms(sentence)
    return idioms + find_double_meanings(sentence, [(figure.start, figure.end) for figure in idioms])


def replace_safe_idioms(sentence: str) -> tuple[str, list[Figure]]:
    """`sentence` with each idiom that has a safe plain meaning replaced by it, and the figures
    still in the new sentence (idioms left as they are, double-meaning words) for a person to review.

    "So do dig deep into your pockets." -> "So do give as much money as you can."
    """
    for figure in reversed(find_idioms(sentence)):
        if figure.replacement is not None:
            sentence = sentence[:figure.start] + figure.replacement + sentence[figure.end:]
    return sentence, find_figures(sentence)
