"""Style checks on one sentence: passive voice and length, used to flag items for a person to review.

Length is judged per sentence as a reader meets it (`long_sentences`): an item made of several short
"Label: value." sentences (a table row) is not one long sentence; a list number ("2.", "iii.",
"(b)") is not a word; a fact (a date in full, a time, an amount, a phone number, a postcode, a
web address) is one word, because the Easy Read rules ask for dates and times in full and a
sentence must not be flagged long for following them. A "Label: value." sentence whose value is
only a list of names ("Signed by: Ann B Cole, Dev Patel (+) Jo Ng.") counts its label and one word for
the list: EASYREAD.md counts each list line as a sentence, and a list of names is read one name at a
time, not held in mind like a clause. A list of names with no label, or with other words round it,
is counted word by word.

A participle after "be" is passive ("Your bin will be collected"), except:
- a participle that describes a state or a feeling ("you are worried", "we are pleased", "the office is
  closed"; data/participle_adjectives.txt), unless a "by" phrase names who does it ("the road is closed
  by the council");
- "is called" / "are called" / "is known as", the normal Easy Read way to name something
  ("This group is called the Tenants' Panel").
"""

from __future__ import annotations

import re
from functools import cache

from easyread.data import data_words
from easyread.language.sentences import split_sentences, word_count

_BE = r"(?:am|is|are|was|were|be|been|being|get|gets|got)"
_PASSIVE = re.compile(r"\b(" + _BE + r")\s+(?:\w+ly\s+)?([a-z]+)\b(?=(?P<after>(?:\s+\S+){0,4}))", re.IGNORECASE)
_NAMING = re.compile(r"^(?:called|named|known)$", re.IGNORECASE)
_NAMING_BE = frozenset({"am", "is", "are", "was", "were"})
_AGENT = re.compile(r"^\s+(?:\S+\s+){0,2}?by\b", re.IGNORECASE)
LONG_SENTENCE_WORDS = 15  # EASYREAD.md: target 12 words or fewer, hard limit 15; flag over 15
NAME_WORD = r"(?:[A-Z][\w’'`.-]*|\(\+{1,2}\))"  # "Jo", "O’Neill", "J", "(+)" (a proposer's mark)
_LABELLED_NAMES = re.compile(r"^([^:]{1,80}):\s+" + NAME_WORD + r"(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+)" + NAME_WORD
                             + r")*\s*[.!?]?$")
_DOT_RUN = re.compile(r"\s*(?:\.\s*){2,}(?=.*\w)|…")  # leaders and ellipses, not a last full stop
_LIST_NUMBER = re.compile(r"^\s*(?:\(?(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]|\d{1,3}(?:\.\d{1,3})+)\s+", re.IGNORECASE)


@cache
def _is_past_participle(word: str) -> bool:
    from easyread.language.inflection import all_inflections, all_lemmas

    lower = word.lower()
    return any(lower in all_inflections(lemma, "VERB").get("VBN", ()) for lemma in all_lemmas(lower).get("VERB", ()))


def is_passive(sentence: str) -> bool:
    """ "Bins will be collected by the crew" is passive; "You will collect", "you are worried" and
    "it is called the Hub" are not (see the module docstring)."""
    return any(_is_passive_match(match) for match in _PASSIVE.finditer(sentence))


def _is_passive_match(match: re.Match[str]) -> bool:
    be, word, after = match.group(1).lower(), match.group(2).lower(), match.group("after")
    if not _is_past_participle(word):
        return False
    by_someone = _AGENT.match(after) is not None
    if _NAMING.match(word) and be in _NAMING_BE and not by_someone \
            and (word != "known" or after.lower().lstrip().startswith("as ")):
        return False  # "This group is called the Tenants' Panel"
    if word in data_words("participle_adjectives.txt"):
        return by_someone
    return True


def is_long(sentence: str, limit: int = LONG_SENTENCE_WORDS) -> bool:
    return word_count(sentence) > limit


def reading_length(sentence: str) -> int:
    """The words of one sentence as a reader takes them in: `word_count`, without a leading list
    number ("2.", "iii.", "(b)", "5.2") and with each fact (easyread.language.facts: "Thursday 2 May
    2019", "7:00 am", "WA8 3JJ", "£180.85") counted as one word."""
    from easyread.language.facts import fact_spans

    sentence = _LIST_NUMBER.sub("", sentence, count=1)
    names = _LABELLED_NAMES.match(sentence.strip())
    if names:
        return word_count(names.group(1)) + 1
    for span in reversed(fact_spans(sentence)):
        sentence = sentence[:span.start] + "0" + sentence[span.end:]
    return word_count(sentence)


def long_sentences(text: str, limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    """The sentences of `text` (one item: a sentence, or a table row's "Label: value." sentences)
    with more than `limit` words by `reading_length`, in order; [] when none is long. Dot leaders and
    ellipses ("Scope ........ 3", "and so on…") end no sentence: a table of contents run into one item
    is one long sentence, not many short ones."""
    text = _DOT_RUN.sub(" ", text)
    return [sentence for sentence in split_sentences(text) or [text] if reading_length(sentence) > limit]
