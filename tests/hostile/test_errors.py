"""Issue 11, the secrets part's one-line errors: a damaged response cache (item 8), `check --format
junit` with control characters (item 10), NaN and infinite thresholds (item 10), and Click/Typer
usage errors (item 10: "an unreadable file on the command line prints a 4-line box").

Each case runs the real command in a child process and asserts the README's promise: one line
`easyread: error: ...`, the documented exit code, no traceback, no Typer box.
"""

from __future__ import annotations

import os
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.hostile.conftest import ROOT, assert_refused, run_easyread, snapshot

CACHE_FILE = "responses.sqlite3"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def cache_env(tmp_path: Path) -> dict[str, str]:
    return {"EASYREAD_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}


def good_cache(path: Path, answers: int = 200) -> None:
    """A real cache file with `answers` answers in it, its WAL folded back into the file."""
    from easyread.backends.response_cache import ResponseCache

    cache = ResponseCache(path)
    for number in range(answers):
        cache.put(f"key {number}", "anthropic", "a-model", "an answer " * 200)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def damage(kind: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "garbage bytes":
        path.write_bytes(os.urandom(4096))
    elif kind == "truncated":
        good_cache(path)
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size // 2)
    elif kind == "a folder in its place":
        path.mkdir()
    elif kind == "no permission":
        good_cache(path, 3)
        path.chmod(0)


DAMAGE = ("garbage bytes", "truncated", "a folder in its place",
          pytest.param("no permission", marks=pytest.mark.skipif(IS_ROOT, reason="root reads any file")))


@pytest.mark.parametrize("kind", DAMAGE)
def test_cache_info_on_a_corrupt_cache_is_one_line_naming_cache_clear(kind, tmp_path):
    path = tmp_path / "cache" / CACHE_FILE
    damage(kind, path)
    run = run_easyread("cache", "info", env=cache_env(tmp_path), timeout=30)
    assert_refused(run, 1, str(path), "easyread cache clear")
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.seconds < 10  # no waiting out the busy timeout on a file that will never open


@pytest.mark.parametrize("kind", DAMAGE)
def test_cache_clear_on_a_corrupt_cache_removes_it(kind, tmp_path):
    path = tmp_path / "cache" / CACHE_FILE
    damage(kind, path)
    run = run_easyread("cache", "clear", env=cache_env(tmp_path), timeout=30)
    assert run.code == 0, run.stderr
    assert "removed the damaged cache" in run.stdout and "Traceback" not in run.stderr
    assert not path.exists()
    after = run_easyread("cache", "info", env=cache_env(tmp_path), timeout=30)
    assert after.code == 0 and "entries: 0" in after.stdout, after.stderr


def test_cache_clear_leaves_a_folder_of_files_in_the_caches_place(tmp_path):
    """A folder with files in it where the cache file should be is not ours to delete: one line, exit 1."""
    path = tmp_path / "cache" / CACHE_FILE
    path.mkdir(parents=True)
    (path / "notes.txt").write_text("keep me", encoding="utf-8")
    run = run_easyread("cache", "clear", env=cache_env(tmp_path), timeout=30)
    assert_refused(run, 1, str(path), "cannot be removed")
    assert (path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_cache_clear_on_a_good_cache_still_counts_the_answers(tmp_path):
    good_cache(tmp_path / "cache" / CACHE_FILE, answers=3)
    run = run_easyread("cache", "clear", env=cache_env(tmp_path), timeout=30)
    assert run.code == 0 and "removed 3 answers" in run.stdout, run.stderr


CONTROL_TEXT = ("# Bins\n\nPut your bin out\x01 by 7am on Tuesday, and the very long sentence goes on and on "
                "past the fifteen words\x0b that the rules allow\x1b[31m for Easy Read.\n\nA bell\x07 rings\x00.\n")


def test_check_junit_with_control_characters_is_valid_xml(tmp_path):
    """Control characters in the text (the readers drop them) and in a file name (they cannot): the
    report is still XML 1.0, and the name shows the character as an escape."""
    document = tmp_path / "bins\x01\x1b.md"
    document.write_text(CONTROL_TEXT, encoding="utf-8")
    run = run_easyread("check", document, "--format", "junit", "--profile", "strict", env={"PYTHONPATH": str(ROOT)},
                       cwd=tmp_path)
    assert run.code == 1, run.stderr  # strict: the long sentence fails the check: a real report, not an error
    suite = ET.fromstring(run.stdout.encode("utf-8"))  # raises on invalid XML 1.0
    case = suite.find("testcase")
    assert case is not None and case.get("name", "").endswith("bins\\x01\\x1b.md")
    assert case.find("failure") is not None
    report = tmp_path / "report.xml"
    written = run_easyread("check", document, "--format", "junit", "-o", report, "--profile", "strict",
                           env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert written.code == 1, written.stderr
    assert ET.parse(report).getroot().tag == "testsuite"


THRESHOLDS = [("--min-reading-ease", "nan"), ("--min-reading-ease", "inf"), ("--min-reading-ease", "-inf"),
              ("--min-reading-ease", "500"), ("--max-grade", "nan"), ("--max-grade", "-5"),
              ("--hard-word-zipf", "nan"), ("--hard-word-zipf", "inf"), ("--max-sentence-words", "0")]


@pytest.mark.parametrize(("option", "value"), THRESHOLDS)
def test_a_nan_or_out_of_range_threshold_is_refused(option, value, tmp_path):
    document = tmp_path / "bins.md"
    document.write_text("# Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    before = snapshot(tmp_path)
    run = run_easyread("check", document, option, value, env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert_refused(run, 2, option, value)
    assert len(run.stderr.strip().splitlines()) == 1 and run.stdout == "", run.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("line", ["min_reading_ease = nan", "max_grade = inf", "hard_word_zipf = -inf",
                                  "min_font_size = nan", "max_sentence_words = 2.5", "max_items_per_page = 0",
                                  "min_reading_ease = 1e400"])
def test_a_nan_or_out_of_range_threshold_in_the_settings_file_is_refused(line, tmp_path):
    document = tmp_path / "bins.md"
    document.write_text("# Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    (tmp_path / "easyread.toml").write_text(line + "\n", encoding="utf-8")
    run = run_easyread("check", document, env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert_refused(run, 2, "easyread.toml", f"'{line.split()[0]}'")
    assert len(run.stderr.strip().splitlines()) == 1 and run.stdout == "", run.stderr


def test_thresholds_at_the_ends_of_their_ranges_still_work(tmp_path):
    document = tmp_path / "bins.md"
    document.write_text("# Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    strict = run_easyread("check", document, "--min-reading-ease", "121.22", env={"PYTHONPATH": str(ROOT)},
                          cwd=tmp_path)
    assert strict.code == 1 and "FAIL" in strict.stdout, strict.stderr
    lenient = run_easyread("check", document, "--min-reading-ease", "-100", "--max-grade", "40",
                           env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert lenient.code == 0 and "PASS" in lenient.stdout, lenient.stderr


USAGE_ERRORS = [
    (("convert",), "Missing argument"),
    (("convert", "x.md", "--bogus"), "No such option: --bogus"),
    (("nosuch",), "No such command 'nosuch'"),
    (("convert", "x.md", "--jobs", "many"), "'--jobs'"),
    (("check", "x.md", "--min-reading-ease", "lots"), "'--min-reading-ease'"),
    (("render",), "Missing argument"),
    (("cache", "info", "--all"), "No such option: --all"),
    (("convert", "x.md", "-q", "true"), ""),  # "true" is a second document: a batch needs -o
]


@pytest.mark.parametrize(("args", "mention"), USAGE_ERRORS)
def test_usage_errors_are_one_line_with_exit_2(args, mention, tmp_path):
    (tmp_path / "x.md").write_text("# Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    run = run_easyread(*args, env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert_refused(run, 2, mention)
    assert len(run.stderr.strip().splitlines()) == 1 and "Usage:" not in run.stderr, run.stderr


@pytest.mark.skipif(IS_ROOT, reason="root reads any file")
def test_an_unreadable_file_on_the_command_line_is_one_line(tmp_path):
    document = tmp_path / "secret.md"
    document.write_text("# Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    document.chmod(0)
    for command in ("convert", "check"):
        run = run_easyread(command, document, env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
        assert run.code in (1, 2), run.stderr
        assert_refused(run, run.code, str(document))
        assert len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_a_file_name_with_a_newline_gives_one_line(tmp_path):
    run = run_easyread("convert", tmp_path / "two\nlines.md", env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert_refused(run, 2, "two\\nlines.md")
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_help_version_and_no_arguments_still_work(tmp_path):
    env = {"PYTHONPATH": str(ROOT)}
    bare = run_easyread(env=env, cwd=tmp_path)
    assert bare.code == 2 and "Usage" in bare.stdout + bare.stderr and "convert" in bare.stdout + bare.stderr
    helped = run_easyread("convert", "--help", env=env, cwd=tmp_path)
    assert helped.code == 0 and "--backend" in helped.stdout
    version = run_easyread("--version", env=env, cwd=tmp_path)
    assert version.code == 0 and version.stdout.startswith("easyread ")


def test_check_text_report_shows_control_characters_in_names_as_escapes(tmp_path):
    """A file name with ESC in it must not reach the terminal as an escape sequence."""
    document = tmp_path / "bins\x1b[2J.md"
    document.write_text("# Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    run = run_easyread("check", document, env={"PYTHONPATH": str(ROOT)}, cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "\x1b" not in run.stdout and "bins\\x1b[2J.md: PASS" in run.stdout
