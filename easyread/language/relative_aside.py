"""Take a ", which ..." or ", who ..." aside about a sentence's subject out into a sentence of its own.

"The hub, which opened in 2024, has a café." becomes "The hub opened in 2024." and "It has a café."
"Our clerk, who started in May, will answer your letter." becomes "Our clerk started in May." and
"Our clerk will answer your letter." The words stay in their order; "which" or "who" goes, and only
"It"/"They" (for "which") or the subject itself (for "who": "he or she" is not known) comes in.

Precision first: only where the subject opens the sentence and is short (a definite determiner and
up to 3 words, up to 4 capitalised words, or a masked name), the aside sits between two commas and
starts with a verb that makes a complete sentence of it, and the words after the second comma start
with the subject's own verb. "It" or "They" follows the aside's verb ("which are" -> "They") or,
where that does not tell, the subject's last word ("the councils, which met" -> "They").
"""

from __future__ import annotations

import re

from easyread.language.clause_check import FINITE, can_stand_alone, has_finite_verb, words_of
from easyread.language.placeholders import CLASS

_DEFINITE = frozenset("The This These Those Your Our Their Its His Her".split())
_NOT_NAMES = frozenset("However Therefore There Here Please If When Where Why How What Also Then So But And Or".split())
_WORD = re.compile(r"^[A-Za-z][a-z’'-]*$")
_NAME = re.compile(r"^[A-Z][a-z]+$")
_PLURAL_VERBS = frozenset("are were have do".split())
_SINGULAR_VERBS = frozenset("is was has does".split())
_ASIDE = re.compile(r"^(?P<subject>.+?), (?P<relative>which|who) (?P<aside>[^,;:()“”\"]+), (?P<main>.+)$")


def _is_subject(text: str) -> bool:
    """Whether `text` is a short subject: "The hub", "Our new clerk", "Glasgow City Council", a masked name."""
    tokens = text.split(" ")
    if len(tokens) == 1 and len(text) == 1 and re.match(f"[{CLASS}]", text):
        return True
    if tokens[0] in _DEFINITE:
        return 2 <= len(tokens) <= 4 and all(_WORD.match(token) and token.lower() not in FINITE for token in tokens[1:])
    return tokens[0] not in _NOT_NAMES and len(tokens) <= 4 and all(_NAME.match(token) for token in tokens)


def _starts_with_verb(text: str) -> bool:
    """Whether `text` opens with a finite verb in small letters ("has a café", "opened", "will answer").

    A capital means a name or a list item ("Bath, Usk and Monmouth"), never the subject's verb here.
    """
    words = words_of(text)
    return bool(words) and words[0].islower() and (words[0] in FINITE or has_finite_verb(["it", words[0]]))


def _pronoun(subject: str, aside: str) -> str:
    verb = aside.split(" ")[0].lower()
    if verb in _PLURAL_VERBS:
        return "They"
    if verb in _SINGULAR_VERBS:
        return "It"
    last = subject.split(" ")[-1].lower()
    return "They" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "It"


def split_relative_aside(sentence: str) -> list[str] | None:
    """`sentence` as [the aside as a sentence, the rest as a sentence], or None where that is not surely safe.

    `sentence` is one sentence ending in ".", "!" or "?" (masked text: names are single characters).
    The first part is the subject and the aside ("The hub opened in 2024."), the second the rest
    with "It"/"They" or the subject again before it ("It has a café.").
    """
    sentence = sentence.strip()
    found = _ASIDE.match(sentence)
    if not found or sentence[-1:] not in ".!?":
        return None
    from easyread.language.clauses import kept_whole

    for start, end in kept_whole(sentence):
        if start < found.end("aside") + 1 and found.start("relative") - 2 < end:
            return None  # a comma inside a date, a name or a quotation
    subject, aside, main = found.group("subject"), found.group("aside").strip(), found.group("main").strip()
    if not _is_subject(subject) or not _starts_with_verb(aside) or not _starts_with_verb(main):
        return None
    first = f"{subject} {aside}{sentence[-1]}"
    if found.group("relative") == "which":
        if subject.split(" ")[0] in _DEFINITE or len(subject) == 1:
            second = f"{_pronoun(subject, aside)} {main}"
        else:
            return None  # "Glasgow City Council, which ...": a name may be a person ("who") or a place
    else:
        second = f"{subject} {main}"
    if not (can_stand_alone(first) and can_stand_alone(second)):
        return None
    return [first, second]
