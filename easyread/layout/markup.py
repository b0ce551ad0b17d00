"""Turn document text into reportlab paragraph markup. Text is data: every character prints as is.

Only the tags added here are markup: `<b>` for hard words, and `<font face>` around each run of
characters the paragraph's own font cannot draw (see `easyread.layout.fonts`). Anything in the
text that looks like a tag or an entity is escaped first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from easyread.layout.emphasis import emphasis_runs
from easyread.layout.no_break import keep_together
from easyread.model import HardWord

if TYPE_CHECKING:
    from easyread.layout.fonts import Fonts

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """`text` without control characters, which no font can draw."""
    return _CONTROL.sub("", text or "")


def plain(text: str) -> str:
    """`text` escaped so that it prints literally."""
    return escape(clean(text))


def font_markup(text: str, fonts: Fonts, bold: bool = False) -> str:
    """`text` escaped, each run the paragraph's face (the body face, bold or not) cannot draw in a
    `<font face="...">` naming the font that can; characters no font has are left out.

    Text the body face draws whole gets no tag at all. The face is named outright, bold or not,
    as a `<font face>` resets reportlab's bold flag to that of the face it names.
    """
    own = fonts.body.face(bold)
    out: list[str] = []
    for run, face in fonts.runs(clean(text), bold):
        out.append(escape(run) if face == own else f"<font face={quoteattr(face)}>{escape(run)}</font>")
    return "".join(out)


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
                    fits: Callable[[str], bool] | None = None, fonts: Fonts | None = None) -> str:
    """The sentence escaped, with each of its hard words in bold (never inside an address, a code or
    a place name: `emphasis_runs`), long addresses made breakable, and the spaces inside phone
    numbers, postcodes, amounts and dates made no-break spaces (`layout.no_break`).

    With `fonts`, each run is drawn by a font that has its characters (`font_markup`): a bold
    hard word uses the bold face of whichever font draws it.
    """
    text = clean(sentence)
    if fonts is not None:  # as `Fonts.runs` does, so a hard word matches what is drawn
        text = unicodedata.normalize("NFC", text)

    def piece(part: str, bold: bool = False) -> str:
        if fits is not None and not bold:
            part = break_long_addresses(part, fits)
        return escape(part) if fonts is None else font_markup(part, fonts, bold)

    words = [hard if fonts is None else HardWord(unicodedata.normalize("NFC", hard.word), hard.explanation)
             for hard in hard_words]
    return "".join(f"<b>{piece(part, bold=True)}</b>" if bold else piece(part)
                   for part, bold in keep_together(emphasis_runs(text, words)))
