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
WIDE = {
    1: [["You can swim in the big pool on Monday", "and on Friday from 6pm until late"],
        ["The small pool is warm and good for", "babies and their grown ups"],
        ["Please have a shower before you swim in", "any of our pools"],
        ["Lockers take a coin that you get back"]],
    2: [["The cafe sells hot drinks and snacks", "after your swim"], ["You can park your bike by", "the front door"],
        ["Lost things go to the desk by", "the main gate"]],
}


def _guide(path, body_size: float = 16, line_step: float = 20, pages=None):
    """A two-page guide as people lay one out: a 10 pt running header, boxes of text, an 8 pt footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    for page, boxes in (pages or BOXES).items():
        canvas.setFont("Helvetica", 10)
        canvas.drawString(60, height - 40, "Riverside Pool easy guide")
        canvas.setFont("Helvetica", body_size)
        y = height - 120
        for box in boxes:  # a picture would sit on the left; each box of text on the right, no full stops
            for line in box:
                canvas.drawString(240, y, line)
                y -= line_step
            y -= 90
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, 30, f"Page {page} of 2")
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    return _guide(tmp_path_factory.mktemp("guide") / "pool-guide.pdf")


@pytest.fixture(scope="module")
def units(guide):
    return read_units(guide, Settings())[0]


def test_each_box_is_one_unit_and_a_wrapped_sentence_stays_whole(units):
    assert [unit.text for unit in units] == [
        "The pool opens at 7am every day and shuts when the last swimmer has left",
        "Bring a towel and a lock for your locker", "Ask a lifeguard if you need help",
        "Children must swim with an adult", "Have fun",
    ]
    assert all(unit.kind == "body" for unit in units)


def test_units_are_located_by_page(units):
    assert units[0].location.startswith("page 1 ") and units[-1].location.startswith("page 2 ")


def test_small_running_headers_and_footers_are_not_small_body_text(guide):
    _, layout, _ = read_units(guide, Settings())
    assert [finding.rule_id for finding in layout] == []


def test_small_body_text_is_found_with_the_size_most_characters_have(tmp_path):
    _, layout, _ = read_units(_guide(tmp_path / "small.pdf", body_size=11), Settings())
    assert [(finding.rule_id, finding.location) for finding in layout] == [("ER301", "page 1"), ("ER301", "page 2")]
    assert layout[0].text.startswith("11 pt: The pool opens")


def test_wide_line_spacing_still_keeps_a_wrapped_sentence_whole(tmp_path):
    # Easy Read sets lines 1.5 to 2 times apart: here 16 pt text on 30 pt lines (a 14 pt gap, more than
    # the 60% of the size that starts a paragraph in tightly set text); a page needs 3 wrapped lines
    # before its own line spacing is trusted
    units = read_units(_guide(tmp_path / "wide.pdf", line_step=30, pages=WIDE), Settings())[0]
    assert [unit.text for unit in units] == [" ".join(box) for boxes in WIDE.values() for box in boxes]


def test_wide_line_spacing_does_not_join_a_centred_title_line_to_the_date_under_it(tmp_path):
    # A leaflet in wide spacing: wrapped body lines (carrying on in small letters) teach the page its
    # line spacing, but a centred venue line and the date centred under it are two lines a designer
    # set apart; joining them made "At the town hall Tuesday 3 March 2026" one title.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "leaflet.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    canvas.setFont("Helvetica", 16)
    y = height - 100
    for line in ("At the Riverside town hall", "Tuesday 3 March 2026"):
        canvas.drawCentredString(width / 2, y, line)
        y -= 30
    y -= 60
    for line in ("You can look at the new maps of the", "roads and ask the officers about", "the changes to the",
                 "bus stops near you"):
        canvas.drawString(60, y, line)
        y -= 30
    canvas.save()
    texts = [unit.text for unit in read_units(path, Settings())[0]]
    assert "At the Riverside town hall" in texts and "Tuesday 3 March 2026" in texts
    assert "You can look at the new maps of the roads and ask the officers about the changes to the bus stops near you" in texts

