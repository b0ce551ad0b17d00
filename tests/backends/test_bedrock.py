"""The bedrock backend against the fake server's Bedrock path (/model/<id>/invoke), with a Bedrock API key."""

from __future__ import annotations

import pytest

from easyread.backends import get_backend
from easyread.backends.llm import FALLBACK_FLAG
from easyread.errors import UsageError
from easyread.model import Block, Section

SECTION = Section("Paying", [Block("paragraph", "You must pay £120 by 1 April 2026.")])
MODEL = "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
TOKEN = "bedrock-" + "api-key-" + "FAKE-0123456789"  # joined here, so the file holds no key-shaped text


@pytest.fixture
def bedrock(fake_anthropic, monkeypatch):
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", TOKEN)
    monkeypatch.setenv("AWS_REGION", "eu-west-2")
    monkeypatch.delenv("ANTHROPIC_API_KEY")  # bedrock needs no Anthropic key
    return fake_anthropic


def bedrock_backend(server, **options):
    return get_backend("bedrock", **{"model": MODEL, "base_url": server.url, "retries": 1, **options})


def test_a_section_goes_to_the_model_path_with_the_bedrock_key(bedrock):
    chosen = bedrock_backend(bedrock)
    easy = chosen.simplify(SECTION)
    assert [item.sentence for item in easy.items] == ["You must pay £120 by 1 April 2026."]
    request = bedrock.requests[0]
    assert request.path == f"/model/{MODEL}/invoke"
    assert "anthropic_version" in request.body and "model" not in request.body
    assert request.body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert chosen.cost is not None and chosen.cost > 0  # priced as claude-haiku-4-5


def test_a_failing_server_falls_back_and_the_token_is_hidden(bedrock):
    bedrock.script = [{"status": 500, "echo_headers": True}] * 2
    chosen = bedrock_backend(bedrock)
    easy = chosen.simplify(SECTION)
    assert all(FALLBACK_FLAG in item.flags for item in easy.items)
    assert TOKEN not in chosen.fallbacks[0].reason and "[API key hidden]" in chosen.fallbacks[0].reason


def test_bedrock_needs_a_model_and_a_region(monkeypatch):
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", TOKEN)
    for variable in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(variable, raising=False)
    with pytest.raises(UsageError, match="AWS region"):
        get_backend("bedrock", model=MODEL)
    monkeypatch.setenv("AWS_REGION", "eu-west-2")
    with pytest.raises(UsageError, match="needs a model"):
        get_backend("bedrock")
