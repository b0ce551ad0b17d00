"""What text is protected: kept exactly as the source wrote it by every rewrite and every renderer.

Protected are web addresses, emails, phone numbers and the other facts a person must copy exactly
(`facts.protected_spans`), names of people, places, organisations and laws (`names.name_spans`),
and quotations: a quotation is someone's words, and rewriting it would put words in their mouth.

While text is rewritten each protected span becomes one private-use character, which no word rule,
number rule or sentence splitter touches, so "www.northbrook.gov.uk/assistance" keeps every letter,
"Local Government etc. (Scotland) Act 1994" keeps its "etc." and its brackets, and a quotation keeps
its words. Renderers call `protected_spans` too, so that no hard word is put in bold inside an address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easyread.language.facts import protected_spans as fact_spans
from easyread.language.names import is_place_name, name_spans
from easyread.language.placeholders import CAPACITY, CLASS, is_placeholder, placeholder, placeholder_index

_PLACEHOLDER = re.compile(f"[{CLASS}]")
MAX_QUOTATION_WORDS = 60  # longer "quotations" are more likely a stray quote mark than someone's words
# “double quotes”, "straight double quotes", and ‘single quotes’ that open after a space or bracket
# and close before a space or punctuation (so the apostrophe in "else’s" never starts or ends one).
_QUOTATION = re.compile(
    r"“[^“”\n]{1,600}”"
    r"|(?<![\w\"])\"[^\"\n]{1,600}\"(?![\w\"])"
    r"|(?<![\w‘’])‘[^‘’\n]*?\w[^‘\n]{0,600}?’(?![\w’])"
)


@dataclass(frozen=True)
class Masked:
    text: str
    originals: tuple[str, ...]

    def restore(self, text: str) -> str:
        """`text` with every placeholder put back to the text it stands for (one pass: linear time)."""
        if not self.originals:
            return text

        def original(match: re.Match[str]) -> str:
            index = placeholder_index(match.group(0))
            return self.originals[index] if 0 <= index < len(self.originals) else match.group(0)

        return _PLACEHOLDER.sub(original, text)


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in `text`, quote marks included: someone's words, not to be rewritten."""
    spans = []
    for match in _QUOTATION.finditer(text):
        words = len(match.group(0).split())
        single = match.group(0).startswith("‘")
        if words <= MAX_QUOTATION_WORDS and (words >= 2 or not single):  # a ‘word’ alone may be an apostrophe pair
            spans.append(match.span())
    return spans


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Every span of `text` that rewriting and emphasis must leave alone, sorted, not overlapping.

    Where two overlap, the earlier-starting (then the longer) one wins: a web address inside a
    quotation is protected as part of the quotation.
    """
    spans = sorted(fact_spans(text) + name_spans(text) + quotation_spans(text), key=lambda s: (s[0], -s[1]))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def mask(text: str) -> Masked:
    """`text` with each protected span replaced by a placeholder character."""
    pieces: list[str] = []
    originals: list[str] = []
    cursor = 0
    for start, end in protected_spans(text):
        if start < cursor or len(originals) >= CAPACITY:
            continue
        pieces += [text[cursor:start], placeholder(len(originals))]
        originals.append(text[start:end])
        cursor = end
    pieces.append(text[cursor:])
    return Masked("".join(pieces), tuple(originals))


def has_content(text: str) -> bool:
    """Whether `text` holds anything a reader needs: a letter or digit of any script, or a protected span."""
    return any(char.isalnum() or is_placeholder(char) for char in text)


def no_emphasis_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` where no word is a hard word and nothing is put in bold: web addresses,
    emails, phone numbers, codes, and names of places ("Rosemary Court": "court" is not a law court)."""
    places = [(start, end) for start, end in name_spans(text) if is_place_name(text[start:end])]
    return sorted(fact_spans(text) + places)
