"""The rules backend keeps text that is not English as written: no word swapped, no split at
English clause words, no full stop added, facts intact, each item flagged not-english."""

from __future__ import annotations

import importlib.util

import pytest

from easyread.backends.rules import RulesBackend, merge_address_lines, plain_heading
from easyread.model import Block, Section

HAS_CLD2 = importlib.util.find_spec("pycld2") is not None


def items(*blocks: Block):  # type: ignore[no-untyped-def]
    return RulesBackend().simplify(Section("", list(blocks))).items


def test_russian_sentences_are_kept_exactly_and_flagged() -> None:
    text = ("Уважаемые жильцы, 12 мая с 10:00 до 15:00 не будет воды.  Приносим извинения; "
            "пишите на voda@example.org или звоните 01632 960123.")
    made = items(Block("paragraph", text, "paragraph 1"))
    assert [item.sentence for item in made] == [
        "Уважаемые жильцы, 12 мая с 10:00 до 15:00 не будет воды.",
        "Приносим извинения; пишите на voda@example.org или звоните 01632 960123.",
    ]
    assert all(item.flags == ["not-english"] and not item.hard_words for item in made)
    assert all(item.source == ["paragraph 1"] for item in made)


def test_japanese_is_cut_at_its_own_full_stops_and_gets_no_english_full_stop() -> None:
    made = items(Block("paragraph", "来週から収集日が変わります。燃えるごみは火曜日です。", "paragraph 1"))
    assert [item.sentence for item in made] == ["来週から収集日が変わります。", "燃えるごみは火曜日です。"]


def test_a_table_row_not_in_english_stays_one_item() -> None:
    made = items(Block("table_row", "Понедельник: 9:00 - 17:00. Вторник: закрыто.", "table 1 row 2"))
    assert [item.sentence for item in made] == ["Понедельник: 9:00 - 17:00. Вторник: закрыто."]


def test_short_lines_not_in_english_are_not_joined_like_an_address() -> None:
    blocks = [Block("paragraph", line, f"line {n}") for n, line in enumerate(["お知らせ", "市役所", "環境課"], 1)]
    assert [sources for _, sources in merge_address_lines(blocks)] == [["line 1"], ["line 2"], ["line 3"]]


def test_a_heading_not_in_english_is_kept_but_loses_its_number() -> None:
    assert plain_heading("3. УВЕДОМЛЕНИЕ О РЕМОНТЕ") == "УВЕДОМЛЕНИЕ О РЕМОНТЕ"
    assert plain_heading("3. REPAIRS TO YOUR HOME") == "Repairs to your home"  # English still in sentence case


@pytest.mark.skipif(not HAS_CLD2, reason="pycld2 is not installed")
def test_a_welsh_paragraph_is_kept_as_written() -> None:
    text = ("Bydd y cyngor yn casglu eich bin ailgylchu bob dydd Mawrth, ac os oes gennych unrhyw "
            "gwestiynau am y newid, ffoniwch 01632 960777.")
    made = items(Block("paragraph", text, "paragraph 4"))
    assert [(item.sentence, item.flags) for item in made] == [(text, ["not-english"])]
    assert made[0].picture == "a telephone"  # from its phone number; "wag" is no English noun here


def test_english_beside_it_is_still_simplified() -> None:
    made = items(Block("paragraph", "We will purchase new bins.", "paragraph 1"),
                 Block("paragraph", "Мы купим новые баки.", "paragraph 2"))
    assert [(item.sentence, item.flags) for item in made] == [
        ("We will buy new bins.", []), ("Мы купим новые баки.", ["not-english"])]
