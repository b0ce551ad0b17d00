"""Placeholder characters that stand for protected text while it is rewritten.

Each protected span (a web address, a name, a quotation) becomes one character from Unicode's
private use areas, which no word list, number rule or sentence splitter touches. The Basic
Multilingual Plane's area gives 6,400 of them; the supplementary areas of planes 15 and 16 give
131,068 more, enough for a single paragraph of several megabytes.
"""

from __future__ import annotations

_RANGES = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
CAPACITY = sum(last - first + 1 for first, last in _RANGES)
# For regular expressions: a character class body matching any placeholder.
CLASS = "\uE000-\uF8FF\U000F0000-\U000FFFFD\U00100000-\U0010FFFD"


def placeholder(index: int) -> str:
    """The `index`-th placeholder character (0-based). Raises IndexError past CAPACITY."""
    for first, last in _RANGES:
        size = last - first + 1
        if index < size:
            return chr(first + index)
        index -= size
    raise IndexError("no placeholder characters left")


def placeholder_index(char: str) -> int:
    """The index of a placeholder character, or -1 if `char` is not one."""
    if len(char) != 1:
        return -1
    code = ord(char)
    offset = 0
    for first, last in _RANGES:
        if first <= code <= last:
            return offset + code - first
        offset += last - first + 1
    return -1


def is_placeholder(char: str) -> bool:
    return placeholder_index(char) >= 0
