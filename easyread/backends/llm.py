"""What every LLM backend does around its requests: check, repair, split, fall back, cache, count.

A provider (anthropic, ...) only sends one conversation and returns a `Reply`. For each section
this module: answers from the cache when it can; otherwise asks, and checks the answer (JSON of
the schema, items, every block said, every fact kept and none invented, sentences of 15 words at
most: see answer.py); on a problem asks ONCE more, saying exactly what was wrong; when the answer
ran out of tokens, asks for each half of the section apart. An answer that still breaks only soft
rules (a long sentence, no picture description) is kept, its items flagged for review and the
section named in `kept`. Only when no answer is usable (not JSON, no items, a block in no item, a
fact lost or invented) is the section converted by the rules backend, its items flagged
"rules-fallback", and the reason kept in `fallbacks`: a conversion never loses a section.
`simplify_all` sends up to `jobs` sections at once and keeps their order. Every request sent,
retries and failures included, counts in `usage` (see `request_hooks`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from easyread.backends.answer import (
    EasyReadAnswer,
    answer_problems,
    merge_answers,
    parse_answer,
    renumbered,
    to_easy_section,
)
from easyread.backends.local import short_reason
from easyread.backends.outcomes import (
    Fallback,
    Kept,
    checked,
    failure_reason,
    kept_reason,
    one_line,
    usable_answer,
)
from easyread.backends.prompts import Prompts, load_prompts, numbered_blocks
from easyread.backends.response_cache import ResponseCache, cache_key
from easyread.backends.section_pool import in_document_order, in_order
from easyread.backends.slots import request_slot
from easyread.backends.usage import Estimate, TokenUsage, estimate_tokens
from easyread.errors import EXIT_USAGE, EasyReadError
from easyread.language.sentences import split_sentences
from easyread.model import EasySection, Section
from easyread.secrets import remember, scrub

FALLBACK_FLAG = "rules-fallback"
DEFAULT_JOBS = 4
DEFAULT_RETRIES = 2
DEFAULT_TIMEOUT = 120.0  # seconds for one request
MAX_SPLITS = 3  # a section is halved at most this many times (into 8 parts) when answers run too long


@dataclass
class Reply:
    """One answer of a model: its text (JSON, we hope) and why it stopped."""

    text: str | None
    stop_reason: str | None


class RequestFailed(Exception):
    """A request failed after the client's own retries; the message is safe to show (no key)."""


class RequestRefused(EasyReadError):
    """The server refused the key or the model (401, 403, 404): no section can succeed, so stop."""

    exit_code = EXIT_USAGE


REFUSED_STATUSES = (401, 403, 404)
TOO_LONG = ("max_tokens", "model_context_window_exceeded")  # stop reasons that call for a smaller part


class _TooLong(Exception):
    """The answer stopped at max_tokens."""


class _Failed(Exception):
    """The section could not be answered; the message says why."""


@dataclass
class Message:
    role: str
    text: str


