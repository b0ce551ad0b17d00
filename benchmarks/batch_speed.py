"""Print how fast `easyread convert FOLDER -o OUT` gets through many small documents.

1. 200 small generated documents with the offline `rules` backend: documents a second at --jobs 1
   and --jobs 2 (CPU work: the second should be close to twice the first on two cores).
2. The `mock` backend waiting 0.5 s a section, like a language model answering a request: wall time
   against the ideal (documents x sections x latency / jobs), which shows the overhead of the pool.

Each run is a fresh `python -m easyread` process, start-up included, into an empty output folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from council_text import PARAGRAPHS

SECTIONS = 2


def generate(folder: Path, count: int) -> Path:
    """`count` small letters of two sections each, half .txt and half .md."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        first, second = PARAGRAPHS[number % len(PARAGRAPHS)], PARAGRAPHS[(number + 2) % len(PARAGRAPHS)]
        if number % 2:
            text = f"# Letter {number}\n\n## What is changing\n\n{first}\n\n## What you need to do\n\n{second}\n"
            (folder / f"letter-{number:03}.md").write_text(text, encoding="utf-8")
        else:
            text = f"Letter {number}\n\nWhat is changing\n\n{first}\n\nWhat you need to do\n\n{second}\n"
            (folder / f"letter-{number:03}.txt").write_text(text, encoding="utf-8")
    return folder


def run(source: Path, output: Path, jobs: int, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "easyread", "convert", str(source), "-o", str(output),
                    "--jobs", str(jobs), "--quiet", *extra], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200, help="documents for the rules backend")
    parser.add_argument("--latency", type=float, default=0.5, help="seconds the mock backend waits a section")
    parser.add_argument("--latency-documents", type=int, default=40, help="documents for the mock backend")
    parser.add_argument("--latency-jobs", type=int, nargs="+", default=[4, 8], help="jobs for the mock backend")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        source = generate(work / "letters", arguments.documents)
        for jobs in (1, 2):
            seconds = run(source, work / f"rules-{jobs}", jobs)
            print(f"rules backend, {arguments.documents} documents, --jobs {jobs}: {seconds:.1f} s, "
                  f"{arguments.documents / seconds:.1f} documents a second")
        slow = generate(work / "slow", arguments.latency_documents)
        for jobs in arguments.latency_jobs:
            seconds = run(slow, work / f"mock-{jobs}", jobs, "--backend", "mock", "--mock-latency", str(arguments.latency))
            ideal = arguments.latency_documents * SECTIONS * arguments.latency / jobs
            print(f"mock backend, {arguments.latency} s a section, {arguments.latency_documents} documents, "
                  f"--jobs {jobs}: {seconds:.1f} s against an ideal of {ideal:.1f} s ({seconds / ideal:.2f}x)")


if __name__ == "__main__":
    main()
