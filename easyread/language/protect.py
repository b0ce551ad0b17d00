"""Hide web addresses, emails and phone numbers while text is rewritten, then put them back.

Each protected span becomes one private-use character, which no word rule, number rule or
sentence splitter touches, so an address like www.northbrook.gov.uk/assistance keeps every letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from easyread.language.facts import protected_spans

_FIRST = 0xE000
_LAST = 0xF8FF


@dataclass(frozen=True)
class Masked:
    text: str
    originals: tuple[str, ...]

    def restore(self, text: str) -> str:
        for index, original in enumerate(self.originals):
            text = text.replace(chr(_FIRST + index), original)
        return text


def mask(text: str) -> Masked:
    """`text` with each protected span replaced by a placeholder character."""
    pieces: list[str] = []
    originals: list[str] = []
    cursor = 0
    for start, end in protected_spans(text):
        if start < cursor or _FIRST + len(originals) > _LAST:
            continue
        pieces += [text[cursor:start], chr(_FIRST + len(originals))]
        originals.append(text[start:end])
        cursor = end
    pieces.append(text[cursor:])
    return Masked("".join(pieces), tuple(originals))


def is_placeholder(char: str) -> bool:
    return len(char) == 1 and _FIRST <= ord(char) <= _LAST
