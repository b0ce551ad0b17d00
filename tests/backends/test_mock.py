"""The mock backend: predictable output for tests, and failure on request."""

import pytest

from easyread.backends import get_backend
from easyread.backends.mock import MockBackend, MockBackendError
from easyread.errors import UsageError
from easyread.model import Block, Section


def test_each_sentence_becomes_one_item_unchanged():
    section = Section("Bins", [Block("paragraph", "Dr. Lee said hello. We collect on Tuesday.")])
    easy = get_backend("mock").simplify(section)
    assert easy.heading == "Bins"
    assert [item.sentence for item in easy.items] == ["Dr. Lee said hello.", "We collect on Tuesday."]
    assert [item.picture for item in easy.items] == ["picture 1", "picture 2"]


def test_fails_when_told_to():
    backend = MockBackend(fail_on="explode")
    with pytest.raises(MockBackendError):
        backend.simplify(Section("", [Block("paragraph", "please explode now")]))
    assert backend.calls == 1


def test_unknown_backend_names_the_choices():
    with pytest.raises(UsageError, match="choose from: anthropic, bedrock, mock, openai, rules"):
        get_backend("gpt")
