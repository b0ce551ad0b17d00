"""Runs of text that must never break across lines: phone numbers, postcodes, money, dates, times,
emails and reference codes.

A reader who meets "01632" at the end of one line and "960 178" on the next may dial half a number
(issue 15). `language.facts` finds the runs (the one definition of a fact); each format then keeps
them whole in its own way:
- PDF (reportlab) and Markdown: the spaces inside a run become U+00A0 NO-BREAK SPACE. reportlab
  5.1 keeps "01632\\u00a0960\\u00a0178" on one line, measured by wrapping a Paragraph with the run
  at the wrap point (tests/layout/test_no_break.py); it breaks a word at a hyphen only when the
  word is wider than the line, so hyphens stay as they are (the body font has no U+2011 glyph).
- Word: U+00A0 for the spaces and Word's own non-breaking hyphen `<w:noBreakHyphen/>` for hyphens
  (what Ctrl+Shift+- inserts; python-docx reads it back as "-").
- HTML: a `<span class="nobr">` (`white-space: nowrap`) around the run; the text is unchanged, so
  a copied phone number or email address is exactly as written.
Emails and web addresses have no spaces; their hyphens are kept as typed in every format but HTML
(a changed character would change the address). A run longer than `MAX_RUN_CHARACTERS` keeps its
breaks: it might not fit on a line at all.

`easyread check` reads a no-break space as a space and a non-breaking hyphen as a hyphen
(`plain_spaces`, used by `checks.units.TextUnit`).
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

NO_BREAK_SPACE = "\u00a0"
NON_BREAKING_HYPHEN = "\u2011"
NARROW_NO_BREAK_SPACE = "\u202f"
KEPT_KINDS = frozenset({"phone", "postcode", "money", "date", "time", "email", "code"})
ADDRESS_KINDS = frozenset({"email", "url"})  # their characters are never replaced
# The sentence column of the PDF is 340pt wide; at 16pt the body font (Atkinson Hyperlegible) fits
# about 38 average characters on a line, fewer in bold: a run of up to 32 always fits a line.
MAX_RUN_CHARACTERS = 32
_BREAKING_SPACES = frozenset(" \t")
_PLAIN = str.maketrans({NO_BREAK_SPACE: " ", NARROW_NO_BREAK_SPACE: " ", NON_BREAKING_HYPHEN: "-"})


def kept_runs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each run of `text` to keep on one line, in order, none overlapping:
    the facts of `KEPT_KINDS` that hold a space or a hyphen and are at most MAX_RUN_CHARACTERS long.
    Remembered per text: the PDF's page planning lays out each sentence many times."""
    return list(_kept_runs(text))


@functools.lru_cache(maxsize=4096)
def _kept_runs(text: str) -> tuple[tuple[int, int, str], ...]:
    from easyread.language.facts import fact_spans

    runs = []
    for span in fact_spans(text):
        piece = text[span.start : span.end]
        if span.kind in KEPT_KINDS and len(piece) <= MAX_RUN_CHARACTERS and any(c in piece for c in " \t-"):
            runs.append((span.start, span.end, span.kind))
    return tuple(runs)


def no_break_spaces(text: str, *, hyphens: str = "-") -> str:
    """`text` with each space inside a kept run (see `kept_runs`) made U+00A0, and each hyphen made
    `hyphens` (unchanged by default; U+2011 for a format that breaks at hyphens). The characters of
    emails and web addresses are never changed. Same length as `text` when `hyphens` is one character.

    "Phone 01632 960 178." -> "Phone 01632\\u00a0960\\u00a0178."
    """
    runs = kept_runs(text)
    if not runs:
        return text
    characters = list(text)
    for start, end, kind in runs:
        if kind in ADDRESS_KINDS:
            continue
        for index in range(start, end):
            if characters[index] in _BREAKING_SPACES:
                characters[index] = NO_BREAK_SPACE
            elif characters[index] == "-":
                characters[index] = hyphens
    return "".join(characters)


def keep_together(bold_runs: Sequence[tuple[str, bool]], *, hyphens: str = "-") -> list[tuple[str, bool]]:
    """`bold_runs` ((piece, bold): `layout.emphasis.emphasis_runs`) with the kept runs of their
    joined text marked by `no_break_spaces`; the pieces keep their lengths and bold flags. The
    runs are found in the whole text, so a bold word beside a date does not hide the date."""
    text = "".join(piece for piece, _ in bold_runs)
    marked = no_break_spaces(text, hyphens=hyphens)
    if marked == text:
        return list(bold_runs)
    out, position = [], 0
    for piece, bold in bold_runs:
        out.append((marked[position : position + len(piece)], bold))
        position += len(piece)
    return out


def plain_spaces(text: str) -> str:
    """`text` with no-break spaces read as spaces and non-breaking hyphens as hyphens, as a person
    reads them (for checks that read our outputs back)."""
    return text.translate(_PLAIN)


def pieces(text: str, bold_runs: Sequence[tuple[str, bool]]) -> list[tuple[str, bool, bool]]:
    """`bold_runs` ((piece, bold), joined they give `text`: `layout.emphasis.emphasis_runs`) cut
    further at the edges of the kept runs: (piece, bold, kept) in order; joined they give `text`."""
    runs = kept_runs(text)
    edges = sorted({edge for start, end, _ in runs for edge in (start, end)})
    out: list[tuple[str, bool, bool]] = []
    position = 0
    for piece, bold in bold_runs:
        end = position + len(piece)
        cuts = [position, *(edge for edge in edges if position < edge < end), end]
        for first, last in itertools.pairwise(cuts):
            kept = any(start <= first and last <= stop for start, stop, _ in runs)
            out.append((text[first:last], bold, kept))
        position = end
    return out


def nowrap_html(text: str, bold_runs: Sequence[tuple[str, bool]]) -> str:
    """The HTML for `text` (already cleaned) with its `bold_runs` in `<strong>` and each kept run in
    one `<span class="nobr">` (the stylesheet gives it `white-space: nowrap`); all text escaped."""
    from html import escape

    out: list[str] = []
    open_span = False
    for piece, bold, kept in pieces(text, bold_runs):
        if kept != open_span:
            out.append('<span class="nobr">' if kept else "</span>")
            open_span = kept
        out.append(f"<strong>{escape(piece)}</strong>" if bold else escape(piece))
    if open_span:
        out.append("</span>")
    return "".join(out)


def add_word_run(paragraph, text: str):  # type: ignore[no-untyped-def]
    """Add `text` to a python-docx `paragraph` as one run and return it; each U+2011 in `text`
    becomes Word's non-breaking hyphen `<w:noBreakHyphen/>` (Word would draw U+2011 in a fallback font)."""
    if NON_BREAKING_HYPHEN not in text:
        return paragraph.add_run(text)
    from docx.oxml import OxmlElement

    run = paragraph.add_run()
    for number, part in enumerate(text.split(NON_BREAKING_HYPHEN)):
        if number:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            run.add_text(part)
    return run
