"""Pictures from a council's library or OpenMoji are matched to items by keywords."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.errors import UsageError
from easyread.model import EasyReadDocument, EasySection, Item, Page
from easyread.pictures.catalogue import library_catalogue, openmoji_catalogue
from easyread.pictures.choose import add_pictures, choose_pictures
from easyread.pictures.raster import bitmap_bytes
from tests.conftest import pdf_pages_text
from tests.pictures.images import needs_openmoji, write_png, write_svg


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "library"
    write_png(folder / "green-bin.png")
    write_png(folder / "bins" / "food_waste_caddy.png")
    write_svg(folder / "telephone.svg")
    write_png(folder / "p0042.png")  # a name that says nothing: its keywords come from pictures.csv
    (folder / "pictures.csv").write_text("file,keywords\np0042.png,money;pound coins\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a picture", encoding="utf-8")
    return folder


def items(*pairs: tuple[str, str]) -> list[Item]:
    return [Item(sentence, picture) for sentence, picture in pairs]


def test_each_item_gets_its_best_match_and_unmatched_items_keep_the_placeholder(library):
    page = items(("Put your bins out on Monday.", "a calendar, bin"), ("Call us on 01632 960123.", "a telephone"),
                 ("You must pay £120.", "money"), ("The sky is blue.", "sky"),
                 ("Put food in the caddy.", "food waste, caddy"))
    document = EasyReadDocument("Bins", "bins.txt", [EasySection("Bins", page)])
    chosen = choose_pictures(document, [Page("Bins", page, 0)], library_catalogue(library))
    names = [Path(item.picture_file).name if item.picture_file else None for item in page]
    assert names == ["green-bin.png", "telephone.svg", "p0042.png", None, "food_waste_caddy.png"]
    assert chosen == 5  # 4 items and the title page ("Bins")
    assert Path(document.title_picture_file).name == "green-bin.png"
    assert document.credits == []  # a council's own library needs no credit line


def test_a_picture_is_not_used_twice_on_one_page_but_may_be_on_the_next(library):
    first = items(("Your bin.", "bin"), ("Another bin.", "bin"), ("A third bin.", "bin"))
    second = items(("The bin again.", "bin"))
    document = EasyReadDocument("Bins", "bins.txt", [EasySection("Bins", first + second)])
    choose_pictures(document, [Page("Bins", first, 0), Page("Bins", second, 0, continued=True)],
                    library_catalogue(library))
    on_first = [item.picture_file for item in first if item.picture_file]
    assert len(on_first) == len(set(on_first)) == 2  # two bin pictures in the library, then the placeholder
    assert first[2].picture_file is None
    assert second[0].picture_file is not None


def test_a_picture_chosen_by_a_person_is_kept(library, tmp_path):
    mine = str(write_png(tmp_path / "mine.png"))
    page = [Item("Your bin.", "bin", picture_file=mine)]
    choose_pictures(EasyReadDocument("Bins", "b.txt", [EasySection("Bins", page)]), [Page("Bins", page, 0)],
                    library_catalogue(library))
    assert page[0].picture_file == mine


@pytest.mark.parametrize("make", ["missing", "empty", "file"])
def test_a_folder_without_pictures_is_a_usage_error(tmp_path, make):
    folder = tmp_path / "pictures"
    if make == "empty":
        folder.mkdir()
    elif make == "file":
        folder.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match=str(folder)):
        library_catalogue(folder)


def test_openmoji_pictures_match_by_emoji_names_and_are_credited():
    needs_openmoji()
    page = items(("Call us on 01632 960123.", "a telephone"), ("You must pay £120.", "money"),
                 ("Put your bin out.", "bin"))
    document = EasyReadDocument("Your bins", "bins.txt", [EasySection("Bins", page)])
    choose_pictures(document, [Page("Bins", page, 0)], openmoji_catalogue())
    assert all(item.picture_file and item.picture_file.startswith("openmoji:") for item in page)
    assert len({item.picture_file for item in page}) == 3
    # telephone receiver, telephone, mobile phone; named portably, not by where the set is installed
    assert page[0].picture_file in ("openmoji:1F4DE.svg", "openmoji:260E.svg", "openmoji:1F4F1.svg")
    assert any("OpenMoji" in line and "CC BY-SA 4.0" in line for line in document.credits)
    assert bitmap_bytes(page[0].picture_file)[1] == "png"  # Word gets a bitmap of the SVG


def test_pictures_are_drawn_in_the_pdf_and_the_credit_is_on_the_last_page(tmp_path):
    needs_openmoji()
    from easyread.layout.pdf import render_pdf

    page = items(("Call us on 01632 960123.", "a telephone"), ("Write to us.", "a letter"))
    document = EasyReadDocument("Contact us", "contact.txt", [EasySection("Contact", page)])
    add_pictures(document, "openmoji")
    output = tmp_path / "contact.pdf"
    render_pdf(document, output)
    pages = pdf_pages_text(output)
    assert "Picture:" not in pages[1]  # pictures, not placeholders
    assert "OpenMoji" in pages[-1]


def test_a_link_out_of_the_picture_folder_is_left_out_with_a_warning(tmp_path, capsys):
    """As render refuses a plan's picture outside its folders, a library's link to a file elsewhere
    (someone's private picture) is not used."""
    private = tmp_path / "private"
    private.mkdir()
    write_png(private / "recycling-bin.png")
    folder = tmp_path / "pics"
    folder.mkdir()
    write_png(folder / "calendar.png")
    (folder / "bin.png").symlink_to(private / "recycling-bin.png")
    inside = folder / "same-calendar.png"
    inside.symlink_to(folder / "calendar.png")

    catalogue = library_catalogue(folder)

    used = {Path(picture.path).name for picture in catalogue.pictures}
    assert used == {"calendar.png", "same-calendar.png"}
    assert "bin.png: a link to a file outside the picture folder" in capsys.readouterr().err
