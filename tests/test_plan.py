"""The JSON plan: written from a document, read back unchanged, and checked field by field."""

from __future__ import annotations

import json

import pytest

from easyread.backends import get_backend
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from easyread.pipeline import simplify_document
from easyread.plan import PLAN_FORMAT, InvalidPlan, plan_dict, read_plan, write_plan
from easyread.readers import read_document
from tests.conftest import SEEDS


def small_document(picture_file: str | None = None) -> EasyReadDocument:
    return EasyReadDocument(
        title="Your council tax",
        source_name="letter.docx",
        sections=[EasySection("Paying", [
            Item("You must pay £120 by 1 April 2026.", "money", [HardWord("council tax", "Money for the council.")],
                 ["passive"], picture_file),
            Item("Call us on 01632 960123.", "a telephone"),
        ])],
        glossary=[HardWord("council tax", "Money for the council.")],
        credits=["Pictures: ours."],
        source_facts=[("money", "£120"), ("phone", "01632 960123")],
    )


def test_a_plan_round_trips_unchanged(tmp_path):
    seed = simplify_document(read_document(SEEDS / "council-tax-letter.docx"), get_backend("rules"))
    first = tmp_path / "letter.easyread.json"
    write_plan(seed, first)
    document = read_plan(first)
    assert document == seed
    second = tmp_path / "again.json"
    write_plan(document, second)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_pictures_beside_the_plan_are_written_relative_and_read_back_absolute(tmp_path):
    picture = tmp_path / "pictures" / "money.png"
    picture.parent.mkdir()
    picture.write_bytes(b"not really a png")
    path = tmp_path / "plan.json"
    write_plan(small_document(str(picture)), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["sections"][0]["items"][0]["picture_file"] == "pictures/money.png"
    assert read_plan(path).sections[0].items[0].picture_file == str(picture)


def test_the_plan_says_what_it_is_and_keeps_the_source_facts(tmp_path):
    data = plan_dict(small_document())
    assert data["format"] == PLAN_FORMAT and data["version"] == 2
    assert {"kind": "phone", "text": "01632 960123"} in data["source_facts"]
    assert data["sections"][0]["items"][0]["hard_words"] == [{"word": "council tax", "explanation": "Money for the council."}]


def test_the_plan_carries_the_source_ledger_and_where_each_item_came_from(tmp_path):
    seed = simplify_document(read_document(SEEDS / "council-tax-letter.docx"), get_backend("rules"))
    data = plan_dict(seed)
    ledger = {entry["location"]: entry for entry in data["ledger"]}
    assert ledger["paragraph 19"] == {"location": "paragraph 19", "text": "Dear Ms Whitcombe,", "use": "set aside",
                                      "items": 0, "reason": "letter furniture: greeting"}
    first = data["sections"][0]["items"][0]
    assert first["source"] and all(ledger[location]["use"] == "items" for location in first["source"])


def test_a_version_1_plan_without_sources_or_ledger_still_renders(tmp_path):
    data = plan_dict(small_document())
    data["version"] = 1
    del data["ledger"]
    for section in data["sections"]:
        for item in section["items"]:
            del item["source"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    document = read_plan(path)
    assert document.ledger == [] and all(item.source == [] for item in document.items())


def _broken(tmp_path, change) -> str:
    data = plan_dict(small_document())
    change(data)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidPlan) as raised:
        read_plan(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["sections"][0]["items"][0].__setitem__("source", [3]), "sections[0].items[0].source[0]: must be text"),
    (lambda d: d.__setitem__("ledger", [{"location": "line 1", "text": "x", "use": "lost"}]),
     "ledger[0].use: must be one of"),
    (lambda d: d["sections"][0]["items"][1].__setitem__("sentence", 42), "sections[0].items[1].sentence: must be text"),
    (lambda d: d["sections"][0]["items"][0].__setitem__("sentence", "  "), "sections[0].items[0].sentence: must not be empty"),
    (lambda d: d["sections"][0]["items"][0]["hard_words"][0].pop("word"), "sections[0].items[0].hard_words[0].word: is missing"),
    (lambda d: d["sections"][0].__setitem__("items", "none"), "sections[0].items: must be a list"),
    (lambda d: d.pop("title"), "title: is missing"),
    (lambda d: d.__setitem__("format", "something-else"), "format: must be \"easyread-plan\""),
    (lambda d: d.__setitem__("version", 99), "version: is 99, newer than this easyread reads"),
    (lambda d: d["sections"][0].__setitem__("items", []), "sections: has no items"),
    (lambda d: d["glossary"].append("word"), "glossary[1]: must be a JSON object"),
])
def test_an_invalid_plan_names_the_field(tmp_path, change, expected):
    assert expected in _broken(tmp_path, change)


@pytest.mark.parametrize(("content", "expected"), [
    (b"{not json", "is not valid JSON"),
    (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
    (b"[1, 2, 3]", "the plan: must be a JSON object"),
])
def test_a_file_that_is_not_a_plan_is_one_clear_error(tmp_path, content, expected):
    path = tmp_path / "plan.json"
    path.write_bytes(content)
    with pytest.raises(InvalidPlan, match=expected):
        read_plan(path)


def test_an_items_suggestions_travel_through_the_plan(tmp_path):
    document = small_document()
    item = document.sections[0].items[0]
    item.flags.append("ambiguous-word")
    item.suggestions.append('ambiguous-word "fine" can mean good / a punishment: say "money you must pay"')
    path = tmp_path / "plan.json"
    write_plan(document, path)
    assert json.loads(path.read_text())["sections"][0]["items"][0]["suggestions"] == item.suggestions
    assert read_plan(path).sections[0].items[0].suggestions == item.suggestions


def test_a_plan_without_suggestions_still_reads(tmp_path):
    data = plan_dict(small_document())
    for section in data["sections"]:
        for item in section["items"]:
            del item["suggestions"]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data))
    assert all(item.suggestions == [] for item in read_plan(path).items())
