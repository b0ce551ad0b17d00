"""End to end on every seed: the real PDF has the right pages, items, footers and facts."""

from __future__ import annotations

import re

import pytest

from easyread.cli import app
from easyread.fidelity import source_fact_text
from easyread.language.facts import missing_facts
from easyread.language.sentences import word_count
from easyread.language.style import long_sentences
from easyread.pipeline import convert
from tests.conftest import normalise, pdf_pages_text, seed_files

SEEDS = seed_files()
PAGE_FOOTER = re.compile(r"Page (\d+) of (\d+)")


def test_there_are_enough_seeds_of_each_kind():
    assert len(SEEDS) >= 6
    assert {seed.suffix for seed in SEEDS} >= {".txt", ".md", ".docx"}


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.name)
def converted(request, tmp_path_factory):
    output = tmp_path_factory.mktemp("out") / "out.pdf"
    result = convert(request.param, output)
    return result, pdf_pages_text(output)


def test_every_page_has_its_footer(converted):
    result, pages = converted
    assert len(pages) == result.pages
    for number, text in enumerate(pages, start=1):
        footers = PAGE_FOOTER.findall(text)
        assert (str(number), str(len(pages))) in footers, f"page {number}: {text[-80:]}"


def test_every_content_page_has_one_to_five_items(converted):
    result, pages = converted
    content_pages = [text for text in pages[1:] if not text.startswith(("Hard words", "What is in this document"))]
    assert content_pages, "no content pages"
    for text in content_pages:
        assert 1 <= text.count("Picture:") <= 5, text[:200]
    # Items across pages add up to the items of the document.
    # The "About this document" opening (who it is from, what it is about) is printed first.
    assert sum(text.count("Picture:") for text in content_pages) == len(result.document.items()) + len(
        result.document.opening)


def test_a_long_document_lists_its_sections_after_the_title_page(converted):
    result, pages = converted
    headings = list(dict.fromkeys(section.heading for section in result.document.sections if section.items))
    if len(headings) <= 3:
        assert not any(text.startswith("What is in this document") for text in pages)
        return
    assert pages[1].startswith("What is in this document")
    contents = " ".join(text for text in pages[1:3] if text.startswith("What is in this document") or "•" in text)
    for heading in headings:
        assert normalise(heading) in normalise(contents), heading


def test_the_title_page_never_names_the_file(converted):
    result, pages = converted
    assert result.source.path.name not in pages[0]  # the reader never sees the file name
    assert "Picture:" not in pages[0] or pages[0].count("Picture:") == 1


def test_every_item_is_printed(converted):
    result, pages = converted
    whole = " ".join(pages)
    for item in [*result.document.opening, *result.document.items()]:
        assert normalise(item.sentence) in whole, item.sentence


def test_no_long_sentence_is_left_unflagged(converted):
    result, _ = converted
    for item in result.document.items():
        # Over 15 words as a reader meets them (a date in full is one word; style.long_sentences).
        assert ("long-sentence" in item.flags) == bool(long_sentences(item.sentence)), item.sentence
    # Table rows stay whole, one item each, however long. Sentences are split only where both sides
    # are complete clauses (issue 13): one with no safe join stays whole and flagged, so the seeds'
    # long policy sentences stay long; still, most items are short (the care policy is just under
    # half, 38 of 79: its opening hours "(Monday to Friday, 9am to 5pm)" stay with the phone number,
    # and a bracketed "(leaving out the cost of ...)" stays in its sentence, as a fragment once it was).
    rows = {block.location for block in result.source.blocks() if block.kind == "table_row"}
    sentences = [item for item in result.document.items() if not rows & set(item.source)]
    short = [item for item in sentences if word_count(item.sentence) <= 20]
    assert len(short) / len(sentences) >= 0.45, "nearly half the sentences or more should be short"


def test_every_fact_of_the_source_is_in_the_pdf(converted):
    result, pages = converted
    assert missing_facts(source_fact_text(result.source), " ".join(pages)) == []
    assert result.missing_facts == []


def test_hard_words_are_explained_on_their_own_page(converted):
    result, pages = converted
    if not result.document.glossary:
        pytest.skip("this seed has no explained hard words")
    glossary_pages = [text for text in pages if text.startswith("Hard words")]
    assert glossary_pages
    joined = " ".join(glossary_pages)
    for hard in result.document.glossary:
        assert normalise(hard.word) in joined


def test_cli_writes_beside_the_source_by_default(runner, tmp_path):
    source = tmp_path / SEEDS[0].name
    source.write_bytes(SEEDS[0].read_bytes())
    outcome = runner.invoke(app, ["convert", str(source)])
    assert outcome.exit_code == 0, outcome.output
    expected = tmp_path / (source.stem + ".easyread.pdf")
    assert expected.exists()
    assert str(expected) in outcome.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, expected.name])


def test_a_fact_in_a_heading_with_nothing_under_it_is_kept(tmp_path):
    source = tmp_path / "notice.md"
    source.write_text("# Notice\n\n## Conference, 12-13 June 2024\n\n## Day one\n\nWe met in the hall.\n", encoding="utf-8")
    result = convert(source, tmp_path / "notice.pdf")
    assert result.missing_facts == []
    assert result.document.sections[0].items[0].sentence == "Conference, 12-13 June 2024."


def test_the_contact_page_holds_only_the_senders_details_each_once(converted):
    from easyread.contact import CONTACT_HEADING, ends_with_contact_page, is_contact_section
    from easyread.language.facts import extract_facts

    result, pages = converted
    document = result.document
    if not ends_with_contact_page(document):
        # No page of its own: then the document already has a section about contacting.
        assert any(is_contact_section(section.heading) for section in document.sections) or not [
            item for item in document.items() if any(f.kind in ("phone", "email") for f in extract_facts(item.sentence))]
        assert not any(text.startswith(CONTACT_HEADING) for text in pages)
        return
    assert pages[-1].startswith(CONTACT_HEADING)  # after the Hard words pages, at the very end
    last = normalise(" ".join(text for text in pages if text.startswith(CONTACT_HEADING)))
    page = document.sections[-1].items
    for item in page:
        assert normalise(item.sentence) in last
    # Never the recipient's address, a venue or a table row: only items from body text or the sender.
    set_aside = {part.location for part in result.source.set_aside}
    rows = {block.location for block in result.source.blocks() if block.kind == "table_row"}
    for item in page:
        assert not set(item.source) & set_aside, item.sentence
        assert not set(item.source) & rows, item.sentence
    # Each phone number and email once.
    keys = [fact.key for item in page for fact in extract_facts(item.sentence) if fact.kind in ("phone", "email")]
    assert len(keys) == len(set(keys)), keys


def test_every_block_of_the_source_is_in_the_ledger(converted):
    from easyread.ledger import unexplained

    result, _ = converted
    ledger = {entry.location: entry for entry in result.document.ledger}
    for block in result.source.blocks():
        assert block.location in ledger, block
        assert ledger[block.location].use == "items", ledger[block.location]
    for part in result.source.set_aside:
        assert ledger[part.location].use == "set aside" and ledger[part.location].reason == part.reason
    for section in result.source.sections:
        if section.heading:
            assert section.heading_location in ledger
    assert unexplained(result.document.ledger) == []
    locations = [entry.location for entry in result.document.ledger]
    assert len(locations) == len(set(locations)), "each part of the source is in the ledger once"


def test_no_fact_is_reported_missing_when_it_is_there(converted):
    """Every fact of each block is in the items made from it (in any equivalent form), so convert
    reports nothing: a warning here would be a false alarm or a real loss."""
    result, _ = converted
    assert result.missing_facts == []
