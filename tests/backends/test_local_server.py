"""The openai backend against a fake llama.cpp-style server on 127.0.0.1 (tests/backends/fake_llama.py)."""

from __future__ import annotations

import socket

import pytest

from easyread.backends import get_backend
from easyread.backends.llm import FALLBACK_FLAG, RequestRefused
from easyread.backends.local import ServerCannotServe
from easyread.model import Block, Section
from tests.backends.fake_llama import FakeLlama

pytest.importorskip("openai")

ASKED = "llama3.1"  # not the server's name: a local server answers with the model it loaded
SECTION = Section("Bins", [Block("paragraph", "We empty green bins on Thursday."),
                           Block("paragraph", "Phone us on 01632 960 481.")])


def sections(count: int) -> list[Section]:
    return [Section(f"Part {n}", [Block("paragraph", f"This is part number {n} of the letter.")])
            for n in range(count)]


@pytest.fixture(autouse=True)
def one_section_a_request(monkeypatch):
    """These tests count requests per section (JSON modes, order, stopping): each section goes alone
    (grouping neighbours into one request is tested in test_grouping.py)."""
    monkeypatch.setenv("EASYREAD_GROUP_CHARS", "0")


@pytest.fixture
def llama(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    fake = FakeLlama().start()
    yield fake
    fake.stop()


def local(llama, **options):
    return get_backend("openai", **{"model": ASKED, "base_url": llama.url, "retries": 1, **options})


def test_a_refused_json_schema_falls_back_once_to_json_object_with_the_schema(llama):
    chosen = local(llama, cache=False)
    easy = chosen.simplify_all([SECTION, sections(1)[0]])
    assert not chosen.fallbacks and easy[0].items[0].sentence == "We empty green bins on Thursday."
    kinds = [request.body["response_format"]["type"] for request in llama.requests]
    assert kinds == ["json_schema", "json_object", "json_object"]  # asked once, then the mode is kept
    assert llama.requests[1].body["response_format"]["schema"]["type"] == "object"
    mode_lines = [line for line in chosen.notices if "answers are asked for as" in line]
    assert len(mode_lines) == 1 and "\n" not in mode_lines[0]
    assert "refused response_format json_schema (500: ValueError: response_format type json_schema is not " \
           "supported)" in mode_lines[0] and "json_object" in mode_lines[0]


def test_a_server_taking_no_response_format_gets_the_schema_in_the_prompt(llama):
    llama.refuse = ("json_schema", "json_object")
    chosen = local(llama, cache=False)
    assert len(chosen.simplify(SECTION).items) == 2 and not chosen.fallbacks
    last = llama.requests[-1].body
    assert len(llama.requests) == 3 and "response_format" not in last
    assert "It must follow this JSON schema" in last["messages"][1]["content"]
    assert any("plain JSON, with the schema written in the prompt" in line for line in chosen.notices)


def test_json_schema_taken_is_said_once_and_kept(llama):
    llama.refuse = ()
    chosen = local(llama, cache=False)
    chosen.simplify_all(sections(3))
    assert [request.body["response_format"]["type"] for request in llama.requests] == ["json_schema"] * 3
    assert sum("answers are asked for as JSON of the schema" in line for line in chosen.notices) == 1


def test_an_answer_from_another_model_is_said_once_and_cached_under_that_model(llama):
    chosen = local(llama)
    chosen.simplify_all(sections(2))
    warnings = [line for line in chosen.notices if "answered with model" in line]
    assert warnings == [f"warning: openai: the server answered with model '{llama.model_name}', not '{ASKED}' "
                        "(--model): a local server answers with the model it loaded, whatever the name asked for; "
                        f"answers are cached as '{llama.model_name}''s"]
    sent = len(llama.requests)
    again = local(llama)
    again.simplify_all(sections(2))
    assert len(llama.requests) == sent  # the same model is loaded: from the cache
    llama.model_name = "models/another-model-q8_0.gguf"  # the server restarted with another model
    other = local(llama)
    other.simplify_all(sections(2))
    assert len(llama.requests) > sent  # not the first model's answers from the cache
    assert any("another-model" in line for line in other.notices)


def test_the_model_asked_for_gives_no_warning(llama):
    chosen = get_backend("openai", model="tiny-chat-q4_k_m", base_url=llama.url)
    chosen.simplify(SECTION)
    assert not any("answered with model" in line for line in chosen.notices)


def test_max_tokens_is_sent_and_a_local_server_has_its_own_default(llama):
    local(llama, cache=False).simplify(SECTION)
    local(llama, cache=False, max_tokens=700).simplify(SECTION)
    assert llama.requests[0].body["max_tokens"] == 2048 and llama.requests[-1].body["max_tokens"] == 700


def test_local_defaults_and_cloud_defaults(llama, monkeypatch):
    chosen = local(llama)
    assert (chosen.jobs, chosen.timeout, chosen.max_tokens) == (1, 600.0, 2048)
    assert any("1 request at a time, a 600 s timeout" in line for line in chosen.notices)
    given = local(llama, jobs=3, timeout=30.0)
    assert (given.jobs, given.timeout) == (3, 30.0) and not given.notices
    monkeypatch.setenv("OPENAI_API_KEY", "fake-test-key-not-real")
    cloud = get_backend("openai", model="gpt-x")
    assert (cloud.jobs, cloud.timeout, cloud.max_tokens) == (4, 120.0, 8192) and not cloud.notices


def test_a_timed_out_request_is_not_sent_again(llama):
    llama.refuse = ()
    llama.script = [{"delay": 1.0}]
    chosen = local(llama, timeout=0.15, retries=2, cache=False)
    easy = chosen.simplify(SECTION)
    assert len(llama.requests) == 1 and all(FALLBACK_FLAG in item.flags for item in easy.items)
    assert chosen.fallbacks[0].reason.startswith("no answer within 0.15 s; not sent again")


def test_a_loading_server_is_asked_again(llama):
    llama.refuse = ()
    llama.script = [{"status": 503, "retry_after": "0.05"}]
    chosen = local(llama, cache=False)
    assert not chosen.simplify(SECTION).items[0].flags and len(llama.requests) == 2


def test_a_context_overflow_is_reported_as_one(llama):
    llama.refuse = ()
    chosen = local(llama, cache=False)
    llama.n_ctx = len(chosen.prompts.system) // 4 + 400  # the rules and a short section fit; a long one does not
    long = Section("Long", [Block("paragraph", "We collect the green bins from every house in the town. " * 40)])
    easy = chosen.simplify_all([SECTION, long])
    assert not easy[0].items[0].flags and FALLBACK_FLAG in easy[1].items[0].flags
    reason = chosen.fallbacks[0].reason
    assert reason.startswith("context overflow: the request does not fit the server's context (")
    assert f"for a context of {llama.n_ctx:,})" in reason and "token limit" not in reason


def test_a_context_too_small_for_the_rules_stops_after_the_first_section(llama):
    llama.n_ctx = 300
    chosen = local(llama, cache=False)
    with pytest.raises(ServerCannotServe, match="the rules alone do not fit, so every section would overflow"):
        chosen.simplify_all(sections(4))
    assert {request.section for request in llama.requests} == {"[1] This is part number 0 of the letter."}


def test_a_server_that_is_not_there_stops_after_the_first_section(monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    chosen = get_backend("openai", model=ASKED, base_url=f"http://127.0.0.1:{port}/v1", retries=1, jobs=2)
    with pytest.raises(ServerCannotServe) as raised:
        chosen.simplify_all(sections(5))
    message = raised.value.message()
    assert "cannot reach the server at http://127.0.0.1:" in message and "is the server running?" in message
    assert "\n" not in message and raised.value.exit_code == 2


def test_a_wrong_model_name_a_server_refuses_still_stops(llama):
    llama.refuse = ()
    llama.default = lambda request: {"status": 404}
    with pytest.raises(RequestRefused):
        local(llama, cache=False).simplify_all(sections(3))
    assert len(llama.requests) == 1


def test_fallback_reasons_are_one_line_in_document_order(llama):
    llama.refuse = ("json_schema", "json_object")

    def by_part(request):
        number = int(request.section.split()[5])
        return {"delay": 0.15 if number == 0 else 0.0, "text": "not json"} if number in (0, 2) else {}

    llama.default = by_part
    chosen = local(llama, jobs=3, cache=False)
    chosen.simplify_all(sections(4))
    assert [fallback.heading for fallback in chosen.fallbacks] == ["Part 0", "Part 2"]
    assert all("\n" not in fallback.reason for fallback in chosen.fallbacks)


def test_a_chat_template_that_drops_the_system_message_gets_the_rules_in_the_user_turn(llama):
    llama.refuse = ()
    llama.drop_system = True
    chosen = local(llama, cache=False)
    chosen.simplify_all(sections(2))
    assert [request.body["messages"][0]["role"] for request in llama.requests] == ["system", "user", "user"]
    assert llama.requests[1].body["messages"][0]["content"].startswith(chosen.prompts.system.strip()[:40])
    assert any("drops the system message" in line for line in chosen.notices)


def test_a_chat_template_that_refuses_a_system_message_gets_the_rules_in_the_user_turn(llama):
    llama.refuse = ()
    llama.refuse_system = True
    chosen = local(llama, cache=False)
    assert not chosen.simplify(SECTION).items[0].flags
    assert [request.body["messages"][0]["role"] for request in llama.requests] == ["system", "user"]
    assert any("refused a system message (Conversation roles must alternate" in line for line in chosen.notices)


def test_a_system_message_kept_is_left_where_it_is(llama):
    llama.refuse = ()
    chosen = local(llama, cache=False)
    chosen.simplify_all(sections(2))
    assert all(request.body["messages"][0]["role"] == "system" for request in llama.requests)
    assert not any("system message" in line for line in chosen.notices)
