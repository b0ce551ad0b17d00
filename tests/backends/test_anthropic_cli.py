"""`easyread convert --backend anthropic` end to end against the fake server, and `easyread cache`."""

from __future__ import annotations

import json
import subprocess
import sys

from easyread.cli import app
from tests.backends.conftest import FAKE_KEY
from tests.conftest import pdf_pages_text

LETTER = """# Your bin day is changing

## What is changing

Your bin day is now Tuesday.
We collect from 7am.

## What you need to do

Put your bin out by 7am on Tuesday 2 June 2026.
Call 01632 960123 if you have a question.
Or email bins@northbrook.gov.uk for help.
"""


def letter(tmp_path):
    path = tmp_path / "letter.md"
    path.write_text(LETTER, encoding="utf-8")
    return path


def convert(runner, *arguments):
    return runner.invoke(app, ["convert", *map(str, arguments)])


def test_convert_with_anthropic_writes_the_pdf_and_reports_tokens_and_cost(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    result = convert(runner, source, "--backend", "anthropic", "-o", tmp_path / "out.pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.pdf").is_file()
    text = " ".join(pdf_pages_text(tmp_path / "out.pdf"))
    assert "Put your bin out by 7am on Tuesday 2 June 2026." in text and "01632 960123" in text
    assert len(fake_anthropic.requests) == 2  # the plan, then both sections in one request (a short letter)
    assert "anthropic claude-sonnet-5-5: 2 requests; tokens:" in result.output
    assert "about $" in result.output
    assert "rules-fallback" not in result.output
    assert FAKE_KEY not in result.output


def test_model_from_the_settings_file_and_from_the_option(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    (tmp_path / "easyread.toml").write_text('model = "claude-haiku-4-5"\n', encoding="utf-8")
    assert convert(runner, source, "-b", "anthropic", "--no-cache").exit_code == 0
    assert convert(runner, source, "-b", "anthropic", "--no-cache", "--model", "claude-sonnet-4-6").exit_code == 0
    models = [request.body["model"] for request in fake_anthropic.requests]
    assert models == ["claude-haiku-4-5"] * 2 + ["claude-sonnet-4-6"] * 2


def test_a_second_conversion_comes_from_the_cache(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    assert convert(runner, source, "-b", "anthropic").exit_code == 0
    first = len(fake_anthropic.requests)
    again = convert(runner, source, "-b", "anthropic", "-o", tmp_path / "again.pdf")
    assert again.exit_code == 0
    assert len(fake_anthropic.requests) == first  # zero new requests
    assert "0 requests" in again.output and "about $0.0000" in again.output


def test_no_cache_sends_the_requests_again(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    convert(runner, source, "-b", "anthropic")
    assert convert(runner, source, "-b", "anthropic", "--no-cache").exit_code == 0
    assert len(fake_anthropic.requests) == 4


def test_failing_sections_fall_back_and_are_reported(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    fake_anthropic.default = lambda request: {} if request.is_plan else {"status": 500}
    result = convert(runner, source, "-b", "anthropic", "--retries", "1", "--jobs", "1")
    assert result.exit_code == 1, result.output  # the model converted no section: exit 1, outputs written
    assert "converted none of the sections" in result.output
    assert "to review: 7 x rules-fallback" in result.output  # both sections were in the failed request
    assert "2 of 2 sections were converted by the rules backend instead" in result.output
    assert "the server answered 500 (fake error 500)" in result.output
    text = " ".join(pdf_pages_text(tmp_path / "letter.easyread.pdf"))
    assert "Tuesday" in text and "01632 960123" in text  # no section lost


def test_dry_run_sends_nothing_and_estimates(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    result = convert(runner, source, "-b", "anthropic", "--dry-run")
    assert result.exit_code == 0, result.output
    assert fake_anthropic.requests == []
    assert result.output.startswith(f"{source}: 2 requests, about ")
    assert "anthropic claude-sonnet-5-5. Nothing was sent." in result.output
    assert not (tmp_path / "letter.easyread.pdf").exists()


def test_dry_run_of_a_folder_adds_up_its_documents(runner, tmp_path, fake_anthropic):
    folder = tmp_path / "in"
    folder.mkdir()
    letter(folder)
    (folder / "other.txt").write_text("Other letter\n\nWe collect bins on Friday.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(folder), "-b", "anthropic", "--dry-run"])
    assert fake_anthropic.requests == [] and not (tmp_path / "out").exists()
    # each document: its plan, and its sections in one request (short documents go whole)
    assert f"{folder / 'letter.md'}: 2 requests" in result.output and f"{folder / 'other.txt'}: 2 requests," in result.output
    assert "2 documents: 4 requests" in result.output
    assert "empty.txt" in result.output and result.exit_code == 1  # a document that cannot be read


def test_dry_run_needs_no_key(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    result = convert(runner, letter(tmp_path), "-b", "anthropic", "--dry-run")
    assert result.exit_code == 0 and "tokens in" in result.output


def test_a_missing_key_is_one_line_and_exit_2(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    result = convert(runner, letter(tmp_path), "-b", "anthropic")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "easyread: error: the anthropic backend needs an API key: set ANTHROPIC_API_KEY, or use --backend rules"]
    assert "Traceback" not in result.output and not (tmp_path / "letter.easyread.pdf").exists()


def test_a_missing_key_stops_a_batch_before_it_starts(runner, tmp_path, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    letter(tmp_path)
    result = convert(runner, tmp_path, "-b", "anthropic", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "set ANTHROPIC_API_KEY" in result.output


def test_a_batch_records_tokens_and_cost_per_document(runner, tmp_path, fake_anthropic):
    folder = tmp_path / "in"
    folder.mkdir()
    letter(folder)
    (folder / "other.txt").write_text("Other letter\n\nWe collect bins on Friday.\n", encoding="utf-8")
    result = convert(runner, folder, "-b", "anthropic", "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out" / "easyread-manifest.json").read_text(encoding="utf-8"))
    records = {record["source"]: record for record in manifest["documents"]} if isinstance(
        manifest["documents"], list) else manifest["documents"]
    for record in records.values():
        assert record["status"] == "converted" and record["tokens"] > 0 and record["cost"] > 0
        assert record["model"] == "claude-sonnet-5-5"


def test_cache_info_and_clear(runner, tmp_path, fake_anthropic):
    convert(runner, letter(tmp_path), "-b", "anthropic")
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0
    assert str(tmp_path / "cache") in info.output and "entries: 3" in info.output  # the plan and 2 sections
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 3 answers" in cleared.output
    assert "entries: 0" in runner.invoke(app, ["cache", "info"]).output


def test_help_does_not_import_the_sdk():
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom easyread.cli import app\n"
            "for args in (['--help'], ['convert', '--help'], ['cache', '--help']):\n"
            "    assert CliRunner().invoke(app, args).exit_code == 0\n"
            "assert 'anthropic' not in sys.modules, 'imported anthropic'\n"
            "assert 'openai' not in sys.modules, 'imported openai'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_refused_key_stops_the_conversion_with_one_line(runner, tmp_path, fake_anthropic):
    fake_anthropic.default = lambda request: {"status": 401, "echo_headers": True}
    result = convert(runner, letter(tmp_path), "-b", "anthropic")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("easyread: error: anthropic: the server answered 401")
    assert "check the API key" in lines[0] and FAKE_KEY not in result.output
    assert not (tmp_path / "letter.easyread.pdf").exists()


def test_a_batch_converts_again_when_the_model_changes(runner, tmp_path, fake_anthropic):
    folder = tmp_path / "in"
    folder.mkdir()
    letter(folder)
    out = tmp_path / "out"
    assert convert(runner, folder, "-b", "anthropic", "-o", out, "--jobs", "1").exit_code == 0
    assert convert(runner, folder, "-b", "anthropic", "-o", out, "--jobs", "1").exit_code == 0
    assert len(fake_anthropic.requests) == 2  # the second run: unchanged, nothing sent
    assert convert(runner, folder, "-b", "anthropic", "-o", out, "--jobs", "1", "-m", "claude-haiku-4-5").exit_code == 0
    assert len(fake_anthropic.requests) == 4 and fake_anthropic.requests[-1].body["model"] == "claude-haiku-4-5"


def test_an_llm_conversion_keeps_the_source_ledger(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    result = convert(runner, source, "--backend", "anthropic", "-o", tmp_path / "out", "-f", "json")
    assert result.exit_code == 0, result.output
    plan = json.loads((tmp_path / "out" / "letter.easyread.json").read_text(encoding="utf-8"))
    ledger = {entry["location"]: entry for entry in plan["ledger"]}
    blocks = [entry for entry in plan["ledger"] if entry["use"] not in ("title", "heading")]
    assert blocks and all(entry["use"] == "items" and entry["items"] >= 1 for entry in blocks)
    for section in plan["sections"]:
        for item in section["items"]:
            assert item["source"] and all(ledger[location]["use"] == "items" for location in item["source"])
    assert "warning" not in result.output


def test_a_document_without_a_usable_plan_is_converted_and_says_so(runner, tmp_path, fake_anthropic):
    source = letter(tmp_path)
    fake_anthropic.default = lambda request: {"text": "not json"} if request.is_plan else {}
    result = convert(runner, source, "-b", "anthropic", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert f"warning: {source}: no \"About this document\" opening: " in result.output
    assert "rules-fallback" not in result.output  # the sections were converted by the model all the same
