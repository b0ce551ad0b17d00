"""The Markdown reader: markup removed, text kept, structure and line locations from markdown-it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from easyread.readers import markdown

from .conftest import outline

BINS = """\
# Bin *collection* changes

Your **green** bin moves to `Tuesday`.
Read [our page](https://example.org/bins) or <https://example.org>.

<!-- a note for editors -->
<div class="box">Raw HTML block</div>

## What to do

- Put it out by 7am
  - nested *glass* box
- Bring it in

1. First step

| Day | Bin |
|-----|-----|
| Monday | Green bin |
| Tuesday | |

### Who can help

Children age < 18 & adults > 65 get help; 3 * 4 = 12. Ask at <b>the desk</b>.
"""


def test_full_document(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("bins.md", BINS))
    assert document.format == "md"
    assert document.title == "Bin collection changes"
    assert outline(document) == [
        ("", [("paragraph", "Your green bin moves to Tuesday. Read our page (https://example.org/bins) "
                            "or https://example.org.", "line 3"),
              ("paragraph", "Raw HTML block", "line 7")]),
        ("What to do", [
            ("list_item", "Put it out by 7am", "line 11"),
            ("list_item", "nested glass box", "line 12"),
            ("list_item", "Bring it in", "line 13"),
            ("list_item", "1. First step", "line 15"),
            ("table_row", "Day: Monday. Bin: Green bin.", "line 19"),
            ("table_row", "Day: Tuesday.", "line 20"),
        ]),
        ("Who can help", [("paragraph", "Children age < 18 & adults > 65 get help; 3 * 4 = 12. "
                                        "Ask at the desk.", "line 24")]),
    ]


def test_html_blocks_keep_their_text_and_comments_are_set_aside_with_a_reason(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("bins.md", BINS))
    text = document.text()
    assert "Raw HTML block" in text and "<div" not in text and "<b>" not in text
    assert "editors" not in text
    comment, labels = document.set_aside
    assert (comment.location, comment.text) == ("line 6, comment 1", "a note for editors")
    assert "comment" in comment.reason
    assert (labels.location, labels.text, labels.reason) == ("line 17", "Day, Bin", "column labels (used in each row)")


def test_agenda_numbers_stay_with_their_items(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("agenda.md", "# Agenda\n\n4410. Footpath repairs\n4411. Correspondence\n\n"
                                                     "12. Apologies\n13. Minutes\n"))
    assert [block.text for block in document.blocks()] == [
        "4410. Footpath repairs", "4411. Correspondence", "12. Apologies", "13. Minutes"]


def test_escapes_and_entities_become_plain_characters(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("x.md", "Use \\*stars\\* &amp; AT&T &lt;tags&gt; here.\n"))
    assert document.sections[0].blocks[0].text == "Use *stars* & AT&T <tags> here."


def test_link_text_equal_to_address_is_not_repeated(write_text: Callable[..., Path]) -> None:
    source = "See [www.example.org](https://www.example.org/), [email us](mailto:a@b.org), [below](#help).\n"
    document = markdown.read(write_text("links.md", source))
    assert document.sections[0].blocks[0].text == "See www.example.org, email us (mailto:a@b.org), below."


def test_without_a_top_heading_the_title_is_the_first_heading_never_the_file_name(
        write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("council-tax_letter.md", "## Intro\n\nHello there.\n"))
    assert document.title == "Intro"
    assert outline(document) == [("Intro", [("paragraph", "Hello there.", "line 3")])]


def test_a_later_top_heading_is_the_title_but_stays_a_heading(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("x.md", "## Intro\n\nHello.\n\n# Main part\n\nMore text.\n"))
    assert document.title == "Main part"
    assert [section.heading for section in document.sections] == ["Intro", "Main part"]


def test_setext_heading_and_code_block(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("x.md", "Bins\n====\n\nSection\n-------\n\n    code  <here>\n"))
    assert document.title == "Bins"
    assert outline(document) == [("Section", [("paragraph", "code <here>", "line 7")])]


def test_front_matter_gives_the_title_and_keeps_line_numbers(write_text: Callable[..., Path]) -> None:
    source = "---\ntitle: \"Your new bins\"\nauthor: Council\n---\n# Your new bins\n\nText here.\n"
    document = markdown.read(write_text("x.md", source))
    assert document.title == "Your new bins"
    assert outline(document) == [("", [("paragraph", "Author: Council", "front matter: author"),
                                       ("paragraph", "Text here.", "line 7")])]
    assert document.set_aside == []


def test_front_matter_keeps_what_a_reader_needs_and_sets_aside_the_website_settings(
        write_text: Callable[..., Path]) -> None:
    source = ('---\ntitle: "Parking update"\ndate: 2025-11-04\nurl: /parking/\ntags: ["Roads", "PZ"]\n'
              'author: ["Hillside Residents Group"]\ndescription: "News on the Permit Zone (PZ) plan."\n---\n'
              "The plan goes to a vote soon.\n")
    document = markdown.read(write_text("x.md", source))
    assert document.title == "Parking update"
    assert [block.text for block in document.blocks()] == [
        "Date: 2025-11-04", "Author: Hillside Residents Group", "Description: News on the Permit Zone (PZ) plan.",
        "The plan goes to a vote soon."]
    [settings] = document.set_aside
    assert settings.location == "front matter" and "url: /parking/" in settings.text and "date" not in settings.text


def test_a_table_with_only_a_header_row_keeps_its_text(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("x.md", "| Day | Bin |\n|---|---|\n"))
    assert outline(document) == [("", [("table_row", "Day, Bin", "line 1")])]


def test_a_file_with_only_a_heading_keeps_it_as_text(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("x.md", "# Just a title\n"))
    assert document.title == "Just a title"
    assert outline(document) == [("", [("paragraph", "Just a title", "line 1")])]


def test_cp1252_markdown_is_decoded(write_text: Callable[..., Path]) -> None:
    document = markdown.read(write_text("x.md", b"Costs \xa35 \x93each\x94.\n"))
    assert document.sections[0].blocks[0].text == "Costs £5 “each”."


def test_a_blockquote_is_a_quotation_and_emoji_bullets_are_list_items(write_text: Callable[..., Path]) -> None:
    source = "Intro.\n\n> Their words here.\n\nWe will:  \n✅ Share the link  \n✅ Book the hall\n"
    document = markdown.read(write_text("x.md", source))
    assert [(block.kind, block.text, block.role) for block in document.blocks()] == [
        ("paragraph", "Intro.", ""), ("paragraph", "Their words here.", "quotation"), ("paragraph", "We will:", ""),
        ("list_item", "✅ Share the link", ""), ("list_item", "✅ Book the hall", "")]
