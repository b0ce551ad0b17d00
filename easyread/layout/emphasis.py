"""Which parts of a sentence are shown in bold: its hard words, never inside protected text.

Every renderer (PDF, Word, HTML, Markdown) asks this one function, so they agree: each hard word of
the item is bold wherever it stands as a whole word, except inside a web address, an email, a
phone number, a code or the name of a place ("policy" in ".../asb-policy-2024.pdf" and "Court" in
"Rosemary Court" stay plain; see `language.protect.no_emphasis_spans`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from easyread.language.protect import no_emphasis_spans
from easyread.model import HardWord


def hard_word_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching any of `words` as whole words, case-insensitive, longest first."""
    parts = []
    for word in sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True):
        body = r"\s+".join(re.escape(piece) for piece in word.split())
        parts.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def emphasis_runs(text: str, hard_words: Iterable[HardWord]) -> list[tuple[str, bool]]:
    """`text` as (piece, bold) runs in order, joined they give `text` back; empty pieces left out."""
    pattern = hard_word_pattern(hard.word for hard in hard_words)
    if pattern is None:
        return [(text, False)] if text else []
    keep_plain = no_emphasis_spans(text)
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in keep_plain):
            continue
        runs.append((text[position : match.start()], False))
        runs.append((match.group(0), True))
        position = match.end()
    runs.append((text[position:], False))
    return [(piece, bold) for piece, bold in runs if piece]
