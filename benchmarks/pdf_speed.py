"""Print the time per page of the untagged PDF against the tagged (PDF/UA-1) one.

The same Easy Read document (a generated policy of about 100 pages, simplified by the offline
`rules` backend, with OpenMoji pictures when they are installed) is drawn with
`render_pdf(..., tagged=False)`, which is the PDF as it was before tagging, and with
`tagged=True`, several times each, alternating; the best and median times are printed, and how
much of the tagged time is pypdf writing the structure tree (`pdf_structure.tag_pdf`). Both wall
time and this process's CPU time are given: on a busy machine the CPU time is the steadier figure.
Fonts are loaded once before timing, so start-up is not counted.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from council_text import PARAGRAPHS  # noqa: E402

RUNS = 5


def generated_document(folder: Path, sections: int = 25) -> Path:
    """A plain-text policy of about 100 Easy Read pages; each paragraph names its section, so that
    none is set aside as a repeat of another."""
    lines = ["Northbrook Borough Council Long Policy", ""]
    for number in range(1, sections + 1):
        lines += [f"Section {number} arrangements", ""]
        lines += [f"{PARAGRAPHS[(number + k) % len(PARAGRAPHS)]} This is part {k + 1} of section {number}.\n"
                  for k in range(len(PARAGRAPHS))]
    path = folder / "generated-policy.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def easy_read_document(folder: Path):  # type: ignore[no-untyped-def]
    """The generated policy as the PDF renderer gets it: simplified, opening shown, pictures chosen."""
    from easyread.backends import get_backend
    from easyread.layout.opening import with_opening_shown
    from easyread.pipeline import simplify_document
    from easyread.prepare import prepare_source
    from easyread.readers import read_source

    source = prepare_source(read_source(generated_document(folder)))
    shown = with_opening_shown(simplify_document(source, get_backend("rules"), prepared=True))
    try:
        from easyread.pictures.choose import add_pictures

        add_pictures(shown, "openmoji")
    except Exception as error:  # no picture set installed: placeholders only
        print(f"(no OpenMoji pictures: {error})")
    return shown


def main() -> None:
    from easyread.layout import pdf_structure
    from easyread.layout.pdf import render_pdf

    structure_seconds: list[float] = []
    tag_pdf = pdf_structure.tag_pdf

    def timed_tag_pdf(data, tagger):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        result = tag_pdf(data, tagger)
        structure_seconds.append(time.perf_counter() - start)
        return result

    pdf_structure.tag_pdf = timed_tag_pdf  # render_pdf imports it when it draws, so it gets this one
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        document = easy_read_document(work)
        pictures = sum(1 for item in document.items() if item.picture_file)
        render_pdf(document, work / "warm.pdf")  # fonts and pictures loaded once, outside the timing
        times: dict[bool, list[float]] = {False: [], True: []}
        cpu: dict[bool, list[float]] = {False: [], True: []}
        pages = 0
        for _ in range(RUNS):
            for tagged in (False, True):
                start, start_cpu = time.perf_counter(), time.process_time()
                pages = render_pdf(document, work / f"out-{tagged}.pdf", tagged=tagged)
                times[tagged].append(time.perf_counter() - start)
                cpu[tagged].append(time.process_time() - start_cpu)
        sizes = {tagged: (work / f"out-{tagged}.pdf").stat().st_size for tagged in (False, True)}
    print(f"{pages} pages, {len(document.items())} items, {pictures} with a picture file; {RUNS} runs each")
    for tagged, label in ((False, "untagged"), (True, "tagged (PDF/UA-1)")):
        best, median = min(times[tagged]), statistics.median(times[tagged])
        cpu_median = statistics.median(cpu[tagged])
        print(f"{label:>18}: {1000 * best / pages:6.1f} ms a page best, {1000 * median / pages:6.1f} ms median, "
              f"{1000 * cpu_median / pages:6.1f} ms CPU median ({median:.2f} s the document, "
              f"{sizes[tagged] / 1024:.0f} KiB)")
    overhead = statistics.median(times[True]) / statistics.median(times[False]) - 1
    cpu_overhead = statistics.median(cpu[True]) / statistics.median(cpu[False]) - 1
    structure = statistics.median(structure_seconds[1:])  # the warm-up run left out
    print(f"tagging costs {100 * overhead:+.0f}% wall time, {100 * cpu_overhead:+.0f}% CPU time (medians), "
          f"of which writing the structure tree with pypdf {1000 * structure / pages:.1f} ms a page")


if __name__ == "__main__":
    main()
