"""Work on several sections at once, keep their order, and stop at once.

`in_order(work, items, jobs, stop)` runs `work` on each item, up to `jobs` at a time, and returns
the results in the items' order. It stops at once, calling `stop()` (which cuts the connections of
the requests in flight) and starting nothing more, when:
- a `work` raises (a failure every section would hit, such as a refused key): that error is raised;
- the caller is interrupted (Ctrl-C, or SIGTERM turned into KeyboardInterrupt): it is raised again.

Why not `concurrent.futures.ThreadPoolExecutor`: Python joins its threads at exit, so after Ctrl-C
the process waited for every request in flight (about 110 s in issue 12), and a second Ctrl-C
printed a KeyboardInterrupt traceback from the pool's exit hook. These threads are daemon threads:
once `stop()` has cut their connections nothing waits for them, and no traceback can come from them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
WAIT_STEP = 0.05  # seconds between looks at the workers: a simulated Ctrl-C is seen this soon


class _Run(Generic[Item, Result]):
    def __init__(self, work: Callable[[Item], Result], items: Sequence[Item]) -> None:
        self.work = work
        self.items = items
        self.results: list[Result | None] = [None] * len(items)
        self.error: BaseException | None = None
        self.next = 0
        self.finished = 0
        self.lock = threading.Lock()
        self.changed = threading.Event()
        self.stopping = False

    def take(self) -> int | None:
        with self.lock:
            if self.stopping or self.next >= len(self.items):
                return None
            index, self.next = self.next, self.next + 1
            return index

    def worker(self) -> None:
        while (index := self.take()) is not None:
            try:
                result = self.work(self.items[index])
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                with self.lock:
                    if self.error is None and not self.stopping:
                        self.error = error
                    self.stopping = True
                self.changed.set()
                return
            with self.lock:
                self.results[index] = result
                self.finished += 1
            self.changed.set()

    def done(self) -> bool:
        with self.lock:
            return self.error is not None or self.finished == len(self.items)


def in_order(work: Callable[[Item], Result], items: Sequence[Item], jobs: int,
             stop: Callable[[], None], name: str = "easyread-llm") -> list[Result]:
    """`work(item)` for every item, up to `jobs` at once (daemon threads named `name`), results in
    the items' order. The first error a `work` raises, or a KeyboardInterrupt in the calling thread,
    calls `stop()` once and is raised; items not yet started are never started."""
    run: _Run[Item, Result] = _Run(work, items)
    threads = [threading.Thread(target=run.worker, name=f"{name}-{number}", daemon=True)
               for number in range(max(1, min(jobs, len(items))))]
    try:
        for thread in threads:
            thread.start()
        while not run.done():
            run.changed.wait(WAIT_STEP)
            run.changed.clear()
    except BaseException:
        with run.lock:
            run.stopping = True
        stop()
        raise
    if run.error is not None:
        stop()
        raise run.error
    return [result for result in run.results]  # type: ignore[misc]  # every slot is filled


def in_document_order(entries: list[Item], headings: list[str], heading_of: Callable[[Item], str]) -> list[Item]:
    """`entries` (fallbacks, in the order they happened) put in document order: `headings` are the
    headings of the sections that gave an entry, in document order. Entries with the same heading
    keep the order they had among themselves (they print the same), entries of no listed heading go last."""
    slots: dict[str, list[int]] = {}
    for position, heading in enumerate(headings):
        slots.setdefault(heading, []).append(position)
    placed: list[tuple[int, int, Item]] = []
    for order, entry in enumerate(entries):
        free = slots.get(heading_of(entry), [])
        placed.append((free.pop(0) if free else len(headings) + order, order, entry))
    return [entry for _, _, entry in sorted(placed, key=lambda place: (place[0], place[1]))]
