"""Ctrl-C and SIGTERM while files are written: turn them into an exception that unwinds (so
temporary files go), or hold them for the few renames that must happen together.

Signal handlers can only be set in the main thread; elsewhere both helpers do nothing.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def interrupts_raise() -> Iterator[None]:
    """Inside the block SIGTERM raises KeyboardInterrupt like Ctrl-C does, so a killed conversion
    unwinds and removes what it had started to write (the default SIGTERM ends the process at once)."""
    if not _main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


@contextlib.contextmanager
def held_interrupts() -> Iterator[list[int]]:
    """Hold SIGINT and SIGTERM inside the block; yields the list of signals that arrived.

    On leaving, the usual handlers are put back and the first held signal is delivered again, so
    the caller can first undo what it did (the list is not empty) and then be interrupted as usual.
    """
    caught: list[int] = []
    if not _main_thread():
        yield caught
        return

    def hold(signum: int, frame: object) -> None:
        caught.append(signum)

    previous = {number: signal.signal(number, hold) for number in _SIGNALS}
    try:
        yield caught
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        if caught:
            signal.raise_signal(caught[0])
