"""Split a sentence whose one subject has two verb phrases, repeating the subject (and its helper verb).

"We will collect your bin on Monday and empty it on Tuesday." becomes "We will collect your bin on
Monday." and "We will empty it on Tuesday."; "It spreads quickly and can damage walls." becomes "It
spreads quickly." and "It can damage walls." (issue 13: complete sentences that mean what the source
said). Nothing is dropped but "and"; only the sentence's own subject (and helper verb) is repeated.

Precision first: the rewrite is made only where the subject opens the sentence and is short (a
pronoun, a masked name or a determiner with up to 3 words), the first part holds no word that could
make the second part belong to something else (a relative pronoun, a condition, "or", a comma)
and, where the helper verb is repeated, no "not" (which might cover both parts) and no "to" before a
verb or "help"/"let"/"make" (the second verb could hang on them). The word after "and" must be a helper verb ("and will ...") or a verb that is
surely a verb there (it has no other part of speech, or an object follows it: "and empty it"). A
time or a date only in the second part ("... and sign it within 7 days") might belong to both, so
the sentence is left whole.
"""

from __future__ import annotations

import re

from easyread.language.clause_check import FINITE, PREPOSITIONS, has_finite_verb, words_of
from easyread.language.placeholders import CLASS

MODALS = frozenset("will would can could must should may might shall".split())
# Helper verbs after "and" that take the repeated subject alone ("and will stay", "and are also").
_HELPERS = MODALS | frozenset("is are was were has have".split())
_PRONOUNS = frozenset("I You We They It He She".split())
_DETERMINERS = frozenset("The This These Those Your Our Their Its His Her Each Every All Some".split())
_NOT_NAMES = frozenset("However Therefore There Here Please If When Where Why How What Also Then So But And Or".split())
_NOUN_WORD = re.compile(r"^[A-Za-z][a-z’'-]*$")
_NAME_WORD = re.compile(r"^[A-Z][a-z]+$")


def _subject(sentence: str) -> tuple[str, bool] | None:
    """(the sentence's opening subject, whether it is a noun phrase) or None where it is unsure.

    A pronoun ("We"), a masked name, a determiner and up to 3 words ("The parish council"), up to
    4 capitalised words ("Glasgow City Council") or a capitalised word and up to 2 small ones ("Most
    shelters"); a noun phrase must be followed by a helper verb.
    """
    tokens = sentence.split(" ")
    if not tokens:
        return None
    if tokens[0] in _PRONOUNS or tokens[0] == "This" and len(tokens) > 1 and tokens[1] in FINITE:
        return tokens[0], False
    if len(tokens[0]) == 1 and re.match(f"[{CLASS}]", tokens[0]):
        count = 1
    elif tokens[0] in _DETERMINERS:
        count = 1
        while count < len(tokens) and count <= 3 and _NOUN_WORD.match(tokens[count]) \
                and tokens[count].lower() not in FINITE and tokens[count].lower() not in _FUNCTION_WORDS:
            count += 1
        if count == 1:
            return None
    elif _NAME_WORD.match(tokens[0]) and tokens[0] not in _NOT_NAMES:
        count = 1
        while count < len(tokens) and count < 4 and _NAME_WORD.match(tokens[count]):
            count += 1
        if count == 1:  # "Anonymous complaints should ...", "Most shelters will ...": a word, then small words
            while count < len(tokens) and count < 3 and _NOUN_WORD.match(tokens[count]) \
                    and tokens[count].lower() not in FINITE and tokens[count].lower() not in _FUNCTION_WORDS:
                count += 1
    else:
        return None
    if count >= len(tokens) or tokens[count].lower() not in FINITE:
        return None
    return " ".join(tokens[:count]), True


# In the first part these may make the second part belong to something other than the subject.
_BLOCKERS = frozenset(
    "who which that whom whose where when whenever while whilst if unless because as although though "
    "until once provided providing whether or both either neither nor between than".split()
) | frozenset(PREPOSITIONS & {"including", "like", "except"})
_BARE_VERB_TAKERS = frozenset("help helps let lets make makes".split())
_NEGATIONS = frozenset("not never no nothing n't".split())
_EMBEDDED_SUBJECTS = frozenset("i you we they he she it".split())
_FUNCTION_WORDS = _BLOCKERS | PREPOSITIONS | _EMBEDDED_SUBJECTS | frozenset(
    "and is because so then also me us them him her".split())
_OBJECT_START = frozenset("us me you them him her it the a an your our their this these those all any".split())
# A time word only on the right might belong to both parts ("review and sign it within 7 days").
_TIME_WORDS = frozenset(
    "within before after until till during every each daily weekly monthly yearly today tomorrow "
    "tonight now soon later then week weeks month months year years day days morning afternoon evening night "
    "weekend monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
) - {"may"}
_AND = re.compile(r",?\s+and\s+")


