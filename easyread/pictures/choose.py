"""Give each Easy Read item the picture from a catalogue that best matches what it should show.

`easyread.pictures.match` ranks the candidates of each item (in the sense its sentence uses, with
colours and named kinds kept apart); the best one not already used on the same page wins. An item
with no candidate sure enough keeps its placeholder, and an item that already has a picture (chosen
by a person in a plan) keeps it.
"""

from __future__ import annotations

from easyread.model import EasyReadDocument, Item, Page
from easyread.pictures.catalogue import Catalogue, catalogue_for
from easyread.pictures.match import Candidate, candidates, wanted_for


def ranked(catalogue: Catalogue, description: str, sentence: str = "") -> list[Candidate]:
    """The candidates for a picture of `description` beside `sentence`, best first ([] when none is
    sure enough: the item keeps its placeholder). See `easyread.pictures.match`."""
    return candidates(catalogue, wanted_for(description, sentence))


def _pick(catalogue: Catalogue, item: Item, used: set[str]) -> str | None:
    for candidate in ranked(catalogue, item.picture, item.sentence):
        if candidate.path not in used:
            return candidate.path
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
        titles = ranked(catalogue, document.title)  # a title in title case is not a name
        if titles:
            document.title_picture_file = titles[0].path
            chosen += 1
    if chosen and catalogue.credit and catalogue.credit not in document.credits:
        document.credits.append(catalogue.credit)
    return chosen


def add_pictures(document: EasyReadDocument, choice: str) -> int:
    """Choose pictures for `document` from `choice` ("openmoji" or a folder), page by page as the PDF lays it out."""
    from easyread.layout.pdf import plan

    pages, _ = plan(document)
    return choose_pictures(document, pages, catalogue_for(choice))
