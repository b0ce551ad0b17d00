"""Whether a piece of a sentence is a complete clause: the test every split part must pass.

Without a part-of-speech tagger (nltk's tagger needs data we do not ship, spaCy is heavy), the
test is a rough one built on lemminflect's word forms: a part is complete when it has a finite verb
and does not open with a word that needs a clause outside it (a preposition, a relative pronoun,
"and", or a subordinating conjunction without its main clause after a comma). It errs towards
"not complete": a part it rejects only means the sentence stays whole and is flagged long.
"""

from __future__ import annotations

import re
from functools import cache

from easyread.language.placeholders import CLASS, is_placeholder
from easyread.language.sentences import word_count

# Finite for sure. Not "be" ("the matter be closed" is no sentence) nor "need(s)" ("your legal needs").
FINITE = frozenset(
    "is are was were am will would can could must should may might shall has have had do does did "
    "isn't aren't won't can't don't doesn't didn't wasn't weren't shouldn't couldn't mustn't "
    "wouldn't haven't hasn't".split()
)
SUBJECT_START = frozenset(
    "i you we they he she it this that these those there the your our their his her its a an all "
    "some each every any no most many people everyone someone anyone nobody both either neither".split()
)
PREPOSITIONS = frozenset(
    "at in on to for from by with without within of about over under during into onto upon towards toward "
    "against among amongst along around behind beyond near via per including like than except despite "
    "throughout inside outside across through between after before since until till".split()
)
RELATIVES = frozenset("which who whom whose where whereby wherein whereas".split())
SUBORDINATORS = frozenset(
    "if when whenever unless although though because while whilst after before since until till once "
    "where whether as provided providing so should".split()  # "Should you need help, ..."
)
# A cut is never made to the right of one of these in the same part: the condition could reach
# past the cut ("You will lose the right if you do not pay and you do not call us").
CONDITIONS = frozenset("if unless when whenever where provided providing whether until once".split())
_DETERMINERS = frozenset("the a an your our their his her its this these those my each every some any no".split())
_SUBJECTS = frozenset("i you we they he she it who that which there people also then now often never always still".split())

# "to pay", "be closed", "get started": the word after these is not a finite verb.
_NOT_BEFORE_FINITE = frozenset({"to", "be", "been", "being", "get", "gets", "got", "getting"})
_RELATIVE_SUBJECTS = frozenset("who which whom whose".split())
_WORD = re.compile(f"(?<![0-9])[A-Za-z’']+|[{CLASS}]")  # a masked name or address is a private-use character; "9am" holds no "am"


def words_of(text: str) -> list[str]:
    """The words of `text` (letters and apostrophes; each masked span is one word), in order."""
    return [word.replace("’", "'") for word in _WORD.findall(text)]


@cache
def verb_forms(word: str) -> tuple[bool, bool, bool]:
    """(whether `word` can be a finite verb, whether it can be a base form, whether it can be a noun)."""
    from easyread.language.inflection import all_inflections, all_lemmas

    lemmas = all_lemmas(word)
    if "VERB" not in lemmas:
        return False, False, "NOUN" in lemmas
    forms = all_inflections(lemmas["VERB"][0], "VERB")
    finite = any(word in forms.get(tag, ()) for tag in ("VBD", "VBZ", "VBP", "VB"))
    return finite, word in forms.get("VB", ()), "NOUN" in lemmas


def has_finite_verb(words: list[str]) -> bool:
    """A rough test that `words` hold a verb with a subject of its own (or an order, "Call us").

    "bank" in "your bank statements" is a noun (after a determiner); "pay" in "you pay" is a verb;
    "pay" in "the right to pay" is not finite (after "to"); "live" in "those who live here" belongs
    to the relative clause, so "those who live here" has no verb of its own.
    """
    previous = ""
    lowered = [w.lower() for w in words]
    in_relative = False  # "those who live here": the verb after "who" is the relative clause's own
    for index, word in enumerate(lowered):
        if word == "may" and words[index] == "May" and index > 0:
            previous = word  # "born May 2, 1935": the month, not the verb
            continue
        if word in _RELATIVE_SUBJECTS and index > 0:
            in_relative = True
        elif word in FINITE or len(word) >= 3 and previous not in _NOT_BEFORE_FINITE and _is_finite_here(lowered, index, previous):
            if not in_relative:
                return True
            in_relative = False
        previous = word
    return False


# After a first word that is a noun or a verb, these say it is an order: "Call us", "Pay your bill".
_OBJECT_START = frozenset("us me them him her it the a an your our their this these those all any back up out".split())


# Words lemminflect knows as verbs that in council text are mostly something else ("events like
# this", "a big thank you"): verbs only straight after a pronoun ("you like", "we thank").
_RARELY_VERBS = frozenset("like thank near past round even right still well down up just open close".split())
_PRONOUNS = frozenset("i you we they he she it who".split())


