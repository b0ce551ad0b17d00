"""Convert a folder through Anthropic's Message Batches API: `convert FOLDER -o OUT -b anthropic --batch-api`.

1. Each document to convert is read, and the first request of each of its sections
   (`message_batch.first_conversations`) becomes a batch request, named "d0001-s0002-<document>".
2. A request the manifest says is already in a batch (same document bytes, same request) is not
   sent again: that batch is collected instead. The others go in ONE new batch, whose id is saved
   in the manifest as soon as the server has it.
3. Every `poll_seconds` each batch is retrieved; the progress display says how far it is.
4. When a batch ends (the API gives results only then), its results are downloaded, and each
   document whose requests are all answered is converted at once (`PrefetchedAnthropic`: the same
   checks, repair and per-section fallback as the normal path) and written, and the manifest saved.
5. Ctrl-C (or a failed poll) leaves the batches running at Anthropic, their ids in the manifest,
   and says how to collect them; nothing half-written is left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from easyread.errors import EasyReadError
from easyread.interrupts import held_interrupts
from easyread.manifest import Manifest
from easyread.worker import Finished, Task, convert_with, now

DEFAULT_POLL_SECONDS = 30.0
NO_RESULT = "the batch's results had no answer for this request"


@dataclass
class _Document:
    task: Task
    conversations: dict[str, Any] = field(default_factory=dict)  # {conversation key: conversation}
    requests: dict[str, tuple[str, str]] = field(default_factory=dict)  # {key: (batch id, custom id)}
    finished: bool = False


def resume_hint(batch_ids: list[str]) -> str:
    """The one line a stopped run prints about the batches it leaves at Anthropic."""
    one = len(batch_ids) == 1
    return (f"message batch{'' if one else 'es'} {', '.join(batch_ids)} keep{'s' if one else ''} running at "
            "Anthropic (up to 24 hours; results are kept 29 days); run the same command again to collect "
            f"{'its' if one else 'their'} results without paying twice (the id is in the manifest)")


def run_message_batch(tasks: list[Task], manifest: Manifest, reporter: Any, done: Callable[[Task, Finished, float], None],
                      options: dict[str, Any], warnings: list[str],
                      poll_seconds: float = DEFAULT_POLL_SECONDS) -> None:
    """Convert `tasks` through one Message Batch (or the batches the manifest already lists for
    them), calling `done(task, finished, seconds)` for each document as soon as it is written.

    Raises UsageError when the batch cannot be submitted (nothing was sent); KeyboardInterrupt on
    Ctrl-C, after adding `resume_hint` to `warnings`; and an EasyReadError (exit 1) whose reason ends
    with `resume_hint` when polling fails after the SDK's retries.
    """
    from easyread.backends.llm import RequestFailed
    from easyread.backends.message_batch import MessageBatches, PrefetchedAnthropic

    began = time.monotonic()
    builder = PrefetchedAnthropic(**options)
    batches = MessageBatches(builder)
    documents = [_prepare(task, builder) for task in tasks]
    results: dict[str, dict[str, Any]] = {}
    pending: list[str] = []

    def convert_ready() -> None:
        for document in documents:
            if document.finished or any(batch_id not in results for batch_id, _ in document.requests.values()):
                continue
            replies = {key: results[batch_id].get(name) or _missing() for key, (batch_id, name) in
                       document.requests.items()}
            finished = convert_with(document.task, PrefetchedAnthropic(replies, **options))
            document.finished = True
            _forget_collected(manifest, documents, results)
            done(document.task, finished, time.monotonic() - began)

    try:
        _match_recorded(documents, manifest, batches, warnings)
        _submit_the_rest(documents, manifest, batches)
        for document in documents:
            reporter.started(document.task.source)
        pending = sorted({batch_id for document in documents for batch_id, _ in document.requests.values()})
        convert_ready()  # documents with nothing to ask (every answer cached, or unreadable)
        while pending:
            for batch_id in list(pending):
                status, counts = batches.status(batch_id)
                _note(reporter, _progress_line(batch_id, status, counts))
                if status == "ended":
                    results[batch_id] = batches.results(batch_id)
                    pending.remove(batch_id)
            convert_ready()
            if pending:
                time.sleep(poll_seconds)
    except KeyboardInterrupt:
        left = sorted({batch_id for d in documents if not d.finished for batch_id, _ in d.requests.values()})
        if left:
            warnings.append(resume_hint(left))
        raise
    except RequestFailed as error:
        raise _PollFailed(f"anthropic: cannot collect the message batch ({error})"
                          + (f"; {resume_hint(pending)}" if pending else "")) from None


class _PollFailed(EasyReadError):
    """Polling failed after the SDK's retries; the batch keeps running (exit 1)."""

    def __init__(self, reason: str) -> None:
        super().__init__(None, reason)


