"""Style checks on one sentence: passive voice and length, used to flag items for a person to review."""

from __future__ import annotations

import re
from functools import cache

from easyread.language.sentences import word_count

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got)"
_PASSIVE = re.compile(r"\b" + _BE + r"\s+(?:\w+ly\s+)?([a-z]+)\b", re.IGNORECASE)
LONG_SENTENCE_WORDS = 15


@cache
def _is_past_participle(word: str) -> bool:
    from easyread.language.inflection import all_inflections, all_lemmas

    lower = word.lower()
    return any(lower in all_inflections(lemma, "VERB").get("VBN", ()) for lemma in all_lemmas(lower).get("VERB", ()))


def is_passive(sentence: str) -> bool:
    """ "Bins will be collected by the crew" is passive; "You will collect" is not."""
    return any(_is_past_participle(match.group(1)) for match in _PASSIVE.finditer(sentence))


def is_long(sentence: str, limit: int = LONG_SENTENCE_WORDS) -> bool:
    return word_count(sentence) > limit
