"""Print the time to convert one paragraph of 10k, 100k and 1M characters, and the time per character.

A council document sometimes comes as one enormous paragraph (a PDF without line breaks, a pasted
web page). Conversion must take time in proportion to the text: the time per character should stay
flat as the paragraph grows. Each size runs in a fresh child process with the offline `rules`
backend and the plan (JSON) output; start-up and imports are measured apart (a 20-character
paragraph) and taken off, so the per-character figure is the conversion's own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from council_text import PARAGRAPHS

SIZES = (10_000, 100_000, 1_000_000)
CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from easyread.pipeline import convert
result = convert(Path(sys.argv[1]), Path(sys.argv[2]), formats=("json",))
print(json.dumps({"seconds": time.perf_counter() - start, "items": len(result.document.items()),
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def paragraph(characters: int) -> str:
    """Council prose run together into one paragraph of exactly `characters` characters."""
    text = ""
    index = 0
    while len(text) < characters:
        text += PARAGRAPHS[index % len(PARAGRAPHS)] + " "
        index += 1
    return text[:characters].rstrip()


def measure(folder: Path, characters: int) -> dict[str, float]:
    source = folder / f"paragraph-{characters}.txt"
    source.write_text("One long paragraph\n\n" + paragraph(characters) + "\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, "-c", CHILD, str(source), str(folder / f"{characters}.json")],
                               capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        base = measure(folder, 20)["seconds"]
        print(f"start-up and imports: {base:.2f} s (taken off below)")
        previous: tuple[int, float] | None = None
        for characters in SIZES:
            figures = measure(folder, characters)
            own = max(figures["seconds"] - base, 0.0)
            # The cost of the characters added since the last size: flat when time grows in proportion
            # to length (the word tables load on first use, which the first size pays for).
            step = "" if previous is None else (
                f", {(figures['seconds'] - previous[1]) / (characters - previous[0]) * 1e6:5.1f} µs a character "
                f"added since {previous[0]:,}")
            print(f"{characters:>9,} characters: {figures['seconds']:6.2f} s, {own / characters * 1e6:5.1f} µs a "
                  f"character{step}, {figures['items']:.0f} items, peak memory {figures['max_rss_mb']:.0f} MB")
            previous = (characters, figures["seconds"])


if __name__ == "__main__":
    main()
