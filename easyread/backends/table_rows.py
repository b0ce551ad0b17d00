"""Table rows as the rules backend reads them: which cells of a row lost their column label.

A reader writes a row with a header as "Label: value." sentences (readers/common.py
`table_row_text`); a cell beyond the header's columns comes out bare. A bare cell that is nothing
but a list of names of people or places ("Ann B Cole (+) Dev Patel Jo Ng.") in a row whose other
cells are labelled does not say what they are (proposers? members? venues?): a person must add it,
so the item is flagged `unlabelled-cell`. A bare cell that is a sentence of its own, or the
second sentence of a labelled cell, is not flagged.
"""

from __future__ import annotations

import re

from easyread.language.sentences import split_sentences
from easyread.language.style import NAME_WORD

UNLABELLED_CELL = "unlabelled-cell"
MIN_NAME_WORDS = 4  # "Jo Ng" alone may be a value; 4 or more capitalised words with no label is a list of people
_LABEL = re.compile(r"^[^:]{1,80}:\s")
_NAME_WORD = re.compile(NAME_WORD)
_SEPARATOR = re.compile(r"(?:\s+|\s*,\s*|\s+(?:and|&)\s+)")


def _only_names(sentence: str) -> bool:
    """Whether `sentence` is nothing but capitalised name words, initials and "(+)" marks, with
    spaces, commas, "and" or "&" between them, and holds at least MIN_NAME_WORDS of them."""
    body = sentence.strip().rstrip(".")
    words = _NAME_WORD.findall(body)
    if sum(word[:1].isalpha() for word in words) < MIN_NAME_WORDS:
        return False
    return _SEPARATOR.sub("", _NAME_WORD.sub("", body)) == ""


def unlabelled_names(row: str) -> list[str]:
    """The sentences of a table row's text that are bare lists of names while other sentences of
    the row carry a "Label:" (e.g. ["Ann B Cole (+) Dev Patel Mary Q Ivers."]); [] when there are none."""
    sentences = split_sentences(row)
    if not any(_LABEL.match(sentence) for sentence in sentences):
        return []
    return [sentence for sentence in sentences if not _LABEL.match(sentence) and _only_names(sentence)]
