"""The `openai` backend: Easy Read from any OpenAI-compatible chat server (Ollama, vLLM, OpenAI).

Give the server with `--base-url` (e.g. http://localhost:11434/v1 for Ollama: then nothing leaves
the machine) and the model it serves with `--model`. OPENAI_API_KEY is needed only by servers that
check one. Answers come as JSON of the answer's schema (`response_format` json_schema); the same
checks, repair, splitting, fallback, cache and concurrency as every LLM backend (`llm.py`). Needs
the optional `openai` package: `pip install 'easyread[openai]'`.
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
)
from easyread.errors import UsageError

MAX_TOKENS = 8192
KEY_VARIABLE = "OPENAI_API_KEY"
BASE_URL_VARIABLE = "OPENAI_BASE_URL"
NO_KEY = "no-key"  # local servers (Ollama, vLLM) ignore the key, but the SDK wants one
STOP_REASONS = {"length": "max_tokens", "content_filter": "refusal"}


class OpenAIBackend(LLMBackend):
    name = "openai"

    def __init__(self, model: str | None = None, *, jobs: int = DEFAULT_JOBS, retries: int = DEFAULT_RETRIES,
                 timeout: float = DEFAULT_TIMEOUT, prompts: Path | str | None = None, cache: bool = True,
                 base_url: str | None = None, dry_run: bool = False) -> None:
        if not model:
            raise UsageError(None, "the openai backend needs a model: give the one your server serves with --model")
        key = os.environ.get(KEY_VARIABLE, "").strip()
        self.base_url = base_url or os.environ.get(BASE_URL_VARIABLE) or None
        if not key and not self.base_url and not dry_run:
            raise UsageError(None, f"the openai backend needs --base-url of an OpenAI-compatible server "
                                   f"(Ollama, vLLM) or {KEY_VARIABLE} for OpenAI; or use --backend rules")
        super().__init__(model, jobs=jobs, prompts=prompts, cache=cache, retries=retries, timeout=timeout, secret=key)

    @property
    def cache_scope(self) -> str:
        return f"openai@{self.base_url or 'api.openai.com'}"  # one model name may be different models

    def make_client(self) -> Any:
        try:
            import openai
        except ImportError:
            raise UsageError(None, "the openai backend needs the openai package: "
                                   "pip install 'easyread[openai]'") from None
        return openai.OpenAI(api_key=self._secret or NO_KEY, base_url=self.base_url, max_retries=self.retries,
                             timeout=self.timeout)

    def request(self, messages: list[Message]) -> dict[str, Any]:
        from easyread.backends.llm import schema_of

        return {
            "model": self.model,
            "max_tokens": MAX_TOKENS,
            "messages": [{"role": "system", "content": self.prompts.system},
                         *({"role": message.role, "content": message.full_text} for message in messages)],
            "response_format": {"type": "json_schema",
                                "json_schema": {"name": "easy_read_answer", "schema": schema_of(messages), "strict": True}},
        }

    def request_overhead_chars(self) -> int:
        import json

        from easyread.backends.group_answer import group_schema

        return len(json.dumps(group_schema()))

    def send(self, messages: list[Message]) -> Reply:
        client = self.client()
        import openai

        try:
            response = client.chat.completions.create(**self.request(messages))
        except openai.APITimeoutError:
            raise RequestFailed(f"no answer within {self.timeout:g} s, after {self.retries} retries") from None
        except openai.APIConnectionError as error:
            raise RequestFailed(self.scrub(f"cannot reach the server ({error})")) from None
        except openai.APIStatusError as error:
            body = error.body if isinstance(error.body, dict) else {}
            inner = body.get("error") if isinstance(body.get("error"), dict) else body
            detail = str(inner.get("message") or error.message)
            raise self.status_error(error.status_code, detail) from None
        except openai.APIError as error:
            raise RequestFailed(self.scrub(f"{type(error).__name__}: {error}")) from None
        usage = response.usage
        if usage is not None:
            details = getattr(usage, "prompt_tokens_details", None)
            cached = int(getattr(details, "cached_tokens", 0) or 0)
            self.usage.add(input=(usage.prompt_tokens or 0) - cached, output=usage.completion_tokens or 0,
                           cache_read=cached)
        else:
            self.usage.add()
        if not response.choices:
            return Reply(text=None, stop_reason=None)
        choice = response.choices[0]
        message = choice.message
        if getattr(message, "refusal", None):
            return Reply(text=None, stop_reason="refusal")
        return Reply(text=message.content, stop_reason=STOP_REASONS.get(choice.finish_reason or "", choice.finish_reason))
