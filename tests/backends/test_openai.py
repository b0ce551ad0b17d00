"""The openai backend against the fake server's OpenAI-compatible endpoint (as Ollama or vLLM serve)."""

from __future__ import annotations

import pytest

from easyread.backends import get_backend
from easyread.backends.llm import FALLBACK_FLAG
from easyread.cli import app
from easyread.errors import UsageError
from easyread.model import Block, Section

pytest.importorskip("openai")

SECTION = Section("Paying", [Block("paragraph", "You must pay £120 by 1 April 2026."),
                             Block("paragraph", "Phone us on 01632 960123.")])


@pytest.fixture
def server(fake_anthropic, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    return fake_anthropic


def openai_backend(server, **options):
    return get_backend("openai", **{"model": "llama3.1", "base_url": server.url + "/v1", "retries": 1, **options})


def test_a_local_server_answers_without_a_key(server):
    chosen = openai_backend(server)
    easy = chosen.simplify(SECTION)
    assert [item.sentence for item in easy.items] == ["You must pay £120 by 1 April 2026.", "Phone us on 01632 960123."]
    request = server.requests[0]
    assert request.body["model"] == "llama3.1"
    assert request.body["messages"][0]["role"] == "system" and "Easy Read" in request.body["messages"][0]["content"]
    assert request.body["response_format"]["json_schema"]["strict"] is True
    assert request.section.startswith("[1] You must pay £120")
    assert chosen.usage.requests == 1 and chosen.usage.input > 0 and chosen.cost is None  # no price for llama3.1


def test_repair_split_and_fallback_work_as_for_every_llm_backend(server):
    server.script = [{"text": "not json"}]
    assert not openai_backend(server).simplify(SECTION).items[0].flags
    assert len(server.requests) == 2 and server.requests[1].body["messages"][-1]["role"] == "user"
    server.requests.clear()
    server.script = [{"stop_reason": "max_tokens", "text": "{"}]
    easy = openai_backend(server, cache=False).simplify(SECTION)
    assert len(server.requests) == 3 and len(easy.items) == 2
    server.script = [{"status": 500}] * 3  # json_schema, json_object, then the schema in the prompt: all refused
    chosen = openai_backend(server, cache=False)
    assert all(FALLBACK_FLAG in item.flags for item in chosen.simplify(SECTION).items)
    assert "500" in chosen.fallbacks[0].reason


def test_answers_from_different_servers_are_cached_apart(server):
    openai_backend(server).simplify(SECTION)
    openai_backend(server).simplify(SECTION)
    assert len(server.requests) == 1
    other = get_backend("openai", model="llama3.1", base_url=server.url + "/v1/")
    other.simplify(SECTION)
    assert len(server.requests) == 2


def test_a_model_and_a_server_or_key_are_needed(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(UsageError, match="needs a model"):
        get_backend("openai")
    with pytest.raises(UsageError, match="--base-url"):
        get_backend("openai", model="gpt-x")


def test_convert_with_openai_end_to_end(runner, tmp_path, server):
    source = tmp_path / "letter.md"
    source.write_text("# Bins\n\nWe collect bins on Tuesday.\nCall 01632 960123.\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(source), "-b", "openai", "--model", "llama3.1",
                                 "--base-url", server.url + "/v1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "letter.easyread.pdf").is_file()
    assert "openai llama3.1: 2 requests;" in result.output  # the plan, then the sections and "cost unknown (no price for llama3.1)" in result.output
