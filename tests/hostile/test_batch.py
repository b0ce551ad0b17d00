"""Hostile batches (issue 11, items 2, 5, 6, 9 and 10): a batch into its own source folder, a batch
that finds nothing, folders with link loops or no permission, two batches into one folder, a main
process killed by SIGKILL, damaged manifests, and a key the server refuses.

Each test runs the real command in a child process (`run_easyread`) where it can.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from easyread.errors import UsageError
from easyread.lock import LOCK_NAME
from easyread.manifest import MANIFEST_NAME
from tests.hostile.conftest import ROOT, assert_refused, run_easyread, snapshot

FAKE_KEY = "hostile-fake-key-0123456789abcdef"


def letter(folder: Path, name: str, number: int = 1, sections: int = 1) -> Path:
    """A small letter of invented text with `sections` headed parts."""
    folder.mkdir(parents=True, exist_ok=True)
    parts = [f"About the library {number}"]
    for part in range(sections):
        parts += [f"Part {part + 1}", f"The reading room opens at 9am on {part + 1} May 2026. "
                                      f"Ring 01632 960 {100 + number} to book a desk."]
    path = folder / name
    path.write_text(("# " if name.endswith(".md") else "") + "\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def records(out: Path) -> dict[str, dict]:
    data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    return {entry["source"]: entry for entry in data["documents"]}


# ---- item 2: a batch into its own source folder --------------------------------------------------


@pytest.mark.slow
def test_a_batch_into_its_own_source_folder_writes_beside_the_sources(tmp_path):
    docs = tmp_path / "docs"
    letter(docs, "bins.md", 1)
    letter(docs, "rent.txt", 2)
    (docs / "notes.part").write_text("a user's own file\n")  # not one of our temporary files: kept
    (docs / ".holiday.abcdefgh.part").write_text("shaped like our temporary files, but of no output of ours\n")
    first = run_easyread("convert", docs, "-o", docs, "--format", "md,pdf", "-j", "1")
    assert first.code == 0, first.stderr
    assert first.stdout.startswith("2 converted, 0 unchanged, 1 skipped, 0 failed"), first.stdout
    assert "notes.part: unsupported file type '.part'" in first.stdout
    for stem in ("bins", "rent"):
        assert (docs / f"{stem}.easyread.md").is_file() and (docs / f"{stem}.easyread.pdf").is_file()
    assert sorted(records(docs)) == ["bins.md", "notes.part", "rent.txt"]
    assert (docs / "notes.part").is_file() and (docs / ".holiday.abcdefgh.part").is_file()
    assert not (docs / LOCK_NAME).exists()

    # Run again: the Markdown outputs are never read as sources, and nothing changed is redone.
    before = snapshot(docs)
    again = run_easyread("convert", docs, "-o", docs, "--format", "md,pdf", "-j", "1", "-r")
    assert again.code == 0, again.stderr
    assert again.stdout.startswith("0 converted, 2 unchanged, 1 skipped, 0 failed"), again.stdout
    assert sorted(records(docs)) == ["bins.md", "notes.part", "rent.txt"]
    after = snapshot(docs)
    assert {name: after[name] for name in before if name != MANIFEST_NAME} == \
           {name: before[name] for name in before if name != MANIFEST_NAME}


def test_a_source_folder_inside_the_output_folder_is_converted(tmp_path):
    out = tmp_path / "out"
    letter(out / "incoming", "bins.txt")
    run = run_easyread("convert", out / "incoming", "-o", out, "-j", "1")
    assert run.code == 0, run.stderr
    assert (out / "bins.easyread.pdf").is_file() and sorted(records(out)) == ["bins.txt"]


def test_documents_named_inside_the_output_folder_are_converted(tmp_path):
    out = tmp_path / "out"
    first, second = letter(out, "a.txt", 1), letter(out, "b.md", 2)
    run = run_easyread("convert", first, second, "-o", out, "-j", "1")
    assert run.code == 0, run.stderr
    assert sorted(records(out)) == ["a.txt", "b.md"]


# ---- a batch that finds no documents --------------------------------------------------------------


@pytest.mark.parametrize("make, mentions", [
    (lambda d: (d / "in").mkdir(), ["no documents to convert"]),
    (lambda d: ((d / "in").mkdir(), (d / "in" / "sheet.xlsx").write_bytes(b"PK")),
     ["no documents to convert", "sheet.xlsx: unsupported file type '.xlsx'"]),
    (lambda d: ((d / "in").mkdir(), (d / "in" / "old.easyread.md").write_text("# Ours\n")),
     ["no documents to convert"]),
], ids=["empty-folder", "only-other-files", "only-our-outputs"])
def test_a_batch_that_finds_no_documents_says_so(tmp_path, make, mentions):
    make(tmp_path)
    before = snapshot(tmp_path)
    run = run_easyread("convert", tmp_path / "in", "-o", tmp_path / "out")
    assert_refused(run, 2, str(tmp_path / "in"), *mentions)
    assert not (tmp_path / "out").exists() and snapshot(tmp_path) == before


def test_a_glob_that_matches_nothing_says_so(tmp_path):
    run = run_easyread("convert", tmp_path / "*.docx", "-o", tmp_path / "out")
    assert_refused(run, 2, "no documents to convert", "*.docx")
    assert not (tmp_path / "out").exists()


# ---- item 5: symlink loops; item 10: unreadable sub-folders ---------------------------------------


def loopy_tree(root: Path) -> None:
    """Two letters in a tree whose links lead back up it, in three different ways, and one link
    to a real folder elsewhere (read once, through the link)."""
    letter(root / "a" / "b", "deep.txt", 1)
    letter(root, "top.md", 2)
    (root / "a" / "b" / "up").symlink_to("..")
    (root / "a" / "b" / "top").symlink_to(root)
    (root / "a" / "round").symlink_to(root / "a")
    letter(root.parent / "elsewhere", "linked.txt", 3)
    (root / "shared").symlink_to(root.parent / "elsewhere")


@pytest.mark.parametrize("arguments", [["{root}/**/*.*"], ["{root}/**"], ["{root}", "-r"]],
                         ids=["glob-files", "glob-everything", "recursive-walk"])
def test_symlink_loops_are_followed_once_and_reported(tmp_path, arguments):
    root = tmp_path / "tree"
    loopy_tree(root)
    run = run_easyread("convert", *(a.format(root=root) for a in arguments), "-o", tmp_path / "out", "-j", "1",
                       timeout=60)
    assert not run.timed_out and run.code == 0, run.stderr
    assert sorted(records(tmp_path / "out")) == ["a/b/deep.txt", "a/b/top", "a/b/up", "a/round",
                                                 "shared/linked.txt", "top.md"]
    loops = [line for line in run.stdout.splitlines() if "(a loop)" in line]
    assert len(loops) == 3, run.stdout  # each link once
    assert any("a/b/up: a link back to a," in line for line in loops), loops
    assert records(tmp_path / "out")["a/round"]["status"] == "skipped"


def test_a_glob_over_a_deep_symlink_maze_finishes(tmp_path):
    """Ten folders each linking to all ten: glob.glob's `**` walks 10^n paths and never ends."""
    maze = tmp_path / "maze"
    for number in range(10):
        letter(maze / f"room{number}", "note.txt", number)
    for number in range(10):
        for other in range(10):
            (maze / f"room{number}" / f"door{other}").symlink_to(maze / f"room{other}")
    run = run_easyread("convert", f"{maze}/**/*.txt", "-o", tmp_path / "out", "-j", "1", timeout=60)
    assert not run.timed_out and run.code == 0, run.stderr
    assert run.seconds < 30
    assert sorted(s for s in records(tmp_path / "out") if s.endswith(".txt")) == \
           sorted(f"room{n}/note.txt" for n in range(10))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every folder; see the next test")
