"""Convert many documents: find them, map each to an output in a mirrored tree, convert them in a
pool of worker processes, keep a manifest, skip what is unchanged, and stop cleanly on Ctrl-C.

One bad document never stops the others: each is converted on its own and its failure recorded with
a one-line reason. `run_batch` returns a `BatchSummary`; the CLI only prints it.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from easyread.errors import EXIT_DOCUMENT_FAILED, EXIT_INTERRUPTED, EXIT_OK, UsageError
from easyread.inputs import find_inputs, is_batch, nothing_to_convert, output_path
from easyread.lock import folder_lock
from easyread.manifest import MANIFEST_NAME, DocumentRecord, Manifest, file_sha256
from easyread.outputs import DEFAULT_FORMATS, FORMATS, output_paths
from easyread.pipeline import DEFAULT_MAX_BYTES
from easyread.stopping import abandon, interrupts_raise, remove_partial_files
from easyread.worker import Task, convert_one, now, pool

__all__ = ["BatchSummary", "Outcome", "Reporter", "is_batch", "run_batch"]

RETRIES_AFTER_A_CRASH = 1  # a worker that dies breaks the pool: the documents in flight are tried again, alone


@dataclass
class Outcome:
    """What happened to one document: its record, and where it came from and went."""

    path: Path
    record: DocumentRecord
    target: Path | None = None
    seconds: float = 0.0

    @property
    def source(self) -> str:
        return self.record.source

    @property
    def status(self) -> str:
        return self.record.status

    @property
    def reason(self) -> str:
        return self.record.error or ""


@dataclass
class BatchSummary:
    """Everything a batch did, in the order documents finished."""

    output: Path
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False
    abandoned: list[str] = field(default_factory=list)  # sources not finished when interrupted
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # one line each, e.g. a damaged manifest read

    def having(self, status: str) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def converted(self) -> list[Outcome]:
        return self.having("converted")

    @property
    def unchanged(self) -> list[Outcome]:
        return self.having("unchanged")

    @property
    def skipped(self) -> list[Outcome]:
        return self.having("skipped")

    @property
    def failed(self) -> list[Outcome]:
        return self.having("failed")

    @property
    def manifest(self) -> Path:
        return self.output / MANIFEST_NAME

    stopped: UsageError | None = None  # why the batch stopped before the end (a refused key), if it did

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_DOCUMENT_FAILED if self.failed else EXIT_OK


class Reporter(Protocol):
    """Told as documents start and finish; `easyread.progress` draws bars or prints lines."""

    def begin(self, to_convert: int) -> None: ...
    def started(self, source: str) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...
    def end(self) -> None: ...


class _Silent:
    def begin(self, to_convert: int) -> None: ...
    def started(self, source: str) -> None: ...
    def finished(self, outcome: Outcome) -> None: ...
    def end(self) -> None: ...


# ---- running a batch ---------------------------------------------------------------------------


def run_batch(
    sources: Sequence[Path | str],
    output: Path,
    *,
    backend: str = "rules",
    backend_options: dict[str, Any] | None = None,
    recursive: bool = False,
    jobs: int | None = None,
    force: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reporter: Reporter | None = None,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    pictures: str | None = None,
    max_requests: int | None = None,
    message_batch: bool = False,
    poll_seconds: float | None = None,
) -> BatchSummary:
    """Convert every document in `sources` (files, folders, globs) into the folder `output`.

    Raises UsageError before converting anything when a source does not exist, no document is
    found, `output` is not a folder, the backend is unknown, or another batch is writing into
    `output` (easyread.lock); and after the documents in flight when the server refuses the key
    or the model (401, 403, 404: no document could succeed). Ctrl-C or SIGTERM returns a summary
    with `interrupted` set.

    `message_batch` (anthropic only) sends the documents' requests as one Message Batch, polled every
    `poll_seconds` (easyread.batch_api), instead of converting them in worker processes.
    """
    from easyread import __version__
    from easyread.backends import BACKENDS, LLM_BACKENDS, get_backend

    started = time.monotonic()
    output = Path(output)
    if output.exists() and not output.is_dir():
        raise UsageError(output, "is a file; converting several documents needs an output folder")
    if not output.exists() and output.suffix.lower() in {spec.extension for spec in FORMATS.values()}:
        raise UsageError(output, f"converting several documents needs an output folder, not a {output.suffix} file")
    if backend not in BACKENDS:
        raise UsageError(None, f"unknown backend '{backend}' (choose from: {', '.join(sorted(BACKENDS))})")
    if message_batch and backend != "anthropic":
        raise UsageError(None, f"--batch-api sends Anthropic's Message Batches: it needs --backend anthropic, "
                               f"not '{backend}'")
    options = dict(backend_options or {})
    settings: dict[str, Any] = {"easyread": __version__, "backend": backend, "model": options.get("model")}
    if backend in LLM_BACKENDS:
        # a missing key or prompt folder is a usage error before anything starts; and the model and
        # prompts actually used are settings: a new default model or prompt converts documents again
        checked = get_backend(backend, **options)
        settings.update(model=getattr(checked, "model", None), prompts=checked.prompts.fingerprint[:16])  # type: ignore[attr-defined]
    found, unsupported = find_inputs(sources, recursive=recursive, exclude=output)
    if not found:
        raise nothing_to_convert(sources, unsupported)
    if pictures:
        from easyread.pictures.catalogue import catalogue_for

        catalogue_for(pictures)  # a missing picture folder is a usage error before anything starts
    settings.update(formats=list(formats), pictures=pictures)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(output, f"cannot make the output folder ({(error.strerror or str(error)).lower()})") from None
    with folder_lock(output):
        summary = _locked(found, unsupported, output, settings, backend, options, jobs, force, max_bytes,
                          reporter or _Silent(), formats, pictures, max_requests,
                          _poll_seconds(poll_seconds) if message_batch else None)
    summary.seconds = time.monotonic() - started
    if summary.stopped is not None:
        raise summary.stopped
    return summary


def _locked(found, unsupported, output: Path, settings: dict[str, Any], backend: str, options: dict[str, Any],  # type: ignore[no-untyped-def]
            jobs: int | None, force: bool, max_bytes: int, reporter: Reporter, formats: tuple[str, ...],
            pictures: str | None, max_requests: int | None, poll_seconds: float | None = None) -> BatchSummary:
    """The batch itself, run while this process holds the output folder's lock; through the Message
    Batches API, polled every `poll_seconds`, when that is given."""
    from easyread.backends import LLM_BACKENDS

    manifest = Manifest.load(output, settings)
    summary = BatchSummary(output=output, warnings=list(manifest.warnings))

    def finish(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        manifest.record(outcome.record)
        reporter.finished(outcome)

    tasks: list[Task] = []
    with interrupts_raise():
        try:
            try:
                tasks = _plan(found, unsupported, output, manifest, force, finish,
                              Task(Path(), "", Path(), backend, options, max_bytes, formats=formats, pictures=pictures,
                                   force=force))
                manifest.save()
                reporter.begin(len(tasks))
                bound = max_requests if backend in LLM_BACKENDS else None
                if poll_seconds is not None:
                    _run_message_batch(tasks, output, manifest, reporter, finish, options, summary.warnings,
                                       poll_seconds)
                else:
                    _run(tasks, max(1, jobs or os.cpu_count() or 1), output, manifest, reporter, finish, bound)
            except (KeyboardInterrupt, _Stop) as stop:
                summary.interrupted = isinstance(stop, KeyboardInterrupt)
                summary.stopped = UsageError(None, stop.reason) if isinstance(stop, _Stop) else None
                finished = {outcome.source for outcome in summary.outcomes}
                summary.abandoned = [task.source for task in tasks if task.source not in finished]
        finally:
            reporter.end()
            remove_partial_files(output)
            manifest.save()
    return summary


class _Stop(Exception):
    """No document can succeed (the server refused the key or the model): stop the batch."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _plan(found, unsupported, output, manifest, force, finish, template: Task) -> list[Task]:  # type: ignore[no-untyped-def]
    """Record what needs no conversion (skipped, clashing, unchanged) and return the rest as tasks,
    each `template` with its own document."""
    for path, relative, reason in unsupported:
        finish(Outcome(path, DocumentRecord(source=relative.as_posix(), status="skipped", error=reason,
                                            finished_at=now())))
    targets: dict[str, list[tuple[Path, Path, Path]]] = {}
    for path, relative in found:
        try:
            target = output_path(relative, output, template.formats[0])
        except UsageError as error:
            finish(Outcome(path, DocumentRecord(source=relative.as_posix(), status="failed", error=error.reason,
                                                finished_at=now())))
            continue
        targets.setdefault(str(target).casefold(), []).append((path, relative, target))
    tasks = []
    for group in targets.values():
        for path, relative, target in group:
            others = [other for other in group if other[0] != path]
            if others:
                names = ", ".join(o[1].as_posix() if o[1] != relative else str(o[0]) for o in others)
                finish(Outcome(path, DocumentRecord(source=relative.as_posix(), status="failed",
                                                    error=f"same output as {names}", finished_at=now())))
                continue
            source = relative.as_posix()
            try:
                sha256 = file_sha256(path)
            except OSError as error:
                finish(Outcome(path, DocumentRecord(source=source, status="failed", finished_at=now(),
                                                    error=f"cannot be read ({error.strerror or error})")))
                continue
            if not force and manifest.is_unchanged(source, sha256):
                finish(Outcome(path, replace(manifest.documents[source], status="unchanged"), target))
                continue
            tasks.append(replace(template, path=path, source=source, target=target, sha256=sha256))
    return tasks


