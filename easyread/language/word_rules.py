"""Where a word sits in its sentence, and whether a swap is allowed there.

A word swap keeps grammar and sense only where the hard word is used as the part of speech the word
list gives ("complete" the verb, not "nearly complete" the adjective; "undertaking" the verb, not "a
written undertaking" the noun) and where none of the entry's `not_when` rules holds. We have no
tagger (NLTK's needs a download; spaCy's model is not installed), so the part of speech is judged
from the neighbouring words and lemminflect's lists of the parts of speech a spelling can have.

Rules (the `not_when` column of data/plain_words.tsv and data/council_phrases.tsv, space-separated):
  before:w1,w2   the next word is one of these ("required to" is not "needed to")
  after:w1,w2    the previous word is one of these ("an appropriate" is not "a right")
  ahead:w        w comes within the next 4 words of the clause ("provide us with": "give us with")
  behind:w       w comes within the 4 words before, in the clause
  object         an object follows: the plain verb takes none ("communicate the decision")
  passive        a participle after a form of "be" ("was received" would become "was got")
  participle     a participle not after "have" ("the feedback received" would become "the feedback got")
  mid            the word does not start a sentence ("If so, therefore, we" -> "If so, so, we")
  inside         the word does not end a clause ("previously agreed" -> "before agreed")
  thing          the subject before it is not a person ("Your email is required to allow us")
  complement     a participle after "be" with anything but a preposition or a clause end after it
                 ("is considered the best" judges; "should be considered under the policy" thinks about)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from easyread.data import data_words
from easyread.language.inflection import all_lemmas
from easyread.language.placeholders import CLASS

TOKEN = re.compile(rf"[A-Za-z]+(?:['’][a-z]+)?|[{CLASS}]")
NAME = "<name>"  # a placeholder for a protected span (a name, an address) stands in the context as this
CONTEXT_WORDS = 4
_CLAUSE_END = re.compile(r"[.!?;:,()\[\]\"“”‘/–—]|\s-\s|\n")
_SENTENCE_END = re.compile(r"[.!?;:]|\n")

DETERMINERS = frozenset(
    "a an the this that these those your our their his her its my any no each every some all another".split())
OBJECT_STARTS = DETERMINERS | frozenset(f"it them him me us you {NAME}".split())
BE_FORMS = frozenset("be been being is are was were am 's 're".split())
PERSONS = frozenset(
    "i you we they he she who everyone anyone someone person people resident residents tenant tenants landlord "
    "landlords owner owners applicant applicants customer customers claimant claimants member members "
    "occupier occupiers".split())
_SUBJECT_CUES = frozenset("i you we they he she it this which who".split())
VERB_CUES = frozenset(
    "to will would can could must may might should shall please not never also then and or cannot "
    "don't didn't won't can't".split()) | _SUBJECT_CUES
# A verb's particle that moves behind a pronoun object: "take it off", never "take off it".
SEPARABLE_PARTICLES = frozenset("out up off back down away apart together right first short on over place".split())
_INTRANSITIVE_HEADS = frozenset("go look get step come live".split())
_HAVE_FORMS = frozenset("have has had having 've 'd".split())
_WEAK_CUES = frozenset("and or also then not".split())
_MODAL_CUES = frozenset("to will would can could must may might should shall please cannot you we they i".split())


@dataclass(frozen=True)
class Context:
    """The words around a word or phrase, lower case, nearest first, within its clause.

    `before`/`after`: up to 4 words each side, stopping at clause punctuation (a comma, a full stop,
    a bracket, a quote mark); `sentence_start`: nothing but an opening quote or bracket between the
    start of its sentence and the word; `clause_end`: the word is followed by punctuation or the end.
    """

    before: tuple[str, ...]
    after: tuple[str, ...]
    sentence_start: bool
    clause_end: bool

    @property
    def previous(self) -> str:
        return self.before[0] if self.before else ""

    @property
    def following(self) -> str:
        return self.after[0] if self.after else ""


def _word(token: str) -> str:
    return NAME if len(token) == 1 and not token.isascii() else token.lower().replace("’", "'")


def context_at(text: str, start: int, end: int) -> Context:
    """The Context of the span text[start:end] (a word or phrase). Looks at most ~120 characters either side."""
    before_text = text[max(0, start - 120): start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before_text)), default=-1)
    before = tuple(_word(t) for t in reversed(TOKEN.findall(before_text[cut + 1:] if cut >= 0 else before_text)))
    after_text = text[end: end + 120]
    stop = _CLAUSE_END.search(after_text)
    after = tuple(_word(t) for t in TOKEN.findall(after_text[: stop.start()] if stop else after_text))
    sentence_cut = max((m.end() for m in _SENTENCE_END.finditer(before_text)), default=-1)
    opening = before_text[sentence_cut:] if sentence_cut >= 0 else before_text if start <= 120 else None
    sentence_start = opening is not None and not TOKEN.search(opening) and "," not in opening
    clause_end = not after_text.strip() or (stop is not None and not TOKEN.search(after_text[: stop.start()]))
    return Context(before[:CONTEXT_WORDS], after[:CONTEXT_WORDS], sentence_start, clause_end)


def parse_rules(field: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The `not_when` column as ((rule, words), ...): "before:to,for object" -> (("before", {to, for}), ("object", {}))."""
    rules = []
    for part in field.split():
        name, _, words = part.partition(":")
        rules.append((name, frozenset(word for word in words.split(",") if word)))
    return tuple(rules)


