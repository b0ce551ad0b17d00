"""Break long sentences into short ones at clause joins, and move bracketed asides out.

A sentence is split only where each side can stand alone as a sentence (it has a verb, and the
right side its own subject where the join needs one). Splitting repeats until every part is at or
under the target length or no safe join is left; what is still too long is flagged by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from easyread.language.placeholders import CLASS, is_placeholder
from easyread.language.protect import has_content
from easyread.language.sentences import word_count

TARGET_WORDS = 12

_FINITE = frozenset(
    "is are was were am be will would can could must should may might shall has have had do does did "
    "need needs isn't aren't won't can't don't doesn't didn't wasn't weren't".split()
)
_SUBJECT_START = frozenset(
    "i you we they he she it this that these those there the your our their his her its a an all "
    "some each every any no most many people everyone someone anyone nobody".split()
)


@dataclass(frozen=True)
class Join:
    """A place a sentence may be split: the pattern, what starts the right side, and whether it needs a subject."""

    pattern: re.Pattern[str]
    lead: str  # words put before the right side, e.g. "This is because"
    needs_subject: bool


JOINS = (
    Join(re.compile(r";\s+"), "", False),
    Join(re.compile(r"(?<!\d):\s+(?=[A-Za-z])"), "", True),
    Join(re.compile(r",?\s+\bbecause\s+", re.IGNORECASE), "This is because", False),
    Join(re.compile(r",\s+which\s+(?=(?:is|are|was|were|will|can|means|has|have|may|must|should|gives|helps)\b)",
                    re.IGNORECASE), "This", False),
    Join(re.compile(r",\s+but\s+", re.IGNORECASE), "But", False),
    Join(re.compile(r",\s+as\s+(?=(?:it|they|we|you|this|there|he|she)\b)", re.IGNORECASE), "This is because", False),
    Join(re.compile(r",?\s+\bso\s+that\s+", re.IGNORECASE), "This is so", False),
    Join(re.compile(r",?\s+\bso\s+(?=(?:you|we|they|it|this|there|the|your|our|he|she)\b)", re.IGNORECASE),
         "So", False),
    Join(re.compile(r",\s+when\s+", re.IGNORECASE), "This is when", False),
    Join(re.compile(r",?\s+\band\s+(?=(?:you|we|they|it|this|there|he|she|I|the|your|our|their)\b)"), "", True),
    Join(re.compile(r",\s+(?=(?:you|we|they|it|this|there)\s+(?:will|must|can|should|may|need|are|is)\b)",
                    re.IGNORECASE), "", True),
    Join(re.compile(r",?\s+\b(?:but|although|however|whereas)\s+", re.IGNORECASE), "But", False),
)


_DETERMINERS = frozenset("the a an your our their his her its this these those my each every some any no".split())
_SUBJECTS = frozenset("i you we they he she it who that which there people also then now often never always still".split())


@cache
def _verb_forms(word: str) -> tuple[bool, bool]:
    """(whether `word` can be a finite verb form, whether it can also be a noun)."""
    from easyread.language.inflection import all_inflections, all_lemmas

    lemmas = all_lemmas(word)
    if "VERB" not in lemmas:
        return False, "NOUN" in lemmas
    forms = all_inflections(lemmas["VERB"][0], "VERB")
    finite = any(word in forms.get(tag, ()) for tag in ("VBD", "VBZ", "VBP", "VB"))
    return finite, "NOUN" in lemmas


def _has_finite_verb(words: list[str]) -> bool:
    """A rough test, without a tagger, that the words hold a verb with a subject of its own.

    "bank" in "your bank statements" is a noun (after a determiner); "pay" in "you pay" is a verb.
    """
    previous = ""
    for word in (w.lower() for w in words):
        if word in _FINITE:
            return True
        if len(word) >= 3:
            finite, also_noun = _verb_forms(word)
            if finite and previous not in _DETERMINERS and (not also_noun or previous in _SUBJECTS):
                return True
        previous = word
    return False


_WORD_RE = re.compile(f"[A-Za-z']+|[{CLASS}]")  # a private-use character is a masked name or address


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


_SUBORDINATE_START = frozenset(
    "if when unless although though because while whilst after before since until once where whether as "
    "should".split()
)


def can_stand_alone(text: str, needs_subject: bool = False) -> bool:
    """Whether `text` reads as a sentence: 3+ words, a verb, and (if asked) a subject first.

    A clause that starts with "if", "when", "unless" and the like needs the rest of its sentence.
    """
    words = _words(text)
    if word_count(text) < 3 or not words:
        return False
    if words[0].lower() in _SUBORDINATE_START:
        return False
    if needs_subject and words[0].lower() not in _SUBJECT_START and not words[0][:1].isupper() \
            and not is_placeholder(words[0][:1]):
        return False
    return _has_finite_verb(words)


def _fact_interiors(text: str) -> list[tuple[int, int]]:
    """The spans of the facts in `text` (dates, times, money, ...), which no cut may fall inside."""
    from easyread.language.facts import fact_spans

    return [(span.start, span.end) for span in fact_spans(text)]


def _cuts_a_fact(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start < match.end() and match.start() < end for start, end in spans)


def _capitalise(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def _end(text: str) -> str:
    text = text.strip().rstrip(",;:-–— ")
    return text if text[-1:] in ".!?" else text + "."


def _split_once(sentence: str) -> list[str] | None:
    """The best single split of `sentence`: the join nearest the middle whose sides both stand alone."""
    best: tuple[float, list[str]] | None = None
    middle = len(sentence) / 2
    inside = _fact_interiors(sentence)
    for join in JOINS:
        for match in join.pattern.finditer(sentence):
            if _cuts_a_fact(match, inside):
                continue
            left, right = sentence[: match.start()], sentence[match.end() :]
            if not can_stand_alone(left) or not can_stand_alone(right, join.needs_subject):
                continue
            right = f"{join.lead} {right}" if join.lead else _capitalise(right)
            parts = [_end(_capitalise(left)), _end(right)]
            score = abs(match.start() - middle) + JOINS.index(join) * 5
            if best is None or score < best[0]:
                best = (score, parts)
    return best[1] if best else None


def split_long_sentence(sentence: str, target: int = TARGET_WORDS) -> list[str]:
    """`sentence` as one or more sentences, split at clause joins while any part is over `target` words."""
    if word_count(sentence) <= target:
        return [sentence]
    parts = _split_once(sentence)
    if parts is None:
        return [sentence]
    return [piece for part in parts for piece in split_long_sentence(part, target)]


_PHRASE_BREAK = re.compile(
    r",[”’\"']?\s+|;\s+|\s+[–—]\s+|\s+(?=(?:and|or|but|which|who|where|including|using|with|without|unless|until|before|after|"
    r"because|so|if|when|while|within|by|from|for|on|at|to|in|over|during|after|before|as|between|across|through)\s)"
)


_LIST_CONTINUES = re.compile(r"^(?:[\w'-]+\s+){0,2}(?:and|or)\s", re.IGNORECASE)


def split_at_phrases(sentence: str, target: int = TARGET_WORDS, limit: int = 15) -> list[str]:
    """Last resort for a sentence still over `limit` words: cut it into phrases of about `target` words.

    Cuts go at a comma or semicolon if one is near the middle, else before a word that starts a
    phrase ("and", "which", "by", ...), never leaving a piece under 3 words. Every word of the
    original stays, in order. The result can read as notes rather than sentences, so callers flag
    it for a person to review.
    """
    if word_count(sentence) <= limit:
        return [sentence]
    body = sentence.strip().rstrip(".!?")
    total = word_count(body)
    best: tuple[float, str, str] | None = None
    inside = _fact_interiors(body)
    for match in _PHRASE_BREAK.finditer(body):
        if _cuts_a_fact(match, inside):
            continue  # "22 October, 2021" is one date: never "22 October." and "2021 ..."
        cut_at_mark = match.group(0).strip() != ""  # a comma, semicolon or dash: it goes
        left = body[: match.start()] + (match.group(0).strip().lstrip(",;–—") if cut_at_mark else "")
        right = body[match.end() if cut_at_mark else match.start() :]
        left_words, right_words = word_count(left), word_count(right)
        if left_words < 4 or right_words < 3:
            continue
        is_punctuation = match.group(0).strip() != ""
        if "," in match.group(0) and _LIST_CONTINUES.match(right):
            continue  # "a safe, welcoming and warm place": a comma inside a list is no place to cut
        score = abs(left_words - total / 2) - (3 if is_punctuation else 0)
        # A cut that leaves a side without a verb reads as a scrap: take one only when nothing better.
        score += 0 if _has_finite_verb(_words(left)) else 6
        score += 0 if _has_finite_verb(_words(right)) else 3
        if best is None or score < best[0]:
            best = (score, left, right)
    if best is None:
        return [sentence]
    _, left_part, right_part = best
    parts = [_end(_capitalise(left_part)), _end(_capitalise(right_part))]
    return [short for part in parts for short in split_at_phrases(part, target, limit)]


_ASIDE = re.compile(r"\s*\(([^()]{1,300})\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
_PLURAL_IN_BRACKETS = re.compile(r"\b([A-Za-z]+)\((s|es)\)")


def move_asides(sentence: str, is_fact_only=lambda text: False) -> list[str]:  # type: ignore[no-untyped-def]
    """Take "(bracketed asides)" of 3 or more words out of a sentence into sentences of their own.

    Brackets are never deleted silently. A short aside ("(DWP)", "(see below)", "(Scotland)") or one
    that is only a fact (a phone number, a date) stays where it is, in its brackets, next to what it
    belongs to. Only an aside that repeats the word before it ("3 (3)", from "three (3)" once in
    digits) is dropped, as it says nothing new.
    """
    asides: list[str] = []
    sentence = _PLURAL_IN_BRACKETS.sub(r"\1\2", sentence)  # "item(s)" -> "items"

    def take(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        before = sentence[: match.start()].split()
        if before and before[-1] == inner:
            return ""
        if _ACRONYM.match(inner) or is_fact_only(inner) or word_count(inner) <= 2:
            return match.group(0)
        asides.append(_end(_capitalise(inner)))
        return ""

    main = _ASIDE.sub(take, sentence).strip()
    main = re.sub(r"\s+([,.;:!?])", r"\1", main)
    if not has_content(main):
        return asides
    return [main, *asides]