def _run_message_batch(tasks: list[Task], output: Path, manifest: Manifest, reporter: Reporter, finish,  # type: ignore[no-untyped-def]
                       options: dict[str, Any], warnings: list[str], poll_seconds: float) -> None:
    """Convert `tasks` through Anthropic's Message Batches API (easyread.batch_api)."""
    from easyread.batch_api import run_message_batch

    def done(task: Task, finished, seconds: float) -> None:  # type: ignore[no-untyped-def]
        finish(_record(task, finished.record, output, manifest, seconds))
        manifest.save_soon()
        if finished.stops_batch:
            raise _Stop(finished.record.error or "the server refused the request")

    run_message_batch(tasks, manifest, reporter, done, options, warnings, poll_seconds)


def _poll_seconds(given: float | None) -> float:
    from easyread.batch_api import DEFAULT_POLL_SECONDS

    return given if given is not None else DEFAULT_POLL_SECONDS


def _record(task: Task, record: DocumentRecord, output: Path, manifest: Manifest, seconds: float) -> Outcome:
    record = replace(record, source_sha256=task.sha256, settings_hash=manifest.settings_hash)
    if record.status == "converted":
        paths = output_paths(task.target.with_suffix(""), task.formats)
        record.outputs = [path.relative_to(output).as_posix() for path in paths.values()]
    return Outcome(task.path, record, task.target, seconds)


