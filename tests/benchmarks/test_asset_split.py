"""benchmarks/asset_sari.py scores either ASSET split: tuning uses "valid", reporting uses "test"."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

from asset_sari import asset_report  # noqa: E402


def _write_split(folder: Path, split: str, sources: list[str], reference: list[str]) -> None:
    (folder / f"asset.{split}.orig").write_text("\n".join(sources) + "\n", encoding="utf-8")
    for k in range(10):
        (folder / f"asset.{split}.simp.{k}").write_text("\n".join(reference) + "\n", encoding="utf-8")


def test_the_validation_split_is_scored_and_its_output_kept(tmp_path):
    asset, out = tmp_path / "asset", tmp_path / "out"
    asset.mkdir()
    _write_split(asset, "valid", ["The ferry departs at dawn.", "The mill stood by the weir."],
                 ["The ferry leaves at dawn.", "The mill was by the weir."])
    lines = asset_report(asset, out, None, "valid")
    assert any("ASSET valid set (2 sentences" in line for line in lines)
    assert not any("MISMATCH" in line or " ok" in line for line in lines), "published figures are for test only"
    assert len((out / "rules.valid.txt").read_text(encoding="utf-8").splitlines()) == 2


def test_a_missing_split_is_skipped_by_name(tmp_path):
    _write_split(tmp_path, "valid", ["The ferry departs at dawn."], ["The ferry leaves at dawn."])
    assert asset_report(tmp_path, tmp_path / "out", None, "test") == [f"\nASSET: skipped (no test set in {tmp_path})"]
