"""Recorded good answers, replayed through the real Anthropic SDK against the loopback server.

`tests/backends/recorded/` holds, for three seeds, the answers a careful strong model would give
when following prompts/v3 (written blind, from the prompts and the documents' text alone: see its
README). Replayed, a good answer must never cause a repair round or a fallback, no section may be
kept with flags, and every fact of the source must be reported present where it belongs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from easyread.backends import get_backend
from easyread.language.clock import with_easy_read_times
from easyread.pipeline import convert

RECORDED = Path(__file__).parent / "recorded"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SECTION_IN_REQUEST = re.compile(r"Heading: ([^\n]*)\n<source_section>\n(.*?)</source_section>", re.DOTALL)
RECORDINGS = sorted(RECORDED.glob("*.json"))


class Replay:
    """The fake server's answers from one recording: the plan for the planning request, and for a
    request of sections the recorded answer of each, found by its heading and numbered blocks."""

    def __init__(self, recording: dict[str, Any]) -> None:
        self.plan = recording["plan"]
        self.answers = {(section["heading"], section["source"].strip()): section["answer"]
                        for section in recording["sections"]}
        self.missed: list[str] = []

    def __call__(self, request: Any) -> dict[str, Any]:
        if request.is_plan:
            return {"answer": self.plan}
        answers = []
        for heading, body in SECTION_IN_REQUEST.findall(request.request_text):
            key = ("" if heading == "(none)" else heading, body.strip())
            if key not in self.answers:
                self.missed.append(f"{heading}: {body[:60]}")
                return {"status": 400}  # no recording: the test fails below, saying which section
            answers.append(self.answers[key])
        return {"answer": {"sections": answers}}


def repairs(requests: list[Any]) -> int:
    """Requests that carry a repair round (more than one user turn)."""
    return sum(1 for request in requests
               if sum(1 for message in request.body["messages"] if message["role"] == "user") > 1)


@pytest.fixture(params=RECORDINGS, ids=[path.stem for path in RECORDINGS])
def recording(request) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return json.loads(request.param.read_text(encoding="utf-8"))


def test_the_recordings_cover_three_seeds():
    assert len(RECORDINGS) == 3
    for path in RECORDINGS:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert (SEEDS / data["seed"]).is_file() and data["plan"]["opening"] and data["sections"]


def test_a_good_answer_causes_no_repair_and_no_fallback(recording, fake_anthropic, tmp_path):
    replay = Replay(recording)
    fake_anthropic.default = replay
    backend = get_backend("anthropic", cache=False, jobs=1)
    result = convert(SEEDS / recording["seed"], tmp_path, backend=backend, formats=("json",))
    assert replay.missed == []  # every request was one the recording answers
    assert repairs(fake_anthropic.requests) == 0
    assert result.fallbacks == [] and result.kept == []
    assert result.missing_facts == []  # every fact of the source is in the items made from its part
    assert backend.plan_problem is None
    document = json.loads(result.outputs["json"].read_text(encoding="utf-8"))
    assert document["title"] == recording["plan"]["title"]
    # the model's words, with times written the Easy Read way ("12pm" -> "midday": language.clock)
    assert [item["sentence"] for item in document["opening"]] == \
        [with_easy_read_times(item["sentence"]) for item in recording["plan"]["opening"]]
    items = [item for section in document["sections"] for item in section["items"]]
    assert not any("rules-fallback" in item["flags"] for item in items)
    recorded = [item["sentence"] for section in recording["sections"] for item in section["answer"]["items"]]
    assert [item["sentence"] for item in items][:len(recorded)] == \
        [with_easy_read_times(sentence) for sentence in recorded]  # the model's words, in order
    assert len(fake_anthropic.requests) == 2  # the plan, then the whole (short) document in one request
