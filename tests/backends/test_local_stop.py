"""Stopping at once: Ctrl-C with requests in flight, and the section pool underneath."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from easyread.backends import get_backend
from easyread.backends.section_pool import in_order
from tests.backends.fake_llama import FakeLlama
from tests.backends.test_local_server import one_section_a_request, sections  # noqa: F401 - an autouse fixture

pytest.importorskip("openai")


@pytest.fixture
def llama(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    fake = FakeLlama(refuse=()).start()
    yield fake
    fake.stop()


def ctrl_c_when(condition) -> threading.Thread:
    """A real SIGINT to the main thread, as the terminal sends on Ctrl-C (it interrupts a blocked
    read), as soon as `condition()` holds (within 10 s)."""
    def watch() -> None:
        if wait_for(condition, 10.0):
            time.sleep(0.05)
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    return watcher


def wait_for(condition, seconds: float = 1.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def pool_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name.startswith("easyread-llm")]


@pytest.mark.parametrize("jobs", [4, 1])
def test_ctrl_c_cancels_the_requests_in_flight_at_once(llama, jobs):
    llama.script = [{}]  # the first answer settles the JSON mode; every later one is slow
    llama.default = lambda request: {"delay": 5.0}
    chosen = get_backend("openai", model="tiny-chat", base_url=llama.url, jobs=jobs, cache=False)
    watcher = ctrl_c_when(lambda: len(llama.requests) == 1 + jobs)
    with pytest.raises(KeyboardInterrupt):
        chosen.simplify_all(sections(8))
    interrupted = time.monotonic()
    watcher.join()
    assert llama.requests[-1].started - llama.requests[0].started < 3.0  # the test did not wait for the slow answers
    in_flight = len(llama.requests) - 1
    assert in_flight == jobs
    assert wait_for(lambda: llama.cancelled == in_flight)  # the server saw each client go
    assert time.monotonic() - interrupted < 1.0  # at once, not after the 5 s the server would take
    time.sleep(0.1)
    assert len(llama.requests) == 1 + jobs  # and no section started after the Ctrl-C
    # Nothing for Python's exit to wait for (the thread pool's exit hook gave the second Ctrl-C's traceback)
    assert all(thread.daemon for thread in pool_threads())


def test_the_pool_keeps_order_and_bounds_the_work_at_once():
    running, peak, lock = [0], [0], threading.Lock()

    def work(number: int) -> int:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.02 * (5 - number))
        with lock:
            running[0] -= 1
        return number * 10

    assert in_order(work, list(range(5)), jobs=3, stop=lambda: None) == [0, 10, 20, 30, 40]
    assert peak[0] == 3


def test_the_first_error_stops_the_pool_and_is_raised():
    started, stopped = [], []

    def work(number: int) -> int:
        started.append(number)
        if number == 1:
            raise ValueError("every section would fail")
        time.sleep(0.05)
        return number

    with pytest.raises(ValueError, match="every section"):
        in_order(work, list(range(20)), jobs=2, stop=lambda: stopped.append(True))
    assert stopped == [True] and len(started) < 5
