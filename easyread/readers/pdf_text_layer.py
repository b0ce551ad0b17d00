"""Tell a PDF text layer that is real text from one that only looks like it.

Two kinds of text layer are refused with a one-line reason, because publishing them would give
people nonsense:

* glyphs with no Unicode meaning (a font without a usable Unicode map, where pdfminer can only
  say "(cid:123)"): when more than 5% of the document's glyphs are unreadable, even after
  `pdf_glyphs` has tried the embedded font. A few unreadable glyphs in good text are kept (as
  U+FFFD) and do not refuse the document;
* words run together with no spaces, after pdfminer has put spaces where the gaps between letters
  are: when over half the letters of a page with at least 100 letters sit in "words" of 25
  letters or more. Web addresses, email addresses and codes (anything with / @ or a digit) are
  not counted; a long English word has fewer than 25 letters.
"""

from __future__ import annotations

import re

from easyread.readers.pdf_extract import PageText

NO_TEXT = "has no text layer (it may be a scanned image); run OCR first"
NO_UNICODE = "has no usable text layer (its fonts do not say which letters they draw); run OCR first"
MAX_UNKNOWN_SHARE = 0.05
LONG_WORD = 25
MAX_LONG_WORD_SHARE = 0.5
MIN_LETTERS = 100
_NOT_A_WORD = re.compile(r"[/@\d]|www\.|\.(?:com|org|uk|gov|net)\b", re.IGNORECASE)


def no_spaces_reason(page: int) -> str:
    return f"has no usable text layer (the words on page {page} run together without spaces); run OCR first"


def text_layer_problem(pages: list[PageText]) -> str | None:
    """The reason to refuse this text layer, or None when it is real text.

    `pages` are every page of the document. Returns NO_TEXT when there is no text at all.
    """
    glyphs = unknown = 0
    for page in pages:
        page_glyphs, page_unknown = page.glyph_counts()
        glyphs += page_glyphs
        unknown += page_unknown
    if not glyphs:
        return NO_TEXT
    if unknown > MAX_UNKNOWN_SHARE * glyphs:
        return NO_UNICODE
    for page in pages:
        if runs_words_together(" ".join(line.text for line in page.lines)):
            return no_spaces_reason(page.number)
    return None


def runs_words_together(text: str) -> bool:
    """Whether most letters of `text` are in "words" too long to be words (no spaces between them)."""
    letters = long_letters = 0
    for token in text.split():
        count = sum(char.isalpha() for char in token)
        letters += count
        if count >= LONG_WORD and not _NOT_A_WORD.search(token):
            long_letters += count
    return letters >= MIN_LETTERS and long_letters > MAX_LONG_WORD_SHARE * letters
