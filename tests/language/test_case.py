"""BLOCK CAPITALS become sentence case; names, days, months and acronyms keep their capitals."""

from __future__ import annotations

import pytest

from easyread.language.case import is_block_capitals, sentence_case


@pytest.mark.parametrize(("text", "expected"), [
    ("CHANGES TO YOUR BIN DAY FROM MONDAY 1ST JUNE 2026", "Changes to your bin day from Monday 1st June 2026"),
    ("YOU MAY PAY BY 1 MAY 2026.", "You may pay by 1 May 2026."),
    ("WRITE TO NORTHBROOK COUNCIL", "Write to Northbrook council"),
    ("ASK THE NHS FOR HELP", "Ask the NHS for help"),
])
def test_block_capitals_become_sentence_case(text, expected):
    assert sentence_case(text, frozenset({"NHS"})) == expected


@pytest.mark.parametrize("text", ["Your bin day is Monday.", "Call the NHS or the DWP today.", "OK", "A"])
def test_other_text_is_left_as_it_is(text):
    assert not is_block_capitals(text) or len(text.split()) < 2
    assert sentence_case(text) == text
