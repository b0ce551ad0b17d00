"""`easyread check --baseline FILE`: recorded on the first run, later runs report and fail only on
new findings, matched by path, rule and text (not lines); a corrupt baseline is one line, exit 2."""

from __future__ import annotations

import json

import pytest

from easyread.checks.baseline import BASELINE_MARK
from easyread.cli import app

LONG = ("The council will consider every comment that residents send about the plans for the new "
        "library before the committee meets in the spring of next year.\n")
OTHER_LONG = ("Residents who want to speak at the meeting must tell the office in writing at least five "
              "working days before the date of the meeting.\n")
EASY = "# Your bin day\n\nYour bin day is changing.\n\nWe will empty your bin on Tuesday.\n"


def check(runner, *args):
    return runner.invoke(app, ["check", *map(str, args), "--profile", "strict", "-f", "json"])


def rule_ids(outcome):
    return [f["rule_id"] for doc in json.loads(outcome.stdout)["documents"] for f in doc["findings"]]


def test_first_run_writes_the_baseline_and_later_runs_fail_only_on_new_findings(runner, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    notice = docs / "notice.md"
    notice.write_text("# Library plans\n\n" + LONG, encoding="utf-8")
    (docs / "easy.md").write_text(EASY, encoding="utf-8")
    baseline = tmp_path / "easyread-baseline.json"
    assert check(runner, docs).exit_code == 1  # without a baseline the long sentence fails (strict)

    first = check(runner, docs, "--baseline", baseline)
    assert first.exit_code == 0, first.stdout
    assert "wrote the baseline" in first.stderr
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert next(iter(recorded)) == "made_by" and recorded["made_by"] == BASELINE_MARK
    entry = next(e for e in recorded["findings"] if e["rule_id"] == "ER101")
    assert entry == {"path": "docs/notice.md", "rule_id": "ER101", "text": LONG.strip()}
    assert all(set(e) == {"path", "rule_id", "text"} for e in recorded["findings"])  # no line numbers

    # An edit above the known sentence moves it down: still matched, so still a pass.
    notice.write_text("# Library plans\n\nWe will help you.\n\n" + LONG, encoding="utf-8")
    moved = check(runner, docs, "--baseline", baseline)
    assert moved.exit_code == 0, moved.stdout
    assert "ER101" not in rule_ids(moved)
    plain = runner.invoke(app, ["check", str(notice), "--profile", "strict", "--baseline", str(baseline)])
    assert plain.exit_code == 0
    known_here = sum(1 for e in recorded["findings"] if e["path"] == "docs/notice.md")
    assert f"{notice}: PASS " in plain.stdout and f"(and {known_here} in the baseline)" in plain.stdout, plain.stdout
    assert "matched the baseline" in moved.stderr
    matched = int(moved.stderr.split("easyread: ", 1)[1].split()[0])
    assert matched == len(recorded["findings"])

    # A new long sentence is reported, and fails the check on its own.
    notice.write_text("# Library plans\n\n" + LONG + "\n" + OTHER_LONG, encoding="utf-8")
    new = check(runner, docs, "--baseline", baseline)
    assert new.exit_code == 1
    long_ones = [f for doc in json.loads(new.stdout)["documents"] for f in doc["findings"] if f["rule_id"] == "ER101"]
    assert [f["text"] for f in long_ones] == [OTHER_LONG.strip()]
    assert baseline.read_text(encoding="utf-8").count("ER101") == 1  # an existing baseline is never rewritten


def test_a_second_copy_of_a_known_finding_is_new(runner, tmp_path):
    notice = tmp_path / "notice.md"
    notice.write_text(LONG, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert check(runner, notice, "--baseline", baseline).exit_code == 0
    notice.write_text(LONG + "\n" + LONG, encoding="utf-8")
    twice = check(runner, notice, "--baseline", baseline)
    assert rule_ids(twice).count("ER101") == 1 and twice.exit_code == 1


@pytest.mark.parametrize("content", [
    "{not json",
    json.dumps({"version": 1, "findings": []}),  # no mark
    json.dumps({"made_by": BASELINE_MARK, "version": 1, "findings": [{"path": "a.md", "rule_id": 101}]}),
    json.dumps({"made_by": BASELINE_MARK, "version": 99, "findings": []}),
    json.dumps([1, 2]),
])
def test_a_corrupt_baseline_is_one_line_exit_2(runner, tmp_path, content):
    notice = tmp_path / "notice.md"
    notice.write_text(EASY, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    outcome = runner.invoke(app, ["check", str(notice), "--baseline", str(baseline)])
    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and str(baseline) in lines[0] and "baseline" in lines[0], outcome.stderr
    assert baseline.read_text(encoding="utf-8") == content  # left as it was


def test_a_score_finding_matches_whatever_the_score_now_is(runner, tmp_path):
    notice = tmp_path / "notice.md"
    notice.write_text(LONG, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert check(runner, notice, "--baseline", baseline).exit_code == 0
    assert "ER202" in baseline.read_text(encoding="utf-8")
    notice.write_text(LONG.replace("spring of next year", "autumn of this year"), encoding="utf-8")
    assert {"ER201", "ER202"} <= set(rule_ids(check(runner, notice)))  # without the baseline: both, new scores
    outcome = check(runner, notice, "--baseline", baseline)
    assert not {"ER201", "ER202"} & set(rule_ids(outcome)), outcome.stdout


def test_the_report_cannot_be_written_over_the_baseline(runner, tmp_path):
    notice = tmp_path / "notice.md"
    notice.write_text(LONG, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    outcome = runner.invoke(app, ["check", str(notice), "--baseline", str(baseline), "-o", str(baseline)])
    assert outcome.exit_code == 2 and "is the baseline" in outcome.stderr
    assert not baseline.exists()
