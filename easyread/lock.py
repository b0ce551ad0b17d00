"""One batch at a time in an output folder: a lock file the operating system releases for us.

A batch holds an exclusive lock (`flock` on Linux and macOS, `msvcrt.locking` on Windows) on
`.easyread.lock` in its output folder while it writes there. Two batches into one folder would
each rewrite the manifest from their own records and lose the other's; the second one now waits a
moment (a batch that is just finishing) and then stops with one line naming the folder and the
process that holds it. The lock belongs to the open file, so the system drops it when the holder
exits in any way, SIGKILL included: a lock file left behind by a dead batch is free to take.

The file says who holds it (process id, host, start time), for the message only; the lock itself
is what counts. The holder removes the file when it lets go. Someone who opened the file before
that and locks it afterwards sees that it is no longer the file at that name, and starts again.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from easyread.errors import UsageError

LOCK_NAME = ".easyread.lock"  # hidden, so a batch never reads it as a document
LOCK_WAIT_SECONDS = 3.0  # how long a second batch waits for the first to finish before it gives up
_POLL_SECONDS = 0.1


class FolderBusy(UsageError):
    """Another batch is writing into the output folder (exit 2: run again when it has finished)."""


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[Path]:
    """Hold the batch lock of `folder` (which must exist) for the `with` block; yields the lock file.

    Waits up to `wait` seconds for another holder, then raises FolderBusy naming the folder and
    the holder. A lock file that cannot be opened (a read-only folder) is a UsageError naming the
    folder.
    """
    path = Path(folder) / LOCK_NAME
    deadline = time.monotonic() + wait
    while True:
        handle = _open(path)
        if _try_lock(handle):
            if _same_file(handle, path):
                break
            handle.close()  # the holder removed it after we opened it: take the new one
            continue
        handle.close()
        if time.monotonic() >= deadline:
            raise FolderBusy(folder, f"another easyread batch is writing into this folder ({_holder(path)}); "
                                     "run this one when it has finished")
        time.sleep(_POLL_SECONDS)
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
        handle.flush()
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still holding it: a waiter then sees the file has gone and opens anew
        handle.close()  # closing the file releases the lock


def _open(path: Path):  # type: ignore[no-untyped-def]
    try:
        return open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for the lock's lifetime
    except OSError as error:
        raise UsageError(path.parent, f"cannot lock this output folder ({(error.strerror or str(error)).lower()})") from None


def _try_lock(handle) -> bool:  # type: ignore[no-untyped-def]
    """Take the lock without waiting: True if we hold it now."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(handle, path: Path) -> bool:  # type: ignore[no-untyped-def]
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _holder(path: Path) -> str:
    """Who holds the lock, as far as its file says: "process 4242 on host, since 2025-03-12T10:00:00+00:00"."""
    try:
        data = json.loads(path.read_text(encoding="utf-8")[:1000])
        pid, host, since = int(data["pid"]), str(data["host"])[:100], str(data["started"])[:40]
    except (OSError, ValueError, TypeError, KeyError):
        return "held by another process"
    where = "" if host == socket.gethostname() else f" on {host}"
    return f"process {pid}{where}, since {since}"
