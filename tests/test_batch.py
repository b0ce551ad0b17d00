"""Converting folders: inputs found and mapped, bad documents isolated, resume, interrupts, output."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from easyread.batch import run_batch
from easyread.cli import app
from easyread.errors import UsageError
from easyread.inputs import find_inputs, output_path
from easyread.manifest import MANIFEST_NAME

TOPICS = ["bins", "council tax", "housing repairs", "parking", "libraries", "warm spaces"]


def letter(number: int) -> str:
    topic = TOPICS[number % len(TOPICS)]
    return (
        f"About {topic} {number}\n\n"
        f"We are writing to you about {topic}. Your next visit is on 12 March 2025 at 10am.\n\n"
        "What you need to do\n\n"
        f"Please call us on 01632 960 {100 + number} if you have any questions about this letter.\n"
    )


def make_docx(path: Path, number: int) -> None:
    import docx

    document = docx.Document()
    document.add_heading(f"Leaflet {number}", level=1)
    document.add_paragraph(f"The library opens at 9am on 3 April 2025. Ring 01632 960 {200 + number}.")
    document.save(str(path))


def make_corpus(root: Path) -> dict[str, list[str]]:
    """A folder tree of 30+ documents; returns the sources expected in each status."""
    expected: dict[str, list[str]] = {"converted": [], "failed": [], "skipped": []}
    for number in range(26):
        folder = root / ("a" if number < 10 else "b/c" if number < 20 else "")
        folder.mkdir(parents=True, exist_ok=True)
        name = f"letter-{number}.{'md' if number % 2 else 'txt'}"
        text = letter(number)
        (folder / name).write_text(("# " + text) if name.endswith(".md") else text, encoding="utf-8")
        expected["converted"].append((folder / name).relative_to(root).as_posix())
    for number in range(3):
        make_docx(root / "b" / f"leaflet-{number}.docx", number)
        expected["converted"].append(f"b/leaflet-{number}.docx")
    (root / "a" / "letter.txt").write_text(letter(90))
    (root / "a" / "letter.md").write_text("# " + letter(91))
    expected["failed"] += ["a/letter.txt", "a/letter.md"]
    (root / "corrupt.docx").write_bytes(random.Random(5).randbytes(3000))
    (root / "empty.txt").write_text("   \n\n")
    expected["failed"] += ["corrupt.docx", "empty.txt"]
    (root / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really")
    (root / "b" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    expected["skipped"] += ["sheet.xlsx", "b/photo.png"]
    (root / ".hidden.txt").write_text(letter(92))  # passed over silently
    (root / ".git").mkdir()
    (root / ".git" / "notes.txt").write_text(letter(93))
    (root / "a" / "old.easyread.pdf").write_bytes(b"%PDF-1.4 an earlier output")
    return expected


def listing(root: Path, leave_out: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in root.rglob("*") if not p.is_relative_to(leave_out)}


def manifest_of(folder: Path) -> dict[str, dict]:
    data = json.loads((folder / MANIFEST_NAME).read_text())
    sources = [entry["source"] for entry in data["documents"]]
    assert len(sources) == len(set(sources)), "a source is listed twice"
    return {entry["source"]: entry for entry in data["documents"]}


def test_a_folder_of_documents(runner, tmp_path):
    source, out = tmp_path / "policies", tmp_path / "easyread"
    expected = make_corpus(source)
    assert sum(map(len, expected.values())) >= 30
    before = listing(tmp_path, out)
    outcome = runner.invoke(app, ["convert", str(source), "-o", str(out), "--recursive", "--jobs", "2"])
    assert outcome.exit_code == 1, outcome.output
    assert listing(tmp_path, out) == before, "something was written outside the output folder"
    assert not list(out.rglob("*.part"))

    documents = manifest_of(out)
    assert sorted(documents) == sorted(sum(expected.values(), []))
    for status, sources in expected.items():
        for name in sources:
            assert documents[name]["status"] == status, (name, documents[name])
    for name in expected["converted"]:
        entry = documents[name]
        pdf = out / Path(name).parent / (Path(name).stem + ".easyread.pdf")
        assert pdf.is_file() and pdf.read_bytes().rstrip().endswith(b"%%EOF")
        assert entry["outputs"] == [pdf.relative_to(out).as_posix()]
        assert entry["scores_before"]["reading_ease"] is not None and entry["scores_after"]["grade"] is not None
        assert entry["backend"] == "rules" and entry["model"] is None
        assert entry["tokens"] == 0 and entry["cost"] is None and entry["error"] is None
    assert documents["a/letter.txt"]["error"] == "same output as a/letter.md"
    assert documents["a/letter.md"]["error"] == "same output as a/letter.txt"
    assert not (out / "a" / "letter.easyread.pdf").exists()
    assert "no text" in documents["empty.txt"]["error"]
    assert documents["corrupt.docx"]["error"]
    assert documents["sheet.xlsx"]["error"] == "unsupported file type '.xlsx'"
    expected_pdfs = {str(Path(n).parent / (Path(n).stem + ".easyread.pdf")).removeprefix("./")
                     for n in expected["converted"]}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.pdf")} == expected_pdfs
    # Failures and skips are in the summary on standard output, with their reasons.
    assert outcome.stdout.startswith("29 converted, 0 unchanged, 2 skipped, 4 failed")
    assert "4 failed" in outcome.stdout and "corrupt.docx" in outcome.stdout


def test_without_recursive_only_the_top_folder_is_converted(tmp_path):
    source = tmp_path / "in"
    make_corpus(source)
    summary = run_batch([source], tmp_path / "out", jobs=1)
    assert sorted(o.source for o in summary.converted) == [f"letter-{n}.{'md' if n % 2 else 'txt'}"
                                                            for n in range(20, 26)]


def small_folder(root: Path, count: int = 4) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = root / f"doc-{number}.txt"
        path.write_text(letter(number))
        paths.append(path)
    return paths


def test_a_second_run_converts_only_what_changed(tmp_path):
    paths = small_folder(tmp_path / "in")
    out = tmp_path / "out"
    first = run_batch([tmp_path / "in"], out, jobs=1)
    assert len(first.converted) == 4 and first.exit_code == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.glob("*.pdf")}

    again = run_batch([tmp_path / "in"], out, jobs=1)
    assert not again.converted and len(again.unchanged) == 4 and again.exit_code == 0
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.pdf")} == stamps
    assert {e["status"] for e in manifest_of(out).values()} == {"unchanged"}

    paths[2].write_text(letter(2) + "\nA new line about 5 May 2025.\n")
    touched = run_batch([tmp_path / "in"], out, jobs=1)
    assert [o.source for o in touched.converted] == ["doc-2.txt"] and len(touched.unchanged) == 3

    (out / "doc-1.easyread.pdf").unlink()  # an output gone: converted again
    assert [o.source for o in run_batch([tmp_path / "in"], out, jobs=1).converted] == ["doc-1.txt"]

    forced = run_batch([tmp_path / "in"], out, jobs=1, force=True)
    assert len(forced.converted) == 4 and not forced.unchanged

    other_backend = run_batch([tmp_path / "in"], out, jobs=1, backend="mock")  # settings changed
    assert len(other_backend.converted) == 4


def test_an_output_folder_inside_the_source_folder_is_not_read_back(tmp_path):
    small_folder(tmp_path / "in", 2)
    out = tmp_path / "in" / "easyread"
    assert len(run_batch([tmp_path / "in"], out, recursive=True, jobs=1).converted) == 2
    again = run_batch([tmp_path / "in"], out, recursive=True, jobs=1)
    assert len(again.unchanged) == 2 and not again.skipped and not again.failed


def test_files_folders_and_globs_mixed(runner, tmp_path):
    small_folder(tmp_path / "in", 3)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "notice.md").write_text("# Notice\n\nThe hall closes on 1 June 2025.\n")
    (tmp_path / "loose.txt").write_text(letter(7))
    out = tmp_path / "out"
    outcome = runner.invoke(app, ["convert", str(tmp_path / "in" / "doc-*.txt"), str(tmp_path / "more"),
                                  str(tmp_path / "loose.txt"), str(tmp_path / "in" / "doc-0.txt"), "-o", str(out)])
    assert outcome.exit_code == 0, outcome.output
    assert sorted(p.name for p in out.glob("*.pdf")) == [
        "doc-0.easyread.pdf", "doc-1.easyread.pdf", "doc-2.easyread.pdf", "loose.easyread.pdf", "notice.easyread.pdf"]
    assert sorted(manifest_of(out)) == ["doc-0.txt", "doc-1.txt", "doc-2.txt", "loose.txt", "notice.md"]


def test_a_glob_that_matches_nothing_is_a_usage_error(runner, tmp_path):
    outcome = runner.invoke(app, ["convert", str(tmp_path / "*.docx"), "-o", str(tmp_path / "out")])
    assert outcome.exit_code == 2
    assert "no documents to convert" in outcome.stderr and not (tmp_path / "out").exists()


@pytest.mark.parametrize("arguments, message", [
    (["{d}/in"], "give an output folder with -o"),
    (["{d}/in/doc-0.txt", "{d}/in/doc-1.txt"], "give an output folder with -o"),
    (["{d}/in", "-o", "{d}/out.pdf"], "needs an output folder"),
    (["{d}/in", "{d}/nowhere", "-o", "{d}/out"], "no such file or folder"),
    (["{d}/in", "-o", "{d}/out", "--backend", "nonsense"], "unknown backend 'nonsense'"),
])
def test_usage_errors(runner, tmp_path, arguments, message):
    small_folder(tmp_path / "in", 2)
    outcome = runner.invoke(app, ["convert", *(a.format(d=tmp_path) for a in arguments)])
    assert outcome.exit_code == 2
    assert message in outcome.stderr
    assert not (tmp_path / "out").exists()


def test_output_names_cannot_leave_the_output_folder(tmp_path):
    root = tmp_path / "out"
    root.mkdir()
    for bad in (Path("../escape.txt"), Path("a/../../escape.txt"), tmp_path / "abs.txt"):
        with pytest.raises(UsageError, match="outside the output folder"):
            output_path(bad, root)
    assert output_path(Path("a/b/letter.docx"), root) == root / "a" / "b" / "letter.easyread.pdf"

    # A folder in the output tree that is a link to somewhere else is not followed.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "a").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "letter.txt").write_text(letter(1))
    summary = run_batch([tmp_path / "in"], root, recursive=True, jobs=1)
    assert [o.reason for o in summary.failed] == ["its output would be written outside the output folder"]
    assert not list(elsewhere.iterdir())


def test_hidden_files_and_outputs_are_passed_over(tmp_path):
    small_folder(tmp_path / "in", 1)
    (tmp_path / "in" / ".draft.txt").write_text(letter(1))
    (tmp_path / "in" / "~$doc-0.txt").write_text("Word lock file")
    (tmp_path / "in" / "doc-0.easyread.pdf").write_bytes(b"%PDF")
    found, skipped = find_inputs([tmp_path / "in"])
    assert [relative.as_posix() for _, relative in found] == ["doc-0.txt"] and not skipped
    found, _ = find_inputs([tmp_path / "in" / ".draft.txt"])  # named on purpose: converted
    assert len(found) == 1


def test_one_plain_file_keeps_the_one_document_command(runner, tmp_path):
    (source,) = small_folder(tmp_path / "in", 1)
    outcome = runner.invoke(app, ["convert", str(source)])
    assert outcome.exit_code == 0
    assert outcome.stdout.strip() == str(source.with_name("doc-0.easyread.pdf"))
    assert not (tmp_path / "in" / MANIFEST_NAME).exists()


def test_plain_lines_when_not_a_terminal(runner, tmp_path):
    small_folder(tmp_path / "in", 3)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "notes.rtf").write_text("{\\rtf1}")
    out = tmp_path / "out"
    verbose = runner.invoke(app, ["convert", str(tmp_path / "in"), "-o", str(out), "-v", "-j", "1"])
    assert verbose.exit_code == 1
    lines = verbose.stderr.splitlines()
    assert len(lines) == 5, verbose.stderr
    assert sum(line.startswith("converted  doc-") for line in lines) == 3
    assert any(line.startswith("failed") and "empty.txt" in line for line in lines)
    assert any(line.startswith("skipped") and "notes.rtf: unsupported file type '.rtf'" in line for line in lines)
    assert verbose.stdout.startswith("3 converted, 0 unchanged, 1 skipped, 1 failed")
    assert "empty.txt" in verbose.stdout

    quiet = runner.invoke(app, ["convert", str(tmp_path / "in"), "-o", str(out), "-q"])
    assert quiet.exit_code == 1
    assert [line.split()[0] for line in quiet.stderr.splitlines()] == ["failed"]
    assert quiet.stdout.splitlines() == [quiet.stdout.strip()]
    assert quiet.stdout.startswith("0 converted, 3 unchanged, 1 skipped, 1 failed")


def test_a_worker_that_dies_takes_only_its_own_document(tmp_path):
    small_folder(tmp_path / "in", 6)
    (tmp_path / "in" / "doc-3.txt").write_text("Bins\n\nThis letter says BOOM on 1 May 2025.\n")
    summary = run_batch([tmp_path / "in"], tmp_path / "out", backend="mock", backend_options={"crash_on": "BOOM"},
                        jobs=2)
    assert [(o.source, o.reason) for o in summary.failed] == [("doc-3.txt", "the worker process stopped unexpectedly")]
    assert len(summary.converted) == 5 and summary.exit_code == 1
    assert not list((tmp_path / "out").rglob("*.part"))


# ---- interrupting a real batch ------------------------------------------------------------------


def batch_command(source: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "easyread", "convert", str(source), "-o", str(out), "--jobs", str(jobs),
            "--backend", "mock", "--mock-latency", "0.2", "--verbose"]


def complete_pdfs_only(out: Path) -> None:
    for pdf in out.rglob("*.easyread.pdf"):
        assert pdf.read_bytes().rstrip().endswith(b"%%EOF"), f"{pdf} is incomplete"


def converted_in(out: Path) -> set[str]:
    try:
        return {name for name, entry in manifest_of(out).items() if entry["status"] == "converted"}
    except (FileNotFoundError, ValueError):
        return set()


@pytest.mark.parametrize("signal_number, jobs", [(signal.SIGINT, 2), (signal.SIGTERM, 2), (signal.SIGINT, 1)],
                         ids=["sigint-2-jobs", "sigterm-2-jobs", "sigint-in-process"])
def test_an_interrupted_batch_stops_cleanly_and_resumes(tmp_path, signal_number, jobs):
    source, out = tmp_path / "in", tmp_path / "out"
    small_folder(source, 10)  # 2 sections each: about 0.4 s a document
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(batch_command(source, out, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=environment)
    deadline = time.monotonic() + 60
    while not converted_in(out) and time.monotonic() < deadline and process.poll() is None:
        complete_pdfs_only(out) if out.exists() else None
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be interrupted"
    process.send_signal(signal_number)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stdout
    assert "Traceback" not in stderr
    assert not list(out.rglob("*.part"))
    complete_pdfs_only(out)
    first = converted_in(out)
    assert 1 <= len(first) < 10
    for name in first:
        assert (out / name.replace(".txt", ".easyread.pdf")).is_file()

    again = subprocess.run(batch_command(source, out, jobs), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    documents = manifest_of(out)
    assert sorted(documents) == sorted(f"doc-{n}.txt" for n in range(10))
    assert all(documents[name]["status"] == "unchanged" for name in first)
    assert all(entry["status"] in ("converted", "unchanged") for entry in documents.values())
    assert not converted_in(out) & first, "a document finished in the first run was converted again"
    assert len(list(out.glob("*.easyread.pdf"))) == 10
    complete_pdfs_only(out)
    assert not list(out.rglob("*.part"))


def test_the_manifest_says_what_became_of_each_part_of_the_source(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "reply.txt").write_text("Your repair\n\nDear tenant,\n\nWe will fix your window on 2 June 2026.\n\n"
                                      "Yours sincerely,\n\nAmira Khan\n", encoding="utf-8")
    run_batch([source], tmp_path / "out", jobs=1)
    records = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))["documents"]
    record = records[0] if isinstance(records, list) else next(iter(records.values()))
    assert record["parts_set_aside"] == {"letter furniture: greeting": 1, "letter furniture: sign-off": 1,
                                         "letter furniture: signature": 1}
    assert record["parts_unexplained"] == [] and record["facts_missing"] == []