def _verb_only(word: str) -> tuple[bool, bool]:
    """(whether `word` is a verb's base form (clause_check.verb_forms), whether it has no other
    part of speech)."""
    from easyread.language.clause_check import verb_forms
    from easyread.language.inflection import all_lemmas

    return verb_forms(word)[1], set(all_lemmas(word)) <= {"VERB", "AUX"}


_BEFORE_MAIN_VERB = frozenset("be been being also not then still just".split())  # "should also be sent"
_SINGULAR = frozenset("is was has".split())
_PLURAL = frozenset("are were have".split())


def _agrees(subject: str, first_helper: str, helper: str) -> bool:
    """Whether `helper` ("is", "have", "will") can have `subject` (whose own verb is `first_helper`)."""
    if helper in MODALS:
        return True
    pronoun = subject.lower()
    if pronoun in ("it", "he", "she", "this"):
        return helper in _SINGULAR
    if pronoun in ("we", "you", "they"):
        return helper in _PLURAL
    if pronoun == "i":
        return helper in ("was", "have")
    if first_helper in _SINGULAR | _PLURAL:
        return (helper in _SINGULAR) == (first_helper in _SINGULAR)
    last = pronoun.split(" ")[-1]
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return (helper in _PLURAL) == plural


def _has_time(text: str) -> bool:
    from easyread.language.facts import extract_facts

    return any(word.lower() in _TIME_WORDS for word in words_of(text)) or any(
        fact.kind in ("date", "time") for fact in extract_facts(text))


def split_shared_subject(sentence: str) -> list[str] | None:
    """`sentence` as two sentences with its subject repeated, or None where that is not surely safe.

    `sentence` is one sentence ending in ".", "!" or "?". Returns [first, second], each starting
    with the sentence's subject and ending with the sentence's end mark; only "and" is dropped and
    only the subject (and, for "and <verb>", the helper verb) is added. The second part may itself
    be split again by the caller.
    """
    sentence = sentence.strip()
    found = _subject(sentence)
    if not found or sentence[-1:] not in ".!?":
        return None
    subject, _ = found
    start = len(subject)
    rest = sentence[start:].strip()
    rest_words = [word.lower() for word in words_of(rest)]
    if not rest_words:
        return None
    helper = rest.split(" ")[0]
    from easyread.language.clauses import kept_whole

    whole = kept_whole(sentence)
    for match in _AND.finditer(sentence, start):
        if any(low < match.end() and match.start() < high for low, high in whole):
            continue
        left = sentence[start: match.start()]
        right = sentence[match.end():].rstrip(".!?").strip()
        left_words = [word.lower() for word in words_of(left)]
        right_words = [word.lower() for word in words_of(right)]
        if "," in left or ";" in left or ":" in left or len(right_words) < 2 or len(left_words) < 3:
            return None  # a comma in the first part: an aside or a list whose end is unsure
        if any(word in _BLOCKERS for word in left_words):
            return None
        if any(word in _EMBEDDED_SUBJECTS and has_finite_verb(left_words[i: i + 2])
               for i, word in enumerate(left_words)):
            return None  # "I hope you enjoy your meal and have ...": "have" may belong to "you"
        verb_at = next((i for i, word in enumerate(left_words)
                        if word not in FINITE and word not in _BEFORE_MAIN_VERB and not word.endswith("ly")),
                       len(left_words))
        if has_finite_verb(left_words[verb_at + 1:]):
            return None  # "make sure all staff understand and have ...": a second verb in the first part
        if not has_finite_verb([subject, *words_of(left)]):
            return None
        if _has_time(right) and not _has_time(left):
            return None
        after, following = right_words[0], right_words[1]
        end = sentence[-1]
        if after in _HELPERS and not _agrees(subject, helper.lower(), after):
            return None  # "It ... and have": "have" belongs to something else
        if after in _HELPERS:
            return [f"{subject} {left.strip()}{end}", f"{subject} {right}{end}"]
        base, only_verb = _verb_only(after)
        if not base or after in FINITE or not (only_verb or following in _OBJECT_START):
            continue  # "collect paper and card": "card" is not surely a verb; try a later "and"
        if helper.lower() not in MODALS or any(word in _NEGATIONS or word.endswith("n't") for word in left_words):
            return None  # "You must not park here and leave ...": "not" might cover both
        if any(left_words[i] == "to" and _verb_only(left_words[i + 1])[0] for i in range(len(left_words) - 1)) \
                or any(word in _BARE_VERB_TAKERS for word in left_words):
            return None  # "to collect bins and empty them", "help you fill it in and send it": both hang on one word
        first_verb = left_words[1] if len(left_words) > 1 else ""
        if not _verb_only(first_verb)[0]:
            return None  # the helper's own verb must come straight after it ("will collect")
        return [f"{subject} {left.strip()}{end}", f"{subject} {helper} {right}{end}"]
    return None