def test_an_unreadable_sub_folder_is_reported_not_skipped_silently(tmp_path):
    letter(tmp_path / "in", "open.txt", 1)
    letter(tmp_path / "in" / "private", "closed.txt", 2)
    (tmp_path / "in" / "private").chmod(0)
    try:
        run = run_easyread("convert", tmp_path / "in", "-r", "-o", tmp_path / "out", "-j", "1")
    finally:
        (tmp_path / "in" / "private").chmod(0o755)
    assert run.code == 0, run.stderr
    assert "private: a folder that cannot be read (permission denied)" in run.stdout


def test_a_folder_that_cannot_be_read_is_reported_with_its_reason(tmp_path, monkeypatch):
    """The same as the test above, for any user (root included): the walk is told 'permission denied'."""
    from easyread.batch import run_batch

    letter(tmp_path / "in", "open.txt", 1)
    letter(tmp_path / "in" / "private", "closed.txt", 2)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("easyread.walk.os.scandir", scandir)
    summary = run_batch([tmp_path / "in"], tmp_path / "out", recursive=True, jobs=1)
    assert [o.source for o in summary.converted] == ["open.txt"]
    assert [(o.source, o.reason) for o in summary.skipped] == [
        ("private", "a folder that cannot be read (permission denied)")]
    assert summary.exit_code == 0

    monkeypatch.setattr("easyread.walk.os.scandir", lambda path: scandir(tmp_path / "in" / "private"))
    with pytest.raises(UsageError, match="cannot read this folder .permission denied.") as refused:
        run_batch([tmp_path / "in"], tmp_path / "out2", jobs=1)
    assert refused.value.exit_code == 2 and not (tmp_path / "out2").exists()


