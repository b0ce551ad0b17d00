"""Convert one document of a batch, in a worker process (or in the batch's own process).

A worker ignores Ctrl-C (the batch decides what to do) and, told to stop with SIGTERM mid-document,
lets the atomic writes remove their temporary files before it exits. A worker never outlives the
batch: when the batch's process dies, even by SIGKILL, the worker stops the same way (a thread
watches a pipe that only the batch's process holds open).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from easyread.errors import EXIT_USAGE, EasyReadError
from easyread.ledger import set_aside_summary, unexplained
from easyread.manifest import DocumentRecord


@dataclass(frozen=True)
class Task:
    """One document to convert, as sent to a worker (picklable)."""

    path: Path
    source: str  # relative to the folder it was found in, POSIX style: the manifest key
    target: Path
    backend: str
    backend_options: dict[str, Any]
    max_bytes: int
    sha256: str = ""
    tries: int = 0
    formats: tuple[str, ...] = ("pdf",)  # the first one's file is `target`; the others go beside it
    pictures: str | None = None  # "openmoji" or a picture folder
    force: bool = False  # replace existing files at the output names that easyread did not make


_IN_TASK = False


class _Abandoned(BaseException):
    """Raised in a worker told to stop mid-document, so atomic writes remove their temporary files."""


def _stop_worker(signum: int, frame: object) -> None:
    if not _IN_TASK:
        os._exit(0)
    # The exception unwinds the document, and its atomic writes remove their temporary files. It can
    # be swallowed if it lands in a __del__ method; the alarm ends the worker anyway.
    if hasattr(signal, "alarm"):  # not on Windows
        signal.signal(signal.SIGALRM, lambda *_: os._exit(143))
        signal.alarm(2)
    raise _Abandoned()


def _quiet_unraisable(unraisable: Any) -> None:
    if not isinstance(unraisable.exc_value, _Abandoned):
        sys.__unraisablehook__(unraisable)


@dataclass(frozen=True)
class Finished:
    """What a worker sends back: the document's record, and whether the batch must stop (the error
    was about the command, not the document: a key or model the server refused, exit 2)."""

    record: DocumentRecord
    stops_batch: bool = False


def start_worker(request_slots: Any = None, lifeline: Any = None) -> None:
    from easyread.backends.slots import share
    from easyread.secrets import scrub_standard_streams

    scrub_standard_streams()  # a worker holds the key too: what it prints is scrubbed like the CLI's
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    signal.signal(signal.SIGTERM, _stop_worker)
    sys.unraisablehook = _quiet_unraisable
    share(request_slots)
    if lifeline is not None:
        stop_with_batch(lifeline)


def stop_with_batch(lifeline: Any) -> None:
    """Stop this worker, as SIGTERM would, as soon as the batch's process has ended in any way.

    `lifeline` is the reading end of a pipe whose writing end only the batch's process holds
    (see `pool`): when that process ends, SIGKILL included, the system closes the writing end and
    a thread waiting here reads the end of the pipe. (The worker's parent is the forkserver, which
    outlives the batch while workers run, so os.getppid() and PR_SET_PDEATHSIG cannot tell.)
    """
    import threading

    def watch() -> None:
        with contextlib.suppress(EOFError, OSError):
            while True:
                lifeline.recv_bytes()  # the batch never writes: this returns only at the end
        os.kill(os.getpid(), signal.SIGTERM)  # as if the batch had stopped us: temporary files go
        time.sleep(5)
        os._exit(143)

    threading.Thread(target=watch, name="easyread-lifeline", daemon=True).start()


def convert_one(task: Task) -> Finished:
    """Convert one document and describe the result; never raises for a bad document."""
    global _IN_TASK
    _IN_TASK = True
    try:
        return _convert(task)
    except _Abandoned:
        os._exit(143)
    finally:
        _IN_TASK = False


def convert_with(task: Task, backend: Any) -> Finished:
    """Convert `task`'s document, in this process, with a backend already built (the Message Batches
    path: a backend holding the batch's answers); never raises for a bad document."""
    return _convert(task, backend)


def _convert(task: Task, backend: Any = None) -> Finished:
    """Convert `task`'s document with `backend` (default: a new one of the task's backend and options)."""
    from easyread.backends import get_backend
    from easyread.pipeline import convert

    record = DocumentRecord(source=task.source, status="failed", source_sha256=task.sha256, backend=task.backend,
                            model=task.backend_options.get("model"))
    try:
        backend = backend if backend is not None else get_backend(task.backend, **task.backend_options)
        result = convert(task.path, task.target, backend=backend, max_bytes=task.max_bytes, formats=task.formats,
                         pictures=task.pictures, force=task.force)
    except EasyReadError as error:
        # a usage error that names no file is about the command (a refused key, a model the server
        # does not know): every other document would fail the same way
        stops = error.exit_code == EXIT_USAGE and error.path is None
        return Finished(replace(record, error=error.reason, finished_at=now()), stops_batch=stops)
    except Exception as error:  # a bug, not bad input: one line, and the batch goes on
        detail = (str(error).strip().splitlines() or [""])[0][:120]
        return Finished(replace(record, error=f"could not convert ({type(error).__name__}: {detail})",
                                finished_at=now()))
    before, after = result.scores_before, result.scores_after
    return Finished(replace(
        record, status="converted", pages=result.pages,
        scores_before={"reading_ease": before.flesch_reading_ease, "grade": before.flesch_kincaid_grade} if before else None,
        scores_after={"reading_ease": after.flesch_reading_ease, "grade": after.flesch_kincaid_grade} if after else None,
        facts_missing=[f"{fact.text} ({fact.location})" for fact in result.missing_facts],
        parts_set_aside=dict(set_aside_summary(result.document.ledger)),
        parts_unexplained=[entry.location for entry in unexplained(result.document.ledger)],
        tokens=int(getattr(backend, "tokens", 0) or 0), cost=getattr(backend, "cost", None),
        model=getattr(backend, "model", None) or record.model, finished_at=now(),
    ))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def pool(jobs: int, max_requests: int | None = None):  # type: ignore[no-untyped-def]
    """Worker processes. "forkserver" (where there is one) forks workers from a clean process that
    has already imported the pipeline and converted a letter (easyread.preload): cheap to start, and
    safe beside the progress bar's thread. With `max_requests`, the workers share one bound on LLM
    requests in flight. Each worker stops when this process ends (stop_with_batch)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["easyread.worker", "easyread.preload"])
    else:
        context = multiprocessing.get_context("spawn")
    slots = context.BoundedSemaphore(max_requests) if max_requests else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=start_worker,
                               initargs=(slots, _lifeline(context)))


_LIFELINE: list[Any] = []  # (reading end, writing end): made once, held open until this process ends


def _lifeline(context: Any) -> Any:
    """The reading end of this process's lifeline pipe, for workers to watch (see stop_with_batch).
    The writing end is never written, closed or handed on: it closes when this process ends."""
    if not _LIFELINE:
        _LIFELINE.extend(context.Pipe(duplex=False))
    return _LIFELINE[0]
