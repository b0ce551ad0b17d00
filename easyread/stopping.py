"""Stopping a batch cleanly: Ctrl-C and SIGTERM become one KeyboardInterrupt, workers still busy are
told to stop, and the temporary files of writes they abandoned are removed.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from easyread.atomic import is_leftover
from easyread.manifest import MANIFEST_NAME
from easyread.outputs import is_output_name


def abandon(executor) -> None:  # type: ignore[no-untyped-def]
    """Cancel what has not started and stop the workers mid-document; their temporary files go."""
    processes = list((getattr(executor, "_processes", None) or {}).values())  # no public handle before 3.14
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)


@contextlib.contextmanager
def interrupts_raise() -> Iterator[None]:
    """SIGINT and SIGTERM raise KeyboardInterrupt once; further ones are ignored while we clean up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt), signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


def remove_partial_files(output: Path) -> None:
    """Temporary files of atomic writes (`.<name>.<random>.part`, `.easyread-<random>.<ext>.part`)
    left by a worker that was killed.

    Only those of our own outputs and the manifest: the output folder may be the source folder,
    and a user's own `.something.part` file there is not ours to remove.
    """
    for partial in output.rglob(".*.part"):
        if is_leftover(partial.name, lambda target: is_output_name(target) or target == MANIFEST_NAME):
            with contextlib.suppress(OSError):
                partial.unlink()
