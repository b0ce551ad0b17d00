"""Matching keeps apart the words that tell pictures apart: colours, sizes, named kinds (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.language.pictures import describe_picture
from easyread.model import EasyReadDocument, EasySection, Item, Page
from easyread.pictures.catalogue import library_catalogue
from easyread.pictures.choose import choose_pictures, ranked
from easyread.pictures.match import THRESHOLD, confidence, wanted_for
from tests.pictures.images import png_bytes


def draw(path: Path, rgb: tuple[int, int, int]) -> Path:
    """A small PNG of one colour: the test's own drawing of a bin."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes(8, 8, rgb))
    return path


@pytest.fixture
def bins(tmp_path) -> Path:
    folder = tmp_path / "pictures"
    draw(folder / "bins" / "green-bin.png", (0, 160, 60))
    draw(folder / "bins" / "blue-bin.png", (0, 80, 200))
    return folder


def picked(folder: Path, *sentences: str) -> list[str | None]:
    """The picture file name chosen for each sentence, all on one page, as the rules backend describes them."""
    page = [Item(sentence, describe_picture(sentence)) for sentence in sentences]
    document = EasyReadDocument("", "letter.txt", [EasySection("Bins", page)])
    choose_pictures(document, [Page("Bins", page, 0)], library_catalogue(folder))
    return [Path(item.picture_file).name if item.picture_file else None for item in page]


def test_the_green_bin_sentence_gets_the_green_bin_and_the_blue_one_the_blue(bins):
    assert picked(bins, "Put your green bin out on Monday.", "Put your blue bin out on Thursday.") == [
        "green-bin.png", "blue-bin.png"]
    # each alone, in the other order: not just the order of the files
    assert picked(bins, "Put your blue bin out on Thursday.") == ["blue-bin.png"]
    assert picked(bins, "Put your green bin out on Monday.") == ["green-bin.png"]


def test_a_colour_the_library_lacks_keeps_the_placeholder(bins):
    """No picture beats a wrong one: a brown bin is neither of these."""
    assert picked(bins, "Put your brown bin out on Friday.") == [None]


def test_a_bin_of_no_named_colour_may_have_either(bins):
    assert picked(bins, "Put your bins out on Monday.") in (["green-bin.png"], ["blue-bin.png"])


def test_a_colour_elsewhere_in_the_sentence_still_rules_out_the_other_colour(bins):
    assert picked(bins, "The bin with the green lid goes out on Monday.") == ["green-bin.png"]


@pytest.fixture
def kinds(tmp_path) -> Path:
    folder = tmp_path / "pictures"
    draw(folder / "garden-waste-bin.png", (120, 80, 20))
    draw(folder / "food-waste-caddy.png", (60, 60, 60))
    draw(folder / "caddy.png", (90, 90, 90))
    draw(folder / "garden.png", (0, 200, 0))
    draw(folder / "large-print.png", (0, 0, 0))
    draw(folder / "print.png", (10, 10, 10))
    return folder


def test_an_exact_multi_word_match_beats_a_match_on_part_of_the_phrase(kinds):
    catalogue = library_catalogue(kinds)
    best = ranked(catalogue, "food waste caddy", "Put your food waste caddy by the road.")
    assert Path(best[0].path).name == "food-waste-caddy.png"
    assert best[0].exact
    assert best[0].label == "food waste caddy"  # what an LLM or a person would choose by
    assert Path(ranked(catalogue, "garden, waste", "Your garden waste goes in the garden waste bin.")[0].path).name \
        == "garden-waste-bin.png"
    assert Path(ranked(catalogue, "print", "This leaflet is in large print.")[0].path).name == "large-print.png"


def test_another_named_kind_of_the_same_thing_is_not_chosen(kinds):
    """A "food waste bin" is not the garden waste bin, though both are waste bins."""
    assert picked(kinds, "Your food waste bin is emptied every week.") == [None]
    assert picked(kinds, "Your garden waste bin is emptied every two weeks.") == ["garden-waste-bin.png"]


def test_a_picture_named_with_words_the_item_lacks_falls_below_the_threshold(kinds):
    catalogue = library_catalogue(kinds)
    wanted = wanted_for("waste", "Reduce your waste.")
    caddy = next(picture for picture in catalogue.pictures if picture.path.endswith("food-waste-caddy.png"))
    assert confidence(caddy, wanted) < THRESHOLD
    assert ranked(catalogue, "waste", "Reduce your waste.") == []


def test_pictures_csv_entries_are_names_of_their_own(tmp_path):
    folder = tmp_path / "pictures"
    draw(folder / "p0042.png", (200, 200, 0))
    draw(folder / "p0043.png", (0, 0, 200))
    (folder / "pictures.csv").write_text("file,keywords\np0042.png,green bin;garden waste\np0043.png,blue bin\n",
                                         encoding="utf-8")
    assert picked(folder, "Put your green bin out on Monday.", "Put your blue bin out on Thursday.") == [
        "p0042.png", "p0043.png"]


def test_sizes_and_named_kinds_of_service_count(tmp_path):
    folder = tmp_path / "pictures"
    draw(folder / "bins" / "large-bin.png", (0, 0, 0))
    draw(folder / "bins" / "small-bin.png", (50, 50, 50))
    draw(folder / "services" / "recycling-collection.png", (0, 90, 200))
    draw(folder / "services" / "garden-waste-collection.png", (90, 60, 0))
    assert picked(folder, "Ask us for a small bin if you live alone.") == ["small-bin.png"]
    assert picked(folder, "Big families can have a large bin.") == ["large-bin.png"]
    assert picked(folder, "Your recycling collection is on Monday.") == ["recycling-collection.png"]
    assert picked(folder, "Your garden waste collection starts in March.") == ["garden-waste-collection.png"]
    # a service the library has no picture of keeps the placeholder, not another service's picture
    assert picked(folder, "Your food waste collection is on Friday.") == [None]


def test_a_converted_letter_shows_each_bin_in_its_own_colour(bins, tmp_path):
    """The issue's case end to end: the rules backend, `--pictures FOLDER`, the plan names each file."""
    import json

    from easyread.pipeline import convert

    source = tmp_path / "bins.txt"
    source.write_text("Bin days\n\nPut your green bin out on Monday.\n\nPut your blue bin out on Thursday.\n",
                      encoding="utf-8")
    result = convert(source, tmp_path / "bins.json", formats="json", pictures=str(bins))
    chosen = {item.sentence: Path(item.picture_file).name for item in result.document.items() if item.picture_file}
    assert chosen == {"Put your green bin out on Monday.": "green-bin.png",
                      "Put your blue bin out on Thursday.": "blue-bin.png"}
    plan = json.loads((tmp_path / "bins.json").read_text(encoding="utf-8"))
    planned = {item["sentence"]: Path(item["picture_file"]).name
               for section in plan["sections"] for item in section["items"]}
    assert planned == chosen
