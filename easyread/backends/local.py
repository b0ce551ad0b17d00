"""What a model server on this machine or network needs that a cloud API does not.

Ollama, vLLM, llama.cpp's llama-server and llama-cpp-python serve the OpenAI chat API, usually on
one machine's CPU or GPU. This module says whether `--base-url` is such a server, gives the
defaults that suit one (`local_defaults`), and reads what these servers say back: the model that
answered (`same_model`), a context overflow in their several shapes (`context_overflow`), and a
server's error message as one short line (`short_reason`). No network here: pure functions.
"""

from __future__ import annotations

import ipaddress
import re
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from easyread.errors import EXIT_USAGE, EasyReadError

# One machine answers one request at a time about as fast as several: requests sent together share
# its cores and each takes N times longer, so at the cloud's 4 at once and 120 s, 17 of 19 requests
# of a CPU run timed out where 1 at a time answered each in 15-28 s (issue 12).
LOCAL_JOBS = 1
# A CPU writing about 4 tokens a second takes about 510 s for LOCAL_MAX_TOKENS, after reading the prompt.
LOCAL_TIMEOUT = 600.0
# A section's answer is about 60 tokens an item; 2048 is room for about 30 items. A longer answer is
# split (llm.py), and a model that keeps writing stops here instead of holding the server until the timeout.
LOCAL_MAX_TOKENS = 2048
CLOUD_MAX_TOKENS = 8192


class ServerCannotServe(EasyReadError):
    """A failure every section would hit (the server is not there, its context is too small for the
    rules alone): the conversion stops after the first section. Exit 2, like a refused key: the
    server or the options must change, and in a batch every other document would fail the same way."""

    exit_code = EXIT_USAGE


