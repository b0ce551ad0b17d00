"""Fixtures shared by the picture tests."""

from __future__ import annotations

import pytest

from tests.pictures.fake_images import FakeImages


@pytest.fixture
def fake():
    """A loopback server answering as Bedrock's and OpenAI's image APIs do, stopped after the test."""
    server = FakeImages().start()
    yield server
    server.stop()
