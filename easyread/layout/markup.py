"""Turn document text into reportlab paragraph markup. Text is data: every character prints as is.

Only the `<b>` tags added here for hard words are markup; anything in the text that looks like a
tag or an entity is escaped first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape

from easyread.model import HardWord

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """`text` without control characters, which no font can draw."""
    return _CONTROL.sub("", text or "")


def plain(text: str) -> str:
    """`text` escaped so that it prints literally."""
    return escape(clean(text))


def hard_word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of `words` as whole words, case-insensitive, longest first."""
    parts = []
    for word in sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(piece) for piece in word.split())
        parts.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def break_long_addresses(text: str, fits: Callable[[str], bool]) -> str:
    """Let a web address too wide for a line break after a "/" (or "."), never inside a name.

    reportlab breaks lines only at spaces and would otherwise cut a long address anywhere. A
    space goes after the "/" where a line must end; as the whole address is wider than a line,
    that space always falls at a line end and is never seen.
    """

    def split(match: re.Match[str]) -> str:
        address = match.group(0)
        if fits(address):
            return address
        pieces = re.findall(r"[^/.]*[/.]|[^/.]+$", address)
        lines, current = [], ""
        for piece in pieces:
            if current and not fits(current + piece):
                lines.append(current)
                current = piece
            else:
                current += piece
        lines.append(current)
        return " ".join(lines)

    return _ADDRESS.sub(split, text)


def sentence_markup(sentence: str, hard_words: Iterable[HardWord] = (),
                    fits: Callable[[str], bool] | None = None) -> str:
    """The sentence escaped, with each of its hard words in bold and long addresses made breakable."""
    text = clean(sentence)
    if fits is not None:
        text = break_long_addresses(text, fits)
    pattern = hard_word_pattern(hard.word for hard in hard_words)
    if pattern is None:
        return escape(text)
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f"<b>{escape(match.group(0))}</b>")
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)
