"""`convert -` reads standard input, `convert -o -` writes standard output (easyread.cli_stdio),
through the real entry point (`python -m easyread`, a child process) and through CliRunner."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from easyread.cli import app

ROOT = Path(__file__).resolve().parents[2]
LETTER = ("# Your new bin day\n\nFrom 4 May 2026 we collect your green bin on a Tuesday.\n\n"
          "Call 01632 960 178 if your bin is missed. A new bin costs £7.50.\n")


def easyread(*args: str, stdin: bytes = b"", cwd: Path | None = None, stdout=subprocess.PIPE):
    """Run the real command (`python -m easyread ...`) in a child process."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "easyread", *args], input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, cwd=cwd or ROOT, env=environment, timeout=300)


def test_markdown_from_standard_input_to_standard_output_is_the_file_it_would_write(tmp_path):
    piped = easyread("convert", "-", "--input-format", "md", "-o", "-", "--format", "md", stdin=LETTER.encode())
    assert piped.returncode == 0, piped.stderr.decode()
    (tmp_path / "stdin.md").write_text(LETTER, encoding="utf-8")  # the name standard input goes by
    written = easyread("convert", str(tmp_path / "stdin.md"), "-o", str(tmp_path / "easy.md"), "-q")
    assert written.returncode == 0, written.stderr.decode()
    assert piped.stdout == (tmp_path / "easy.md").read_bytes()  # byte for byte: nothing else on stdout
    text = piped.stdout.decode("utf-8")
    assert "01632 960 178" in text.replace("\u00a0", " ") and "£7.50" in text
    assert "sentence" in piped.stderr.decode()  # the summary goes to standard error
    assert "/tmp" not in text and "easyread-stdin" not in piped.stderr.decode()  # no temporary path shown


def test_a_pdf_goes_to_standard_output_when_it_is_not_a_terminal(tmp_path):
    piped = easyread("convert", "-", "--input-format", "txt", "-o", "-", stdin=LETTER.encode())
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout.startswith(b"%PDF-") and piped.stdout.rstrip().endswith(b"%%EOF")
    (tmp_path / "easy.pdf").write_bytes(piped.stdout)
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "easy.pdf").pages)
    assert "Tuesday" in text


def test_a_pdf_is_refused_on_a_terminal(tmp_path):
    main, terminal = pty.openpty()
    try:
        refused = easyread("convert", "-", "--input-format", "md", "-o", "-", stdin=LETTER.encode(),
                           stdout=terminal)
    finally:
        os.close(terminal)
        os.close(main)
    assert refused.returncode == 2
    lines = refused.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "standard output is a terminal" in lines[0] and "Traceback" not in lines[0]


def test_a_word_file_on_standard_input_is_known_by_its_first_bytes(tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("Parking permits", level=1)
    document.add_paragraph("Your parking permit ends on 30 June 2026. Renew it at AB1 2CD.")
    document.save(tmp_path / "permit.docx")
    outcome = easyread("convert", "-", "-o", str(tmp_path / "out") + "/", "--format", "json", "-q",
                       stdin=(tmp_path / "permit.docx").read_bytes())
    assert outcome.returncode == 0, outcome.stderr.decode()
    written = tmp_path / "out" / "stdin.easyread.json"
    assert outcome.stdout.decode().split() == [str(written)]  # only the output path on stdout
    plan = json.loads(written.read_text(encoding="utf-8"))
    sentences = " ".join(item["sentence"] for section in plan["sections"] for item in section["items"])
    assert "AB1 2CD" in sentences and "30 June 2026" in sentences


def test_the_plan_can_go_to_standard_output(runner):
    outcome = runner.invoke(app, ["convert", "-", "--input-format", "txt", "-o", "-", "-f", "json"],
                            input=LETTER.encode())
    assert outcome.exit_code == 0, outcome.stderr
    plan = json.loads(outcome.stdout)
    assert plan["format"] == "easyread-plan"


@pytest.mark.parametrize(("args", "data", "reason"), [
    (["-", "-o", "-", "-f", "md"], LETTER.encode(), "give --input-format md or txt"),
    (["-", "--input-format", "md", "-o", "-", "-f", "md"], b"%PDF-1.7\n", "starts like a PDF, not md"),
    (["-", "-o", "-", "-f", "md"], b"<!DOCTYPE html><html><body>Hi</body></html>", "is HTML"),
    (["-", "--input-format", "odt", "-o", "-", "-f", "md"], LETTER.encode(), "unknown --input-format 'odt'"),
    (["-", "--input-format", "md"], LETTER.encode(), "give -o FILE, -o FOLDER/ or -o -"),
    (["-", "LETTER", "--input-format", "md", "-o", "OUT/"], LETTER.encode(), "give it alone"),
    (["LETTER", "--input-format", "md"], b"", "--input-format is for '-'"),
    (["LETTER", "-o", "-", "-f", "md,html"], b"", "writes one format to standard output"),
    (["FOLDER", "-o", "-"], b"", "give a folder for several"),
    (["LETTER", "-o", "-", "-f", "md", "--pictures", "FOLDER"], b"", "Markdown links its pictures"),
])
def test_standard_streams_used_wrongly_are_one_line_and_exit_2(runner, tmp_path, args, data, reason):
    (tmp_path / "letter.md").write_text(LETTER, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    names = {"LETTER": str(tmp_path / "letter.md"), "OUT/": str(tmp_path / "out") + "/", "FOLDER": str(tmp_path)}
    outcome = runner.invoke(app, ["convert", *[names.get(arg, arg) for arg in args]], input=data)
    assert outcome.exit_code == 2, outcome.output
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0], outcome.stderr
    assert outcome.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "letter.md"]  # nothing written