def _run(tasks: list[Task], jobs: int, output: Path, manifest: Manifest, reporter: Reporter, finish,  # type: ignore[no-untyped-def]
         max_requests: int | None = None) -> None:
    """Convert `tasks`, `jobs` at a time, saving the manifest after each; KeyboardInterrupt stops it.
    The worker processes share one bound of `max_requests` LLM requests in flight."""
    if jobs == 1 or len(tasks) <= 1:  # in this process: no start-up cost, and Ctrl-C interrupts directly
        for task in tasks:
            reporter.started(task.source)
            began = time.monotonic()
            done = convert_one(task)
            finish(_record(task, done.record, output, manifest, time.monotonic() - began))
            manifest.save_soon()
            if done.stops_batch:
                raise _Stop(done.record.error or "the server refused the request")
        return
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    queue = deque(tasks)
    running: dict[Any, tuple[Task, float]] = {}
    executor = pool(jobs, max_requests)
    current: set[Any] = set()  # futures of the current pool: only their breaking calls for a new one
    try:
        while queue or running:
            broken = False
            while queue and len(running) < jobs:  # submit no more than can start, so stopping is quick
                if running and (queue[0].tries or any(t.tries for t, _ in running.values())):
                    break  # a document tried again after a crash runs alone: a second crash is its own
                task = queue.popleft()
                try:
                    future = executor.submit(convert_one, task)
                except BrokenProcessPool:  # a worker died a moment ago: the task waits for a new pool
                    queue.appendleft(task)
                    broken = True
                    break
                reporter.started(task.source)
                running[future] = (task, time.monotonic())
                current.add(future)
            done, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
            pool_broke = any(isinstance(f.exception(), BrokenProcessPool) for f in done & current if not f.cancelled())
            current -= done
            stop = None
            for future in done:
                task, began = running[future]
                try:
                    result = future.result()
                    record = result.record
                    stop = stop or (record.error if result.stops_batch else None)
                except BrokenProcessPool:
                    if task.tries < RETRIES_AFTER_A_CRASH:
                        queue.append(replace(task, tries=task.tries + 1))
                        del running[future]
                        continue
                    record = DocumentRecord(source=task.source, status="failed", backend=task.backend,
                                            error="the worker process stopped unexpectedly", finished_at=now())
                finish(_record(task, record, output, manifest, time.monotonic() - began))
                del running[future]
                manifest.save_soon()
            if stop is not None:
                raise _Stop(stop)
            if broken or pool_broke:
                executor.shutdown(wait=True, cancel_futures=True)
                executor = pool(jobs, max_requests)
                current = set()
    except (KeyboardInterrupt, _Stop):
        for future in [f for f in running if f.done() and not f.cancelled() and f.exception() is None]:
            task, began = running.pop(future)
            finish(_record(task, future.result().record, output, manifest, time.monotonic() - began))
        abandon(executor)
        raise
    executor.shutdown(wait=True)
