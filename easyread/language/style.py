"""Style checks on one sentence: passive voice and length, used to flag items for a person to review.

A participle after "be" is passive ("Your bin will be collected"), except:
- a participle that describes a state or a feeling ("you are worried", "we are pleased", "the office is
  closed"; data/participle_adjectives.txt), unless a "by" phrase names who does it ("the road is closed
  by the council");
- "is called" / "are called" / "is known as", the normal Easy Read way to name something
  ("This group is called the Tenants' Panel").
"""

from __future__ import annotations

import re
from functools import cache

from easyread.data import data_words
from easyread.language.sentences import word_count

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got)"
_PASSIVE = re.compile(r"\b(" + _BE + r")\s+(?:\w+ly\s+)?([a-z]+)\b(?=(?P<after>(?:\s+\S+){0,4}))", re.IGNORECASE)
_NAMING = re.compile(r"^(?:called|named|known)$", re.IGNORECASE)
_NAMING_BE = frozenset({"am", "is", "are", "was", "were"})
_AGENT = re.compile(r"^\s+(?:\S+\s+){0,2}?by\b", re.IGNORECASE)
LONG_SENTENCE_WORDS = 15


@cache
def _is_past_participle(word: str) -> bool:
    from easyread.language.inflection import all_inflections, all_lemmas

    lower = word.lower()
    return any(lower in all_inflections(lemma, "VERB").get("VBN", ()) for lemma in all_lemmas(lower).get("VERB", ()))


def is_passive(sentence: str) -> bool:
    """ "Bins will be collected by the crew" is passive; "You will collect", "you are worried" and
    "it is called the Hub" are not (see the module docstring)."""
    return any(_is_passive_match(match) for match in _PASSIVE.finditer(sentence))


def _is_passive_match(match: re.Match[str]) -> bool:
    be, word, after = match.group(1).lower(), match.group(2).lower(), match.group("after")
    if not _is_past_participle(word):
        return False
    by_someone = _AGENT.match(after) is not None
    if _NAMING.match(word) and be in _NAMING_BE and not by_someone \
            and (word != "known" or after.lower().lstrip().startswith("as ")):
        return False  # "This group is called the Tenants' Panel"
    if word in data_words("participle_adjectives.txt"):
        return by_someone
    return True


def is_long(sentence: str, limit: int = LONG_SENTENCE_WORDS) -> bool:
    return word_count(sentence) > limit