# ---- item 9, third bullet: two batches into one output folder ------------------------------------


def start_batch(source: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "easyread", "convert", str(source), "-o", str(out), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def wait_for(condition, seconds: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
def test_a_second_batch_into_a_busy_folder_is_refused_and_no_record_is_lost(tmp_path):
    out = tmp_path / "out"
    for number in range(4):
        letter(tmp_path / "first", f"first-{number}.txt", number, sections=2)
        letter(tmp_path / "second", f"second-{number}.txt", number)
    first = start_batch(tmp_path / "first", out, "-j", "1", "--backend", "mock", "--mock-latency", "1")
    try:
        assert wait_for(lambda: (out / LOCK_NAME).exists()), "the first batch never took the lock"
        second = run_easyread("convert", tmp_path / "second", "-o", out, "--backend", "mock")
        assert_refused(second, 2, str(out), "another easyread batch is writing into this folder",
                       f"process {first.pid}")
        assert 2 < second.seconds < 30  # it waited a moment for the first to finish
        _, stderr = first.communicate(timeout=120)
    finally:
        first.kill()
    assert first.returncode == 0, stderr
    again = run_easyread("convert", tmp_path / "second", "-o", out, "--backend", "mock")
    assert again.code == 0, again.stderr
    assert sorted(records(out)) == sorted([f"first-{n}.txt" for n in range(4)] + [f"second-{n}.txt" for n in range(4)])


@pytest.mark.slow
def test_two_batches_started_together_keep_each_others_records(tmp_path):
    out = tmp_path / "out"
    for number in range(3):
        letter(tmp_path / "left", f"left-{number}.txt", number)
        letter(tmp_path / "right", f"right-{number}.txt", number)
    runs = [start_batch(tmp_path / side, out, "-j", "1", "--backend", "mock") for side in ("left", "right")]
    results = [(run, *run.communicate(timeout=120)) for run in runs]
    expected: list[str] = []
    for (run, _stdout, stderr), side in zip(results, ("left", "right"), strict=True):
        assert "Traceback" not in stderr
        if run.returncode == 0:
            expected += [f"{side}-{n}.txt" for n in range(3)]
        else:  # the other one held the folder for longer than the wait
            assert run.returncode == 2 and "another easyread batch is writing into this folder" in stderr, stderr
    assert expected, "neither batch ran"
    assert sorted(records(out)) == sorted(expected)


def test_a_lock_left_by_a_dead_batch_does_not_block(tmp_path):
    letter(tmp_path / "in", "bins.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": 999999, "host": "gone", "started": "2020-01-01T00:00:00"}))
    run = run_easyread("convert", tmp_path / "in", "-o", out, "-j", "1")
    assert run.code == 0, run.stderr
    assert records(out)["bins.txt"]["status"] == "converted"


# ---- item 9, second bullet: workers end with the main process -------------------------------------


