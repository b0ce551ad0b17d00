"""Give each Easy Read item the picture from a catalogue that best matches what it should show.

An item's keywords are the words of its picture description (which count double) and the nouns
of its sentence, each widened by `picture_synonyms.tsv`. Each candidate picture scores the
weights of the keywords it shares; the best one not already used on the same page wins. An item
with no match keeps its placeholder, and an item that already has a picture (chosen by a person
in a plan) keeps it.
"""

from __future__ import annotations

from easyread.model import EasyReadDocument, Item, Page
from easyread.pictures.catalogue import Catalogue, catalogue_for, keywords_of, synonyms

DESCRIPTION_WEIGHT = 2.0
SYNONYM_WEIGHT = 0.5


def wanted_keywords(description: str, sentence: str = "") -> dict[str, float]:
    """{keyword: how much it counts} for a picture of `description` beside `sentence`."""
    from easyread.language.pictures import key_nouns

    wanted: dict[str, float] = {}

    def add(words: list[str], weight: float) -> None:
        for word in words:
            wanted[word] = max(wanted.get(word, 0.0), weight)
            for other in synonyms().get(word, ()):
                wanted[other] = max(wanted.get(other, 0.0), weight * SYNONYM_WEIGHT)

    add(keywords_of(description), DESCRIPTION_WEIGHT)
    add(keywords_of(" ".join(key_nouns(sentence))), 1.0)
    return wanted


def ranked(catalogue: Catalogue, wanted: dict[str, float]) -> list[str]:
    """Picture paths that share a keyword with `wanted`, best first (ties: fewer extra keywords)."""
    scored = []
    for number in catalogue.candidates(wanted):
        picture = catalogue.pictures[number]
        score = sum(weight * catalogue.weight(keyword) for keyword, weight in wanted.items()
                    if keyword in picture.keywords)
        scored.append((-score, len(picture.keywords), picture.path))
    return [path for _, _, path in sorted(scored)]


def _pick(catalogue: Catalogue, item: Item, used: set[str]) -> str | None:
    for path in ranked(catalogue, wanted_keywords(item.picture, item.sentence)):
        if path not in used:
            return path
    return None


def choose_pictures(document: EasyReadDocument, pages: list[Page], catalogue: Catalogue) -> int:
    """Set `picture_file` on the items of `pages` (the document's pages as laid out) and on the
    title page; returns how many pictures were chosen. Adds the catalogue's credit line if any was."""
    chosen = 0
    for page in pages:
        used = {item.picture_file for item in page.items if item.picture_file}
        for item in page.items:
            if item.picture_file:
                continue
            path = _pick(catalogue, item, used)
            if path:
                item.picture_file = path
                used.add(path)
                chosen += 1
    if not document.title_picture_file:
        titles = ranked(catalogue, wanted_keywords(document.title))
        if titles:
            document.title_picture_file = titles[0]
            chosen += 1
    if chosen and catalogue.credit and catalogue.credit not in document.credits:
        document.credits.append(catalogue.credit)
    return chosen


def add_pictures(document: EasyReadDocument, choice: str) -> int:
    """Choose pictures for `document` from `choice` ("openmoji" or a folder), page by page as the PDF lays it out."""
    from easyread.layout.pdf import plan

    pages, _ = plan(document)
    return choose_pictures(document, pages, catalogue_for(choice))
