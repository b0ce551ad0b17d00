"""check reads HTML pages: headings, paragraphs, list items and table cells are units; what a reader
does not see, and a site's navigation, header and footer, are left out; bad HTML is one line."""

from __future__ import annotations

import pytest

from easyread.checks.html_units import html_units
from easyread.checks.run import check_document, check_paths
from easyread.config import Settings
from easyread.errors import EmptyDocument, UnreadableDocument

PAGE = """<!doctype html><html><head><title>Park cafe</title><style>p { color: green }</style>
<script>var note = "Hidden script words";</script></head>
<body><header><a href="/">Home page link</a></header>
<nav><ul><li>Site menu item</li></ul></nav>
<main><h1>Park cafe</h1>
<p>The cafe is open on Sunday.<br>It shuts at 3pm</p>
<ul><li>Pay by card</li><li>Dogs are welcome</li></ul>
<table><tr><th>Drink</th><th>Price</th></tr><tr><td>Tea</td><td>£2</td></tr></table>
<img src="cup.png" alt="a cup of tea"><div hidden>Hidden words</div>
<div role="img" aria-label="a cake">Picture: a cake</div></main>
<footer>Site footer words</footer></body></html>
"""


def test_an_ordinary_page_gives_its_blocks_and_leaves_out_what_is_not_read():
    units = html_units(PAGE)
    assert [unit.text for unit in units] == ["Park cafe", "The cafe is open on Sunday.", "It shuts at 3pm",
                                             "Pay by card", "Dogs are welcome", "Drink", "Price", "Tea", "£2"]
    assert units[0].kind == "heading" and units[0].is_heading
    assert all(unit.kind == "body" for unit in units[1:])


def test_units_are_located_by_the_line_they_start_on():
    units = html_units("<p>First line here</p>\n<p>Second</p><p>Third</p>")
    assert [unit.location for unit in units] == ["line 1", "line 2", "line 2, part 2"]


def test_unclosed_tags_still_give_one_unit_each():
    units = html_units("<ul><li>Bring a hat<li>Bring water<p>Rest in the shade")
    assert [unit.text for unit in units] == ["Bring a hat", "Bring water", "Rest in the shade"]


def test_an_html_page_is_checked(tmp_path):
    page = tmp_path / "cafe.html"
    page.write_text(PAGE, encoding="utf-8")
    report = check_document(page, Settings())
    assert report.metrics.sentences == 8  # the heading is not scored


def test_a_folder_check_includes_html(tmp_path):
    (tmp_path / "cafe.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Notes\n\nWe open at 9am.\n", encoding="utf-8")
    assert sorted(report.path.name for report in check_paths([tmp_path])) == ["cafe.htm", "notes.md"]


@pytest.mark.parametrize(("content", "error", "reason"), [
    (b"\x00\x01\x02\xff" * 200, UnreadableDocument, "not text"),
    (b"\x00\xff" * 100, UnreadableDocument, "not HTML"),  # decodes (as UTF-16) to text without a tag
    (b"<html><head><script>only()</script></head><body></body></html>", EmptyDocument, "no text to check"),
])
def test_bad_html_is_one_line_naming_the_file(tmp_path, content, error, reason):
    page = tmp_path / "broken.html"
    page.write_bytes(content)
    with pytest.raises(error) as caught:
        check_document(page, Settings())
    message = caught.value.message()
    assert reason in message and "broken.html" in message and "\n" not in message


def test_a_bad_html_file_in_a_folder_is_a_failed_report_not_a_stop(tmp_path):
    (tmp_path / "broken.html").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "good.html").write_text("<p>We open at 9am.</p>", encoding="utf-8")
    reports = {report.path.name: report for report in check_paths([tmp_path])}
    assert reports["broken.html"].error and reports["good.html"].error is None
