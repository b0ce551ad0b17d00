"""Print the time and peak memory to convert the longest seed and a generated ~100-page document.

Each conversion runs in a fresh child process, so start-up, imports and peak memory are counted
as a user would see them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from council_text import PARAGRAPHS

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


# Peak memory is the process's maximum resident set size; tracemalloc is not used because it
# slows Python down several times and would spoil the timing.
CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from easyread.pipeline import convert
result = convert(Path(sys.argv[1]), Path(sys.argv[2]))
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "pages": result.pages, "items": len(result.document.items()),
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def generated_document(folder: Path, sections: int = 25) -> Path:
    """A plain-text policy long enough for about 100 Easy Read pages."""
    lines = ["Northbrook Borough Council Long Policy", ""]
    for number in range(1, sections + 1):
        lines += [f"Section {number} arrangements", ""]
        lines += [PARAGRAPHS[(number + k) % len(PARAGRAPHS)] + "\n" for k in range(len(PARAGRAPHS))]
    path = folder / "generated-policy.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def measure(source: Path, output: Path) -> dict[str, float]:
    completed = subprocess.run([sys.executable, "-c", CHILD, str(source), str(output)],
                               capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    seeds = [p for p in SEEDS.iterdir() if p.suffix in (".docx", ".md", ".txt")]
    longest = max(seeds, key=lambda p: p.stat().st_size if p.suffix != ".docx" else p.stat().st_size // 4)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        cases = [("longest seed: " + longest.name, longest), ("generated long document", generated_document(work))]
        for label, source in cases:
            figures = measure(source, work / (source.stem + ".pdf"))
            print(f"{label}: {figures['seconds']:.2f} s (imports included), {figures['pages']:.0f} pages, "
                  f"{figures['items']:.0f} items, peak memory (max RSS) {figures['max_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