def is_local(base_url: str | None) -> bool:
    """True when `base_url` is on this machine or a private network: localhost, a loopback,
    private or link-local address (127.0.0.1, ::1, 10.x, 172.16-31.x, 192.168.x, fe80::), or a
    name ending in .localhost or .local. No name is looked up (names are not resolved)."""
    if not base_url:
        return False
    try:
        host = urlsplit(base_url if "//" in base_url else "//" + base_url).hostname or ""
    except ValueError:
        return False
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith((".localhost", ".local")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


@dataclass(frozen=True)
class LocalDefaults:
    jobs: int
    timeout: float
    max_tokens: int
    retries_resend_timeouts: bool  # False: a timed-out request is never sent again whole


def local_defaults(base_url: str | None) -> LocalDefaults | None:
    """The defaults for a server at `base_url` on this machine or network; None for a cloud API."""
    if not is_local(base_url):
        return None
    return LocalDefaults(jobs=LOCAL_JOBS, timeout=LOCAL_TIMEOUT, max_tokens=LOCAL_MAX_TOKENS,
                         retries_resend_timeouts=False)


_VERSION_TAIL = re.compile(r"^(?:[-_.@]\d|:)")  # "-2024-08-06", ":latest", "@001"; not "-mini"
_QUANTIZED_TAIL = re.compile(r"^[-_.](?:i?q\d|f16|bf16|fp16|f32)", re.I)  # a GGUF file's "-q4_k_m", "-f16"


def same_model(asked: str, answered: str | None) -> bool:
    """Whether the model a server says answered is the one asked for. A dated or tagged name of the
    asked one counts as the same ("gpt-4o" answered as "gpt-4o-2024-08-06", "llama3.1" as
    "llama3.1:latest"), and so does a GGUF file of it, by path or with its quantization
    ("models/qwen2.5-1.5b-instruct-q4_k_m.gguf" for "qwen2.5-1.5b-instruct"); "gpt-4o-mini" does not
    for "gpt-4o". No name (None, "") says nothing."""
    if not answered:
        return True
    asked_low = asked.strip().lower().removesuffix(".gguf")
    answered_low = re.split(r"[\\/]", answered.strip().lower())[-1].removesuffix(".gguf")
    if asked_low == answered_low:
        return True
    tail = answered_low[len(asked_low):] if answered_low.startswith(asked_low) else ""
    return bool(tail) and bool(_VERSION_TAIL.match(tail) or _QUANTIZED_TAIL.match(tail))


class ServedModel:
    """The model a server answers with, when it is not the one asked for (`answered`, else None).
    Safe to note from several threads."""

    def __init__(self, asked: str) -> None:
        self.asked = asked
        self.answered: str | None = None
        self._lock = threading.Lock()

    def note(self, answered: str | None) -> str | None:
        """Note the model a server says answered (a response's `model`, or the one model its
        /models lists); the warning line when it is a new one that is not the model asked for."""
        with self._lock:
            if not answered or same_model(self.asked, answered) or answered == self.answered:
                return None
            self.answered = answered
        return (f"warning: openai: the server answered with model '{answered}', not '{self.asked}' (--model): a "
                "local server answers with the model it loaded, whatever the name asked for; answers are cached "
                f"as '{answered}''s")


@dataclass(frozen=True)
class ContextOverflow:
    """A request the server's context cannot hold; token counts when the server gave them."""

    prompt_tokens: int | None = None
    context: int | None = None

    def reason(self) -> str:
        """One line: what happened and what to do."""
        sizes = ""
        if self.prompt_tokens and self.context:
            sizes = f" ({self.prompt_tokens:,} tokens for a context of {self.context:,})"
        elif self.context:
            sizes = f" (a context of {self.context:,} tokens)"
        return (f"context overflow: the request does not fit the server's context{sizes}; start the server "
                "with a larger context (llama-server -c 8192, Ollama num_ctx) or lower --max-tokens")


_OVERFLOW_WORDS = re.compile(r"exceeds? the available context size|exceed(?:s|ed)? (?:the )?context window|"
                             r"maximum context length|context length exceeded|context_length_exceeded|"
                             r"prompt is too long|input is (?:too long|larger than the max context)", re.I)
_REQUESTED = re.compile(r"requested tokens \((\d+)\) exceed context window of (\d+)", re.I)
_MAXIMUM = re.compile(r"maximum context length is (\d+) tokens.*?requested (\d+) tokens", re.I | re.S)


def context_overflow(error_body: Any, message: str = "") -> ContextOverflow | None:
    """The overflow a server's error reports, or None. Shapes known: llama.cpp's
    {"error": {"type": "exceed_context_size_error", "n_prompt_tokens": 1407, "n_ctx": 256}} (400,
    500 before 2025); OpenAI's and llama-cpp-python's code "context_length_exceeded" and "This
    model's maximum context length is 2048 tokens, however you requested 2285 tokens"; llama-cpp-
    python's "Requested tokens (2285) exceed context window of 2048"; vLLM's "maximum context length"."""
    inner = error_body.get("error", error_body) if isinstance(error_body, dict) else {}
    inner = inner if isinstance(inner, dict) else {}
    text = " ".join(str(part) for part in (inner.get("message", ""), message) if part)
    marked = inner.get("type") == "exceed_context_size_error" or inner.get("code") == "context_length_exceeded"
    if not marked and not _OVERFLOW_WORDS.search(text):
        return None
    prompt, context = _number(inner.get("n_prompt_tokens")), _number(inner.get("n_ctx"))
    requested = _REQUESTED.search(text)
    if requested:
        prompt, context = prompt or int(requested.group(1)), context or int(requested.group(2))
    maximum = _MAXIMUM.search(text)
    if maximum:
        prompt, context = prompt or int(maximum.group(2)), context or int(maximum.group(1))
    return ContextOverflow(prompt, context)


def _number(value: Any) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 else None


def fixed_part_overflows(overflow: ContextOverflow, fixed_chars: int, sent_chars: int) -> bool:
    """Whether the part every request sends (the rules, the schema: `fixed_chars` of the
    `sent_chars` sent) is itself too big for the context: then every section overflows. Counted in
    the server's own tokens, in proportion, when it gave them; unknown sizes say False."""
    if not overflow.prompt_tokens or not overflow.context or sent_chars <= 0:
        return False
    return overflow.prompt_tokens * fixed_chars / sent_chars >= overflow.context


_TRACEBACK = "traceback (most recent call last)"
_SPACES = re.compile(r"\s+")


def short_reason(text: str, limit: int = 200) -> str:
    """A server's message as one line of at most `limit` characters. A Python traceback (as
    llama-cpp-python sends in a 500) gives its last line, the error itself; otherwise the first
    line that says something."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    if not lines:
        return ""
    if any(_TRACEBACK in line.lower() for line in lines):
        chosen = lines[-1]
        before = text[: text.lower().find(_TRACEBACK)].strip()
        if before:
            lead = _SPACES.sub(" ", before.splitlines()[0]).rstrip(":")
            chosen = f"{lead}{chosen}" if lead.endswith(("(", "[")) else f"{lead}: {chosen}"
    else:
        chosen = lines[0]
    chosen = _SPACES.sub(" ", chosen)
    return chosen if len(chosen) <= limit else chosen[: limit - 3] + "..."
