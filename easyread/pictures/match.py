"""Score the pictures of a catalogue for one item: the short list of candidates, best first.

An item's keywords are the words of its picture description (which count double) and the nouns of
its sentence, each widened by `picture_synonyms.tsv`, less the words the sentence uses in another
sense (`senses.other_senses`). A picture is a candidate when it shares a keyword, suits the
sentence (`senses.picture_suits`), names no other colour or size than the item does, is not another
named kind of the same thing ("blue bin" when the item says "green bin", "food waste caddy" when it
says "garden waste caddy"), and when its confidence reaches `THRESHOLD`.

Confidence (0 to 1): for the picture's best name, the mean over its keywords of 1 for a word of the
item itself, `SYNONYM_CREDIT` for a word reached through a synonym, 0 for a word the item lacks; 0
when the item lacks the name's last keyword (what the picture shows); 1 for an exact match. So
"PAW PRINTS" for "large print" is 0, "TELEPHONE RECEIVER" for "telephone" 0.875.
Candidates are ranked: an exact match on a name of two or more words first ("food waste caddy"
before "caddy"), then by score (for each of the item's own keywords its best match, rare ones counting
more, times confidence), then fewer keywords.
"""

from __future__ import annotations

from dataclasses import dataclass

from easyread.pictures.catalogue import Catalogue, Picture, keywords_of, synonyms
from easyread.pictures.senses import other_senses, picture_suits, qualifier_clash, sense_rules, tokens

DESCRIPTION_WEIGHT = 2.0
SYNONYM_WEIGHT = 0.5
SYNONYM_CREDIT = 0.75
SYNONYM_ORDER = 0.9  # each later synonym of a word counts this much less: `picture_synonyms.tsv` lists the best first
# Below this the item keeps its placeholder: no picture beats a wrong one. 0.6 makes a picture with a
# two-word name need both words (or one and a synonym of the other); set by reading the seeds' pairs.
THRESHOLD = 0.6
KIND_WINDOW = 2  # words before a name's last word that may say which kind of it the item means


@dataclass(frozen=True)
class Candidate:
    """A picture that may show an item: `path`, `score` (for ranking, > 0), `confidence` (0 to 1),
    `exact` when one of its names of two or more words is in the item as written, and `label`, what
    it shows in words ("banknote with pound sign", "green bin") for a person or a model to choose by."""

    path: str
    score: float
    confidence: float
    exact: bool
    label: str = ""


@dataclass(frozen=True)
class Wanted:
    """What an item's picture should show: {keyword: weight}, the keywords the item has itself (not
    through a synonym), every word of it (lower case, as written and singular), its word sequences
    (description, sentence) for phrases, and {keyword: the item's own keywords it comes from}."""

    keywords: dict[str, float]
    direct: frozenset[str]
    words: frozenset[str]
    sequences: tuple[tuple[str, ...], ...]
    origins: dict[str, frozenset[str]]
    ignored: frozenset[str] = frozenset()  # the item's words used in a sense no picture of them shows


def wanted_for(description: str, sentence: str = "") -> Wanted:
    """The `Wanted` of an item with picture `description` beside `sentence` (either may be "")."""
    from easyread.language.pictures import NOTHING_TO_SHOW, key_nouns

    if description.strip() == NOTHING_TO_SHOW:
        description = ""  # the sentence named nothing to show: only its own words may choose
    ignored = other_senses(sentence) | other_senses(description, names=False)
    keywords: dict[str, float] = {}
    direct: set[str] = set()
    origins: dict[str, set[str]] = {}

    def add(words: list[str], weight: float) -> None:
        for word in words:
            if word in ignored:
                continue
            direct.add(word)
            keywords[word] = max(keywords.get(word, 0.0), weight)
            origins.setdefault(word, set()).add(word)
            for place, other in enumerate(synonyms().get(word, ())):
                value = weight * SYNONYM_WEIGHT * SYNONYM_ORDER ** place  # the first listed fits best
                keywords[other] = max(keywords.get(other, 0.0), value)
                origins.setdefault(other, set()).add(word)

    add(keywords_of(description), DESCRIPTION_WEIGHT)
    add(keywords_of(" ".join(key_nouns(sentence))), 1.0)
    found = [tokens(description), tokens(sentence)]
    words = frozenset(form for sequence in found for token in sequence for form in (token.lower, token.word)
                      if form[:1].isalpha())
    sequences = tuple(tuple(token.word for token in sequence) for sequence in found)
    return Wanted(keywords, frozenset(direct), words, sequences,
                  {keyword: frozenset(found) for keyword, found in origins.items()}, frozenset(ignored))


