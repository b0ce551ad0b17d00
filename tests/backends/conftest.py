"""Fixtures for the LLM backend tests: the fake Messages API, a fake key, a cache in tmp_path."""

from __future__ import annotations

import pytest

from tests.backends.fake_anthropic import FakeAnthropic

FAKE_KEY = "fake-test-key-not-real-0123456789abcdef"  # not shaped like a real key, so no scanner mistakes it
NOWHERE = "http://127.0.0.1:9"  # the discard port: a request that escapes a test fails at once, offline


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    """No backend test reaches a real API or the user's own cache, whatever the environment says."""
    for variable in ("ANTHROPIC_BASE_URL", "OPENAI_BASE_URL", "ANTHROPIC_BEDROCK_BASE_URL"):
        monkeypatch.setenv(variable, NOWHERE)
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def fake_anthropic(monkeypatch, tmp_path):
    """A running fake server; the SDK points at it, with a fake key and a cache of our own."""
    fake = FakeAnthropic().start()
    monkeypatch.setenv("ANTHROPIC_BASE_URL", fake.url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_KEY)
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path / "cache"))
    for variable in ("ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_PROFILE", "ANTHROPIC_CONFIG_DIR"):
        monkeypatch.delenv(variable, raising=False)
    yield fake
    fake.stop()
