"""One bound on LLM requests in flight across every document of a batch, across worker processes.

Each document's LLM backend sends up to `--jobs` sections at once; a batch converts several
documents at once in worker processes. Without a shared bound the requests in flight would be
documents x jobs. The batch makes one process-shared semaphore (`--max-requests`) and hands it to
every worker; `request_slot` holds one place in it for the length of a request.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

_shared: Any = None  # a multiprocessing semaphore, set in each worker of a batch; None outside a batch


def share(semaphore: Any) -> None:
    """Use `semaphore` (or no bound, with None) for every request this process sends from now on."""
    global _shared
    _shared = semaphore


@contextlib.contextmanager
def request_slot() -> Iterator[None]:
    """Hold one of the batch's request places while a request is sent (no wait outside a batch)."""
    if _shared is None:
        yield
        return
    _shared.acquire()
    try:
        yield
    finally:
        _shared.release()
