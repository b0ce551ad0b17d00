"""check gives no finding about our own artefacts: picture labels, title page and contents lines, page
numbers, headings repeated on each page, the Hard words page, our layout. One invented Easy Read
document is rendered in-process as PDF, Word, HTML and Markdown and checked in each format."""

from __future__ import annotations

import re

import pytest

from easyread.checks.read_units import read_units
from easyread.checks.run import check_document
from easyread.config import Settings
from easyread.contact import CONTACT_HEADING
from easyread.model import EasyReadDocument, EasySection, HardWord, Item

FORMATS = ("pdf", "docx", "html", "md")
SOURCE_NAME = "hall-hire-notice.docx"
# Our own explanations, written the way a Hard words page often is: a passive, a "because", a long one.
PERMIT = HardWord("permit", "A permit is a paper that is given to you by the council.")
DEPOSIT = HardWord("deposit", "A deposit is money you pay first because the hall may be damaged.")
INSURANCE = HardWord("insurance", "Insurance is money you pay each year to a company so that if something goes "
                                  "wrong at your party the company pays for the damage instead of you.")
REAL_PASSIVE = "The hall is cleaned by volunteers on Monday."  # the document's own words: still flagged
# A long item with our contact details: convert copies it onto the "How to contact us" page.
CONTACT = Item("If you want to book the hall for a party or a meeting, please call us on 01632 961902 on any "
               "weekday.", "a telephone")


def _document() -> EasyReadDocument:
    items = [Item(f"Room {n} has {n + 2} tables and a sink.", "a room with tables") for n in range(1, 15)]
    sections = [
        EasySection("Hiring the hall", [
            Item("You can hire the hall for a party.", "a party"),
            Item("You need a permit to play music.", "a music note", hard_words=[PERMIT]),
            Item("You pay a deposit of £40 when you book.", "money", hard_words=[DEPOSIT]),
            CONTACT,
        ]),
        EasySection("The rooms", items),  # long enough to run onto a second page, under its heading again
        EasySection("Keeping it safe", [
            Item("You need insurance for a big party.", "a shield", hard_words=[INSURANCE]),
            Item(REAL_PASSIVE, "a mop"),
        ]),
        EasySection(CONTACT_HEADING, [CONTACT]),
    ]
    return EasyReadDocument(title="Hiring Elm Street Hall", source_name=SOURCE_NAME, sections=sections,
                            glossary=[PERMIT, DEPOSIT, INSURANCE])


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    from easyread.layout.docx import render_docx
    from easyread.layout.html import render_html
    from easyread.layout.markdown import render_markdown
    from easyread.layout.pdf import render_pdf

    folder = tmp_path_factory.mktemp("hall")
    renderers = {"pdf": render_pdf, "docx": render_docx, "html": render_html, "md": render_markdown}
    results = {}
    for name, render in renderers.items():
        path = folder / f"hall-hire-notice.easyread.{name}"
        render(_document(), path)
        results[name] = (read_units(path, Settings())[0], check_document(path, Settings()))
    return results


def _findings_at(name, checked, kinds):
    units, report = checked[name]
    where = {unit.location for unit in units if unit.kind in kinds}
    return [f for f in report.findings if f.location in where]


@pytest.mark.parametrize("name", FORMATS)
def test_the_hard_words_page_gives_no_findings(checked, name):
    units, _ = checked[name]
    assert sum(unit.kind == "glossary" for unit in units) == 3  # the page was read, as glossary lines
    assert _findings_at(name, checked, ("glossary",)) == []


@pytest.mark.parametrize("name", FORMATS)
def test_title_page_and_contents_lines_give_no_findings(checked, name):
    assert _findings_at(name, checked, ("front",)) == []
    texts = " ".join(f.text for f in checked[name][1].findings).lower()
    for artefact in ("easyread", "docx", "hall-hire-notice", "picture", "contents", "page"):
        assert artefact not in texts, artefact


@pytest.mark.parametrize("name", FORMATS)
def test_our_layout_gives_no_layout_findings(checked, name):
    layout = [f for f in checked[name][1].findings if re.fullmatch(r"ER3\d\d", f.rule_id)]
    assert layout == []


@pytest.mark.parametrize("name", FORMATS)
def test_a_heading_repeated_on_the_next_page_is_not_a_new_unit(checked, name):
    units, _ = checked[name]
    headings = [unit.text for unit in units if unit.kind == "heading"]
    assert headings.count("The rooms") == 1
    assert not any(re.fullmatch(r"(?:page\s*)?\d+(?:\s*of\s*\d+)?", unit.text, re.IGNORECASE) for unit in units)


@pytest.mark.parametrize("name", FORMATS)
def test_the_documents_own_words_are_still_checked(checked, name):
    """The control: a real passive in an item is reported in every format, so the tests above could fail."""
    passives = [f.text for f in checked[name][1].findings if f.rule_id == "ER103"]
    assert passives == [REAL_PASSIVE]


@pytest.mark.parametrize("name", FORMATS)
def test_a_copy_on_the_contact_page_is_reported_once(checked, name):
    units, report = checked[name]
    assert [unit.text for unit in units if unit.kind == "body"].count(CONTACT.sentence) == 2  # both were read
    assert [f.text for f in report.findings if f.rule_id == "ER101"] == [CONTACT.sentence]
