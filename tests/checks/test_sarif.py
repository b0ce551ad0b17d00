"""`easyread check --format sarif`: valid SARIF 2.1.0 (against the OASIS schema), the rules, the
results at their files and lines, and the `-o` mark that lets a later run replace the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from easyread.checks.registry import RULES
from easyread.checks.sarif import artifact_uri
from easyread.cli import app

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
LONG = ("The council will consider every comment that residents send about the plans for the new "
        "library before the committee meets in the spring of next year.\n")
HARD = (
    "# Notice of alterations\n\n"
    "Notwithstanding the aforementioned considerations, residents are required to notify the authority of any "
    "alterations to their circumstances, including household composition and employment status, within 21 days.\n"
)
EASY = "# Your bin day\n\nYour bin day is changing.\n\nWe will empty your bin on Tuesday.\n"


def validate(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_the_vendored_schema_rejects_what_sarif_forbids():
    """The validation can fail: a log with a field of its own at the top, or a bad level, is refused."""
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "easyread"}}, "results": []}]}
    validate(good)
    with pytest.raises(AssertionError):
        validate({**good, "made_by": "easyread check"})
    with pytest.raises(AssertionError):
        validate({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                                "results": [{"message": {"text": "m"}, "level": "fatal"}]}]})


def test_sarif_report_is_valid_and_locates_findings(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "hard notice.md").write_text(HARD, encoding="utf-8")
    (tmp_path / "docs" / "easy.md").write_text(EASY, encoding="utf-8")
    outcome = runner.invoke(app, ["check", "docs", "--format", "sarif", "--profile", "strict"])
    assert outcome.exit_code == 1
    log = json.loads(outcome.stdout)
    validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "easyread" and driver["version"]
    assert [rule["id"] for rule in driver["rules"]] == [rule.id for rule in RULES]
    long_rule = next(rule for rule in driver["rules"] if rule["id"] == "ER101")
    assert long_rule["name"] == "sentence-too-long" and long_rule["shortDescription"]["text"]
    assert long_rule["defaultConfiguration"]["level"] == "error"
    results = log["runs"][0]["results"]
    by_rule = {result["ruleId"]: result for result in results}
    assert {"ER101", "ER201", "ER202"} <= set(by_rule)
    long_sentence = by_rule["ER101"]["locations"][0]["physicalLocation"]
    assert long_sentence["artifactLocation"]["uri"] == "docs/hard%20notice.md"  # relative, percent-encoded
    assert long_sentence["region"]["startLine"] == 3
    assert by_rule["ER101"]["level"] == "error"  # strict profile
    assert driver["rules"][by_rule["ER101"]["ruleIndex"]]["id"] == "ER101"
    score = by_rule["ER202"]["locations"][0]["physicalLocation"]
    assert score["artifactLocation"]["uri"] == "docs/hard%20notice.md" and "region" not in score
    assert "grade" in by_rule["ER202"]["message"]["text"]
    warnings = [result for result in results if result["level"] == "warning"]
    assert warnings and all(result["ruleId"] != "ER201" for result in warnings)
    assert all(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] != "docs/easy.md"
               for result in results)


def test_default_profile_long_sentence_is_a_warning_and_unreadable_documents_are_notifications(runner, tmp_path):
    (tmp_path / "long.md").write_text(LONG, encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    outcome = runner.invoke(app, ["check", str(tmp_path), "--format", "sarif"])
    assert outcome.exit_code == 2
    log = json.loads(outcome.stdout)
    validate(log)
    run = log["runs"][0]
    assert [r["level"] for r in run["results"] if r["ruleId"] == "ER101"] == ["warning"]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notice = invocation["toolExecutionNotifications"][0]
    assert notice["level"] == "error"
    assert notice["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("/broken.docx")


def test_sarif_written_with_output_carries_the_mark_and_is_replaced_next_time(runner, tmp_path):
    from easyread.ownership import made_by_easyread

    document = tmp_path / "long.md"
    document.write_text(LONG, encoding="utf-8")
    report = tmp_path / "easyread.sarif"
    first = runner.invoke(app, ["check", str(document), "-f", "sarif", "-o", str(report)])
    assert first.exit_code in (0, 1) and not first.stderr, first.stderr
    log = json.loads(report.read_text(encoding="utf-8"))
    validate(log)  # the mark lives in the log's property bag, which SARIF allows
    assert log["properties"]["made_by"] == "easyread check"
    assert made_by_easyread(report)
    written = report.read_bytes()
    again = runner.invoke(app, ["check", str(document), "-f", "sarif", "-o", str(report)])
    assert again.exit_code == first.exit_code and not again.stderr, again.stderr
    assert report.read_bytes() == written
    foreign = tmp_path / "other.sarif"
    foreign.write_text(json.dumps({"$schema": "x", "version": "2.1.0", "runs": []}), encoding="utf-8")
    refused = runner.invoke(app, ["check", str(document), "-f", "sarif", "-o", str(foreign)])
    assert refused.exit_code == 2 and "not made by easyread" in refused.stderr
    assert not made_by_easyread(foreign)


def test_the_same_finding_keeps_its_fingerprint_when_it_moves(runner, tmp_path):
    document = tmp_path / "long.md"
    document.write_text(LONG, encoding="utf-8")
    before = json.loads(runner.invoke(app, ["check", str(document), "-f", "sarif"]).stdout)
    document.write_text("# A new heading\n\nWe will help you.\n\n" + LONG, encoding="utf-8")
    after = json.loads(runner.invoke(app, ["check", str(document), "-f", "sarif"]).stdout)

    def long_sentence(log):
        return next(r for r in log["runs"][0]["results"] if r["ruleId"] == "ER101")

    assert long_sentence(before)["locations"] != long_sentence(after)["locations"]  # it moved down
    assert long_sentence(before)["partialFingerprints"] == long_sentence(after)["partialFingerprints"]


def test_artifact_uri_is_relative_under_the_base_and_a_file_uri_elsewhere(tmp_path):
    assert artifact_uri(tmp_path / "a b" / "c#1.md", tmp_path) == "a%20b/c%231.md"
    outside = artifact_uri(tmp_path / "x.md", tmp_path / "sub")
    assert outside.startswith("file:///") and outside.endswith("/x.md")
    assert artifact_uri(Path(str(tmp_path / "caf\udce9.md")), tmp_path) == "caf%E9.md"  # a name that is not UTF-8
