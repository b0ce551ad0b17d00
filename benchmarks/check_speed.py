"""Print the time to `check` a generated 100-page document (about 50,000 words), in a fresh process.

Target: under 2 s on a 2-core machine, start-up and imports included.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from council_text import PARAGRAPHS

WORDS_PER_PAGE = 500


def generated_document(folder: Path, pages: int = 100) -> Path:
    lines: list[str] = ["# A long council policy", ""]
    words = 0
    section = 0
    while words < pages * WORDS_PER_PAGE:
        section += 1
        lines += [f"## Part {section}", ""]
        for paragraph in PARAGRAPHS:
            lines += [paragraph, ""]
            words += len(paragraph.split())
    path = folder / "long-policy.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        document = generated_document(Path(folder))
        words = len(document.read_text(encoding="utf-8").split())
        start = time.perf_counter()
        completed = subprocess.run([sys.executable, "-m", "easyread", "check", str(document), "--format", "json",
                                    "--output", str(Path(folder) / "report.json")], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        print(f"check of a 100-page document ({words} words): {elapsed:.2f} s (exit {completed.returncode}; "
              f"target under 2 s)")


if __name__ == "__main__":
    main()
