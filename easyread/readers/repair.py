"""Repair text that a file's encoding or fonts damaged, before anything reads it.

* Mojibake ("elseâ€™s" for "else's", UTF-8 read as Windows-1252) is undone by ftfy, a maintained
  library built for exactly this (Speer, *ftfy*, 2019). Only its repairs run: quotes stay curly,
  full-width characters and HTML entities stay as written (markup is data, and "&amp;" in a
  document is what the reader sees).
* Latin ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) become their letters, so "ﬁle" is the word "file".
* Word's Calibri draws "ti" with a ligature glyph that PDF text layers often give as U+019F "Ɵ"
  ("consultaƟon"); between or beside lower-case letters it is "ti". Elsewhere U+019F is a real
  letter (in some African alphabets) and is left alone.
"""

from __future__ import annotations

import re
from functools import cache

# U+019F standing for "ti" sits inside a word: a lower-case letter on at least one side.
_CALIBRI_TI = re.compile(r"(?<=[a-z])\u019f|\u019f(?=[a-z])")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SUSPECT = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


@cache
def _config():  # type: ignore[no-untyped-def]
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        remove_control_chars=False, normalization="NFC", explain=False,
    )


def repair_text(text: str) -> str:
    """`text` with mojibake undone, ligatures spelt out and Calibri's "ti" glyph read as "ti".

    Line breaks, quotes, spacing and control characters are left as they are (readers deal with
    those). Pure ASCII text is returned unchanged without calling ftfy, so most documents pay nothing.
    """
    if text.isascii():
        return text
    text = _CALIBRI_TI.sub("ti", text.translate(_LIGATURES))
    if _SUSPECT.search(text):  # only text with the characters mojibake is made of can hold any
        from ftfy import fix_text

        text = fix_text(text, _config())
    return text