@dataclass
class _State:
    fallbacks: list[Fallback] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class LLMBackend:
    """The part of every LLM backend that is not the provider's API. Subclasses define `send`."""

    name = "llm"

    def __init__(self, model: str, *, jobs: int = DEFAULT_JOBS, prompts: Path | str | None = None,
                 cache: bool = True, retries: int = DEFAULT_RETRIES, timeout: float = DEFAULT_TIMEOUT,
                 secret: str = "") -> None:
        self.model = model
        self.jobs = max(1, int(jobs))
        self.retries = int(retries)
        self.timeout = float(timeout)
        self._secret = secret  # the API key: scrubbed from every message we show
        remember(secret)
        self.prompts: Prompts = load_prompts(Path(prompts) if prompts else None)
        self.cache = ResponseCache() if cache else None
        self.usage = TokenUsage()
        self._state = _State()
        self._rules = None
        self._client: Any = None
        self._client_lock = threading.Lock()
        self._closed = False

    # ---- what the pipeline and the batch read -----------------------------------------------

    @property
    def tokens(self) -> int:
        return self.usage.total

    @property
    def cost(self) -> float | None:
        return self.usage.cost(self.model)

    @property
    def fallbacks(self) -> list[Fallback]:
        return list(self._state.fallbacks)

    @property
    def kept(self) -> list[Kept]:
        """Sections whose answers were kept with items flagged for review (soft rules broken)."""
        return list(self._state.kept)

    # ---- the provider's part ----------------------------------------------------------------

    def send(self, messages: list[Message]) -> Reply:
        """Send one conversation; add its tokens to `self.usage`; raise RequestFailed on failure."""
        raise NotImplementedError

    def make_client(self) -> Any:
        """The provider's SDK client (imported here, so `easyread --help` never imports an SDK).
        Give it an HTTP client with `request_hooks()`, so that every request it sends is counted."""
        raise NotImplementedError

    def request_hooks(self) -> dict[str, list[Callable[[Any], None]]]:
        """httpx event hooks for the SDK's HTTP client: each request sent adds 1 to `usage.requests`,
        the SDK's own retries and failed requests included (their tokens are unknown, so a failed
        request adds none); `send` then adds the tokens of an answer, with requests=0. Only requests
        for an answer count (POST): a local server's model list (GET /models) is not one."""

        def count(request: Any) -> None:
            if getattr(request, "method", "POST") == "POST":
                self.usage.add(requests=1)

        return {"request": [count]}

    def client(self) -> Any:
        """The SDK client, made on first use and shared by the threads; none once closed."""
        with self._client_lock:
            if self._closed:
                raise RequestFailed("the conversion was stopped")
            if self._client is None:
                self._client = self.make_client()
            return self._client

    def close(self) -> None:
        """Let go of the provider's connections; requests in flight end with an error, none start.
        A backend whose `make_client` set `self.connections` (backends/connections.py) has their
        sockets shut down first: a thread waiting for an answer wakes at once, and the server sees
        the client go (llama-server then stops writing that answer)."""
        with self._client_lock:
            self._closed = True
            connections = getattr(self, "connections", None)
            if connections is not None:
                connections.cut()
            if self._client is not None:
                self._client.close()
                self._client = None

    @property
    def cache_scope(self) -> str:
        """What, besides the model and prompts, makes answers differ: the backend (and its server)."""
        return self.name

    def scrub(self, text: str, limit: int = 300) -> str:
        """`text` without any secret in it (should a server or proxy echo the key; see
        easyread.secrets), then cut to `limit` characters."""
        text = scrub(text)
        return text if len(text) <= limit else text[: limit - 3] + "..."

    def status_error(self, status: int, detail: str) -> Exception:
        """The exception for a server's error status, after the client's retries."""
        message = self.scrub(f"the server answered {status} ({detail})")
        if status in REFUSED_STATUSES:
            return RequestRefused(None, f"{self.name}: {message}; check the API key, --model {self.model} "
                                        "and --base-url")
        return RequestFailed(message)

    # ---- sections -----------------------------------------------------------------------------

    def simplify(self, section: Section) -> EasySection:
        if not any(block.text.strip() for block in section.blocks):
            return self._rules_backend().simplify(section)  # nothing to send: a bare heading
        key = cache_key(self.cache_scope, self.model, self.prompts.fingerprint, self.prompts.version, section)
        cached = self.cache.get(key) if self.cache else None
        if cached is not None:
            answer, _ = parse_answer(cached)
            if answer is not None:
                return self._finish(answer, section)
        try:
            answer = self._answer(section, splits=0)
        except _Failed as failure:
            return self._fall_back(section, str(failure))
        except EasyReadError:
            # Refused for every section (a bad key or model): the user must fix it. Stop here, in the
            # thread that saw it, so this thread does not start the next queued section first.
            self.close()
            raise
        except Exception as error:  # an SDK surprise must not lose the section either
            return self._fall_back(section, self.scrub(f"unexpected {type(error).__name__}: {error}"))
        if self.cache:
            self.cache.put(key, self.name, self.model, answer.model_dump_json())
        return self._finish(answer, section)

    def simplify_all(self, sections: list[Section]) -> list[EasySection]:
        """Every section, up to `jobs` requests at once, in the order given (backends/section_pool).

        Ctrl-C (or SIGTERM in a batch worker) stops at once: the requests in flight are cut, none
        starts, and the KeyboardInterrupt is raised. A failure every section would hit (an
        EasyReadError from `send`: a refused key, a server that is not there) stops the same way
        after the first section that meets it, and is raised. Fallbacks are listed in document order.
        """
        before = len(self._state.fallbacks)
        try:
            if self.jobs == 1 or len(sections) <= 1:
                results = [self.simplify(section) for section in sections]
            else:
                results = in_order(self.simplify, sections, self.jobs, stop=self.close)
        except KeyboardInterrupt:
            self.close()
            raise
        fell_back = [section.heading for section, easy in zip(sections, results, strict=True)
                     if any(FALLBACK_FLAG in item.flags for item in easy.items)]
        with self._state.lock:
            self._state.fallbacks[before:] = in_document_order(self._state.fallbacks[before:], fell_back,
                                                               lambda fallback: fallback.heading)
        return results

    def estimate(self, sections: list[Section]) -> Estimate:
        """Tokens and cost of converting `sections`, from the size of the prompts; no request is made."""
        to_send = [section for section in sections if any(block.text.strip() for block in section.blocks)]
        user_chars = [len(self.prompts.user_message(section)) for section in to_send]
        fixed = len(self.prompts.system) + self.request_overhead_chars()
        return estimate_tokens(self.model, fixed, user_chars)

    def request_overhead_chars(self) -> int:
        """Characters every request sends besides the prompts (e.g. the answer's schema)."""
        return 0

    def _answer(self, section: Section, splits: int) -> EasyReadAnswer:
        try:
            return self._ask(section)
        except _TooLong:
            halves = split_in_two(section)
            if halves is None or splits >= MAX_SPLITS:
                raise _Failed("the answer was longer than the token limit, even for a part of the section") from None
            first, second = (renumbered(self._answer(half, splits + 1), numbers) for half, numbers in halves)
            return merge_answers(first, second)

    def _ask(self, section: Section) -> EasyReadAnswer:
        """The model's answer to `section`. One with no problem is used as it came; otherwise the
        model is told every problem and asked ONCE more, and the repaired answer is used when it is
        usable (soft problems at most), else the first when that one was. _Failed when neither is:
        its message says, in one line, what the repaired answer still got wrong."""
        known = self.known_texts(section)
        conversation = [Message("user", self.prompts.user_message(section))]
        reply = self._send(conversation)
        first = checked(reply.text, section, known)
        if first[0] is not None and not first[1]:
            return first[0]
        repair = self.prompts.repair_message([problem.text for problem in first[1]])
        conversation += [Message("assistant", reply.text or "{}"), Message("user", repair)]
        try:
            reply = self._send(conversation)
        except (_Failed, _TooLong):
            kept = usable_answer(first)
            if kept is not None:
                return kept  # the repair request failed, but the first answer can be kept
            raise
        second = checked(reply.text, section, known)
        answer = usable_answer(second, first)
        if answer is None:
            raise _Failed(failure_reason(second[1]))
        return answer

    def known_texts(self, section: Section) -> Sequence[str]:
        """Texts besides `section` that its request showed the model (the document's title, opening
        and glossary, when a planning step gives them): their facts an answer may repeat. None here."""
        return ()

    def _finish(self, answer: EasyReadAnswer, section: Section) -> EasySection:
        """The section made from a usable `answer`; when it still breaks soft rules, the section is
        named in `kept` with what a person should review, item by item (the items carry the flags)."""
        reason = kept_reason(answer_problems(answer, section, self.known_texts(section)))
        if reason:
            with self._state.lock:
                self._state.kept.append(Kept(section.heading, reason))
        return to_easy_section(answer, section)

    def _send(self, conversation: list[Message]) -> Reply:
        try:
            with request_slot():  # one bound across a whole batch, when there is one
                reply = self.send(conversation)
        except RequestFailed as error:
            raise _Failed(short_reason(str(error), 300)) from None  # one line: no server traceback
        reply = replace(reply, text=scrub(reply.text))  # nothing a server says reaches the plan or the cache
        if reply.stop_reason in TOO_LONG:
            raise _TooLong()
        if reply.stop_reason == "refusal":
            raise _Failed("the model refused to answer")
        return reply

    def _rules_backend(self):  # type: ignore[no-untyped-def]
        if self._rules is None:
            from easyread.backends.rules import RulesBackend

            self._rules = RulesBackend()
        return self._rules

    def _fall_back(self, section: Section, reason: str) -> EasySection:
        easy = self._rules_backend().simplify(section)
        for item in easy.items:
            item.flags.append(FALLBACK_FLAG)
        with self._state.lock:
            self._state.fallbacks.append(Fallback(section.heading, one_line(reason)))
        return easy


def split_in_two(section: Section) -> tuple[tuple[Section, list[int]], tuple[Section, list[int]]] | None:
    """The section's blocks in two halves, each with the section's numbers of its blocks (block N of
    a half is block numbers[N - 1] of the section); one block is split between its sentences, both
    halves then being block 1. None if it cannot be split."""
    blocks = numbered_blocks(section)
    if len(blocks) == 1:
        sentences = split_sentences(blocks[0].text)
        if len(sentences) < 2:
            return None
        middle = len(sentences) // 2
        return ((Section(section.heading, [replace(blocks[0], text=" ".join(sentences[:middle]))]), [1]),
                (Section(section.heading, [replace(blocks[0], text=" ".join(sentences[middle:]))]), [1]))
    if len(blocks) < 2:
        return None
    middle = len(blocks) // 2
    numbers = list(range(1, len(blocks) + 1))
    return ((Section(section.heading, blocks[:middle]), numbers[:middle]),
            (Section(section.heading, blocks[middle:]), numbers[middle:]))