def test_a_document_on_standard_input_is_named_standard_input_in_errors(runner):
    outcome = runner.invoke(app, ["convert", "-", "--input-format", "txt", "-o", "-", "-f", "md"], input=b"  \n\n")
    assert outcome.exit_code == 1
    assert outcome.stderr.strip() == "easyread: error: standard input: has no text to convert"
    assert outcome.stdout == ""


def test_standard_input_over_the_size_limit_is_refused(runner):
    outcome = runner.invoke(app, ["convert", "-", "--input-format", "txt", "-o", "-", "-f", "md", "--max-size", "1"],
                            input=LETTER.encode() * 20000)  # about 2.6 MB
    assert outcome.exit_code == 1
    assert "standard input: too large: more than the limit of 1 MB" in outcome.stderr
    assert outcome.stdout == ""


def test_standard_output_closed_by_its_reader_is_one_line_and_exit_2():
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "easyread", "convert", "-", "--input-format", "md", "-o", "-",
                              "-f", "md"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=ROOT, env=environment)
    child.stdout.close()  # the reader is gone before anything is written, as `| head` can be
    _, err = child.communicate(LETTER.encode(), timeout=300)
    assert child.returncode == 2
    assert err.decode().strip() == ("easyread: error: standard output: was closed before the whole document was "
                                    "written")


def test_check_writes_its_report_to_standard_output_for_dash(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "letter.md").write_text(LETTER, encoding="utf-8")
    outcome = runner.invoke(app, ["check", "letter.md", "-f", "json", "-o", "-"])
    assert outcome.exit_code in (0, 1), outcome.stderr
    report = json.loads(outcome.stdout)
    assert report["documents"][0]["path"].endswith("letter.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.md"]  # no file named "-"


def test_a_dry_run_of_standard_input_names_it_and_writes_nothing(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outcome = runner.invoke(app, ["convert", "-", "--input-format", "txt", "-o", "easy.pdf", "--dry-run",
                                  "-b", "anthropic"], input=LETTER.encode())
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.startswith("standard input: ") and "Nothing was sent." in outcome.stdout
    assert list(tmp_path.iterdir()) == []


def test_render_writes_one_plan_to_standard_output(runner, tmp_path):
    (tmp_path / "letter.md").write_text(LETTER, encoding="utf-8")
    made = runner.invoke(app, ["convert", str(tmp_path / "letter.md"), "-o", str(tmp_path / "letter.json"), "-q"])
    assert made.exit_code == 0, made.stderr
    rendered = runner.invoke(app, ["render", str(tmp_path / "letter.json"), "-f", "html", "-o", "-"])
    assert rendered.exit_code == 0, rendered.stderr
    assert rendered.stdout.startswith("<!doctype html>") and "Tuesday" in rendered.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.json", "letter.md"]
    several = runner.invoke(app, ["render", str(tmp_path / "letter.json"), str(tmp_path / "letter.json"), "-o", "-"])
    assert several.exit_code == 2 and "one plan to standard output" in several.stderr


def test_render_to_standard_output_refuses_markdown_that_links_picture_files(runner, tmp_path):
    from tests.pictures.images import write_png

    (tmp_path / "letter.md").write_text(LETTER, encoding="utf-8")
    runner.invoke(app, ["convert", str(tmp_path / "letter.md"), "-o", str(tmp_path / "letter.json"), "-q"])
    plan = json.loads((tmp_path / "letter.json").read_text(encoding="utf-8"))
    write_png(tmp_path / "bin.png")
    plan["sections"][0]["items"][0]["picture_file"] = "bin.png"
    (tmp_path / "letter.json").write_text(json.dumps(plan), encoding="utf-8")
    outcome = runner.invoke(app, ["render", str(tmp_path / "letter.json"), "-f", "md", "-o", "-"])
    assert outcome.exit_code == 2
    assert "links picture files" in outcome.stderr and outcome.stdout == ""
