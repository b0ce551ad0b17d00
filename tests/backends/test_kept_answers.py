"""An LLM answer is kept whenever it is usable: after its one repair round, an answer that still
breaks only soft rules is kept with its items flagged (and the section reported); only an answer
that is not JSON, has no items, leaves a block out, or loses or invents a fact falls back.
Against the fake Messages API; invented wording and facts."""

from __future__ import annotations

from easyread.backends import get_backend
from easyread.backends.anthropic import AnthropicBackend
from easyread.backends.llm import FALLBACK_FLAG
from easyread.model import Block, Section

SECTION = Section("Green bins", [
    Block("paragraph", "We empty green bins on 9 June 2026."),
    Block("paragraph", "Ring 01632 960457 if we miss your bin."),
])
LONG = "We will come along to your street and empty all of the green garden waste bins on Tuesday 9 June 2026."


def item(sentence: str, block: int, picture: str = "a green bin") -> dict:
    return {"sentence": sentence, "picture": picture, "hard_words": [], "words_avoided": [], "source_blocks": [block]}


def reply(*items: dict) -> dict:
    return {"answer": {"heading": "Green bins", "items": list(items)}}


GOOD_SECOND = item("Ring 01632 960457 if we miss your bin.", 2)


def backend(**options) -> AnthropicBackend:
    chosen = get_backend("anthropic", **{"retries": 0, "timeout": 5.0, "jobs": 1, **options})
    assert isinstance(chosen, AnthropicBackend)
    return chosen


def test_a_sentence_still_too_long_after_the_repair_is_kept_and_flagged(fake_anthropic):
    fake_anthropic.script = [reply(item(LONG, 1), GOOD_SECOND)] * 2
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert len(fake_anthropic.requests) == 2  # the answer and its one repair round
    assert [entry.sentence for entry in easy.items] == [LONG, "Ring 01632 960457 if we miss your bin."]
    assert "long-sentence" in easy.items[0].flags and FALLBACK_FLAG not in easy.items[0].flags
    assert easy.items[1].flags == []
    assert not chosen.fallbacks
    assert [(kept.heading, kept.reason) for kept in chosen.kept] == [
        ("Green bins", "item 1 has 21 words (long-sentence)")]


def test_no_picture_description_is_kept_and_flagged(fake_anthropic):
    fake_anthropic.script = [reply(item("We empty green bins on Tuesday 9 June 2026.", 1, picture=""), GOOD_SECOND)] * 2
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert easy.items[0].flags == ["no-picture"] and not chosen.fallbacks
    assert "no picture description (no-picture)" in chosen.kept[0].reason


def test_a_repair_that_is_not_json_keeps_the_usable_first_answer(fake_anthropic):
    fake_anthropic.script = [reply(item(LONG, 1), GOOD_SECOND), {"text": "Sorry, here it is: {"}]
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert easy.items[0].sentence == LONG and "long-sentence" in easy.items[0].flags
    assert not chosen.fallbacks and len(chosen.kept) == 1


def test_a_failed_repair_request_keeps_the_usable_first_answer(fake_anthropic):
    fake_anthropic.script = [reply(item(LONG, 1), GOOD_SECOND), {"status": 500}]
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert easy.items[0].sentence == LONG and not chosen.fallbacks
    assert len(fake_anthropic.requests) == 2


def test_a_better_repair_is_used_and_nothing_is_reported(fake_anthropic):
    fake_anthropic.script = [reply(item(LONG, 1), GOOD_SECOND),
                             reply(item("We empty green bins on Tuesday 9 June 2026.", 1), GOOD_SECOND)]
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert easy.items[0].sentence == "We empty green bins on Tuesday 9 June 2026." and easy.items[0].flags == []
    assert not chosen.kept and not chosen.fallbacks


def test_an_empty_item_is_left_out_when_the_rest_is_usable(fake_anthropic):
    fake_anthropic.script = [reply(item("We empty green bins on Tuesday 9 June 2026.", 1), item("", 1),
                                   GOOD_SECOND)] * 2
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert len(easy.items) == 2 and not chosen.fallbacks
    assert "item 2 has no sentence (left out)" in chosen.kept[0].reason


def test_a_fact_still_missing_after_the_repair_falls_back(fake_anthropic):
    fake_anthropic.script = [reply(item("We empty green bins in June.", 1), GOOD_SECOND)] * 2
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert all(FALLBACK_FLAG in entry.flags for entry in easy.items) and not chosen.kept
    assert chosen.fallbacks[0].reason == ('the answer broke the rules after a repair: block [1] lost "9 June 2026"')


def test_a_block_in_no_item_after_the_repair_falls_back(fake_anthropic):
    fake_anthropic.script = [reply(GOOD_SECOND)] * 2
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert all(FALLBACK_FLAG in entry.flags for entry in easy.items)
    assert "block [1] is in no item" in chosen.fallbacks[0].reason


def test_an_invented_date_or_amount_gets_a_repair(fake_anthropic):
    """The issue's case: a model copied a worked example's date and amount into another letter."""
    fake_anthropic.script = [reply(item("We empty green bins on Tuesday 9 June 2026.", 1),
                                   item("We stop on Monday 21 December 2026.", 1),
                                   item("It costs £47 a year.", 1), GOOD_SECOND)]
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert len(fake_anthropic.requests) == 2
    repair = fake_anthropic.requests[1].body["messages"][2]["content"]
    assert 'Item 2 has facts the section does not give: "Monday 21 December 2026"' in repair
    assert 'Item 3 has facts the section does not give: "£47"' in repair
    # the fake server's second answer is the section's own sentences: no invented fact, so it is used
    assert [entry.sentence for entry in easy.items] == ["We empty green bins on 9 June 2026.",
                                                        "Ring 01632 960457 if we miss your bin."]
    assert not chosen.fallbacks and not chosen.kept


def test_an_invented_fact_still_there_after_the_repair_falls_back(fake_anthropic):
    invented = reply(item("We empty green bins on Tuesday 9 June 2026.", 1), item("It costs £47 a year.", 1),
                     GOOD_SECOND)
    fake_anthropic.script = [invented, invented]
    chosen = backend()
    easy = chosen.simplify(SECTION)
    assert all(FALLBACK_FLAG in entry.flags for entry in easy.items)
    assert chosen.fallbacks[0].reason == 'the answer broke the rules after a repair: item 2 adds "£47"'


def test_a_kept_answer_from_the_cache_is_flagged_and_reported_again(fake_anthropic):
    fake_anthropic.script = [reply(item(LONG, 1), GOOD_SECOND)] * 2
    backend().simplify(SECTION)
    again = backend()
    easy = again.simplify(SECTION)
    assert len(fake_anthropic.requests) == 2  # the second conversion sent nothing
    assert "long-sentence" in easy.items[0].flags and len(again.kept) == 1


def test_a_fallback_reason_is_one_line(fake_anthropic):
    fake_anthropic.script = [{"status": 500, "say": "Traceback (most recent call last):\n  File x\nValueError: boom"}]
    chosen = backend()
    chosen.simplify(SECTION)
    reason = chosen.fallbacks[0].reason
    # one line, and of a server's traceback only its last line, the error itself (backends/local.short_reason)
    assert "\n" not in reason and "Traceback" not in reason
    assert reason.endswith("(ValueError: boom)")
