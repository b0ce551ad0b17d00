"""Split text into sentences with pysbd, without losing or changing a single character.

pysbd knows abbreviations ("Dr.", "e.g."), decimals ("3.5", "£1.2m") and web addresses. We use its
boundaries but always cut the original text ourselves, so joining the sentences gives back every
non-space character of the input in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from easyread.language.placeholders import CLASS, is_placeholder

_SPACE = re.compile(r"\s+")
# Where a sentence could end inside a line: an end mark, perhaps a closing quote or bracket, then more text.
_POSSIBLE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+\S")


@cache
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


CHUNK_CHARACTERS = 1500  # pysbd's abbreviation pass is quadratic in the length of what it is given
_SAFE_CUT = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[\"“‘(]?[A-Z])")


def _boundaries(text: str) -> list[int]:
    """End offsets in `text` of the sentences pysbd finds.

    A long text is given to pysbd in pieces of about CHUNK_CHARACTERS, cut where a sentence plainly
    ends (a full stop after a lower-case word that is not an abbreviation, then a capital), so the
    time taken grows in proportion to the text's length. A run-on with no such end for
    2 x CHUNK_CHARACTERS is cut after a comma or semicolon (else at a space), where no sentence
    ends: the end pysbd then sees at the piece's edge is not taken.
    """
    ends: list[int] = []
    start = 0
    while len(text) - start > CHUNK_CHARACTERS:
        cut = _next_cut(text, start)
        if cut is None:
            break
        piece_end, next_start, sentence_ends = cut
        piece = text[start:piece_end]
        found = _chunk_boundaries(piece)
        if not sentence_ends and found and found[-1] >= len(piece.rstrip()):
            found.pop()  # the piece's edge is inside a sentence, which goes on in the next piece
        ends += [start + end for end in found]
        start = next_start
    ends += [start + end for end in _chunk_boundaries(text[start:])]
    return ends


_AFTER_COMMA = re.compile(r"(?<=[,;])\s+(?=\S)")
_SPACE_BEFORE_WORD = re.compile(r"\s+(?=\S)")


def _next_cut(text: str, start: int) -> tuple[int, int, bool] | None:
    """(end of the piece, start of the next, whether a sentence ends there) for the piece from `start`."""
    limit = start + 2 * CHUNK_CHARACTERS
    for match in _SAFE_CUT.finditer(text, start + CHUNK_CHARACTERS, limit):
        token = _LAST_TOKEN.search(text, max(start, match.start() - 40), match.start())
        if not (token and token.group(1).lower() in _abbreviations()):
            return match.start(), match.end(), True
    if limit >= len(text):
        return None  # what is left is short enough for pysbd as it is
    mark = _AFTER_COMMA.search(text, start + CHUNK_CHARACTERS, limit) \
        or _SPACE_BEFORE_WORD.search(text, start + CHUNK_CHARACTERS, limit)
    return (mark.start(), mark.end(), False) if mark else None


def _chunk_boundaries(text: str) -> list[int]:
    """End offsets in `text` of the sentences pysbd finds, located by matching their text."""
    ends: list[int] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        stripped = piece.strip()
        if not stripped:
            continue
        found = text.find(stripped, cursor)
        if found < 0:
            # pysbd changed the text; fall back to matching its first characters.
            found = text.find(stripped[:8], cursor)
            if found < 0:
                continue
            end = found + len(stripped[:8])
        else:
            end = found + len(stripped)
        ends.append(end)
        cursor = end
    return ends


def split_sentences(text: str, ends_quotation: Callable[[str], bool] | None = None) -> list[str]:
    """The sentences of `text`, each stripped of surrounding space, none empty.

    Every non-space character of `text` is in exactly one sentence, in the original order.
    Line breaks end a sentence too: a list item on its own line is never glued to the next, and so
    does an end mark inside closing quote marks before a capital ('... not just digital.” He said').
    A sentence never ends after an abbreviation that goes on ("Cllr. Okafor", "Tel. 01632 960 448",
    from data/abbreviations.tsv) and never is only an item's number ("3121." belongs to "Highways update").
    `ends_quotation(placeholder)`, when given, says whether a masked span is a quotation that ends
    with an end mark: a capital after it starts a new sentence too.
    """
    return _rejoined(_split(text, ends_quotation))


def _split(text: str, ends_quotation: Callable[[str], bool] | None = None) -> list[str]:
    from easyread.language.facts import EMAIL, URL

    sentences: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        found: set[int] = set()
        if _POSSIBLE_END.search(line.strip()):  # else one sentence: no need to ask pysbd
            found = set(_boundaries(line)) | {m.start() for m in _QUOTE_ENDS_SENTENCE.finditer(line)}
        if ends_quotation is not None:
            found |= {m.end() for m in _PLACEHOLDER_BEFORE_CAPITAL.finditer(line) if ends_quotation(m.group(0))}
        if not found:
            sentences.append(_SPACE.sub(" ", line).strip())
            continue
        # Never cut inside a web address or email, whatever pysbd thinks of "www.a.gov.uk".
        inside = [(m.start(), m.end()) for pattern in (URL, EMAIL) for m in pattern.finditer(line)]
        ends = [end for end in sorted(found) if not any(start < end < stop for start, stop in inside)]
        start = 0
        for end in ends + [len(line)]:
            if end <= start:
                continue
            piece = _SPACE.sub(" ", line[start:end]).strip()
            if piece:
                sentences.append(piece)
            start = end
    return sentences


# pysbd misses an end inside closing quote marks: 'not just digital.” He and ...' is two sentences.
_QUOTE_ENDS_SENTENCE = re.compile(r"(?<=[.!?][”\"])(?=\s+[A-Z])")
_PLACEHOLDER_BEFORE_CAPITAL = re.compile(f"[{CLASS}](?=\\s+[A-Z])")
_ENUMERATOR_ONLY = re.compile(r"^\(?(?:\d{1,4}|[A-Za-z]|[ivxlcIVXLC]{1,6})[.)]$")
_LAST_TOKEN = re.compile(r"(\S+)$")


@cache
def _abbreviations() -> dict[str, str]:
    from easyread.data import data_rows

    return {row[0]: row[1] for row in data_rows("abbreviations.tsv")}


def _goes_on(sentence: str, following: str) -> bool:
    """Whether `sentence` stops at an abbreviation (or is only a number) and `following` carries it on."""
    if _ENUMERATOR_ONLY.match(sentence):
        return True
    token = _LAST_TOKEN.search(sentence)
    takes = _abbreviations().get(token.group(1).lower().lstrip("(")) if token else None
    if takes is None:
        return False
    start = following[:1]
    protected = is_placeholder(start)  # a masked phone number, name or address
    if takes == "number":
        return start.isdigit() or protected
    return start.isupper() or start.isdigit() or protected


def _rejoined(sentences: list[str]) -> list[str]:
    joined: list[str] = []
    for sentence in sentences:
        if joined and _goes_on(joined[-1], sentence):
            joined[-1] = f"{joined[-1]} {sentence}"
        else:
            joined.append(sentence)
    return joined


_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d)")
_WORDLIKE = re.compile(f"[A-Za-z0-9{CLASS}]")  # the private-use ranges hold masked addresses


_EDGE = re.compile(f"^[^\\w{CLASS}]+|[^\\w{CLASS}]+$")


def words(sentence: str) -> list[str]:
    """The words of `sentence` as a reader counts them, each without the punctuation around it.

    A word is a run of text between spaces with a letter or digit in it: "£1,987.45" is one word
    ("1,987.45"), "01632 960 123" is one ("01632960123": digit groups are joined), "doesn’t" and
    "doesn't" are one each (an apostrophe, straight or curly, never cuts a word), "-" or "–" alone is
    none. Every score counts words with this function (`word_count`, checks.metrics).
    """
    tokens = _DIGIT_GROUPS.sub("", sentence).split()
    return [token if token[0].isalnum() and token[-1].isalnum() else _EDGE.sub("", token)
            for token in tokens if _WORDLIKE.search(token)]


def word_count(sentence: str) -> int:
    """The number of `words` in `sentence`: "£1,987.45" is one word, and so are "01632 960 123" and "doesn’t"."""
    return len(words(sentence))
