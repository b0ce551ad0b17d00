"""Token counts and cost from the price list."""

from __future__ import annotations

import threading

import pytest

from easyread.backends.usage import TokenUsage, estimate_tokens, price_of, prices


def test_every_price_is_complete_and_positive():
    assert "claude-sonnet-5-5" in prices()
    for price in prices().values():
        assert price.input > 0 and price.output > price.input and price.cache_read < price.input


def test_a_dated_model_id_costs_what_its_alias_does():
    assert price_of("claude-haiku-4-5-20251001") == price_of("claude-haiku-4-5")
    assert price_of("some-local-model") is None


def test_cost_adds_every_kind_of_token():
    usage = TokenUsage(input=1_000_000, output=1_000_000, cache_read=1_000_000, cache_write=1_000_000)
    assert usage.cost("claude-sonnet-5-5") == pytest.approx(2.00 + 10.00 + 0.10 + 2.50)
    assert usage.cost("unknown") is None


def test_adding_from_threads_loses_nothing():
    usage = TokenUsage()
    threads = [threading.Thread(target=lambda: [usage.add(input=1, output=2) for _ in range(1000)]) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (usage.input, usage.output, usage.requests) == (8000, 16000, 8000)


def test_an_estimate_is_characters_over_four():
    guess = estimate_tokens("claude-sonnet-5-5", fixed_chars=4000, section_chars=[400, 800])
    assert guess.requests == 2 and guess.input_tokens == 1100 + 1200
    assert guess.cost is not None and guess.cost > 0
