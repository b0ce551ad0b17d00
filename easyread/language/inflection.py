"""Keep a word's inflection when swapping it for a plainer one: "purchased" -> "bought".

Uses lemminflect, which ships its lemma and inflection tables inside the package (no download).
"""

from __future__ import annotations

from functools import cache

# Penn tags per part of speech, in the order we prefer when a form could be more than one.
_TAGS = {
    "VERB": ("VBD", "VBN", "VBG", "VBZ", "VB", "VBP"),
    "NOUN": ("NNS", "NN"),
    "ADJ": ("JJR", "JJS", "JJ"),
    "ADV": ("RBR", "RBS", "RB"),
}
_BASE_TAG = {"VERB": "VB", "NOUN": "NN", "ADJ": "JJ", "ADV": "RB"}
_PERFECT_OR_PASSIVE = frozenset(
    "have has had having be been being is are was were am get gets got gotten 's 've 'd".split()
)


@cache
def _lemminflect():  # type: ignore[no-untyped-def]
    import lemminflect

    return lemminflect


@cache
def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """{part of speech: base forms} that lemminflect knows for a lower-case `word`."""
    return dict(_lemminflect().getAllLemmas(word))


@cache
def all_inflections(lemma: str, pos: str) -> dict[str, tuple[str, ...]]:
    """{Penn tag: forms} of `lemma`; regular verbs get their past form as participle (VBN) too."""
    forms = dict(_lemminflect().getAllInflections(lemma, upos=pos))
    if pos == "VERB" and "VBN" not in forms and "VBD" in forms:
        forms["VBN"] = forms["VBD"]  # lemminflect lists no VBN for regular verbs
    return forms


@cache
def lemmas(word: str, pos: str) -> tuple[str, ...]:
    """The base forms `word` may have as part of speech `pos` (VERB, NOUN, ADJ, ADV)."""
    lower = word.lower()
    found = all_lemmas(lower).get(pos, ())
    return tuple(found) or ((lower,) if pos in ("ADJ", "ADV") else ())


@cache
def tags_of(word: str, lemma: str, pos: str) -> tuple[str, ...]:
    """The Penn tags under which `lemma` is spelt `word`, most likely first."""
    lower = word.lower()
    forms = all_inflections(lemma, pos)
    tags = tuple(tag for tag in _TAGS.get(pos, ()) if lower in forms.get(tag, ()))
    if not tags and lower == lemma:
        tags = (_BASE_TAG[pos],) if pos in _BASE_TAG else ()
    return tags


_BRITISH = {"gotten": "got"}  # lemminflect's participles are American


@cache
def inflect(lemma: str, tag: str) -> str:
    """`lemma` in the form `tag` ("buy", "VBD" -> "bought"); multi-word lemmas inflect their first word."""
    head, _, rest = lemma.partition(" ")
    forms = _lemminflect().getInflection(head, tag=tag)
    if forms:
        head = _BRITISH.get(forms[0], forms[0])
    elif tag in ("NNS", "VBZ"):
        head = head + ("es" if head.endswith(("s", "sh", "ch", "x")) else "s")
    return f"{head} {rest}" if rest else head


_SUBJECT_PRONOUNS = frozenset("i you we they he she it who which that".split())
_OBJECT_STARTS = frozenset("a an the your our their this these those it them him her us me my his its that".split())


def choose_tag(tags: tuple[str, ...], previous_word: str, following_word: str = "") -> str:
    """For a form that can be past tense or participle ("allocated"), say which it is here.

    After "has" or "was" it is a participle; after "we" or "they", or before an object ("the"),
    it is past tense; otherwise, as in "the band allocated to your home", a participle.
    """
    if "VBD" in tags and "VBN" in tags:
        previous, following = previous_word.lower(), following_word.lower()
        if previous in _PERFECT_OR_PASSIVE:
            return "VBN"
        if previous in _SUBJECT_PRONOUNS or following in _OBJECT_STARTS:
            return "VBD"
        return "VBN"
    return tags[0]


def match_case(replacement: str, original: str) -> str:
    """Give `replacement` the capitalisation of `original` (Title, UPPER or lower)."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
