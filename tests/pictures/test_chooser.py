"""The chooser hook of choose_pictures: a chooser (an LLM backend's model) picks from each item's short list."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.model import EasyReadDocument, EasySection, Item, Page
from easyread.pictures.catalogue import library_catalogue
from easyread.pictures.choose import SHORT_LIST, Offer, choose_pictures, short_list
from tests.pictures.images import four_picture_library, write_png


@pytest.fixture
def catalogue(tmp_path):
    return four_picture_library(tmp_path / "library")


def page_of(*pairs: tuple[str, str]) -> tuple[EasyReadDocument, list[Page], list[Item]]:
    items = [Item(sentence, picture) for sentence, picture in pairs]
    return EasyReadDocument("", "x.txt", [EasySection("Bins", items)]), [Page("Bins", items, 0)], items


def names(items: list[Item]) -> list[str | None]:
    return [Path(item.picture_file).name if item.picture_file else None for item in items]


ITEMS = (("Put your bin out on Monday.", "a bin"), ("Call us.", "a telephone"), ("The sky is blue.", "sky"))


def test_the_chooser_gets_each_item_with_a_short_list_once_and_its_answers_are_used(catalogue):
    document, pages, items = page_of(*ITEMS)
    seen: list[list[Offer]] = []

    def chooser(offers: list[Offer]) -> list[str | None]:
        seen.append(offers)
        bins = {candidate.label: candidate.path for candidate in offers[0].candidates}
        return [bins["green bin"], None]  # the green bin for the first item, none fits the telephone

    assert choose_pictures(document, pages, catalogue, chooser) == 1
    assert len(seen) == 1  # one call for the document
    offers = seen[0]
    assert [offer.item.sentence for offer in offers] == ["Put your bin out on Monday.", "Call us."]  # the sky has no list
    assert {candidate.label for candidate in offers[0].candidates} == {"blue bin", "green bin"}
    assert Path(offers[0].default).name == "blue-bin.png"  # the matcher alone would take the blue bin
    assert names(items) == ["green-bin.png", None, None]


def test_without_a_chooser_the_matcher_chooses_as_before(catalogue):
    document, pages, items = page_of(*ITEMS)
    choose_pictures(document, pages, catalogue)
    assert names(items) == ["blue-bin.png", "telephone.png", None]


def test_an_answer_not_on_the_list_gets_the_matchers_choice(catalogue, tmp_path):
    document, pages, items = page_of(*ITEMS)
    elsewhere = str(write_png(tmp_path / "not-offered.png"))
    choose_pictures(document, pages, catalogue, lambda offers: [elsewhere, elsewhere])
    assert names(items) == ["blue-bin.png", "telephone.png", None]


def test_a_chooser_that_answers_the_wrong_number_of_items_changes_nothing(catalogue):
    document, pages, items = page_of(*ITEMS)
    choose_pictures(document, pages, catalogue, lambda offers: [None])
    assert names(items) == ["blue-bin.png", "telephone.png", None]


def test_a_picture_chosen_by_a_person_is_not_offered(catalogue, tmp_path):
    document, pages, items = page_of(*ITEMS)
    items[0].picture_file = mine = str(write_png(tmp_path / "mine.png"))
    offered: list[str] = []

    def chooser(offers: list[Offer]) -> list[str | None]:
        offered.extend(offer.item.sentence for offer in offers)
        return [offer.default for offer in offers]

    choose_pictures(document, pages, catalogue, chooser)
    assert offered == ["Call us."] and items[0].picture_file == mine


def test_the_short_list_is_at_most_five_and_keeps_the_matchers_choice(tmp_path):
    folder = tmp_path / "many"
    for colour in ("red", "green", "blue", "black", "brown", "grey", "purple"):
        write_png(folder / f"{colour}-bin.png")
    many = library_catalogue(folder)
    item = Item("Put your bin out.", "a bin")
    found = short_list(many, item)
    assert len(found) == SHORT_LIST
    last = short_list(many, item, default=str(folder / "purple-bin.png"))
    listed = [Path(candidate.path).name for candidate in last]
    assert len(listed) == SHORT_LIST and "purple-bin.png" in listed
    assert short_list(many, Item("The sky is blue.", "sky")) == []
