"""Every entry of the word list, used in a sentence in its stated part of speech, is swapped for a
word of the same inflection: the grammar we can check without a parser."""

import pytest

from easyread.language.council_phrases import phrases
from easyread.language.inflection import all_inflections
from easyread.language.plain_words import simplify_words, word_entries

# Sentence frames per Penn tag; "{}" is the hard word. Each tag has a frame with an object and one
# without, so that an entry whose not_when rules forbid one (an intransitive plain verb) has the other.
FRAMES = {
    "VB": ("You will {} the plan.", "You will {} today."),
    "VBD": ("We {} the plan last year.", "We {} last year."),
    "VBG": ("We are {} the plan.", "We are {} now."),
    "VBZ": ("She {} the plan.", "She {} today."),
    "VBN": ("We have {} the plan.", "We have {} today."),
    "NN": ("The {} is here.", "We saw the {} today."),
    "NNS": ("The {} are here.", "We saw the {} today."),
    "JJ": ("It is a {} plan.", "They are {}.", "We saw {} plans."),
    "RB": ("{}, we agree.", "We agree {}.", "We {} agree."),
}
TAGS = {"VERB": ("VB", "VBD", "VBG", "VBZ", "VBN"), "NOUN": ("NN", "NNS"), "ADJ": ("JJ",), "ADV": ("RB",)}
_BRITISH = {"got"}  # lemminflect lists the American "gotten"; we write "got"


def _forms(hard: str, pos: str) -> dict[str, str]:
    """{tag: the hard word in that form} for the tags lemminflect knows for it."""
    if pos in ("ADJ", "ADV"):
        return {TAGS[pos][0]: hard}
    inflections = all_inflections(hard, pos)
    forms = {}
    for tag in TAGS[pos]:
        found = inflections.get(tag, ())
        if found and not (pos == "NOUN" and tag == "NNS" and found[0] == hard):
            forms[tag] = found[0]
    return forms or {TAGS[pos][0]: hard}


def _has_tag(word: str, plain_head: str, pos: str, tag: str) -> bool:
    if pos in ("ADJ", "ADV") or tag in ("VB", "NN"):
        return word == plain_head
    forms = set(all_inflections(plain_head, pos).get(tag, ()))
    if tag == "VBN":
        forms |= _BRITISH if plain_head == "get" else set()
    return word in forms or (tag in ("NNS", "VBZ") and word.rstrip("s") == plain_head.rstrip("s"))


PHRASES = {phrase.hard for phrase in phrases()}
ENTRIES = sorted(word_entries().values(), key=lambda entry: (entry.pos, entry.hard))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: f"{entry.hard}-{entry.pos}")
def test_each_entry_swaps_with_the_same_inflection(entry):
    swapped_tags = []
    for tag, form in _forms(entry.hard, entry.pos).items():
        if form in PHRASES:
            continue  # "individuals" is the phrase entry "people", not the word entry "person" + s
        for frame in FRAMES[tag]:
            word = form[:1].upper() + form[1:] if frame.startswith("{}") else form
            text, replacements = simplify_words(frame.format(word))
            if not replacements:
                continue
            assert len(replacements) == 1, (frame, text)
            replacement = replacements[0].plain.lower()
            plain_words = entry.plain.lower().split()
            head, rest = replacement.split()[0], replacement.split()[1:]
            assert rest == plain_words[1:], (frame, text)  # "take off": only the verb is inflected
            assert _has_tag(head, plain_words[0], entry.pos, tag), (tag, frame, text)
            swapped_tags.append(tag)
            break
    assert swapped_tags, f"{entry.hard} ({entry.pos}) is never swapped in any frame"
