"""Print how close `--backend anthropic` gets to the ideal time when every request takes 1 s.

A generated document of `--sections` short sections is converted (read, simplify, lay out the
PDF) against our fake Messages API (tests/backends/fake_anthropic.py), which answers each request
after `--latency` seconds. For --jobs 1, 4 and 8 it prints the wall time against the ideal
(requests x latency / jobs). No cache, no network; the SDK is imported before timing starts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.backends.fake_anthropic import FakeAnthropic  # noqa: E402


def document(folder: Path, sections: int) -> Path:
    """A Markdown letter with `sections` sections of 3 short sentences each."""
    parts = ["# A letter about your bins\n"]
    for number in range(1, sections + 1):
        parts.append(f"## Part {number}\n\nWe collect bin {number} on Tuesday. Put it out by 7am. "
                     f"Call 01632 960123 if bin {number} is missed.\n")
    path = folder / "letter.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=24, help="sections (one request each)")
    parser.add_argument("--latency", type=float, default=1.0, help="seconds the fake server takes a request")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 4, 8], help="requests in flight")
    arguments = parser.parse_args()

    fake = FakeAnthropic(default=lambda request: {"delay": arguments.latency}).start()
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update({"ANTHROPIC_BASE_URL": fake.url, "ANTHROPIC_API_KEY": "sk-benchmark",
                           "EASYREAD_CACHE_DIR": str(Path(folder) / "cache")})
        import anthropic  # noqa: F401 - imported before the clock starts, as in a long-running process

        from easyread.backends import get_backend
        from easyread.pipeline import convert

        source = document(Path(folder), arguments.sections)
        convert(source, Path(folder) / "warm-up.pdf", backend="rules")  # load word lists and fonts
        for jobs in arguments.jobs:
            fake.requests.clear()
            backend = get_backend("anthropic", jobs=jobs, cache=False)
            began = time.perf_counter()
            result = convert(source, Path(folder) / f"jobs-{jobs}.pdf", backend=backend)
            seconds = time.perf_counter() - began
            requests = len(fake.requests)
            ideal = requests * arguments.latency / jobs
            print(f"--jobs {jobs}: {requests} requests at {arguments.latency:g} s, {result.pages} pages: "
                  f"{seconds:.2f} s against an ideal of {ideal:.2f} s ({seconds / ideal:.2f}x)")
    fake.stop()


if __name__ == "__main__":
    main()