def processes_in_group(group: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pgid = fields[0], int(fields[2])
        if pgid == group and state not in ("Z", "X"):
            found.append(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_exit_when_the_main_process_is_killed(tmp_path):
    out = tmp_path / "out"
    for number in range(4):
        letter(tmp_path / "in", f"slow-{number}.txt", number, sections=3)  # 4 sections x 2 s each
    batch = start_batch(tmp_path / "in", out, "-j", "2", "--backend", "mock", "--mock-latency", "2", "-v")
    try:
        # the main process, the forkserver, the resource tracker and two workers
        assert wait_for(lambda: len(processes_in_group(batch.pid)) >= 4), processes_in_group(batch.pid)
        time.sleep(1.5)  # the workers are mid-document
        assert not list(out.rglob("*.easyread.pdf")), "too fast: a document finished before the kill"
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait(timeout=10)
        gone = wait_for(lambda: not processes_in_group(batch.pid), seconds=5)
        left = processes_in_group(batch.pid)
    finally:
        for pid in processes_in_group(batch.pid):
            os.kill(pid, signal.SIGKILL)
        batch.stdout.close()
        batch.stderr.close()
    assert gone, f"processes still running 5 s after the main process was killed: {left}"
    before = snapshot(out)
    time.sleep(9)  # longer than the documents in flight would have taken to finish
    assert snapshot(out) == before
    assert not list(out.rglob("*.easyread.pdf")) and not list(out.rglob("*.part"))


# ---- item 6, third bullet; item 8: a damaged manifest ----------------------------------------------

GOOD = {"source": "good.txt", "status": "converted", "outputs": ["good.easyread.pdf"]}
DAMAGED_ENTRIES = {
    "entry-is-a-list": ["damaged.txt", "converted"],
    "source-is-a-list": {"source": ["damaged.txt"], "status": "converted"},
    "no-status": {"source": "damaged.txt", "outputs": ["damaged.easyread.pdf"]},
    "outputs-is-a-number": {"source": "damaged.txt", "status": "converted", "outputs": 7},
    "outputs-is-a-string": {"source": "damaged.txt", "status": "converted", "outputs": "damaged.easyread.pdf"},
    "output-outside-the-folder": {"source": "damaged.txt", "status": "converted", "outputs": ["../../etc/hosts"]},
    "huge-number": {"source": "damaged.txt", "status": "converted", "tokens": "9" * 5001},
    "nan-score": {"source": "damaged.txt", "status": "converted", "scores_after": {"grade": "NaN"}},
    "tokens-is-true": {"source": "damaged.txt", "status": "converted", "tokens": True},
}


def manifest_with(entry: object, good_sha: str, settings_hash: str) -> str:
    good = {**GOOD, "source_sha256": good_sha, "settings_hash": settings_hash}
    text = json.dumps({"version": 1, "documents": [good, entry]})
    return text.replace('"' + "9" * 5001 + '"', "9" * 5001).replace('"NaN"', "NaN")


@pytest.mark.slow
@pytest.mark.parametrize("damage", sorted(DAMAGED_ENTRIES))
def test_a_damaged_manifest_entry_means_convert_again(tmp_path, damage):
    source, out = tmp_path / "in", tmp_path / "out"
    letter(source, "good.txt", 1)
    letter(source, "damaged.txt", 2)
    assert run_easyread("convert", source, "-o", out, "-j", "1").code == 0
    good = records(out)["good.txt"]
    (out / MANIFEST_NAME).write_text(manifest_with(DAMAGED_ENTRIES[damage], good["source_sha256"],
                                                   good["settings_hash"]))
    run = run_easyread("convert", source, "-o", out, "-j", "1")
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {out / MANIFEST_NAME}: 1 damaged record passed over; "
                        "their documents are converted again"], run.stderr
    assert records(out)["good.txt"]["status"] == "unchanged"
    assert records(out)["damaged.txt"]["status"] == "converted"


@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"documents": {"a.txt": {}}}', b"[" * 100_000,
    b'{"version": 1}', b"",
], ids=["not-json", "not-utf8", "a-list", "documents-is-a-dict", "nested-100000-deep", "no-documents", "empty"])
def test_an_unreadable_manifest_is_one_warning_and_the_batch_goes_on(tmp_path, content):
    source, out = tmp_path / "in", tmp_path / "out"
    letter(source, "bins.txt")
    out.mkdir()
    (out / MANIFEST_NAME).write_bytes(content)
    run = run_easyread("convert", source, "-o", out, "-j", "1")
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and str(out / MANIFEST_NAME) in warnings[0], run.stderr
    assert "every document is converted again" in warnings[0]
    assert records(out)["bins.txt"]["status"] == "converted"


# ---- item 10: a batch with a key the server refuses -------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_with_a_refused_key_exits_2(tmp_path, jobs):
    from tests.backends.fake_anthropic import FakeAnthropic

    for number in range(5):
        letter(tmp_path / "in", f"letter-{number}.txt", number)
    fake = FakeAnthropic().start()
    fake.default = lambda request: {"status": 401, "echo_headers": True}
    try:
        run = run_easyread("convert", tmp_path / "in", "-o", tmp_path / "out", "-b", "anthropic", "-j", jobs,
                           env={"ANTHROPIC_BASE_URL": fake.url, "ANTHROPIC_API_KEY": FAKE_KEY,
                                              "EASYREAD_CACHE_DIR": str(tmp_path / "cache")})
    finally:
        fake.stop()
    assert_refused(run, 2, "the server answered 401", "check the API key")
    assert FAKE_KEY not in run.stdout + run.stderr
    assert len(fake.requests) <= int(jobs) * 2, "the batch went on sending documents to a server that refuses it"
    assert not list((tmp_path / "out").rglob("*.easyread.*"))
    assert all(entry["status"] == "failed" for entry in records(tmp_path / "out").values())
