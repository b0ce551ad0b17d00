"""check reads our own outputs as items in every format: one Easy Read document rendered as PDF, Word,
HTML and Markdown gives the same units, the same body sentences and the same scores."""

from __future__ import annotations

import pytest

from easyread.checks.metrics import measure_sentences
from easyread.checks.read_units import read_units
from easyread.config import Settings
from easyread.language.sentences import split_sentences
from easyread.model import EasyReadDocument, EasySection, HardWord, Item

FORMATS = ("pdf", "docx", "html", "md")
WEB_ITEM = "You can read the rules at https://www.example.org/pond-rules"


def _document() -> EasyReadDocument:
    swim = HardWord("lifeguard", "A lifeguard is a person who keeps swimmers safe.")
    long_term = HardWord("community pool membership", "A membership lets you swim every week for one price.")
    items = [
        Item("The new pool opens on Saturday 6 June 2026.", "a swimming pool"),
        Item("A lifeguard is there all day.", "a lifeguard", hard_words=[swim]),
        Item(WEB_ITEM, "a computer showing a website"),  # no full stop: must not run into the next item
        Item("Children under 8 must swim with an adult.", "a child and a parent"),
        Item("Call us on 01632 961847 to book a lane. We answer from 9am to 4pm on weekdays, and on Saturday "
             "mornings we answer from 10am to midday, so please call then if you work in the week.", "a telephone"),
        Item("A community pool membership costs £19 a month.", "money", hard_words=[long_term]),
    ]
    sections = [EasySection("About the pool", items[:3]), EasySection("Swimming safely", items[3:4]),
                EasySection("Booking", items[4:]), EasySection("Opening times", [Item("We are open every day.", "a clock")])]
    return EasyReadDocument(title="Riverside Pool opens", source_name="pool-notice.docx", sections=sections,
                            glossary=[swim, long_term])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from easyread.layout.docx import render_docx
    from easyread.layout.html import render_html
    from easyread.layout.markdown import render_markdown
    from easyread.layout.pdf import render_pdf

    folder = tmp_path_factory.mktemp("pool")
    document = _document()
    renderers = {"pdf": render_pdf, "docx": render_docx, "html": render_html, "md": render_markdown}
    paths = {}
    for name, render in renderers.items():
        paths[name] = folder / f"pool-notice.easyread.{name}"
        render(document, paths[name])
    return {name: read_units(path, Settings())[0] for name, path in paths.items()}


def _body(units):
    return [sentence for unit in units if unit.kind == "body" for sentence in split_sentences(unit.text)]


@pytest.mark.parametrize("name", FORMATS)
def test_each_item_is_one_body_unit_without_its_picture(outputs, name):
    body = [unit.text for unit in outputs[name] if unit.kind == "body"]
    assert body == [item.sentence for section in _document().sections for item in section.items]
    assert not any("Picture" in unit.text for unit in outputs[name])


@pytest.mark.parametrize("name", FORMATS)
def test_title_page_and_contents_lines_are_front(outputs, name):
    front = [unit.text for unit in outputs[name] if unit.kind == "front"]
    assert front == ["About the pool", "Swimming safely", "Booking", "Opening times"]  # the contents list


@pytest.mark.parametrize("name", FORMATS)
def test_hard_words_lines_are_glossary_units_with_their_term(outputs, name):
    glossary = [(unit.term, unit.text) for unit in outputs[name] if unit.kind == "glossary"]
    assert sorted(glossary) == sorted((entry.word, entry.explanation) for entry in _document().glossary)


@pytest.mark.parametrize("name", FORMATS)
def test_headings_are_heading_units(outputs, name):
    headings = {unit.text for unit in outputs[name] if unit.kind == "heading"}
    assert all(unit.is_heading for unit in outputs[name] if unit.kind == "heading")
    assert {"Riverside Pool opens", "About the pool", "Booking", "Hard words"} <= headings


def test_every_format_gives_the_same_sentences_and_scores(outputs):
    markdown = measure_sentences(_body(outputs["md"]))
    for name in FORMATS:
        assert _body(outputs[name]) == _body(outputs["md"]), name
        scores = measure_sentences(_body(outputs[name]))
        assert (scores.sentences, scores.words) == (markdown.sentences, markdown.words), name
        assert abs(scores.flesch_reading_ease - markdown.flesch_reading_ease) <= 1, name
        assert abs(scores.flesch_kincaid_grade - markdown.flesch_kincaid_grade) <= 1, name


def test_an_item_ending_with_a_web_address_stays_apart_in_the_pdf(outputs):
    body = [unit.text for unit in outputs["pdf"] if unit.kind == "body"]
    assert WEB_ITEM in body and body[body.index(WEB_ITEM) + 1].startswith("Children under 8")


def test_a_markdown_picture_and_escapes_are_left_out_of_the_item():
    from easyread.checks.own_units import markdown_units
    from easyread.readers.own_output import MARKDOWN_MARK

    text = (f"{MARKDOWN_MARK}\n\n# Tea \\#1\n\n![a cup \\[big\\]](pics/cup%20one.png) We sell **tea** for "
            "£1\\.50 at 3\\* stalls.\n\n## Hard words\n\n**tea**: Tea is a hot drink.\n")
    assert [(unit.kind, unit.term, unit.text) for unit in markdown_units(text)] == [
        ("heading", "", "Tea #1"), ("body", "", "We sell tea for £1.50 at 3* stalls."),
        ("heading", "", "Hard words"), ("glossary", "tea", "Tea is a hot drink."),
    ]


def test_a_renamed_markdown_output_is_still_read_as_items(tmp_path):
    from easyread.readers.own_output import MARKDOWN_MARK

    renamed = tmp_path / "notice.md"
    renamed.write_text(f"{MARKDOWN_MARK}\n\n# Notice\n\n(Picture: a bin) Put your bin out on Monday\n\n"
                       "(Picture: a clock) We come at 7am.\n", encoding="utf-8")
    units = read_units(renamed, Settings())[0]
    assert [unit.text for unit in units if unit.kind == "body"] == ["Put your bin out on Monday", "We come at 7am."]


def test_a_markdown_output_with_blank_lines_before_its_mark_is_still_ours(tmp_path):
    from easyread.readers.own_output import MARKDOWN_MARK

    edited = tmp_path / "notice.md"
    edited.write_text(f"\n\n{MARKDOWN_MARK}\n\n# Notice\n\n(Picture: a bin) Put your bin out on Monday\n", encoding="utf-8")
    units = read_units(edited, Settings())[0]
    assert [unit.text for unit in units if unit.kind == "body"] == ["Put your bin out on Monday"]
