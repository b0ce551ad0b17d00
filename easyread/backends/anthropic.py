"""The `anthropic` backend: Easy Read from Claude through the official `anthropic` SDK.

Each request (a document's plan, or a group of its sections) is one Messages API request: the
system prompt (the Easy Read rules and two worked examples) and, for sections, the document context
(title, opening, glossary) as the first part of the user message, both marked for the prompt cache
(`cache_control`, two of the four breakpoints allowed), then the sections as data between tags, and
the answer's JSON schema as a structured output (a forced tool call would do too, but the current
Sonnet models refuse forced tool use). The stable part is over the model's smallest cacheable
prompt (see cache_minimum.py), so the cache takes effect from the second request of a document.
The SDK retries 408/409/429/5xx/529 and timeouts itself, honouring `retry-after`. The key comes
from ANTHROPIC_API_KEY and is never shown: easyread.secrets scrubs it from every message and answer.
Everything else (checks, repair, splitting, fallback, cache, concurrency) is in `llm.py`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from easyread.backends.llm import (
    DEFAULT_JOBS,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    LLMBackend,
    Message,
    Reply,
    RequestFailed,
    schema_of,
)
from easyread.errors import UsageError

DEFAULT_MODEL = "claude-sonnet-5-5"
MAX_TOKENS = 8192  # room for a long section's items; a longer answer is split (see llm.py)
KEY_VARIABLE = "ANTHROPIC_API_KEY"
MISSING_KEY = f"the anthropic backend needs an API key: set {KEY_VARIABLE}, or use --backend rules"


EPHEMERAL = {"type": "ephemeral"}  # the 5-minute prompt cache


def content(message: Message) -> str | list[dict[str, Any]]:
    """A message's content: its text, or, with a document context, the context (marked for the
    prompt cache, so every later request of the document reads it) and then the text."""
    if not message.context:
        return message.text
    return [{"type": "text", "text": message.context, "cache_control": EPHEMERAL},
            {"type": "text", "text": message.text}]


class AnthropicBackend(LLMBackend):
    name = "anthropic"

    def __init__(self, model: str | None = None, *, jobs: int = DEFAULT_JOBS, retries: int = DEFAULT_RETRIES,
                 timeout: float = DEFAULT_TIMEOUT, prompts: Path | str | None = None, cache: bool = True,
                 base_url: str | None = None, dry_run: bool = False) -> None:
        secret = self.credential(dry_run)
        super().__init__(self.model_or_default(model), jobs=jobs, prompts=prompts, cache=cache, retries=retries,
                         timeout=timeout, secret=secret)
        self.base_url = base_url  # None: ANTHROPIC_BASE_URL, else Anthropic's API (the SDK decides)

    def credential(self, dry_run: bool) -> str:
        """The API key; a UsageError when it is missing (a dry run needs none)."""
        key = os.environ.get(KEY_VARIABLE, "").strip()
        if not key and not dry_run:
            raise UsageError(None, MISSING_KEY)
        return key

    def model_or_default(self, model: str | None) -> str:
        return model or DEFAULT_MODEL

    def make_client(self) -> Any:
        import anthropic

        return anthropic.Anthropic(api_key=self._secret, base_url=self.base_url, max_retries=self.retries,
                                   timeout=self.timeout,
                                   http_client=anthropic.DefaultHttpxClient(event_hooks=self.request_hooks()))

    def request(self, messages: list[Message]) -> dict[str, Any]:
        """The arguments of one `messages.create` call: the system prompt and any document context
        marked for the prompt cache, everything after them not."""
        return {
            "model": self.model,
            "max_tokens": MAX_TOKENS,
            "system": [{"type": "text", "text": self.prompts.system, "cache_control": EPHEMERAL}],
            "messages": [{"role": message.role, "content": content(message)} for message in messages],
            "output_config": {"format": {"type": "json_schema", "schema": schema_of(messages)}},
        }

    def request_overhead_chars(self) -> int:
        import json

        from easyread.backends.group_answer import group_schema

        return len(json.dumps(group_schema()))

    def send(self, messages: list[Message]) -> Reply:
        import anthropic

        try:
            response = self.client().messages.create(**self.request(messages))
        except anthropic.APITimeoutError:
            raise RequestFailed(f"no answer within {self.timeout:g} s, after {self.retries} retries") from None
        except anthropic.APIConnectionError as error:
            raise RequestFailed(self.scrub(f"cannot reach the server ({error})")) from None
        except anthropic.APIStatusError as error:
            body = error.body if isinstance(error.body, dict) else {}
            inner = body.get("error") if isinstance(body.get("error"), dict) else {}
            detail = str(inner.get("message") or error.message)
            raise self.status_error(error.status_code, detail) from None
        except anthropic.APIError as error:
            raise RequestFailed(self.scrub(f"{type(error).__name__}: {error}")) from None
        usage = response.usage
        self.usage.add(input=usage.input_tokens or 0, output=usage.output_tokens or 0, requests=0,  # counted as sent
                       cache_read=usage.cache_read_input_tokens or 0, cache_write=usage.cache_creation_input_tokens or 0)
        text = "".join(block.text for block in response.content if getattr(block, "type", None) == "text")
        return Reply(text=text or None, stop_reason=response.stop_reason)