def _is_finite_here(lowered: list[str], index: int, previous: str) -> bool:
    word = lowered[index]
    finite, _, also_noun = verb_forms(word)
    if not finite or previous in _DETERMINERS or previous in PREPOSITIONS:
        return False  # "the matter", "with equal rights": after these a word is not a finite verb
    following = lowered[index + 1] if index + 1 < len(lowered) else ""
    an_order = index == 0 and (following in _OBJECT_START or is_placeholder(following[:1]))  # "Open the form"
    if word in _RARELY_VERBS and previous not in _PRONOUNS:
        return an_order
    return not also_noun or previous in _SUBJECTS or an_order


# Adverbs that may stand before a participle phrase: "also called ...", "originally released in 1990".
_LEADING_ADVERBS = frozenset("also often originally usually commonly sometimes formerly later first once still then".split())


def _participle_only(word: str) -> bool:
    """Whether `word` is only a past or -ing form of a verb ("released", "called", "assuming"), not a noun."""
    from easyread.language.inflection import all_inflections, all_lemmas

    lemmas = all_lemmas(word)
    if "VERB" not in lemmas or "NOUN" in lemmas:
        return False
    forms = all_inflections(lemmas["VERB"][0], "VERB")
    present = {form for tag in ("VB", "VBP", "VBZ") for form in forms.get(tag, ())}
    return word not in present and any(word in forms.get(tag, ()) for tag in ("VBD", "VBN", "VBG"))


# A part that opens with one of these (after any adverb) lacks its subject: "But was sold in 1990".
_SUBJECT_LESS_VERBS = frozenset("is are was were has had am".split())


def _opening_word(words: list[str]) -> str:
    """The first word of `words`, lower case, after any leading adverb ("also", "originally")."""
    for word in words:
        lower = word.lower()
        if lower in _LEADING_ADVERBS or (lower.endswith("ly") and len(lower) > 4 and not verb_forms(lower)[0]):
            continue
        return lower
    return ""


def opens_with_participle(words: list[str]) -> bool:
    """Whether `words` open with a past or -ing verb form before any subject ("released in 1990",
    "also called the Red Line", "assuming the cost rises"): a phrase that belongs to another
    sentence, not a sentence. A leading adverb ("also", "originally") is passed over."""
    for word in words:
        lower = word.lower()
        if lower in _LEADING_ADVERBS or (lower.endswith("ly") and len(lower) > 4 and not verb_forms(lower)[0]):
            continue
        return _participle_only(lower)
    return False


def is_order(words: list[str]) -> bool:
    """Whether `words` open like an order with no subject ("Call us and ...", "Please pay ...")."""
    lowered = [w.lower() for w in words[:3] if w.lower() != "please"]
    if not lowered or lowered[0] in SUBJECT_START or is_placeholder(lowered[0][:1]):
        return False
    _, base, _ = verb_forms(lowered[0])
    return base and not (len(lowered) > 1 and lowered[1] in FINITE)


def _main_clause_after_comma(text: str) -> bool:
    """For a part that opens with "If ...": whether a comma is followed by a complete main clause."""
    for match in re.finditer(r",\s+", text):
        rest = text[match.end():]
        if rest and can_stand_alone(rest, needs_subject=False, depth=1):
            return True
    return False


def can_stand_alone(text: str, needs_subject: bool = False, depth: int = 0) -> bool:
    """Whether `text` reads as a complete sentence: 3+ words, a finite verb, no dangling first word.

    A part that starts with a relative pronoun ("Which it has changed"), "and"/"or", or with a
    preposition or a subordinating conjunction without its main clause after a comma ("At the
    property", "If you do not pay an instalment") is not complete. With `needs_subject`, an order ("Call us") is not either.
    A question ("Which bin do I use?") may start with "which" or "where".
    """
    words = words_of(text)
    if word_count(text) < 3 or not words:
        return False
    first = words[0].lower()
    question = text.rstrip()[-1:] == "?"
    if first in ("and", "or", "nor"):
        return False
    if first in RELATIVES and not question:
        return False
    if first == "that" and not (len(words) > 1 and words[1].lower() in FINITE):
        return False  # "That is why ..." stands alone; "that everything we do ..." does not
    if (first in SUBORDINATORS or first in PREPOSITIONS) and not question:
        # "If you do not pay, you will ..." and "Under the Act, you must ..." have their main clause.
        return depth == 0 and _main_clause_after_comma(text) and has_finite_verb(words)
    if not question and (opens_with_participle(words) or _opening_word(words) in _SUBJECT_LESS_VERBS):
        return False  # "released soon after", "also called the Red Line", "was sold in 1990": no subject
    if needs_subject and is_order(words):
        return False
    if needs_subject and first not in SUBJECT_START and not words[0][:1].isupper() \
            and not is_placeholder(words[0][:1]) and verb_forms(first)[0]:
        return False  # "and pay by card": a verb where the subject should be
    return has_finite_verb(words)


def has_condition(text: str) -> bool:
    """Whether `text` holds a word that opens a condition ("if", "unless", "when", ...)."""
    return any(word.lower() in CONDITIONS for word in words_of(text))
