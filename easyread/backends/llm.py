"""What every LLM backend does around its requests: plan, group, check, repair, split, fall back, cache, count.

A provider (anthropic, ...) only sends one conversation and returns a `Reply`. For a document,
`plan_document` asks once for its Easy Read title, "About this document" opening and glossary
(backends/document_plan.py); every section request then carries that document context, which
providers mark for the prompt cache. `simplify_all` answers from the cache what it can and sends
the rest in groups of neighbouring sections (backends/grouping.py: a short document whole). Each
section's answer is checked on its own (answer.py: JSON of the schema, items, every block said,
every fact kept and none invented, sentences of 15 words at most); on a problem the model is asked
ONCE more, told exactly what was wrong; when an answer ran out of tokens, each half of the group,
or of a lone section, is asked for apart. An answer that still breaks only soft rules (a long
sentence, no picture description) is kept, its items flagged for review and the section named in
`kept`. Only when no answer is usable (not JSON, no items, a block in no item, a fact lost or
invented) is the section converted by the rules backend, its items flagged "rules-fallback", and
the reason kept in `fallbacks`: a conversion never loses a section. Up to `jobs` requests are in
flight at once (backends/section_pool.py), the order is kept, and Ctrl-C cuts them. Every request
sent, retries and failures included, counts in `usage` (see `request_hooks`).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from easyread.backends.answer import (
    EasyReadAnswer,
    Problem,
    is_usable,
    merge_answers,
    parse_answer,
    renumbered,
    to_easy_section,
)
from easyread.backends.document_plan import DocumentPlan, plan_schema
from easyread.backends.group_answer import group_schema, is_bare, labelled, parse_group, section_findings
from easyread.backends.grouping import budget_from_environment, group_sections
from easyread.backends.local import short_reason
from easyread.backends.outcomes import Fallback, Kept, failure_reason, kept_reason, one_line
from easyread.backends.picture_pick import PICK_ANSWER, pick_schema
from easyread.backends.prompts import Prompts, load_prompts, numbered_blocks
from easyread.backends.response_cache import ResponseCache, cache_key
from easyread.backends.section_pool import in_document_order, in_order
from easyread.backends.slots import request_slot
from easyread.backends.usage import Estimate, TokenUsage
from easyread.errors import EXIT_USAGE, EasyReadError
from easyread.language.sentences import split_sentences
from easyread.model import EasySection, Section, SourceDocument
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
    """One turn of a conversation. The first user message may carry `context`, the document
    context, sent before `text` as a part of its own marked for the prompt cache (where the
    provider has one); `answer` names the JSON asked for: "sections", "plan" or "pictures"."""

    role: str
    text: str
    context: str = ""
    answer: str = "sections"

    @property
    def full_text(self) -> str:
        """The context and the text as one string, for providers without content parts."""
        return f"{self.context}\n{self.text}" if self.context else self.text


def schema_of(messages: list[Message]) -> dict[str, Any]:
    """The JSON schema the conversation's answer must follow (structured outputs): sections, a plan, pictures."""
    answer = messages[0].answer if messages else "sections"
    return {"plan": plan_schema, PICK_ANSWER: pick_schema}.get(answer, group_schema)()


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
        self.group_chars = budget_from_environment()  # section text a request may carry (0: each section alone)

    # ---- what the pipeline and the batch read -----------------------------------------------

    @property
    def tokens(self) -> int:
        return self.usage.total

    @property
    def cost(self) -> float | None:
        return self.usage.cost(self.model)

    plan_problem: str | None = None  # why the last document got no plan (its sections had no context)

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

    def plan_document(self, source: SourceDocument) -> DocumentPlan:
        """The document context of `source` from one planning request (or the cache): its Easy Read
        title, opening and glossary. An empty plan when the document has no text or no usable plan
        came back (the reason is kept in `plan_problem`); the sections are converted either way."""
        from easyread.backends.planning import ask_for_plan

        self.plan_problem = None
        try:
            plan, self.plan_problem = ask_for_plan(self, source)
        except (_Failed, _TooLong) as failure:
            self.plan_problem = one_line(str(failure) or "the plan was longer than the token limit")
            return DocumentPlan()
        except EasyReadError:
            self.close()
            raise
        return plan

    def simplify(self, section: Section, context: DocumentPlan | None = None) -> EasySection:
        """One section alone, with the document context when there is one."""
        return self.simplify_all([section], context)[0]

    def simplify_all(self, sections: list[Section], context: DocumentPlan | None = None) -> list[EasySection]:
        """Every section, in the order given: answers from the cache first, the rest in groups of
        neighbours (one request each, up to `jobs` at once: backends/section_pool), each request
        carrying `context`.

        Ctrl-C (or SIGTERM in a batch worker) stops at once: the requests in flight are cut, none
        starts, and the KeyboardInterrupt is raised. A failure every section would hit (an
        EasyReadError from `send`: a refused key, a server that is not there) stops the same way
        after the first group that meets it, and is raised. Fallbacks and kept sections are listed
        in document order.
        """
        context = context or DocumentPlan()
        results: list[EasySection | None] = [None] * len(sections)
        before = (len(self._state.fallbacks), len(self._state.kept))
        cached, groups = self.cached_and_groups(sections, context)
        for index, answer in cached.items():
            results[index] = self._finish(answer, sections[index], context)

        def run(group: list[int]) -> list[EasySection]:
            return self._simplify_group([sections[i] for i in group], context)

        try:
            if self.jobs == 1 or len(groups) <= 1:
                done = [run(group) for group in groups]
            else:
                done = in_order(run, groups, self.jobs, stop=self.close)
        except KeyboardInterrupt:
            self.close()
            raise
        for group, easy_sections in zip(groups, done, strict=True):
            for index, easy in zip(group, easy_sections, strict=True):
                results[index] = easy
        finished = [easy for easy in results if easy is not None]
        fell_back = [section.heading for section, easy in zip(sections, finished, strict=True)
                     if any(FALLBACK_FLAG in item.flags for item in easy.items)]
        with self._state.lock:
            start = before[0]
            self._state.fallbacks[start:] = in_document_order(self._state.fallbacks[start:], fell_back,
                                                              lambda fallback: fallback.heading)
            start = before[1]
            self._state.kept[start:] = in_document_order(self._state.kept[start:],
                                                         [section.heading for section in sections],
                                                         lambda kept: kept.heading)
        return finished

    def cached_and_groups(self, sections: list[Section], context: DocumentPlan
                          ) -> tuple[dict[int, EasyReadAnswer], list[list[int]]]:
        """The answers already in the cache ({index in `sections`: answer}; bare headings are never
        cached), and the indexes of the other sections in groups of neighbours, one request each
        (grouping.py; a group of bare headings only sends nothing)."""
        cached: dict[int, EasyReadAnswer] = {}
        waiting: list[int] = []
        for index, section in enumerate(sections):
            text = None if is_bare(section) or not self.cache else self.cache.get(self.answer_key(section, context))
            answer = parse_answer(text)[0] if text is not None else None
            if answer is not None:
                cached[index] = answer
            else:
                waiting.append(index)
        groups = group_sections([sections[i] for i in waiting], self.group_chars)
        return cached, [[waiting[i] for i in group] for group in groups]

    def first_request(self, sections: list[Section], context: DocumentPlan) -> list[Message]:
        """The conversation that asks for a group of sections: one user message carrying `context`."""
        return [Message("user", self.prompts.user_message(sections), context=self.context_text(context))]

    def estimate(self, sections: list[Section], title: str = "") -> Estimate:
        """Tokens and cost of converting `sections` (of a document titled `title`), from the size of
        the prompts; no request is made. See `planning.estimate_requests`."""
        from easyread.backends.planning import estimate_requests

        return estimate_requests(self, sections, title)

    def request_overhead_chars(self) -> int:
        """Characters every request sends besides the prompts (e.g. the answer's schema)."""
        return 0

    def context_text(self, context: DocumentPlan) -> str:
        """The document context as the model reads it (the cached part of each section request)."""
        return self.prompts.context_message(context.title, [item.sentence for item in context.opening],
                                            context.glossary_pairs())

    def answer_key(self, section: Section, context: DocumentPlan) -> str:
        """The answer cache key of `section` asked with `context` (a new context is a new question)."""
        prompts = hashlib.sha256(f"{self.prompts.fingerprint}\0{context.fingerprint}".encode()).hexdigest()
        return cache_key(self.cache_scope, self.model, prompts, self.prompts.version, section)

    def _simplify_group(self, sections: list[Section], context: DocumentPlan) -> list[EasySection]:
        """The sections of one group: answered by the model in one request where it can; a section
        whose answer is unusable is converted by the rules backend. Bare headings are never cached."""
        if all(is_bare(section) for section in sections):  # nothing to send: headings only
            return [self._rules_backend().simplify(section) for section in sections]
        try:
            answers = self._answer(sections, context, splits=0)
        except EasyReadError:
            # Refused for every section (a bad key or model): the user must fix it. Stop here, in the
            # thread that saw it, so this thread does not start the next queued group first.
            self.close()
            raise
        except Exception as error:  # an SDK surprise must not lose the sections either
            reason = self.scrub(f"unexpected {type(error).__name__}: {error}")
            answers = [reason] * len(sections)
        results = []
        for section, answer in zip(sections, answers, strict=True):
            if is_bare(section):  # a heading over the sections after it: its heading, never items
                heading = answer.heading if isinstance(answer, EasyReadAnswer) else ""
                results.append(EasySection(heading=heading.strip(), items=[]))
            elif isinstance(answer, str):
                results.append(self._fall_back(section, answer))
            else:
                if self.cache:
                    self.cache.put(self.answer_key(section, context), self.name, self.model, answer.model_dump_json())
                results.append(self._finish(answer, section, context))
        return results

    def _answer(self, sections: list[Section], context: DocumentPlan, splits: int) -> list[EasyReadAnswer | str]:
        """An answer for each section of a group, or why there is none. An answer that runs out of
        tokens is asked again in two halves: of the group (a bare heading staying with the section
        after it), or of a lone section's blocks (at most MAX_SPLITS times)."""
        try:
            return self._ask(sections, context)
        except _TooLong:
            pass
        except _Failed as failure:
            return [str(failure)] * len(sections)
        texts = [index for index, section in enumerate(sections) if not is_bare(section)]
        if len(texts) > 1:
            cut = texts[len(texts) // 2 - 1] + 1
            return self._answer(sections[:cut], context, splits) + self._answer(sections[cut:], context, splits)
        lone = sections[texts[0]]
        too_long = "the answer was longer than the token limit, even for a part of the section"
        halves = split_in_two(lone)
        if halves is None or splits >= MAX_SPLITS:
            answer: EasyReadAnswer | str = too_long
        else:
            parts: list[EasyReadAnswer] = []
            answer = ""
            for half, numbers in halves:  # stop at the first half that fails: the section falls back
                part = self._answer([half], context, splits + 1)[0]
                if isinstance(part, str):
                    answer = part
                    break
                parts.append(renumbered(part, numbers))
            if not answer:
                answer = merge_answers(*parts)
        return [answer if index == texts[0] else EasyReadAnswer(heading="", items=[]) for index in range(len(sections))]

    def _ask(self, sections: list[Section], context: DocumentPlan) -> list[EasyReadAnswer | str]:
        """Ask for a group once; when any section's answer has a problem, tell the model every
        problem, section by section, and ask ONCE more. For each section: the first answer when it
        had no problem; else the repaired answer when it is usable (soft problems at most, which are
        flagged), else the first when that one was; else why not, in one line (it falls back)."""
        known = self.known_texts(context)
        conversation = self.first_request(sections, context)
        reply = self._send(conversation)
        answers, problem = parse_group(reply.text, len(sections))
        if answers is None:
            first: list[list[Problem]] = [[Problem(problem or "The answer is not JSON.", hard=True)]] * len(sections)
        else:
            first = [section_findings(a, s, known) for a, s in zip(answers, sections, strict=True)]
            if not any(first):
                return list(answers)
        told = first if answers is not None else first[:1]  # a reply that is no answer is said once
        conversation += [Message("assistant", reply.text or "{}"),
                         Message("user", self.prompts.repair_message(labelled(
                             [[found.text for found in problems] for problems in told])))]
        try:
            reply = self._send(conversation)
            again, problem = parse_group(reply.text, len(sections))
        except (_Failed, _TooLong) as failure:  # the repair request failed: keep what the first answer can give
            if answers is None:
                raise
            again, problem = None, str(failure) or "the repair was longer than the token limit"
        results: list[EasyReadAnswer | str] = []
        for index, section in enumerate(sections):
            if answers is not None and not first[index]:
                results.append(answers[index])
                continue
            second = ([Problem(problem or "The answer is not JSON.", hard=True)] if again is None
                      else section_findings(again[index], section, known))
            if again is not None and is_usable(second):
                results.append(again[index])
            elif answers is not None and is_usable(first[index]):
                results.append(answers[index])
            else:
                results.append(failure_reason(second))
        return results

    def known_texts(self, context: DocumentPlan) -> Sequence[str]:
        """Texts besides a section that its request showed the model: the document's Easy Read
        title, opening and glossary. Their facts an answer may repeat without inventing them."""
        return [context.title, *(item.sentence for item in context.opening),
                *(f"{hard.word}: {hard.explanation or ''}" for hard in context.glossary)]

    def _finish(self, answer: EasyReadAnswer, section: Section, context: DocumentPlan) -> EasySection:
        """The section made from a usable `answer`; when it still breaks soft rules, the section is
        named in `kept` with what a person should review, item by item (the items carry the flags)."""
        reason = kept_reason(section_findings(answer, section, self.known_texts(context)))
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
