"""How an OpenAI-compatible request asks for its JSON, and where the rules go in it.

Three ways to ask for an answer of the schema, tried in this order until a server takes one:
1. `json_schema`: response_format {"type": "json_schema", ...}, strict (OpenAI, vLLM, Ollama,
   recent llama-server);
2. `json_object`: response_format {"type": "json_object", "schema": ...} (llama-cpp-python, which
   answers 500 to json_schema, and older llama-server, which answers 500 "response_format type must
   be one of "text" or "json_object"");
3. `prompt`: no response_format; the schema is written into the user turn, and the answer checks
   (answer.py) do the rest.

The rules (the system prompt) go in the system message. Some chat templates drop a system message
without a word, and a model then follows none of the rules; `system_dropped` tells that from the
prompt tokens the server counted, and `messages_for` can then put the rules at the top of the
first user turn instead. Why detect rather than always repeat the rules in the user turn:
repeating them doubles the biggest part of every prompt (about 935 tokens, read at CPU speed on a
local server), while moving them costs nothing and is needed only by the templates that drop them.
"""

from __future__ import annotations

import json
import re
from typing import Any

JSON_SCHEMA = "json_schema"
JSON_OBJECT = "json_object"
IN_PROMPT = "prompt"
MODES = (JSON_SCHEMA, JSON_OBJECT, IN_PROMPT)
MODE_WORDS = {
    JSON_SCHEMA: "JSON of the schema (response_format json_schema)",
    JSON_OBJECT: "a JSON object with the schema (response_format json_object)",
    IN_PROMPT: "plain JSON, with the schema written in the prompt (no response_format)",
}
# What a server that does not take a response_format answers: 400 or 422 (a request it cannot
# read), 500 (llama-cpp-python, older llama-server), 501 (not implemented).
REFUSAL_STATUSES = (400, 422, 500, 501)
SCHEMA_NAME = "easy_read_answer"
_ROLE_ERROR = re.compile(r"roles? must alternate|system (?:role|message)s? (?:is |are )?not supported|"
                         r"unsupported role", re.I)


def response_format(mode: str, schema: dict[str, Any]) -> dict[str, Any] | None:
    """The request's response_format for `mode` (None: send none)."""
    if mode == JSON_SCHEMA:
        return {"type": "json_schema", "json_schema": {"name": SCHEMA_NAME, "schema": schema, "strict": True}}
    if mode == JSON_OBJECT:
        return {"type": "json_object", "schema": schema}
    return None


def schema_instruction(schema: dict[str, Any]) -> str:
    """The words added to the user turn when the server takes no response_format."""
    return ("Answer with one JSON object and nothing else: no words before or after it, no code fence. "
            "It must follow this JSON schema:\n" + json.dumps(schema, ensure_ascii=False, separators=(",", ":")))


def messages_for(system: str, turns: list[tuple[str, str]], mode: str, schema: dict[str, Any],
                 system_in_user: bool) -> list[dict[str, str]]:
    """The chat messages: the rules as a system message (or, with `system_in_user`, at the top of the
    first user turn), then `turns` ((role, text) pairs), the schema added to the first user turn in
    the `prompt` mode."""
    messages = [{"role": role, "content": text} for role, text in turns]
    first_user = next((message for message in messages if message["role"] == "user"), None)
    if first_user is not None and mode == IN_PROMPT:
        first_user["content"] = first_user["content"].rstrip("\n") + "\n\n" + schema_instruction(schema)
    if system_in_user and first_user is not None:
        first_user["content"] = f"{system}\n\n{first_user['content']}"
        return messages
    return [{"role": "system", "content": system}, *messages]


def is_role_error(message: str) -> bool:
    """Whether a server's error says its chat template takes no system message ("Conversation
    roles must alternate user/assistant/user/assistant/...", "System role not supported")."""
    return bool(_ROLE_ERROR.search(message))


def system_dropped(prompt_tokens: int | None, system_chars: int, other_chars: int) -> bool | None:
    """Whether the server left the system message out, from the prompt tokens it counted: True,
    False, or None when the counts cannot tell (no count, or a section too long beside the rules).

    English takes 3 to 5 characters a token. With the rules, the prompt is at least (rules + rest) / 5
    tokens; without them at most rest / 3 tokens and a template's 50. When those ranges do not meet,
    a count below their midpoint means the rules were not there."""
    if not prompt_tokens or system_chars <= 0:
        return None
    without_at_most = other_chars / 3 + 50
    with_at_least = (system_chars + other_chars) / 5
    if without_at_most >= with_at_least:
        return None
    return prompt_tokens < (without_at_most + with_at_least) / 2
