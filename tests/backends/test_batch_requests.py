"""A batch with an LLM backend keeps one bound on requests in flight across all its worker processes."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.backends.fake_anthropic import Recorded

SECTIONS = 4
DELAY = 0.3


def most_at_once(requests: list[Recorded]) -> int:
    events = sorted([(r.started, 1) for r in requests] + [(r.finished, -1) for r in requests])
    running = peak = 0
    for _, change in events:
        running += change
        peak = max(peak, running)
    return peak


def write_documents(folder, count: int = 3) -> None:
    folder.mkdir()
    for number in range(count):
        parts = [f"# Letter {number}"]
        for section in range(SECTIONS):
            parts += [f"## Part {section}", f"Letter {number} part {section}: your bin goes out on day {section + 1}."]
        (folder / f"letter{number}.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def run_batch(tmp_path, name: str, max_requests: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "easyread", "convert", str(tmp_path / "in"), "-o", str(tmp_path / name), "-b",
         "anthropic", "-j", "3", "--max-requests", str(max_requests), "--no-cache", "-q"],
        capture_output=True, text=True, env=dict(os.environ), timeout=120,
    )


def test_max_requests_bounds_the_whole_batch_not_each_document(tmp_path, fake_anthropic):
    fake_anthropic.default = lambda request: {"delay": DELAY}
    write_documents(tmp_path / "in")

    bounded = run_batch(tmp_path, "bounded", max_requests=1)
    assert bounded.returncode == 0, bounded.stderr
    assert len(fake_anthropic.requests) == 3 * 2  # each letter: its plan, then its short sections in one request
    assert most_at_once(fake_anthropic.requests) <= 1

    fake_anthropic.requests.clear()
    loose = run_batch(tmp_path, "loose", max_requests=12)
    assert loose.returncode == 0, loose.stderr
    # without the bound, one request of each document would be in flight at once (a document's
    # requests are its plan, then its sections in one request)
    assert most_at_once(fake_anthropic.requests) > 1
