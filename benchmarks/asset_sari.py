"""The quality benchmark's ASSET part: SARI self-check, then the rules backend on the test set.

ASSET (Alva-Manchego et al., ACL 2020; CC BY-NC 4.0, for evaluation only: nothing of it goes into
the repository) is read from its folder (asset.test.orig, asset.test.simp.0-9, system_outputs/);
the rules backend's output is written to the benchmark's output folder only.

Rules are tuned on the validation set (2,000 sentences, asset.valid.*) and reported on the test set.
Run alone: `python benchmarks/asset_sari.py [--split valid|test] [--asset FOLDER] [--out FOLDER]`
prints the table for one split (the published self-check figures exist for the test set only).
"""

from __future__ import annotations

from pathlib import Path

from completeness import SentenceJudge
from readable import measure
from sari import corpus_sari

REFERENCES = 10
PUBLISHED = {"copying the source": 20.73, "ACCESS": 40.13}  # EASSE's reported ASSET test figures
TOLERANCE = 1.0


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def rules_outputs(sources: list[str]) -> list[list[str]]:
    """The items the rules backend makes of each source sentence alone (one Section, one Block)."""
    from easyread.backends import get_backend
    from easyread.model import Block, Section

    backend = get_backend("rules")
    return [[item.sentence for item in backend.simplify(Section("", [Block("paragraph", text, "line 1")])).items]
            for text in sources]


def asset_report(folder: Path, out: Path, judge: SentenceJudge | None, split: str = "test") -> list[str]:
    """The ASSET table's lines for `split` ("test" or "valid"); one line saying it was skipped when
    that split's files are not there."""
    files = [folder / f"asset.{split}.orig", *(folder / f"asset.{split}.simp.{k}" for k in range(REFERENCES))]
    if not all(path.is_file() for path in files):
        return [f"\nASSET: skipped (no {split} set in {folder})"]
    sources = _lines(files[0])
    references = [_lines(path) for path in files[1:]]
    systems: dict[str, list[str]] = {"copying the source": sources}
    for name in ("ACCESS", "Hybrid"):
        path = folder / "system_outputs" / f"{name}.{split}.txt"
        if path.is_file():
            systems[name] = _lines(path)
    items = rules_outputs(sources)
    systems["easyread rules"] = [" ".join(parts) for parts in items]
    out.mkdir(parents=True, exist_ok=True)
    (out / f"rules.{split}.txt").write_text("\n".join(systems["easyread rules"]) + "\n", encoding="utf-8")
    lines = [f"\nASSET {split} set ({len(sources)} sentences, 10 references): SARI as EASSE scores it (deletion F1); "
             "SARI-P with the paper's deletion precision",
             f"{'system':<20} {'SARI':>6} {'add':>6} {'keep':>6} {'del':>6} {'SARI-P':>7} {'grade':>6} "
             f"{'words/s':>7} {'published':>9}"]
    for name, outputs in systems.items():
        score = corpus_sari(sources, outputs, references)
        paper = corpus_sari(sources, outputs, references, deletion="precision")
        # grade and words per sentence: each item one sentence for ours, each line for the others
        read = measure([part for parts in items for part in parts] if name == "easyread rules" else outputs)
        published = PUBLISHED.get(name) if split == "test" else None
        check = ""
        if published is not None:
            check = f"{published:.2f} {'ok' if abs(score.sari - published) <= TOLERANCE else 'MISMATCH'}"
        lines.append(f"{name:<20} {score.sari:6.2f} {score.add:6.2f} {score.keep:6.2f} {score.delete:6.2f} "
                     f"{paper.sari:7.2f} {read.grade:6.1f} {read.words_per_sentence:7.1f} {check:>9}")
    read = measure(line for refs in references for line in refs)
    lines.append(f"{'references (all 10)':<20} {'':>6} {'':>6} {'':>6} {'':>6} {'':>7} {read.grade:6.1f} "
                 f"{read.words_per_sentence:7.1f}")
    if judge is not None:
        flat = [part for parts in items for part in parts]
        bad = sum(not all(v.complete for _, v in judge.judge_item(part)) for part in flat)
        source_bad = sum(not all(v.complete for _, v in judge.judge_item(text)) for text in sources)
        lines.append(f"grammar check: {bad} of {len(flat)} rules items not complete sentences "
                     f"({100 * bad / max(1, len(flat)):.0f}%); the source sentences: {source_bad} of {len(sources)} "
                     f"({100 * source_bad / max(1, len(sources)):.0f}%)")
    return lines


def main() -> None:
    """Print the ASSET table for one split (no grammar check: quality.py runs that)."""
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("valid", "test"), default="valid")
    parser.add_argument("--asset", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "asset")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "easyread-quality" / "asset")
    args = parser.parse_args()
    print("\n".join(asset_report(args.asset, args.out, None, args.split)))


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this worktree's easyread
    main()
