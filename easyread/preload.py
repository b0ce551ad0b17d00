"""Imported once by the batch's fork server, so every worker forked from it starts warm.

A first conversion in a fresh process spends about a second importing reportlab, textstat and
wordfreq and loading word lists; later ones take a tenth of that. Converting a two-line letter here
does that work once, and the workers share it. Nothing may escape: the fork server must start.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


def warm_up() -> None:
    from easyread.pipeline import convert

    with tempfile.TemporaryDirectory(prefix="easyread-warm-up-") as folder:
        letter = Path(folder) / "warm-up.txt"
        letter.write_text("Bins\n\nWe will empty your bin on Tuesday 4 March 2025. Call 01632 960 123.\n")
        convert(letter, Path(folder) / "warm-up.pdf")


try:
    warm_up()
except Exception:  # noqa: S110 - a cold worker is slower, not wrong
    pass