def _names(picture: Picture) -> tuple[tuple[str, ...], ...]:
    return picture.names or (tuple(sorted(picture.keywords)),)


def confidence(picture: Picture, wanted: Wanted) -> float:
    """How surely `picture` shows `wanted` (0 to 1; see the module docstring). A name whose last
    keyword (what the picture shows: "caddy" of "food waste caddy") the item lacks counts 0."""
    best = 0.0
    for name in _names(picture):
        scored = [word for word in name if word in picture.keywords]
        if scored and scored[-1] in wanted.keywords:
            credits = [1.0 if word in wanted.direct else SYNONYM_CREDIT if word in wanted.keywords else 0.0
                       for word in scored]
            best = max(best, sum(credits) / len(credits))
    return best


def _contains(sequence: tuple[str, ...], name: tuple[str, ...]) -> bool:
    return any(sequence[at:at + len(name)] == name for at in range(len(sequence) - len(name) + 1))


def exact(picture: Picture, wanted: Wanted) -> bool:
    """Whether a name of two or more words of `picture` is in the item's description or sentence."""
    return any(len(name) > 1 and _contains(sequence, name) for name in _names(picture) for sequence in wanted.sequences)


def _said_before(sequence: tuple[str, ...], at: int, known: frozenset[str]) -> set[str]:
    """The words that name a kind of `sequence[at]`: up to `KIND_WINDOW` words just before it, back
    to the first function word, that are nouns, colours or sizes, or words `known` as kinds."""
    from easyread.data import data_words
    from easyread.language.pictures import is_noun

    skip = data_words("function_words.txt")
    qualifiers = sense_rules().qualifiers
    said: set[str] = set()
    for before in reversed(sequence[max(0, at - KIND_WINDOW):at]):
        if before in skip or not before[:1].isalpha():
            break
        if before in known or before in qualifiers or is_noun(before):
            said.add(before)
    return said


def other_kind(catalogue: Catalogue, picture: Picture, wanted: Wanted) -> bool:
    """Whether `picture` is another named kind of the thing the item names: its name is "blue bin"
    or "garden waste bin" and the item says "green bin" or "food waste bin". The item's words that
    count are those just before the name's last word (`_said_before`); the picture is another kind
    when each side has such a word the other lacks. An item that names no kind ("your bin") may
    have any kind."""
    kinds = catalogue.kinds()
    for name in _names(picture):
        if len(name) < 2:
            continue
        head, mine = name[-1], set(name[:-1])
        for sequence in wanted.sequences:
            for at, word in enumerate(sequence):
                if word == head:
                    said = _said_before(sequence, at, kinds.get(head, frozenset()))
                    if said - mine and mine - said:
                        return True
    return False


def _shared(catalogue: Catalogue, picture: Picture, wanted: Wanted) -> float:
    """What the keywords `picture` shares with `wanted` say: for each of the item's own keywords, its
    best match (itself, or a synonym) weighted by rarity; a word's many synonyms count once."""
    best: dict[str, float] = {}
    for keyword in picture.keywords & wanted.keywords.keys():
        value = wanted.keywords[keyword] * catalogue.weight(keyword)
        for origin in wanted.origins[keyword]:
            best[origin] = max(best.get(origin, 0.0), value)
    return sum(best.values())


def candidates(catalogue: Catalogue, wanted: Wanted, threshold: float = THRESHOLD) -> list[Candidate]:
    """The pictures of `catalogue` that may show `wanted`, best first (see the module docstring);
    [] when none reaches `threshold`. This is the short list an LLM or a person may choose from."""
    found = []
    for number in catalogue.candidates(wanted.keywords.keys() | wanted.ignored):
        picture = catalogue.pictures[number]
        words = picture.words
        if not picture_suits(words, wanted.words) or qualifier_clash(words, wanted.words):
            continue
        whole = exact(picture, wanted)  # "large print" as written is that sense, whatever the word rules say
        sure = 1.0 if whole else confidence(picture, wanted)
        if sure < threshold or other_kind(catalogue, picture, wanted):
            continue
        score = sure * (_shared(catalogue, picture, wanted) + (len(picture.keywords) if whole else 0.0))
        found.append((not whole, -score, len(picture.keywords), picture.path,
                      Candidate(picture.path, score, sure, whole, picture.label)))
    return [entry[-1] for entry in sorted(found, key=lambda entry: entry[:4])]
