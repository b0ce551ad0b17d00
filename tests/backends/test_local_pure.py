"""The pure parts of local-server handling: which URLs are local, model names, overflow shapes, one-line reasons."""

from __future__ import annotations

import pytest

from easyread.backends import chat_format
from easyread.backends.local import (
    ContextOverflow,
    context_overflow,
    fixed_part_overflows,
    is_local,
    local_defaults,
    same_model,
    short_reason,
)
from easyread.backends.section_pool import in_document_order


@pytest.mark.parametrize("url", ["http://localhost:11434/v1", "http://127.0.0.1:8080/v1", "http://[::1]:8000/v1",
                                 "http://192.168.1.20:8000/v1", "http://10.0.0.7/v1", "http://172.16.4.2:8080",
                                 "http://gpu-box.local:8080/v1", "127.0.0.1:8080"])
def test_servers_on_this_machine_or_network_are_local(url):
    assert is_local(url)
    assert local_defaults(url).jobs == 1 and local_defaults(url).timeout == 600


@pytest.mark.parametrize("url", [None, "", "https://api.openai.com/v1", "https://8.8.8.8/v1",
                                 "https://localhost.example.com/v1", "http://172.32.0.1/v1"])
def test_cloud_servers_are_not_local(url):
    assert not is_local(url) and local_defaults(url) is None


@pytest.mark.parametrize(("asked", "answered", "same"), [
    ("llama3.1", "llama3.1", True), ("llama3.1", "llama3.1:latest", True), ("gpt-4o", "gpt-4o-2024-08-06", True),
    ("tiny-chat-q4_k_m", "models/tiny-chat-q4_k_m.gguf", True), ("llama3.1", None, True),
    ("llama3.1", "models/tiny-chat-q4_k_m.gguf", False), ("qwen2.5", "qwen2", False), ("gpt-4o", "gpt-4o-mini", False),
    ("qwen2.5-1.5b-instruct", "/models/qwen2.5-1.5b-instruct-q4_k_m.gguf", True),
    ("qwen2.5-1.5b-instruct", "qwen2.5-1.5b-instruct-f16.gguf", True), ("qwen2.5-1.5b", "qwen2.5-1.5b-instruct", False),
])
def test_the_model_that_answered_is_compared_with_the_one_asked(asked, answered, same):
    assert same_model(asked, answered) is same


def test_llama_cpp_context_overflow_shape():
    body = {"error": {"code": 400, "message": "the request exceeds the available context size, try increasing it",
                      "type": "exceed_context_size_error", "n_prompt_tokens": 1407, "n_ctx": 256}}
    overflow = context_overflow(body)
    assert overflow == ContextOverflow(1407, 256)
    assert overflow.reason().startswith("context overflow: the request does not fit the server's context "
                                        "(1,407 tokens for a context of 256)")


@pytest.mark.parametrize(("message", "expected"), [
    ("Requested tokens (2285) exceed context window of 2048", ContextOverflow(2285, 2048)),  # llama-cpp-python
    ("This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the "
     "messages, 1000 in the completion).", ContextOverflow(5000, 4096)),  # vLLM, OpenAI
])
def test_other_servers_context_overflow_messages(message, expected):
    assert context_overflow({"error": {"message": message}}) == expected


def test_other_errors_are_not_overflows():
    assert context_overflow({"error": {"message": "fake error 500", "type": "server_error"}}) is None
    assert context_overflow({"error": {"code": "context_length_exceeded", "message": "too long"}}) == ContextOverflow()


def test_an_overflow_of_the_fixed_part_is_one_every_section_hits():
    assert fixed_part_overflows(ContextOverflow(1200, 512), fixed_chars=4000, sent_chars=4400)
    assert not fixed_part_overflows(ContextOverflow(1200, 1100), fixed_chars=4000, sent_chars=4800)
    assert not fixed_part_overflows(ContextOverflow(None, 512), fixed_chars=4000, sent_chars=4400)


def test_a_traceback_becomes_its_last_line():
    text = ('Internal error\nTraceback (most recent call last):\n  File "app.py", line 3, in f\n    g()\n'
            "ValueError: response_format type json_schema is not supported\n")
    assert short_reason(text) == "Internal error: ValueError: response_format type json_schema is not supported"
    assert short_reason("first line\n\nsecond line") == "first line"
    assert len(short_reason("x" * 500, limit=50)) == 50 and "\n" not in short_reason("a\nb")


def test_json_modes_shape_the_request():
    schema = {"type": "object"}
    assert chat_format.response_format("json_schema", schema)["json_schema"]["strict"] is True
    assert chat_format.response_format("json_object", schema) == {"type": "json_object", "schema": schema}
    assert chat_format.response_format("prompt", schema) is None
    messages = chat_format.messages_for("RULES", [("user", "SECTION")], "prompt", schema, system_in_user=False)
    assert messages[0] == {"role": "system", "content": "RULES"}
    assert messages[1]["content"].startswith("SECTION") and '{"type":"object"}' in messages[1]["content"]
    moved = chat_format.messages_for("RULES", [("user", "SECTION"), ("assistant", "{}"), ("user", "FIX")],
                                     "json_schema", schema, system_in_user=True)
    assert [m["role"] for m in moved] == ["user", "assistant", "user"] and moved[0]["content"] == "RULES\n\nSECTION"


def test_a_dropped_system_message_is_told_from_the_prompt_tokens():
    assert chat_format.system_dropped(prompt_tokens=160, system_chars=3700, other_chars=600) is True
    assert chat_format.system_dropped(prompt_tokens=1100, system_chars=3700, other_chars=600) is False
    assert chat_format.system_dropped(prompt_tokens=None, system_chars=3700, other_chars=600) is None
    assert chat_format.system_dropped(prompt_tokens=3000, system_chars=3700, other_chars=9000) is None  # cannot tell
    assert chat_format.is_role_error("Conversation roles must alternate user/assistant/user/assistant/...")
    assert not chat_format.is_role_error("fake error 500")


def test_fallbacks_are_put_in_document_order():
    finished = ["C", "A", "B"]  # the order the sections fell back in, by heading
    assert in_document_order(finished, ["A", "B", "C"], str) == ["A", "B", "C"]
    assert in_document_order(["X", "A"], ["A"], str) == ["A", "X"]  # unknown headings last
    assert in_document_order(["A2", "A1"], ["A", "A"], lambda entry: entry[0]) == ["A2", "A1"]
