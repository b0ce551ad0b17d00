"""The rules backend: short plain sentences, facts kept, hard words marked, flags for review."""

from __future__ import annotations

from easyread.backends import get_backend
from easyread.backends.base import Backend
from easyread.backends.rules import RulesBackend, plain_heading
from easyread.language.facts import missing_facts
from easyread.language.sentences import word_count
from easyread.model import Block, Section


def simplify(*texts: str, kind: str = "paragraph"):
    section = Section("", [Block(kind, text) for text in texts])  # type: ignore[arg-type]
    return RulesBackend().simplify(section).items


def sentences(*texts: str, kind: str = "paragraph") -> list[str]:
    return [item.sentence for item in simplify(*texts, kind=kind)]


def test_it_is_a_backend_found_by_name():
    backend = get_backend("rules")
    assert isinstance(backend, Backend)
    assert backend.name == "rules"


def test_a_long_council_sentence_becomes_short_plain_ones():
    source = (
        "In accordance with the Care Act 2014, you are required to notify the council of any change in your "
        "circumstances within 21 days, because failure to do so may result in an overpayment."
    )
    items = simplify(source)
    result = [item.sentence for item in items]
    assert len(result) >= 2
    # Split only at the clause join: the first part stays one sentence, flagged long, not cut into phrases.
    assert result[1].startswith("This is because failure to do so"), result
    assert all("long-sentence" in item.flags for item in items if word_count(item.sentence) > 15)
    joined = " ".join(result)
    assert "in accordance with" not in joined.lower()
    assert "21 days" in joined
    assert missing_facts(source, joined) == []


def test_percentages_abbreviations_and_dates():
    result = " ".join(sentences("About 35% of people said yes, e.g. in Northbrook, by 01/04/2026."))
    assert "35 out of 100" in result
    assert "%" not in result
    assert "e.g." not in result and "for example in northbrook" in result.lower()
    assert "Wednesday 1 April 2026" in result


def test_percentage_items_are_flagged():
    items = simplify("About 35% of people said yes.")
    assert "percentage" in items[0].flags


def test_passive_is_kept_but_flagged():
    items = simplify("Your bins will be collected by the crew on Tuesday.")
    assert items[0].sentence == "Your bins will be collected by the crew on Tuesday."
    assert "passive" in items[0].flags


def test_bracketed_aside_gets_its_own_sentence_only_when_it_is_one():
    # Moved out, "(people who live in Northbrook)" would be a fragment: it stays in its brackets.
    result = sentences("Residents (people who live in Northbrook) can apply for a permit.")
    assert result == ["People (people who live in Northbrook) can apply for a permit."]
    assert sentences("You can pay online (this is the quickest way to pay) or at the office.") == [
        "You can pay online or at the office.", "This is the quickest way to pay."]


def test_web_addresses_emails_and_phones_are_untouched():
    source = "Purchase a permit at www.northbrook.gov.uk/purchase-permit or call 01632 960 123 or email assist@northbrook.gov.uk."
    result = " ".join(sentences(source))
    assert "www.northbrook.gov.uk/purchase-permit" in result
    assert "assist@northbrook.gov.uk" in result
    assert "01632 960 123" in result
    assert result.startswith("Buy a permit")


def test_hard_words_are_marked_and_explained():
    items = simplify("You can pay your council tax by direct debit.")
    words = {hard.word.lower(): hard.explanation for hard in items[0].hard_words}
    assert "council tax" in words and words["council tax"]
    assert "direct debit" in words and words["direct debit"]


def test_a_sentence_that_cannot_be_split_is_flagged():
    source = ("Applicants seeking consideration under the discretionary hardship provisions must demonstrate "
              "exceptional financial circumstances affecting household members including dependants residing elsewhere.")
    items = simplify(source)
    long_items = [item for item in items if word_count(item.sentence) > 15]
    assert long_items
    assert all("long-sentence" in item.flags for item in long_items)


def test_every_item_has_a_picture_description():
    items = simplify("Put your green bin out by 7am on Tuesday.", "Call us on 01632 960 123.")
    assert all(item.picture for item in items)
    assert "clock" in items[0].picture or "bin" in items[0].picture
    assert "telephone" in items[1].picture


def test_short_table_rows_stay_one_item():
    assert sentences("Day: Monday. Bin: Green bin.", kind="table_row") == ["Day: Monday. Bin: Green bin."]


def test_headings_lose_block_capitals_and_hard_words():
    assert plain_heading("HOW TO PAY YOUR COUNCIL TAX") == "How to pay your council tax"
    assert plain_heading("Commencement of the NHS scheme") != "Commencement of the NHS scheme"
    assert "NHS" in plain_heading("Commencement of the NHS scheme")


def test_markup_characters_pass_through_as_text():
    result = " ".join(sentences("Children aged <5 & their carers can come to <b>all</b> sessions."))
    assert "<5" in result and "<b>all</b>" in result


def test_output_is_deterministic():
    source = "Residents are reminded that collections will be suspended on bank holidays, e.g. 25 December."
    assert sentences(source) == sentences(source)


def test_in_block_capitals_an_everyday_word_is_not_taken_for_an_acronym():
    [item] = RulesBackend().simplify_block(Block("paragraph", "SCAN TO SEND AN EMAIL TO THE NHS TEAM", "line 1"))
    assert item.sentence == "Scan to send an email to the NHS team."
    assert [hard.word for hard in item.hard_words] == ["NHS"]


def test_a_list_letter_or_roman_numeral_keeps_its_case():
    assert [item.sentence for item in RulesBackend().simplify_block(Block("list_item", "ii. the second point", "line 1"))] \
        == ["ii. the second point."]


def test_a_quotation_ending_a_sentence_ends_the_item():
    # The quotation is masked while rewriting; its closing full stop still ends the sentence.
    result = sentences("Ann Lee said: “We must think about every way people reach us, not only the web.” "
                       "Her team wrote about it in the spring newsletter.")
    assert result[-1] == "Her team wrote about it in the spring newsletter."
