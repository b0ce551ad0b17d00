"""Anthropic's Message Batches API: the first request of every section of many documents, sent as
one batch at the batch discount (see `data/prices.toml`), answered within 24 hours.

Three parts:
- `first_conversations(backend, source)`: THE SEAM between the batch and how requests are built.
  It gives the conversations the normal path would send first for a document (today one per
  section with text, from `Prompts.user_message`), leaving out sections whose answer is cached.
  When requests change shape (a planning step, several sections a request), only this changes.
- `MessageBatches`: create, retrieve and results through the official SDK
  (`client.messages.batches.*`), with errors turned into one-line reasons.
- `PrefetchedAnthropic`: the anthropic backend, whose `send` answers a conversation from the
  batch's results when the batch holds it, and otherwise sends it as an ordinary request. So a
  batch answer goes through exactly the checks, repair, splitting and fallback of `llm.py`; a
  repair (or the halves of a section whose answer ran too long) is an ordinary request, sent at
  once, rather than a second batch that could take another 24 hours for a few requests.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from easyread.backends.anthropic import AnthropicBackend
from easyread.backends.llm import Message, Reply, RequestFailed
from easyread.backends.usage import TokenUsage, batch_discount
from easyread.errors import UsageError
from easyread.model import SourceDocument
from easyread.secrets import scrub

MAX_CUSTOM_ID = 64  # the API's limit; custom ids are letters, digits, '_' and '-'
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def conversation_key(messages: list[Message]) -> str:
    """A stable key for one conversation: the same text in the same roles gives the same key."""
    text = json.dumps([[message.role, message.context, message.text] for message in messages], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def custom_id(document: int, section: int, source: str) -> str:
    """The batch request id of the `section`-th request (from 0) of the `document`-th document of a
    run, with the document's name in it for a person reading the results: "d0002-s0003-a_letter_md"."""
    name = _NOT_ID.sub("_", source).strip("_")
    return f"d{document:04d}-s{section:04d}-{name}"[:MAX_CUSTOM_ID]


def first_conversations(backend: AnthropicBackend, source: SourceDocument) -> list[list[Message]]:
    """The first conversation of each request the normal path (`LLMBackend.simplify_all`) would send
    for the sections of `source`, in order, once each: the document's plan is asked for first, as
    an ordinary request (small, and every section request carries it: see `plan_document`; it is
    cached, so the conversion asks for it again for free), then the sections not answered in the
    cache are grouped as `simplify_all` groups them (`cached_and_groups`, `first_request`), each
    request carrying the plan as context."""
    from easyread.backends.group_answer import is_bare
    from easyread.prepare import remove_emoji

    source, _ = remove_emoji(source)  # as simplify_document sends it
    plan = backend.plan_document(source)
    _, groups = backend.cached_and_groups(source.sections, plan)
    conversations: dict[str, list[Message]] = {}
    for group in groups:
        sections = [source.sections[index] for index in group]
        if all(is_bare(section) for section in sections):
            continue  # headings only: nothing is sent
        conversation = backend.first_request(sections, plan)
        conversations.setdefault(conversation_key(conversation), conversation)
    return list(conversations.values())


@dataclass(frozen=True)
class BatchReply:
    """One result of a batch: the answer's text and why it stopped, with its tokens; or why there
    is no answer (`error`: the request errored, expired or was cancelled)."""

    text: str | None = None
    stop_reason: str | None = None
    usage: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def reply_of(line: Any) -> BatchReply:
    """The `BatchReply` of one line of a batch's results (the SDK's MessageBatchIndividualResponse)."""
    result = line.result
    if result.type == "succeeded":
        message = result.message
        text = "".join(block.text for block in message.content if getattr(block, "type", None) == "text")
        usage = message.usage
        return BatchReply(scrub(text) or None, message.stop_reason, {
            "input": usage.input_tokens or 0, "output": usage.output_tokens or 0,
            "cache_read": usage.cache_read_input_tokens or 0, "cache_write": usage.cache_creation_input_tokens or 0})
    if result.type == "errored":
        inner = getattr(result.error, "error", None)
        detail = f"{getattr(inner, 'type', 'error')}: {getattr(inner, 'message', '')}".strip(": ")
        return BatchReply(error=scrub(f"the batch request failed ({detail})")[:300])
    if result.type == "expired":
        return BatchReply(error="the batch reached its 24 hours before this request was answered")
    return BatchReply(error="the batch was cancelled before this request was answered")


class MessageBatches:
    """The Message Batches API of `backend`'s client. Errors become UsageError (create: nothing was
    sent, or the server refused it) or RequestFailed (retrieve, results), with a one-line reason."""

    def __init__(self, backend: AnthropicBackend) -> None:
        self.backend = backend

    def create(self, requests: list[tuple[str, list[Message]]]) -> str:
        """Submit `requests` ([(custom_id, conversation)]) as one batch; its id."""
        body = [{"custom_id": name, "params": self.backend.request(conversation)} for name, conversation in requests]
        try:
            return str(self._call(lambda client: client.messages.batches.create(requests=body)).id)
        except RequestFailed as error:
            raise UsageError(None, f"anthropic: cannot submit the message batch: {error}") from None

    def status(self, batch_id: str) -> tuple[str, dict[str, int]]:
        """The batch's processing_status ("in_progress", "canceling", "ended") and request counts."""
        batch = self._call(lambda client: client.messages.batches.retrieve(batch_id))
        counts = batch.request_counts
        return str(batch.processing_status), {name: int(getattr(counts, name, 0) or 0) for name in
                                              ("processing", "succeeded", "errored", "canceled", "expired")}

    def results(self, batch_id: str) -> dict[str, BatchReply]:
        """Every result of an ended batch, by custom id."""
        def read(client: Any) -> dict[str, BatchReply]:
            return {line.custom_id: reply_of(line) for line in client.messages.batches.results(batch_id)}

        return self._call(read)

    def _call(self, call: Any) -> Any:
        import anthropic

        try:
            return call(self.backend.client())
        except anthropic.APIStatusError as error:
            body = error.body if isinstance(error.body, dict) else {}
            inner = body.get("error") if isinstance(body.get("error"), dict) else {}
            raise RequestFailed(self.backend.scrub(f"the server answered {error.status_code} "
                                                   f"({inner.get('message') or error.message})")) from None
        except anthropic.APIError as error:
            raise RequestFailed(self.backend.scrub(f"{type(error).__name__}: {error}")) from None


class PrefetchedAnthropic(AnthropicBackend):
    """The anthropic backend with a batch's answers in hand: `replies` ({conversation_key: reply}).
    Their tokens are counted apart (`batch_usage`) and cost the batch price."""

    def __init__(self, replies: dict[str, BatchReply] | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.replies = dict(replies or {})
        self.batch_usage = TokenUsage()

    def send(self, messages: list[Message]) -> Reply:
        reply = self.replies.get(conversation_key(messages))
        if reply is None:
            return super().send(messages)
        if reply.error is not None:
            self.batch_usage.add()  # a request sent, though not answered (and not billed)
            raise RequestFailed(reply.error)
        self.batch_usage.add(**reply.usage)
        return Reply(text=reply.text, stop_reason=reply.stop_reason)

    @property
    def tokens(self) -> int:
        return self.usage.total + self.batch_usage.total

    @property
    def cost(self) -> float | None:
        ordinary, batched = self.usage.cost(self.model), self.batch_usage.cost(self.model)
        if ordinary is None or batched is None:
            return None
        return ordinary + batched * (1 - batch_discount())
