"""The Markdown renderer: one paragraph per idea with its picture, bold hard words, text as data.

The output is checked as text and as rendered by markdown-it-py (CommonMark plus tables and
strikethrough), which is what a reader's viewer would show.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from easyread.backends import get_backend
from easyread.layout.markdown import escape_markdown, render_markdown
from easyread.layout.no_break import plain_spaces
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from easyread.pipeline import simplify_document
from easyread.readers import read_document
from easyread.readers.own_output import MARKDOWN_MARK
from tests.conftest import seed_files
from tests.layout.picture_files import write_pictures

COUNCIL_TAX = HardWord("council tax", "Money you pay to the council for local services.")
APPEAL = HardWord("appeal", "Asking for a decision to be looked at again.")
TRICKY = [
    "Watch out: <script>alert('x')</script> & <b>bold</b> &amp; stay.",
    "*stars* and _lines_ and __more__ and **bold**",
    "[a link](http://example.com) and ![an image](x.png)",
    "# not a heading #",
    "1. not a list",
    "2) not a list either",
    "- not a bullet",
    "+ not a bullet",
    "---",
    "`code` and ```fences``` and ~~struck~~ and ~~~",
    "a | table | row",
    "back\\slash at the end \\",
    "<https://example.com> and <mail@example.com>",
    "[label]: https://example.com",
    "It costs $5 and $10.",
    "&copy; &#169; &#xA9;",
]


def markdown_to_html(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def paragraphs(text: str) -> list[str]:
    return [block for block in text.split("\n\n") if block.strip()]


def sample_document(pictures: dict[str, Path]) -> EasyReadDocument:
    first = [
        Item("Put your green bin out on Monday.", "a green bin", picture_file=str(pictures["png"])),
        Item("You pay council tax for your home.", "a house", hard_words=[COUNCIL_TAX]),
        Item("Call us if you need help.", "a [phone]", picture_file=str(pictures["svg"])),
        Item("This picture is broken.", "a broken picture", picture_file=str(pictures["broken"])),
        Item("This picture is missing.", "a missing picture", picture_file=str(pictures["missing"])),
    ]
    second = [Item(text, f"a *picture* {i}") for i, text in enumerate(TRICKY)]
    second.append(Item("You can appeal to us.", "a letter", hard_words=[APPEAL]))
    return EasyReadDocument(
        title="Your bin day is changing # now",
        source_name="bins_letter*.docx",
        sections=[
            EasySection("What is changing?", first),
            EasySection("What is changing?", [Item("The same section, split in two.", "a bin")]),
            EasySection("What can you do?", second),
            EasySection("Who can help?", [Item("Call us.", "a phone")]),
            EasySection("", [Item("Write to us.", "a letter")]),
        ],
        glossary=[COUNCIL_TAX, APPEAL, HardWord("unexplained"), HardWord("<odd> *word*", "It is _odd_.")],
        credits=["Pictures by <OpenMoji>."],
    )


@pytest.fixture
def rendered(tmp_path):
    document = sample_document(write_pictures(tmp_path / "pictures"))
    output = tmp_path / "sample.md"
    count = render_markdown(document, output)
    return document, output.read_text(encoding="utf-8"), count


def test_structure(rendered):
    document, text, count = rendered
    lines = text.splitlines()
    assert lines[0] == MARKDOWN_MARK  # so that converting this file again is refused, even renamed
    assert lines[2] == r"# Your bin day is changing \# now"
    assert [line for line in lines if line.startswith("# ")] == [lines[2]]
    assert not any("bins" in line and "letter" in line for line in lines)  # never the file name
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        "## What is in this document",
        "## What is changing?",
        "## What can you do?",
        "## Who can help?",
        "## Your bin day is changing \\# now",
        "## Hard words",
    ]
    assert count == 5  # 4 content sections and "Hard words"; the contents list is not counted
    assert text.endswith("Pictures by \\<OpenMoji\\>.\n")
    assert "This is an Easy Read version of" not in text and "Easy Read made with easyread." not in text


def test_contents_list(rendered):
    _, text, _ = rendered
    contents = text.split("## What is in this document\n\n")[1].split("\n\n")[0]
    assert contents.splitlines() == [
        "- What is changing?",
        "- What can you do?",
        "- Who can help?",
        "- Your bin day is changing \\# now",
    ]


def test_one_paragraph_per_item_with_its_picture_first(rendered):
    document, text, _ = rendered
    entries = [block for block in paragraphs(text) if block.startswith(("![", "(Picture: "))]
    assert len(entries) == len(document.items())
    assert all("\n" not in entry for entry in entries)
    assert entries[0] == "![The picture shows a green bin.](pictures/green%20bin.png) Put your green bin out on Monday."
    assert entries[2] == r"![The picture shows a phone.](pictures/phone.svg) Call us if you need help."  # what phone.svg shows
    assert entries[3] == "(Picture: a broken picture) This picture is broken."
    assert entries[4] == "(Picture: a missing picture) This picture is missing."


def test_pictures_render_as_images(rendered):
    _, text, _ = rendered
    out = markdown_to_html(text)
    assert '<img src="pictures/green%20bin.png" alt="The picture shows a green bin." />' in out
    assert '<img src="pictures/phone.svg" alt="The picture shows a phone." />' in out
    assert out.count("<img") == 2


def test_picture_outside_the_output_folder(tmp_path):
    pictures = write_pictures(tmp_path / "library")
    document = EasyReadDocument("T", "a.txt", [EasySection("S", [Item("A.", "a bin", picture_file=str(pictures["png"]))])])
    render_markdown(document, tmp_path / "out" / "a.md")
    assert "![The picture shows a green bin.](../library/green%20bin.png) A." in (tmp_path / "out" / "a.md").read_text(encoding="utf-8")


def test_hard_words_are_bold_and_nothing_is_italic(rendered):
    _, text, _ = rendered
    assert "You pay **council tax** for your home." in text
    assert "You can **appeal** to us." in text
    assert "**council tax**: Money you pay to the council for local services." in text
    assert "**unexplained**" not in text
    out = markdown_to_html(text)
    assert "<em>" not in out
    strong = re.findall(r"<strong>(.*?)</strong>", out)
    assert [html.unescape(word) for word in strong] == [
        "council tax", "appeal", "council tax", "appeal", "<odd> *word*"
    ]


def test_markup_in_text_shows_literally(rendered):
    _, text, _ = rendered
    out = markdown_to_html(text)
    for tag in ("<script", "<b>", "<a ", "<code", "<del", "<s>", "<table", "<ol", "<hr", "<h1>#"):
        assert tag not in out
    visible = html.unescape(re.sub(r"<[^>]+>", "", out))
    for sentence in TRICKY:
        assert sentence in visible
    assert "(Picture: a *picture* 0)" in visible
    assert "<odd> *word*: It is _odd_." in visible
    assert "Your bin day is changing # now" in visible


@pytest.mark.parametrize("value", TRICKY)
def test_escaped_text_renders_as_itself(value):
    assert markdown_to_html(escape_markdown(value)) == f"<p>{html.escape(value, quote=False)}</p>\n".replace(
        '"', "&quot;"
    )


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=40))
def test_any_text_renders_as_itself(value):
    collapsed = " ".join(value.split())
    if not collapsed:
        return
    out = markdown_to_html(escape_markdown(value))
    assert out.startswith("<p>") and out.endswith("</p>\n"), out
    inner = out[3:-5]
    assert "<" not in inner, out
    assert html.unescape(inner) == collapsed


def test_a_failing_write_leaves_no_partial_file(tmp_path, monkeypatch):
    document = EasyReadDocument("Title", "a.txt", [EasySection("One", [Item("A sentence.", "a picture")])])
    output = tmp_path / "out" / "doc.md"

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("easyread.atomic.os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        render_markdown(document, output)
    assert list(tmp_path.iterdir()) == []  # not even the folder made for it


def test_an_empty_document(tmp_path):
    assert render_markdown(EasyReadDocument("Title", "a.txt"), tmp_path / "empty.md") == 0
    text = (tmp_path / "empty.md").read_text(encoding="utf-8")
    assert text == f"{MARKDOWN_MARK}\n\n# Title\n"  # the mark (a comment) says what made it


@pytest.mark.parametrize("seed", seed_files(), ids=lambda path: path.name)
def test_seed_documents(seed, tmp_path):
    document = simplify_document(read_document(seed), get_backend("rules"))
    output = tmp_path / "seed.md"
    count = render_markdown(document, output)
    text = output.read_text(encoding="utf-8")
    entries = [block for block in paragraphs(text) if block.startswith(("![", "(Picture: "))]
    assert len(entries) == len(document.items())
    has_glossary = any((entry.explanation or "").strip() for entry in document.glossary)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    contents = 1 if "## What is in this document" in headings else 0
    assert count == len(headings) - contents
    assert ("## Hard words" in headings) == has_glossary
    out = markdown_to_html(text)
    assert "<em>" not in out and "<script" not in out
    visible = plain_spaces(html.unescape(re.sub(r"<[^>]+>", "", out)))  # U+00A0 inside dates reads as a space
    for item in document.items():
        assert " ".join(item.sentence.split()) in visible


def test_a_picture_of_a_set_says_what_it_shows_and_a_placeholder_says_it_is_one(tmp_path):
    document = EasyReadDocument("T", "a.txt", [EasySection("S", [
        Item("Call us.", "a telephone, council", picture_file="openmoji:260E.svg"),
        Item("Write to us.", "a letter, council")])])
    render_markdown(document, tmp_path / "a.md")
    text = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "(The picture shows a telephone.) Call us." in text  # no file to link: its alt text
    assert "(Picture: a letter, council) Write to us." in text  # a placeholder for a person to fill in


def test_check_reads_a_picture_of_a_sets_alt_text_as_a_picture_not_a_sentence(tmp_path):
    from easyread.checks.read_units import read_units
    from easyread.config import Settings

    document = EasyReadDocument("T", "a.txt", [EasySection("S", [
        Item("Call us.", "a telephone", picture_file="openmoji:260E.svg"), Item("Write to us.", "a letter")])])
    render_markdown(document, tmp_path / "a.md")
    units, *_ = read_units(tmp_path / "a.md", Settings())
    assert [unit.text for unit in units if unit.kind == "body"] == ["Call us.", "Write to us."]