def _subject_is_thing(context: Context) -> bool:
    """Whether the words before (up to 3, skipping "will"/"may"/"not") hold no person word."""
    return not any(word in PERSONS for word in context.before[:3])


def _passive(context: Context, tag: str) -> bool:
    if tag != "VBN":
        return False
    near = context.before[:2]
    return bool(near) and (near[0] in BE_FORMS or (len(near) > 1 and near[1] in BE_FORMS and near[0].endswith("ly")))


def _preposition(word: str) -> bool:
    from easyread.language.clause_check import PREPOSITIONS

    return word in PREPOSITIONS


def blocked(rules: tuple[tuple[str, frozenset[str]], ...], context: Context, tag: str = "") -> bool:
    """Whether any of `rules` forbids the swap in `context` (`tag`: the hard word's Penn tag, for "passive")."""
    for name, words in rules:
        if name == "before" and context.following in words:
            return True
        if name == "after" and context.previous in words:
            return True
        if name == "ahead" and words & set(context.after):
            return True
        if name == "behind" and words & set(context.before):
            return True
        if name == "object" and context.following in OBJECT_STARTS:
            return True
        if name == "passive" and _passive(context, tag):
            return True
        if name == "participle" and tag == "VBN" and context.previous not in _HAVE_FORMS:
            return True
        if name == "mid" and not (context.sentence_start or context.before == ("and",)):
            return True
        if name == "inside" and not context.clause_end:
            return True
        if name == "thing" and _subject_is_thing(context):
            return True
        if name == "complement" and _passive(context, tag) and not (context.clause_end or _preposition(context.following)):
            return True
    return False


def strands_particle(plain: str, context: Context) -> bool:
    """Whether a phrasal verb put here would leave its particle before a pronoun: "deduct it" -> "take off it",
    "implement it" -> "put in place it". Such a swap is not made (the hard word stays). Prepositional verbs
    ("look into it", "go over it") and "make sure it" are fine.
    """
    words = plain.split()
    return (len(words) >= 2 and words[-1] in SEPARABLE_PARTICLES and words[0] not in _INTRANSITIVE_HEADS
            and context.following in {"it", "them", "him", "her", "me", "us", "you", "this", "that", NAME})


@cache
def _function_words() -> frozenset[str]:
    return data_words("function_words.txt")


def _nounish(word: str) -> bool:
    """Whether `word` can be a noun and is no function word ("needs", "councils"; not "who", "to")."""
    return bool(word) and word not in _function_words() and "NOUN" in all_lemmas(word)


def _adjectival(word: str) -> bool:
    """Whether `word` reads as an adjective or participle in front of a noun ("written", "new")."""
    readings = all_lemmas(word)
    return "ADJ" in readings or word.endswith(("ed", "en"))


def used_as(word: str, pos: str, tag: str, context: Context) -> bool:
    """Whether the lower-case `word` (Penn `tag`) is used here as part of speech `pos`.

    Verbs: a base form needs a cue before it ("to", "will", "you", "please") or must start a sentence
    with an object after it ("Purchase it today"), so "are nearly complete" stays; an -ing or -ed form
    after a determiner is a noun or an adjective ("a written undertaking", "the allocated band").
    Nouns: not after "to"/"will"/"you" (a verb), not before a noun (an adjective: "individual needs").
    Adjectives: not after "to"/"will" (a verb). Adverbs that are adjectives too: not before a noun.
    """
    readings = all_lemmas(word)
    previous, following = context.previous, context.following
    if pos == "VERB":
        if tag in ("VB", "VBP"):
            cues = VERB_CUES - _WEAK_CUES if "NOUN" in readings else VERB_CUES  # "your enquiry or request"
            return previous in cues or (context.sentence_start and following in OBJECT_STARTS)
        if tag == "VBZ" and "NOUN" in readings:
            return previous in VERB_CUES - _WEAK_CUES  # "your data or requests which" is a noun
        if tag in ("VBG", "VBN", "VBD"):
            if previous in DETERMINERS:
                return False
            if len(context.before) > 1 and context.before[1] in DETERMINERS and _adjectival(previous):
                return False
            if tag == "VBG" and "NOUN" in readings and following == "of":
                return False
            if tag == "VBN" and previous not in BE_FORMS | _HAVE_FORMS and _nounish(following):
                return False  # before a noun it is an adjective: "on restricted zones" is not "on limited zones"
        return True
    if pos == "NOUN":
        if "VERB" in readings and previous in _MODAL_CUES:
            return False
        return not ("ADJ" in readings and _nounish(following))
    if pos == "ADJ":
        return not ("VERB" in readings and previous in _MODAL_CUES)
    if pos == "ADV" and "ADJ" in readings:
        return previous not in DETERMINERS and not _nounish(following)
    return True


_PREPOSITIONS = frozenset("to at with into for about of".split())  # not "in": "step in" needs no object


def loses_object(plain: str, context: Context, tag: str = "") -> bool:
    """Whether a plain verb ending in a preposition ("go to", "look at") would be left with nothing after
    it: "staff to attend." -> "staff to go to.", "attend on Monday" -> "go to on Monday". Not made. A
    passive needs none ("it will be thought about under this process")."""
    if tag == "VBN" and _passive(context, tag):
        return False
    words = plain.split()
    following = context.following
    has_object = following in OBJECT_STARTS or following == NAME or _nounish(following) or \
        (following not in _function_words() and following.isalpha())
    return len(words) >= 2 and words[-1] in _PREPOSITIONS and not has_object
