"""Repeats are said once, the repeat set aside naming the part it repeats; short repeats stay."""

from __future__ import annotations

from pathlib import Path

from easyread.duplicates import set_aside_duplicates
from easyread.model import Block, Section, SourceDocument

BANNER = "Please keep this notice somewhere safe for your own records."


def document(*texts: str) -> SourceDocument:
    blocks = [Block("paragraph", text, f"page {number} paragraph 1") for number, text in enumerate(texts, start=1)]
    return SourceDocument(Path("notice.pdf"), "pdf", "", [Section("", blocks)])


def test_a_paragraph_repeated_word_for_word_is_set_aside_once_said():
    result = set_aside_duplicates(document(BANNER, "The road closes on Monday.", BANNER.upper()))
    assert [block.text for block in result.blocks()] == [BANNER, "The road closes on Monday."]
    [repeat] = result.set_aside
    assert (repeat.location, repeat.reason) == ("page 3 paragraph 1", "the same as page 1 paragraph 1")


def test_short_repeats_and_continuations_stay_because_they_belong_to_different_things():
    texts = ("Drive from Chepstow to the bridge.", "and vice versa.", "Drive from Monmouth to the weir.",
             "and vice versa.", "and then follow the signs back to the main road in the valley.",
             "and then follow the signs back to the main road in the valley.")
    result = set_aside_duplicates(document(*texts))
    assert [block.text for block in result.blocks()] == list(texts)
    assert result.set_aside == []
