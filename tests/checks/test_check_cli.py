"""`easyread check`: exit codes, CI formats parsed back, per-line ignores, facts against a source."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from easyread.cli import app

HARD = (
    "# Notice of alterations\n\n"
    "Notwithstanding the aforementioned considerations, residents are required to notify the authority of any "
    "alterations to their circumstances, including household composition and employment status, within 21 days.\n"
)
EASY = (
    "# Your bin day\n\n"
    "Your bin day is changing.\n\n"
    "We will empty your bin on Tuesday.\n\n"
    "Put your bin out by 7am.\n\n"
    "Call us on 01632 960 123 if you need help.\n"
)
GITHUB_LINE = re.compile(r"^::(error|warning) file=([^,]+)(?:,line=(\d+))?,title=(ER\d{3}) ([a-z-]+)::(.+)$")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_easy_document_passes_and_hard_one_fails(runner, tmp_path):
    easy = write(tmp_path, "easy.md", EASY)
    hard = write(tmp_path, "hard.md", HARD)
    assert runner.invoke(app, ["check", str(easy)]).exit_code == 0
    outcome = runner.invoke(app, ["check", str(hard)])
    assert outcome.exit_code == 1
    assert "ER101 sentence-too-long" in outcome.stdout
    assert "hard.md:line 3" in outcome.stdout


def test_folder_is_checked_and_unreadable_files_exit_2(runner, tmp_path):
    write(tmp_path, "easy.md", EASY)
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    outcome = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert outcome.exit_code == 2
    payload = json.loads(outcome.stdout)
    by_name = {doc["path"].rsplit("/", 1)[-1]: doc for doc in payload["documents"]}
    assert by_name["easy.md"]["passed"] is True
    assert by_name["broken.docx"]["error"]


def test_json_report_has_scores_and_findings(runner, tmp_path):
    hard = write(tmp_path, "hard.md", HARD)
    payload = json.loads(runner.invoke(app, ["check", str(hard), "-f", "json"]).stdout)
    document = payload["documents"][0]
    assert payload["passed"] is False
    assert document["metrics"]["flesch_reading_ease"] < 80
    assert {"ER101", "ER201", "ER202"} <= {f["rule_id"] for f in document["findings"]}
    assert all(f["suggestion"] for f in document["findings"])


def test_github_annotations_parse(runner, tmp_path):
    hard = write(tmp_path, "hard.md", HARD)
    outcome = runner.invoke(app, ["check", str(hard), "--format", "github", "--profile", "strict"])  # ER101 an error
    annotations = [GITHUB_LINE.match(line) for line in outcome.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(annotations)
    long_sentence = [m for m in annotations if m.group(4) == "ER101"]
    assert long_sentence[0].group(1) == "error"
    assert long_sentence[0].group(3) == "3"
    assert long_sentence[0].group(2).endswith("hard.md")


def test_junit_report_parses(runner, tmp_path):
    write(tmp_path, "easy.md", EASY)
    write(tmp_path, "hard.md", HARD)
    report = tmp_path / "out" / "junit.xml"
    outcome = runner.invoke(app, ["check", str(tmp_path), "--format", "junit", "-o", str(report), "--profile", "strict"])
    assert outcome.exit_code == 1
    suite = ET.parse(report).getroot()
    assert suite.tag == "testsuite"
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = {case.get("name").rsplit("/", 1)[-1]: case for case in suite.iter("testcase")}
    assert cases["easy.md"].find("failure") is None
    assert "ER101" in cases["hard.md"].find("failure").text


def test_per_line_ignore_in_markdown(runner, tmp_path):
    text = EASY + "\n<!-- easyread: ignore ER101 sentence-too-long -->\n" + (
        "You can come to the meeting on Tuesday and bring your friends and family with you to the hall.\n"
    )
    path = write(tmp_path, "ignored.md", text)
    payload = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).stdout)
    assert "ER101" not in {f["rule_id"] for f in payload["documents"][0]["findings"]}
    path.write_text(text.replace("<!-- easyread: ignore ER101 sentence-too-long -->", ""), encoding="utf-8")
    payload = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).stdout)
    assert "ER101" in {f["rule_id"] for f in payload["documents"][0]["findings"]}


def test_project_config_turns_rules_off_and_options_override(runner, tmp_path):
    hard = write(tmp_path, "hard.md", HARD)
    (tmp_path / "easyread.toml").write_text('ignore = ["ER101", "ER102"]\nmin_reading_ease = -100\nmax_grade = 40\n')
    outcome = runner.invoke(app, ["check", str(hard), "-f", "json"])
    assert outcome.exit_code == 0, outcome.stdout
    outcome = runner.invoke(app, ["check", str(hard), "-f", "json", "--max-grade", "5"])
    assert outcome.exit_code == 1


def test_missing_facts_against_the_source(runner, tmp_path):
    source = write(tmp_path, "source.md", "Pay £52 by 1 April 2026. Call 01632 960 123.")
    kept = write(tmp_path, "kept.md", "Pay £52.\n\nPay by 1 April 2026.\n\nCall 01632 960123.")
    lost = write(tmp_path, "lost.md", "Pay £52.\n\nCall us.")
    assert runner.invoke(app, ["check", str(kept), "--source", str(source)]).exit_code == 0
    outcome = runner.invoke(app, ["check", str(lost), "--source", str(source), "-f", "json"])
    assert outcome.exit_code == 1
    missing = [f["text"] for f in json.loads(outcome.stdout)["documents"][0]["findings"] if f["rule_id"] == "ER401"]
    assert missing == ["1 April 2026", "01632 960 123"]


def test_usage_errors_exit_2(runner, tmp_path):
    assert runner.invoke(app, ["check", str(tmp_path / "nope.md")]).exit_code == 2
    easy = write(tmp_path, "easy.md", EASY)
    assert runner.invoke(app, ["check", str(easy), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["check", str(easy), "--ignore", "ER999"]).exit_code == 2


def test_terminal_table_shows_scores_and_findings(tmp_path):
    import io

    from easyread.checks.report import render_table
    from easyread.checks.run import check_paths

    hard = write(tmp_path, "hard.md", HARD)
    out = io.StringIO()
    render_table(check_paths([hard]), out)
    text = out.getvalue()
    assert "Readability" in text and "FAIL" in text
    assert "FAIL Flesch Reading Ease" in " ".join(text.split())  # the reason, under the scores table
    assert "sentence-too-long" in text
    assert "0 of 1 documents passed" in text


def test_convert_prints_scores_before_and_after(runner, tmp_path):
    source = write(tmp_path, "notice.md", HARD)
    outcome = runner.invoke(app, ["convert", str(source)])
    assert outcome.exit_code == 0
    match = re.search(r"reading ease (-?[\d.]+) -> (-?[\d.]+), grade ([\d.]+) -> ([\d.]+)", outcome.stderr)
    assert match, outcome.stderr
    assert float(match.group(2)) > float(match.group(1))
    assert float(match.group(4)) < float(match.group(3))


def test_github_format_lets_no_file_name_start_a_workflow_command(runner, tmp_path):
    """A file name holding a line break and "::error" must not become a command in the GitHub log."""
    from easyread.cli import app

    long_sentence = ("The council will consider every comment that residents send about the plans for the new "
                     "library before the committee meets in the spring of next year.\n")
    (tmp_path / "notes\n::error file=other.md::made up,x.md").write_text(long_sentence)
    (tmp_path / "::warning::also made up.md").write_text(long_sentence)
    outcome = runner.invoke(app, ["check", str(tmp_path), "--format", "github"])
    lines = outcome.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) >= 2, outcome.stdout  # the long sentences are annotated
    assert all(line.startswith(("::error file=/", "::warning file=/")) for line in commands), commands
    assert not any(line.startswith(("::error file=other", "::warning::also")) for line in lines), lines


def test_fail_on_warning_fails_a_document_with_only_warnings(runner, tmp_path):
    easy = write(tmp_path, "easy.md", EASY + "\nWe will send the letter, e.g. by email.\n")  # ER115: a warning
    payload = json.loads(runner.invoke(app, ["check", str(easy), "-f", "json"]).stdout)
    findings = payload["documents"][0]["findings"]
    assert findings and all(f["severity"] == "warning" for f in findings)
    assert runner.invoke(app, ["check", str(easy)]).exit_code == 0
    assert runner.invoke(app, ["check", str(easy), "--fail-on", "error"]).exit_code == 0
    strict = runner.invoke(app, ["check", str(easy), "--fail-on", "warning"])
    assert strict.exit_code == 1
    summary = [line for line in strict.stdout.splitlines() if line.startswith(f"{easy}: ")]
    assert len(summary) == 1 and summary[0].startswith(f"{easy}: FAIL "), strict.stdout
    assert "latin-abbreviation" in summary[0] and "--fail-on warning" in summary[0]
    clean = write(tmp_path, "clean.md", EASY)
    assert runner.invoke(app, ["check", str(clean), "--fail-on", "warning"]).exit_code == 0
    assert runner.invoke(app, ["check", str(easy), "--fail-on", "notes"]).exit_code == 2


def test_fail_on_warning_fails_the_junit_case(runner, tmp_path):
    easy = write(tmp_path, "easy.md", EASY + "\nWe will send the letter, e.g. by email.\n")
    report = tmp_path / "junit.xml"
    outcome = runner.invoke(app, ["check", str(easy), "-f", "junit", "-o", str(report), "--fail-on", "warning"])
    assert outcome.exit_code == 1
    case = ET.parse(report).getroot().find("testcase")
    assert "ER115" in case.find("failure").text


def test_summary_line_gives_the_verdict_and_reason_first(runner, tmp_path):
    hard = write(tmp_path, "hard.md", HARD)
    easy = write(tmp_path, "easy.md", EASY)
    outcome = runner.invoke(app, ["check", str(hard), str(easy), "--profile", "strict"])
    lines = outcome.stdout.splitlines()
    failed = next(line for line in lines if line.startswith(f"{hard}: "))
    match = re.match(re.escape(f"{hard}: ") + r"FAIL (.+); (\d+) errors?, (\d+) warnings?$", failed)
    assert match, failed
    reason = match.group(1)
    assert reason.startswith("Flesch Reading Ease ") and "needs 80 or more (the strict profile)" in reason
    assert "Flesch-Kincaid grade" in reason and "needs 5 or less" in reason
    assert "sentence-too-long" in reason  # ER101 is an error under strict
    errors = [line for line in lines if line.startswith(f"{hard}:") and "[error]" in line]
    assert int(match.group(2)) == len(errors)
    passed = next(line for line in lines if line.startswith(f"{easy}: "))
    assert re.match(re.escape(f"{easy}: ") + r"PASS reading ease [\d.]+, grade -?[\d.]+, .*; 0 errors, \d+ warnings?$",
                    passed), passed
