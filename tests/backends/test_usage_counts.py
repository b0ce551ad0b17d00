"""Usage counts every request sent, the SDK's retries and failed requests included (their tokens
are unknown), for each SDK backend; and convert's report says so, with one line per section kept
with flags and per section that fell back. Against the fake server; no network."""

from __future__ import annotations

import pytest

from easyread.backends import get_backend
from easyread.cli import app
from easyread.model import Block, Section

SECTION = Section("Green bins", [Block("paragraph", "We empty green bins on 9 June 2026.")])


def test_failed_requests_count_in_usage(fake_anthropic):
    fake_anthropic.script = [{"status": 529}] * 3
    chosen = get_backend("anthropic", retries=2, timeout=5.0)
    chosen.simplify(SECTION)
    assert len(fake_anthropic.requests) == 3 and chosen.fallbacks
    assert chosen.usage.requests == 3 and chosen.usage.total == 0  # sent, failed, no tokens known


def test_retried_then_answered_counts_every_request_and_the_answer_tokens(fake_anthropic):
    fake_anthropic.script = [{"status": 529}, {"status": 529}]
    chosen = get_backend("anthropic", retries=2, timeout=5.0)
    chosen.simplify(SECTION)
    assert len(fake_anthropic.requests) == 3 and not chosen.fallbacks
    assert chosen.usage.requests == 3 and chosen.usage.output > 0


def test_failed_requests_count_for_the_openai_backend(fake_anthropic, monkeypatch):
    pytest.importorskip("openai")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    fake_anthropic.script = [{"status": 500}] * 2
    chosen = get_backend("openai", model="llama3.1", base_url=fake_anthropic.url + "/v1", retries=1, timeout=5.0)
    chosen.simplify(SECTION)
    sent = [request for request in fake_anthropic.requests if request.path.endswith("/chat/completions")]
    # a local server that answers 500 is also asked in its other JSON modes (backends/local.py): each one counts
    assert len(sent) >= 2 and chosen.usage.requests == len(sent)


def test_failed_requests_count_for_the_bedrock_backend(fake_anthropic, monkeypatch):
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", "bedrock-" + "api-key-" + "FAKE-0123456789")
    monkeypatch.setenv("AWS_REGION", "eu-west-2")
    fake_anthropic.script = [{"status": 529}] * 2
    chosen = get_backend("bedrock", model="eu.anthropic.claude-haiku-4-5-20251001-v1:0", base_url=fake_anthropic.url,
                         retries=1, timeout=5.0)
    chosen.simplify(SECTION)
    assert len(fake_anthropic.requests) == 2 and chosen.usage.requests == 2


LETTER = """# Green bins

## When we come

We empty green bins on 9 June 2026.

## If we miss your bin

Ring 01632 960457 if we miss your bin.

## What goes in

Grass and leaves go in the green bin.
"""
LONG = "We will come along to your street and empty all of the green garden waste bins on Tuesday 9 June 2026."


def test_convert_reports_every_request_and_each_kept_and_fallen_back_section(runner, tmp_path, fake_anthropic,
                                                                           monkeypatch):
    monkeypatch.setenv("EASYREAD_GROUP_CHARS", "0")  # one request a section, each answered its own way
    source = tmp_path / "bins.md"
    source.write_text(LETTER, encoding="utf-8")

    def answer(request):
        if "9 June 2026" in request.section:  # kept: still one long sentence after its repair
            return {"answer": {"heading": "When we come", "items": [
                {"sentence": LONG, "picture": "a bin lorry", "hard_words": [], "words_avoided": [],
                 "source_blocks": [1]}]}}
        if "01632 960457" in request.section:  # fails past the retries: falls back
            return {"status": 529}
        return {}

    fake_anthropic.default = answer
    result = runner.invoke(app, ["convert", str(source), "-b", "anthropic", "--retries", "1", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    sent = len(fake_anthropic.requests)
    assert sent == 1 + 2 + 2 + 1  # the plan; answer and repair; two tries that failed; one good answer
    assert f"anthropic claude-sonnet-5-5: {sent} requests;" in result.output
    lines = result.output.splitlines()
    kept = lines.index(f"{source}: 1 of 3 sections kept the model's answer with items flagged for review:")
    assert lines[kept + 1] == "  When we come: item 1 has 21 words (long-sentence)"
    fell = lines.index(f"warning: {source}: 1 of 3 sections were converted by the rules backend instead "
                       "(their items are flagged rules-fallback):")
    assert lines[fell + 1].startswith("  If we miss your bin: the server answered 529 (Overloaded)")
    assert len(lines) == fell + 2 or not lines[fell + 2].startswith(" ")  # one line for the section
