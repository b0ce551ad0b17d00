"""Calibrate `easyread check` on real pairs: a standard-English source and its human-made Easy Read.

For each pair in ../shared/easyread-pairs/ (ER_N_0.pdf the source, ER_N_1.pdf the human-made Easy
Read version): the scores of both halves as `easyread check` measures them, and whether each passes
under the `default` and `strict` profiles (data/check_profiles.toml). Then, per measure, the hardest
human-made version, the easiest source, whether the measure separates them, a suggested threshold
(the midpoint between the two) and its margin (half the gap), next to the default profile's
threshold. The goal (issue 14): every human-made version passes the default profile and every
source fails it; the lines after the table name each document that stands in the way. Last, the
warnings per 100 words on the human-made versions under the default profile, per document and per
rule (issue 14: at most 3; a false alarm is a bug).

Options: `--pairs FOLDER` (default ../shared/easyread-pairs); `--reader check` (default: units as
`easyread check` reads them) or `--reader convert` (each block of convert's reader a unit: a
comparison while check's PDF reading changes; its verdicts are the score gates only). Inputs that
are not there are skipped. Run from the repository root: `python benchmarks/calibration.py`.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from easyread.checks.metrics import Metrics, measure_units
from easyread.checks.profiles import profile, profile_names
from easyread.checks.run import check_document
from easyread.config import Settings

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT.parent / "shared" / "easyread-pairs"
PAIR_NAME = re.compile(r"ER_(\d+)_([01])\.pdf$")
GATES = {"flesch_reading_ease": "min_reading_ease", "flesch_kincaid_grade": "max_grade"}  # measure: profile key
# (measure, short label, True when a higher value is easier to read)
MEASURES = (
    ("flesch_reading_ease", "ease", True),
    ("flesch_kincaid_grade", "grade", False),
    ("words_per_sentence_mean", "w/s", False),
    ("words_per_sentence_max", "max", False),
    ("share_sentences_over_15", ">15", False),
    ("share_sentences_over_20", ">20", False),
    ("smog_index", "SMOG", False),
    ("gunning_fog", "fog", False),
)


@dataclass
class Measured:
    name: str
    human: bool
    metrics: Metrics
    verdicts: dict[str, tuple[bool, list[str]]] = field(default_factory=dict)  # profile: (passed, error rule ids)
    warnings: Counter[str] = field(default_factory=Counter)  # rule id: warnings under the default profile


def score_errors(metrics: Metrics, thresholds: dict[str, object]) -> list[str]:
    """The score gates a document fails under `thresholds` (a profile): ER201, ER202."""
    failed = []
    if metrics.flesch_reading_ease < float(thresholds["min_reading_ease"]):  # type: ignore[arg-type]
        failed.append("ER201")
    if metrics.flesch_kincaid_grade > float(thresholds["max_grade"]):  # type: ignore[arg-type]
        failed.append("ER202")
    return failed


def measure_pdf(path: Path, reader: str) -> Measured:
    human = PAIR_NAME.search(path.name).group(2) == "1"  # type: ignore[union-attr]
    if reader == "convert":
        from easyread.readers import read_document

        document = read_document(path)
        metrics = measure_units(block.text for section in document.sections for block in section.blocks)
        measured = Measured(path.stem, human, metrics)
        for name in profile_names():
            errors = score_errors(metrics, profile(name))
            measured.verdicts[name] = (not errors, errors)
        return measured
    measured = None
    for name in profile_names():
        report = check_document(path, Settings(profile=name))
        if measured is None:
            measured = Measured(path.stem, human, report.metrics)  # type: ignore[arg-type]
        measured.verdicts[name] = (report.passed, sorted({f.rule_id for f in report.errors}))
        if name == "default":
            measured.warnings = Counter(f.rule_id for f in report.findings if f.severity == "warning")
    assert measured is not None
    return measured


def _cell(value: float | int | None) -> str:
    return "-" if value is None else f"{value:g}"


def print_table(rows: list[Measured]) -> None:
    names = profile_names()
    header = ["document"] + [label for _, label, _ in MEASURES] + list(names)
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        cells = [row.name] + [_cell(getattr(row.metrics, key)) for key, _, _ in MEASURES]
        for name in names:
            passed, errors = row.verdicts[name]
            cells.append("pass" if passed else "FAIL " + ",".join(errors))
        print(" | ".join(cells))


def suggest(rows: list[Measured]) -> None:
    """Per measure: the hardest human-made version, the easiest source, and the midpoint between them."""
    humans = [row for row in rows if row.human]
    sources = [row for row in rows if not row.human]
    if not humans or not sources:
        print("\n(no suggestion: both halves of at least one pair are needed)")
        return
    default = profile("default")
    lines: list[str] = []
    print("\nmeasure | hardest human-made | easiest source | separates | suggested | margin | default profile")
    print("--- | --- | --- | --- | --- | --- | ---")
    for key, label, higher_is_easier in MEASURES:
        pick = (min, max) if higher_is_easier else (max, min)
        worst_human = pick[0](humans, key=lambda row: getattr(row.metrics, key))
        best_source = pick[1](sources, key=lambda row: getattr(row.metrics, key))
        h, s = getattr(worst_human.metrics, key), getattr(best_source.metrics, key)
        gap = (h - s) if higher_is_easier else (s - h)
        separates = gap > 0
        middle = round((h + s) / 2, 2)
        current = default[GATES[key]] if key in GATES else "not a gate"
        print(f"{key} | {h:g} ({worst_human.name}) | {s:g} ({best_source.name}) | {'yes' if separates else 'no'} | "
              f"{middle:g} | {gap / 2:+.2f} | {current}")
        if key in GATES:
            lines.append(f"{GATES[key]} = {middle:.1f}" if separates else
                         f"# {GATES[key]}: no threshold separates the halves; see the documents named above")
        if not separates:
            easier = [row.name for row in sources if (getattr(row.metrics, key) >= h if higher_is_easier
                                                      else getattr(row.metrics, key) <= h)]
            harder = [row.name for row in humans if (getattr(row.metrics, key) <= s if higher_is_easier
                                                     else getattr(row.metrics, key) >= s)]
            print(f"  {label}: sources as easy as the hardest human-made version: {', '.join(easier)}; "
                  f"human-made versions as hard as the easiest source: {', '.join(harder)}")
    print("\nsuggested [default] score gates for data/check_profiles.toml:")
    for line in lines:
        print(f"  {line}")


def summarise(rows: list[Measured]) -> None:
    for name in profile_names():
        humans = [row for row in rows if row.human]
        sources = [row for row in rows if not row.human]
        failing_humans = [f"{row.name} ({','.join(row.verdicts[name][1])})" for row in humans if not row.verdicts[name][0]]
        passing_sources = [row.name for row in sources if row.verdicts[name][0]]
        print(f"\n{name}: human-made versions passing {len(humans) - len(failing_humans)}/{len(humans)}, "
              f"sources failing {len(sources) - len(passing_sources)}/{len(sources)}")
        if failing_humans:
            print(f"  human-made versions that fail: {'; '.join(failing_humans)}")
        if passing_sources:
            print(f"  sources that pass: {', '.join(passing_sources)}")


def warnings_per_100_words(rows: list[Measured]) -> float | None:
    """Warnings under the default profile per 100 words, over all the human-made versions in `rows`
    (their warnings added up, over their words added up); None without any."""
    humans = [row for row in rows if row.human and row.metrics.words]
    words = sum(row.metrics.words for row in humans)
    return round(100 * sum(sum(row.warnings.values()) for row in humans) / words, 2) if words else None


def print_warnings(rows: list[Measured]) -> None:
    """Per human-made version: its words, warnings and warnings per 100 words; then the total and per rule."""
    humans = [row for row in rows if row.human and row.metrics.words]
    rate = warnings_per_100_words(rows)
    if rate is None:
        return
    print("\nwarnings under the default profile, human-made versions (target: at most 3 per 100 words)")
    print("document | words | warnings | per 100 words | rules")
    print("--- | --- | --- | --- | ---")
    for row in humans:
        count = sum(row.warnings.values())
        rules = ", ".join(f"{rule} {n}" for rule, n in sorted(row.warnings.items()))
        print(f"{row.name} | {row.metrics.words} | {count} | {100 * count / row.metrics.words:.2f} | {rules}")
    total: Counter[str] = Counter()
    for row in humans:
        total.update(row.warnings)
    print(f"all | {sum(row.metrics.words for row in humans)} | {sum(total.values())} | {rate:.2f} | "
          + ", ".join(f"{rule} {n}" for rule, n in total.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="folder of ER_N_0.pdf / ER_N_1.pdf pairs")
    parser.add_argument("--reader", choices=("check", "convert"), default="check",
                        help="read units as `easyread check` does (default) or with convert's reader")
    args = parser.parse_args()
    paths = sorted((p for p in args.pairs.glob("ER_*_*.pdf") if PAIR_NAME.search(p.name)),
                   key=lambda p: (int(PAIR_NAME.search(p.name).group(1)), p.name))  # type: ignore[union-attr]
    if not paths:
        print(f"skipped: no ER_N_0.pdf / ER_N_1.pdf pairs in {args.pairs}")
        return
    rows = []
    for path in paths:
        try:
            rows.append(measure_pdf(path, args.reader))
        except Exception as error:  # one unreadable file is reported, not fatal: a benchmark, not the tool
            print(f"skipped {path.name}: {error}")
    print(f"Calibration on {len(rows)} documents in {args.pairs} (units read by {args.reader})\n")
    print_table(rows)
    suggest(rows)
    summarise(rows)
    print_warnings(rows)


if __name__ == "__main__":
    main()
