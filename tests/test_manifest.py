"""The batch manifest: stable settings hashes, what counts as unchanged, and safe reading and writing."""

from __future__ import annotations

import json

from easyread.batch import run_batch
from easyread.manifest import MANIFEST_NAME, DocumentRecord, Manifest, file_sha256, settings_hash

SETTINGS = {"easyread": "0.1.0", "backend": "rules", "model": None}


def test_settings_hash_is_stable_and_follows_every_setting():
    assert settings_hash(SETTINGS) == settings_hash(dict(reversed(list(SETTINGS.items()))))
    assert settings_hash(SETTINGS) != settings_hash({**SETTINGS, "backend": "mock"})
    assert settings_hash(SETTINGS) != settings_hash({**SETTINGS, "easyread": "0.2.0"})


def test_file_sha256(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    assert file_sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def converted_record(manifest: Manifest, sha: str = "s1", outputs: tuple[str, ...] = ("a.easyread.pdf",)):
    return DocumentRecord(source="a.txt", status="converted", source_sha256=sha,
                          settings_hash=manifest.settings_hash, outputs=list(outputs))


def test_unchanged_needs_same_source_same_settings_and_the_outputs(tmp_path):
    manifest = Manifest(tmp_path, SETTINGS)
    manifest.record(converted_record(manifest))
    assert not manifest.is_unchanged("a.txt", "s1")  # output missing
    (tmp_path / "a.easyread.pdf").write_bytes(b"%PDF")
    assert manifest.is_unchanged("a.txt", "s1")
    assert not manifest.is_unchanged("a.txt", "s2")
    assert not manifest.is_unchanged("b.txt", "s1")
    manifest.save()
    assert not Manifest.load(tmp_path, {**SETTINGS, "backend": "mock"}).is_unchanged("a.txt", "s1")
    assert Manifest.load(tmp_path, SETTINGS).is_unchanged("a.txt", "s1")

    manifest.record(DocumentRecord(source="a.txt", status="failed", source_sha256="s1",
                                   settings_hash=manifest.settings_hash, outputs=["a.easyread.pdf"]))
    assert not manifest.is_unchanged("a.txt", "s1")


def test_round_trip_and_unknown_fields(tmp_path):
    manifest = Manifest(tmp_path, SETTINGS)
    manifest.record(converted_record(manifest))
    manifest.save()
    data = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert data["version"] == 1 and data["settings_hash"] == manifest.settings_hash
    data["documents"][0]["added_by_a_later_version"] = True
    (tmp_path / MANIFEST_NAME).write_text(json.dumps(data))
    loaded = Manifest.load(tmp_path, SETTINGS)
    assert loaded.documents["a.txt"] == converted_record(manifest)
    assert not list(tmp_path.glob("*.part"))


def test_a_damaged_manifest_means_everything_is_converted_again(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Your bin day is Tuesday 4 March 2025.")
    out = tmp_path / "out"
    assert len(run_batch([tmp_path / "in"], out, jobs=1).converted) == 1
    (out / MANIFEST_NAME).write_text('{"documents": [')
    assert Manifest.load(out, SETTINGS).unreadable
    summary = run_batch([tmp_path / "in"], out, jobs=1)
    assert len(summary.converted) == 1
    assert json.loads((out / MANIFEST_NAME).read_text())["documents"][0]["status"] == "converted"


def test_the_manifest_records_each_document(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Your bin day is Tuesday 4 March 2025. Call 01632 960 123.")
    (tmp_path / "in" / "empty.md").write_text("")
    (tmp_path / "in" / "table.xlsx").write_bytes(b"PK")
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, jobs=1)
    data = json.loads((out / MANIFEST_NAME).read_text())
    documents = {entry["source"]: entry for entry in data["documents"]}
    good = documents["good.txt"]
    assert good["status"] == "converted" and good["error"] is None
    assert good["source_sha256"] == file_sha256(tmp_path / "in" / "good.txt")
    assert good["settings_hash"] == data["settings_hash"]
    assert good["backend"] == "rules" and good["model"] is None and good["tokens"] == 0 and good["cost"] is None
    assert good["outputs"] == ["good.easyread.pdf"] and good["pages"] >= 2
    assert set(good["scores_before"]) == {"reading_ease", "grade"} == set(good["scores_after"])
    assert good["facts_missing"] == [] and good["finished_at"].endswith("+00:00")
    assert documents["empty.md"]["status"] == "failed" and "no text" in documents["empty.md"]["error"]
    assert documents["table.xlsx"]["status"] == "skipped"
    assert documents["table.xlsx"]["error"] == "unsupported file type '.xlsx'"


def test_a_manifest_that_cannot_be_written_is_a_one_line_error(tmp_path, monkeypatch, runner):
    """Disk full while saving the manifest: one line naming the manifest, exit 2 (an output-path
    problem, as the README says), no traceback."""
    import easyread.manifest as manifest_module
    from easyread.cli import app

    def disk_full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(manifest_module, "write_text_atomic", disk_full)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "letter.txt").write_text("Your bin day is changing to Tuesday.")
    outcome = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out"), "-j", "1", "-q"])
    assert outcome.exit_code == 2
    assert "easyread-manifest.json: cannot write the manifest: No space left on device" in outcome.stderr
    assert "Traceback" not in outcome.output


def test_each_record_is_checked_and_only_a_damaged_one_is_passed_over(tmp_path):
    good = {"source": "a/b.txt", "status": "converted", "outputs": ["a/b.easyread.pdf"], "tokens": 3,
            "scores_after": {"grade": 2.5}, "cost": None, "unknown_field": [1]}
    assert DocumentRecord.checked(good) == DocumentRecord(source="a/b.txt", status="converted",
                                                          outputs=["a/b.easyread.pdf"], tokens=3,
                                                          scores_after={"grade": 2.5})
    for damage in ({"status": "done"}, {"source": ""}, {"source": "/etc/hosts"}, {"outputs": ["x/../../y"]},
                   {"pages": -1}, {"pages": 2.5}, {"cost": "free"}, {"parts_set_aside": {"page number": "2"}},
                   {"facts_missing": [None]}, {"error": "a\x00b"}, {"scores_before": [80]}):
        assert DocumentRecord.checked({**good, **damage}) is None, damage
    (tmp_path / MANIFEST_NAME).write_text(json.dumps({"documents": [good, {**good, "source": "c.txt", "pages": "3"},
                                                                    "c.txt"]}))
    loaded = Manifest.load(tmp_path, SETTINGS)
    assert sorted(loaded.documents) == ["a/b.txt"] and not loaded.unreadable
    assert loaded.warnings == [f"{tmp_path / MANIFEST_NAME}: 2 damaged records passed over; their documents are "
                               "converted again"]