def _missing() -> Any:
    from easyread.backends.message_batch import BatchReply

    return BatchReply(error=NO_RESULT)


def _prepare(task: Task, builder: Any) -> _Document:
    """The document of `task` with the first conversations of its sections; none when it cannot be
    read or its outputs may not be written (its conversion then fails with the reason, unpaid)."""
    from easyread.backends.message_batch import conversation_key, first_conversations
    from easyread.outputs import output_paths
    from easyread.ownership import check_targets
    from easyread.prepare import prepare_source
    from easyread.readers import read_source

    document = _Document(task)
    try:
        check_targets(output_paths(task.target.with_suffix(""), task.formats).values(), [task.path], force=task.force)
        source = prepare_source(read_source(task.path, max_bytes=task.max_bytes))
    except EasyReadError:
        return document
    document.conversations = {conversation_key(c): c for c in first_conversations(builder, source)}
    return document


def _match_recorded(documents: list[_Document], manifest: Manifest, batches: Any, warnings: list[str]) -> None:
    """Point each request already in a batch of the manifest at that batch. A recorded batch the
    server no longer knows (results are kept 29 days) is dropped, with a warning."""
    from easyread.backends.llm import RequestFailed

    recorded: dict[tuple[str, str, str], tuple[str, str]] = {}
    for entry in list(manifest.message_batches):
        wanted = {(r["source"], r["sha256"], r["key"]) for r in entry["requests"].values()}
        if not any((d.task.source, d.task.sha256, key) in wanted for d in documents for key in d.conversations):
            continue
        try:
            batches.status(entry["id"])
        except RequestFailed as error:
            warnings.append(f"message batch {entry['id']} cannot be collected ({error}); its requests are sent again")
            manifest.message_batches.remove(entry)
            continue
        for name, request in entry["requests"].items():
            recorded[(request["source"], request["sha256"], request["key"])] = (entry["id"], name)
    for document in documents:
        for key in document.conversations:
            found = recorded.get((document.task.source, document.task.sha256, key))
            if found:
                document.requests[key] = found


def _submit_the_rest(documents: list[_Document], manifest: Manifest, batches: Any) -> None:
    """Send every request not yet in a batch as one new batch, and save its id in the manifest."""
    from easyread.backends.message_batch import custom_id

    new: list[tuple[str, Any]] = []
    records: dict[str, dict[str, str]] = {}
    owners: list[tuple[_Document, str, str]] = []
    for number, document in enumerate(documents):
        for index, (key, conversation) in enumerate(document.conversations.items()):
            if key in document.requests:
                continue
            name = custom_id(number, index, document.task.source)
            new.append((name, conversation))
            records[name] = {"source": document.task.source, "sha256": document.task.sha256, "key": key}
            owners.append((document, key, name))
    if not new:
        return
    with held_interrupts():  # Ctrl-C waits until the id is saved: a batch sent is never a batch lost
        batch_id = batches.create(new)
        manifest.message_batches.append({"id": batch_id, "created_at": now(), "requests": records})
        manifest.save()
        for document, key, name in owners:
            document.requests[key] = (batch_id, name)


def _forget_collected(manifest: Manifest, documents: list[_Document], results: dict[str, Any]) -> None:
    """Drop from the manifest each batch whose results are in and whose documents are all written."""
    unfinished = {d.task.source for d in documents if not d.finished}
    manifest.message_batches = [
        entry for entry in manifest.message_batches
        if entry["id"] not in results or any(r["source"] in unfinished for r in entry["requests"].values())]


def _progress_line(batch_id: str, status: str, counts: dict[str, int]) -> str:
    """"message batch X: in progress, 5 of 8 requests processing", or once ended, how they ended."""
    if status != "ended":
        return (f"message batch {batch_id}: {status.replace('_', ' ')}, {counts['processing']} of "
                f"{sum(counts.values())} requests processing")
    ended = ", ".join(f"{count} {name}" for name, count in counts.items() if count and name != "processing")
    return f"message batch {batch_id}: ended ({ended or 'no requests'}); writing the documents"


def _note(reporter: Any, text: str) -> None:
    waiting = getattr(reporter, "waiting", None)
    if waiting is not None:
        waiting(text)
