"""The `openai` backend: Easy Read from any OpenAI-compatible chat server (Ollama, vLLM, llama.cpp's
llama-server, llama-cpp-python, OpenAI).

Give the server with `--base-url` (e.g. http://localhost:11434/v1 for Ollama: then nothing leaves
the machine) and the model it serves with `--model`. OPENAI_API_KEY is needed only by servers that
check one. The answer is asked for as JSON of the schema, in the first way the server takes
(chat_format.py: json_schema, else json_object with the schema, else the schema in the prompt); the
way in use is said once in `notices`. A server on this machine or network (local.py) gets the
defaults of one machine: 1 request at a time, a 600 s timeout, 2048 tokens an answer, and a
timed-out request is never sent again whole (the server may still be writing the first answer).
When the server answers with another model than the one asked for, `notices` says so and the cache
keeps its answers under the model that answered. The checks, repair, splitting, fallback, cache and
concurrency are every LLM backend's (`llm.py`). Needs the optional `openai` package:
the `openai` extra (`easyread.install.install_hint`).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from easyread.backends import chat_format
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
from easyread.backends.local import (
    CLOUD_MAX_TOKENS,
    ServedModel,
    ServerCannotServe,
    context_overflow,
    fixed_part_overflows,
    local_defaults,
    short_reason,
)
from easyread.errors import UsageError

MAX_TOKENS = CLOUD_MAX_TOKENS
KEY_VARIABLE = "OPENAI_API_KEY"
BASE_URL_VARIABLE = "OPENAI_BASE_URL"
NO_KEY = "no-key"  # local servers (Ollama, vLLM) ignore the key, but the SDK wants one
STOP_REASONS = {"length": "max_tokens", "content_filter": "refusal"}
RETRY_STATUSES = (429, 503)  # a local server busy or still loading its model: worth asking again
MODELS_TIMEOUT = 5.0  # seconds for the one look at a local server's /models


class _FormatRefused(Exception):
    """The server would not take this way of asking for JSON; the message says what it answered."""


class OpenAIBackend(LLMBackend):
    name = "openai"

    def __init__(self, model: str | None = None, *, jobs: int | None = None, retries: int = DEFAULT_RETRIES,
                 timeout: float | None = None, max_tokens: int | None = None, prompts: Path | str | None = None,
                 cache: bool = True, base_url: str | None = None, dry_run: bool = False) -> None:
        if not model:
            raise UsageError(None, "the openai backend needs a model: give the one your server serves with --model")
        key = os.environ.get(KEY_VARIABLE, "").strip()
        self.base_url = base_url or os.environ.get(BASE_URL_VARIABLE) or None
        if not key and not self.base_url and not dry_run:
            raise UsageError(None, f"the openai backend needs --base-url of an OpenAI-compatible server "
                                   f"(Ollama, vLLM, llama-server) or {KEY_VARIABLE} for OpenAI; or use --backend rules")
        self.local = local_defaults(self.base_url)
        chosen_jobs = jobs if jobs is not None else (self.local.jobs if self.local else DEFAULT_JOBS)
        chosen_timeout = timeout if timeout is not None else (self.local.timeout if self.local else DEFAULT_TIMEOUT)
        super().__init__(model, jobs=chosen_jobs, prompts=prompts, cache=cache, retries=retries,
                         timeout=chosen_timeout, secret=key)
        self.max_tokens = int(max_tokens) if max_tokens else (self.local.max_tokens if self.local else MAX_TOKENS)
        self.notices: list[str] = []  # one line each, said once: the JSON mode, another model, moved rules
        self.connections: Any = None  # backends/connections.py, for a local server: cut on close()
        self.mode: str | None = None  # the way of asking for JSON, once a server has taken one
        self._mode_lock = threading.Lock()
        self._notice_lock = threading.Lock()
        self.served = ServedModel(model)  # the model that answers, when not the one asked for: keys the cache
        self._looked_at_models = False
        self._models_lock = threading.Lock()
        self._system_in_user = False
        self._system_checked = False
        if self.local and (jobs is None or timeout is None):
            self._notice(f"openai: {self.base_url} is on this machine or network: {self.jobs} request"
                         f"{'' if self.jobs == 1 else 's'} at a time, a {self.timeout:g} s timeout and "
                         f"{self.max_tokens} tokens an answer, and a timed-out request is not sent again "
                         "(--jobs, --timeout and --max-tokens change them)")

    # ---- what the CLI and the cache read ----------------------------------------------------

    @property
    def cache_scope(self) -> str:
        """The server, and the model that answers there when it is not the one asked for: one
        model name may be different models, and a local server answers with the model it loaded."""
        self._look_at_models()
        scope = f"openai@{self.base_url or 'api.openai.com'}"  # one model name may be different models
        return scope + (f" answered-by {self.served.answered}" if self.served.answered else "")

    def _notice(self, line: str) -> None:
        with self._notice_lock:
            if line not in self.notices:
                self.notices.append(line)

    def _answered(self, model: str | None) -> None:
        warning = self.served.note(model)
        if warning:
            self._notice(warning)

    def _look_at_models(self) -> None:
        """Once, for a local server: the model it serves, from GET /models, so a wrong --model is said
        before any section and the cache is keyed by the right model from the first answer."""
        with self._models_lock:
            if self._looked_at_models or not self.local:
                return
            self._looked_at_models = True
            self._list_models()

    def _list_models(self) -> None:
        try:
            listed = self.client().with_options(timeout=MODELS_TIMEOUT, max_retries=0).models.list()
            names = [str(entry.id) for entry in listed.data]
        except Exception:  # noqa: BLE001 - no /models, or no server yet: the answers will say
            return
        if len(names) == 1:  # llama-server, llama-cpp-python; Ollama and vLLM list every model they have
            self._answered(names[0])

    # ---- the client and the request ---------------------------------------------------------

    def make_client(self) -> Any:
        try:
            import openai
        except ImportError:
            from easyread.install import install_hint

            raise UsageError(None, f"the openai backend needs the openai package: {install_hint('openai')}") from None
        options: dict[str, Any] = {"api_key": self._secret or NO_KEY, "base_url": self.base_url,
                                   "timeout": self.timeout}
        if not self.local:
            return openai.OpenAI(max_retries=self.retries, **options,
                                 http_client=openai.DefaultHttpxClient(event_hooks=self.request_hooks()))
        # A local server: our own retries (never of a timeout), and connections close() can cut.
        from easyread.backends.connections import cuttable_client

        http_client, self.connections = cuttable_client(openai.DefaultHttpxClient, timeout=self.timeout,
                                                        event_hooks=self.request_hooks())
        return openai.OpenAI(max_retries=0, http_client=http_client, **options)

    def request(self, messages: list[Message], mode: str | None = None) -> dict[str, Any]:
        """The body of one chat completion request, asking for JSON in `mode` (default: the mode in
        use, else json_schema) of the schema the conversation asks for (a plan or sections)."""

        mode = mode or self.mode or chat_format.JSON_SCHEMA
        schema = schema_of(messages)
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "messages": chat_format.messages_for(self.prompts.system, [(m.role, m.full_text) for m in messages], mode,
                                                 schema, self._system_in_user),
        }
        format_ = chat_format.response_format(mode, schema)
        if format_ is not None:
            body["response_format"] = format_
        return body

    def request_overhead_chars(self) -> int:
        import json

        from easyread.backends.group_answer import group_schema

        return len(json.dumps(group_schema()))

    # ---- sending ------------------------------------------------------------------------------

    def send(self, messages: list[Message]) -> Reply:
        if self.mode is not None:
            return self._send_as(messages, self.mode)
        with self._mode_lock:  # the first request finds the mode; the others wait for it, then go at once
            if self.mode is None:
                return self._find_mode(messages)
        return self._send_as(messages, self.mode)

    def _find_mode(self, messages: list[Message]) -> Reply:
        """Send `messages` in each way of asking for JSON until the server takes one; keep that one."""
        refusal = ""
        for mode in chat_format.MODES:
            try:
                reply = self._send_as(messages, mode, trying=True)
            except _FormatRefused as refused:
                refusal = refusal or f"the server refused response_format {mode} ({refused})"
                continue
            self.mode = mode
            self._notice(f"openai: {refusal + '; ' if refusal else ''}answers are asked for as "
                         f"{chat_format.MODE_WORDS[mode]}")
            return reply
        raise RequestFailed(refusal)  # no way was taken: the first refusal says why

    def _send_as(self, messages: list[Message], mode: str, trying: bool = False) -> Reply:
        import openai

        client = self.client()
        body = self.request(messages, mode)
        attempt = 0
        while True:
            try:
                response = client.chat.completions.create(**body)
                break
            except openai.APITimeoutError:
                if self.local:
                    raise RequestFailed(f"no answer within {self.timeout:g} s; not sent again, as the server may "
                                        "still be writing the first answer: raise --timeout or lower "
                                        "--max-tokens") from None
                raise RequestFailed(f"no answer within {self.timeout:g} s, after {self.retries} retries") from None
            except openai.APIConnectionError as error:
                if self.local and attempt < self.retries and not self._closed:
                    attempt += 1
                    time.sleep(min(0.2 * attempt, 2.0))
                    continue
                reason = short_reason(f"cannot reach the server at {self.base_url or 'api.openai.com'} ({error})")
                if self.local and not self._closed:
                    raise ServerCannotServe(None, f"openai: {reason}; every section would fail the same way: "
                                                  "is the server running?") from None
                raise RequestFailed(self.scrub(reason)) from None
            except openai.APIStatusError as error:
                wait = self._after_status(error, body, mode, trying, attempt, schema_of(messages))
                if wait is None:
                    continue  # the body changed (the rules moved to the user turn): send it again
                attempt += 1
                time.sleep(wait)
            except openai.APIError as error:
                raise RequestFailed(self.scrub(short_reason(f"{type(error).__name__}: {error}"))) from None
        return self._reply(response, messages, mode, body)

    def _after_status(self, error: Any, body: dict[str, Any], mode: str, trying: bool, attempt: int,
                      schema: dict[str, Any]) -> float | None:
        """What to do after an error status: raise, send again changed (None), or wait this long and
        send again (a local server busy or loading its model). `schema`: the answer's JSON schema."""
        status = int(error.status_code)
        error_body = error.body if isinstance(error.body, dict) else {}
        inner = error_body.get("error") if isinstance(error_body.get("error"), dict) else error_body
        detail = short_reason(str(inner.get("message") or error.message))
        overflow = context_overflow(error_body, str(inner.get("message") or error.message))
        if overflow is not None:
            sent = sum(len(message["content"]) for message in body["messages"])
            fixed = len(self.prompts.system)  # the schema is a grammar, not prompt text, but in the prompt mode
            if mode == chat_format.IN_PROMPT:
                fixed += len(chat_format.schema_instruction(schema))
            if fixed_part_overflows(overflow, fixed, sent):
                raise ServerCannotServe(None, f"openai: {overflow.reason()}; the rules alone do not fit, so every "
                                              "section would overflow")
            raise RequestFailed(overflow.reason())
        if not self._system_in_user and chat_format.is_role_error(detail):
            self._move_rules(body, mode, f"the server's chat template refused a system message ({detail})", schema)
            return None
        if trying and mode != chat_format.IN_PROMPT and status in chat_format.REFUSAL_STATUSES:
            raise _FormatRefused(f"{status}: {detail}")
        if self.local and status in RETRY_STATUSES and attempt < self.retries and not self._closed:
            after = error.response.headers.get("retry-after") if getattr(error, "response", None) else None
            try:
                return min(float(after), 10.0) if after else min(0.5 * (attempt + 1), 5.0)
            except ValueError:
                return 1.0
        raise self.status_error(status, detail)

    def _move_rules(self, body: dict[str, Any], mode: str, why: str, schema: dict[str, Any]) -> None:
        """From now on the rules go at the top of the first user turn; `body` is rebuilt so."""
        self._system_in_user = True
        self._notice(f"warning: openai: {why}; the rules now go at the top of the user turn")
        turns = [(m["role"], m["content"]) for m in body["messages"] if m["role"] != "system"]
        if mode == chat_format.IN_PROMPT:  # the schema is already in the first user turn
            mode = chat_format.JSON_OBJECT
        body["messages"] = chat_format.messages_for(self.prompts.system, turns, mode, schema, True)

    def _reply(self, response: Any, messages: list[Message], mode: str, body: dict[str, Any]) -> Reply:
        usage = response.usage
        prompt_tokens = None
        if usage is not None:
            details = getattr(usage, "prompt_tokens_details", None)
            cached = int(getattr(details, "cached_tokens", 0) or 0)
            prompt_tokens = usage.prompt_tokens or 0
            self.usage.add(input=prompt_tokens - cached, output=usage.completion_tokens or 0, cache_read=cached,
                           requests=0)  # counted as sent (request_hooks)
        self._answered(getattr(response, "model", None))
        if not self._system_in_user and not self._system_checked:
            other = sum(len(m["content"]) for m in body["messages"] if m["role"] != "system")
            dropped = chat_format.system_dropped(prompt_tokens, len(self.prompts.system), other)
            if dropped is not None:
                self._system_checked = True
            if dropped:
                self._system_in_user = True
                self._notice(f"warning: openai: the server counted {prompt_tokens} prompt tokens, too few for the "
                             "rules it was sent: its chat template drops the system message; the rules now go at "
                             "the top of the user turn")
                return self._send_as(messages, mode)
        if not response.choices:
            return Reply(text=None, stop_reason=None)
        choice = response.choices[0]
        message = choice.message
        if getattr(message, "refusal", None):
            return Reply(text=None, stop_reason="refusal")
        return Reply(text=message.content, stop_reason=STOP_REASONS.get(choice.finish_reason or "", choice.finish_reason))
