"""A deterministic stand-in backend for tests and demos: each source sentence becomes one item.

It makes no changes to the words, so tests can predict its output exactly, and it never fails
unless told to with `fail_on` (text that, when found in a section, raises an error). With `latency`
it sleeps that many seconds for each section, like a request to a language model, so the batch
benchmark and the interrupt tests have something slow to run. With `crash_on` the whole process
ends abruptly, as a worker killed by the system would, to test that a batch survives it.
"""

from __future__ import annotations

import os
import time

from easyread.language.sentences import split_sentences
from easyread.model import EasySection, Item, Section


class MockBackendError(RuntimeError):
    """Raised on purpose by the mock backend, to test how failures are handled."""


class MockBackend:
    name = "mock"

    def __init__(self, fail_on: str | None = None, latency: float = 0.0, crash_on: str | None = None) -> None:
        self.fail_on = fail_on
        self.crash_on = crash_on
        self.latency = latency
        self.calls = 0

    def simplify(self, section: Section) -> EasySection:
        self.calls += 1
        if self.latency > 0:
            time.sleep(self.latency)
        if self.fail_on and self.fail_on in section.text():
            raise MockBackendError(f"mock backend told to fail on {self.fail_on!r}")
        if self.crash_on and self.crash_on in section.text():
            os._exit(70)
        pairs = [(sentence, block.location) for block in section.blocks for sentence in split_sentences(block.text)]
        items = [Item(sentence=sentence, picture=f"picture {number}", source=[location] if location else [])
                 for number, (sentence, location) in enumerate(pairs, start=1)]
        return EasySection(heading=section.heading, items=items)
