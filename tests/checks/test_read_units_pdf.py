"""check reads a PDF made by people by paragraph, line and bullet, not one run-on per page: a
sentence wrapped over two lines of one box stays one, and running headers and footers are not units."""

from __future__ import annotations

import pytest

from easyread.checks.read_units import read_units
from easyread.config import Settings

BOXES = {
    1: [["The pool opens at 7am every day and shuts", "when the last swimmer has left"],
        ["Bring a towel and a lock for your locker"], ["Ask a lifeguard if you need help"]],
    2: [["Children must swim with an adult"], ["Have fun"]],
}


@pytest.fixture(scope="module")
def units(tmp_path_factory):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path_factory.mktemp("guide") / "pool-guide.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    for page, boxes in BOXES.items():
        canvas.setFont("Helvetica", 10)
        canvas.drawString(60, height - 40, "Riverside Pool easy guide")
        canvas.setFont("Helvetica", 16)
        y = height - 120
        for box in boxes:  # a picture would sit on the left; each box of text on the right, no full stops
            for line in box:
                canvas.drawString(240, y, line)
                y -= 20
            y -= 90
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, 30, f"Page {page} of 2")
        canvas.showPage()
    canvas.save()
    return read_units(path, Settings())[0]


def test_each_box_is_one_unit_and_a_wrapped_sentence_stays_whole(units):
    assert [unit.text for unit in units] == [
        "The pool opens at 7am every day and shuts when the last swimmer has left",
        "Bring a towel and a lock for your locker", "Ask a lifeguard if you need help",
        "Children must swim with an adult", "Have fun",
    ]
    assert all(unit.kind == "body" for unit in units)


def test_units_are_located_by_page(units):
    assert units[0].location.startswith("page 1 ") and units[-1].location.startswith("page 2 ")
