"""Give each Easy Read item the picture from a catalogue that best matches what it should show.

`easyread.pictures.match` ranks the candidates of each item (in the sense its sentence uses, with
colours and named kinds kept apart); the best one not already used on the same page wins. An item
with no candidate sure enough keeps its placeholder, and an item that already has a picture (chosen
by a person in a plan) keeps it.

With a `chooser` (an LLM backend's: backends/picture_pick.py) the items are offered instead: each
item's short list (`short_list`: the top `SHORT_LIST` candidates at the lower `SHORT_LIST_THRESHOLD`,
with the matcher's own choice always among them) goes to the chooser in one call, and each item
gets the picture the chooser names, or keeps its placeholder when it says none fits. A chooser's
answer that is not on the item's list is not used: the matcher's choice is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from easyread.model import EasyReadDocument, Item, Page
from easyread.pictures.catalogue import Catalogue, catalogue_for
from easyread.pictures.match import THRESHOLD, Candidate, candidates, wanted_for

SHORT_LIST = 5  # candidates a chooser sees for one item (issue 16.3: "a short candidate list")
# A chooser may take a picture the matcher would not dare to (0.6): a name of two words with one
# of them in the item reaches 0.5. Below that a candidate shares too little with the item to offer.
SHORT_LIST_THRESHOLD = 0.5


@dataclass(frozen=True)
class Offer:
    """One item offered to a chooser: the item, its short list (best first, each with its `label`)
    and `default`, the path the matcher itself would choose (None: the placeholder)."""

    item: Item
    candidates: tuple[Candidate, ...]
    default: str | None

    def allows(self, path: str | None) -> bool:
        """Whether `path` is an answer this offer can take: None, a path of the list, or the default."""
        return path is None or path == self.default or any(c.path == path for c in self.candidates)


# Gets every offer of a document in one call; returns, in the same order, each item's picture path
# (one of its offer's candidates) or None when none fits.
Chooser = Callable[[list[Offer]], list[str | None]]


def ranked(catalogue: Catalogue, description: str, sentence: str = "") -> list[Candidate]:
    """The candidates for a picture of `description` beside `sentence`, best first ([] when none is
    sure enough: the item keeps its placeholder). See `easyread.pictures.match`."""
    return candidates(catalogue, wanted_for(description, sentence))


def short_list(catalogue: Catalogue, item: Item, default: str | None = None) -> list[Candidate]:
    """The candidates a chooser sees for `item`: the best `SHORT_LIST` at `SHORT_LIST_THRESHOLD`,
    the matcher's `default` (a path) put in last when it is not among them; [] when there is none."""
    return _shortened(_offerable(catalogue, item), default)


def _offerable(catalogue: Catalogue, item: Item) -> list[Candidate]:
    return candidates(catalogue, wanted_for(item.picture, item.sentence), threshold=SHORT_LIST_THRESHOLD)


def _shortened(found: list[Candidate], default: str | None) -> list[Candidate]:
    short = found[:SHORT_LIST]
    if default and all(candidate.path != default for candidate in short):
        short = short[:SHORT_LIST - 1] + [candidate for candidate in found if candidate.path == default][:1]
    return short


def _first_unused(found: list[Candidate], used: set[str]) -> str | None:
    return next((candidate.path for candidate in found if candidate.path not in used), None)


def choose_pictures(document: EasyReadDocument, pages: list[Page], catalogue: Catalogue,
                    chooser: Chooser | None = None) -> int:
    """Set `picture_file` on the items of `pages` (the document's pages as laid out) and on the
    title page; returns how many pictures were chosen. Adds the catalogue's credit line if any was.
    With `chooser`, the items with a short list are offered to it, all in one call (see the module
    docstring); the title page's picture is the matcher's either way."""
    chosen = 0
    offers: list[Offer] = []
    for page in pages:
        used = {item.picture_file for item in page.items if item.picture_file}
        for item in page.items:
            if item.picture_file:
                continue
            if chooser is None:
                path = _first_unused(ranked(catalogue, item.picture, item.sentence), used)
            else:  # one matching for both: the matcher's own choice is the part of the list it is sure of
                found = _offerable(catalogue, item)
                path = _first_unused([candidate for candidate in found if candidate.confidence >= THRESHOLD], used)
            if path:
                used.add(path)
            if chooser is not None:
                short = _shortened(found, path)
                if short:
                    offers.append(Offer(item, tuple(short), path))
            elif path:
                item.picture_file = path
                chosen += 1
    if offers:
        answers = chooser(offers)  # type: ignore[misc]  # offers are made only with a chooser
        if len(answers) != len(offers):  # a chooser's slip costs the choices, never the pictures
            answers = [offer.default for offer in offers]
        for offer, path in zip(offers, answers, strict=True):
            path = path if offer.allows(path) else offer.default
            if path:
                offer.item.picture_file = path
                chosen += 1
    if not document.title_picture_file:
        titles = ranked(catalogue, document.title)  # a title in title case is not a name
        if titles:
            document.title_picture_file = titles[0].path
            chosen += 1
    if chosen and catalogue.credit and catalogue.credit not in document.credits:
        document.credits.append(catalogue.credit)
    return chosen


def add_pictures(document: EasyReadDocument, choice: str, chooser: Chooser | None = None) -> int:
    """Choose pictures for `document` from `choice` ("openmoji" or a folder), page by page as the
    PDF lays it out; with `chooser`, it picks from each item's short list (see `choose_pictures`)."""
    from easyread.layout.pdf import plan

    pages, _ = plan(document)
    return choose_pictures(document, pages, catalogue_for(choice), chooser)
