"""`convert -o FILE` without --format: the file's extension chooses the format, as in pandoc."""

from __future__ import annotations

import json

import pytest

from easyread.cli import app
from easyread.errors import UsageError
from easyread.outputs import FORMATS, format_from_extension, names_a_file

LETTER = "Your green bin is now collected on a Tuesday. Call 01632 960 178 if it is missed.\n"


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["easy.docx", "easy.html", "easy.md", "easy.json", "easy.pdf"])
def test_the_extension_chooses_the_one_format_written(runner, letter, name):
    target = letter.parent / name
    outcome = runner.invoke(app, ["convert", str(letter), "-o", str(target), "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.split() == [str(target)]
    assert sorted(p.name for p in letter.parent.iterdir()) == sorted(["letter.txt", name])
    head = target.read_bytes()[:64]
    expected = {".docx": b"PK\x03\x04", ".pdf": b"%PDF-", ".json": b"{", ".html": b"<!doctype html>",
                ".md": b"<!-- made by easyread"}[target.suffix.lower()]
    assert head.lower().startswith(expected.lower())


def test_an_unknown_extension_is_one_line_and_exit_2(runner, letter):
    outcome = runner.invoke(app, ["convert", str(letter), "-o", str(letter.parent / "easy.odt")])
    assert outcome.exit_code == 2
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and "easy.odt: unknown output extension '.odt'" in lines[0]
    assert [p.name for p in letter.parent.iterdir()] == ["letter.txt"]


def test_the_extension_wins_over_the_settings_file_but_not_over_format(runner, letter):
    (letter.parent / "easyread.toml").write_text('format = ["pdf", "docx"]\n', encoding="utf-8")
    outcome = runner.invoke(app, ["convert", str(letter), "-o", str(letter.parent / "easy.json"), "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    assert json.loads((letter.parent / "easy.json").read_text(encoding="utf-8"))["format"] == "easyread-plan"
    assert not (letter.parent / "easy.pdf").exists() and not (letter.parent / "easy.docx").exists()
    both = runner.invoke(app, ["convert", str(letter), "-o", str(letter.parent / "both.md"), "-f", "md,json", "-q"])
    assert both.exit_code == 0, both.stderr
    assert (letter.parent / "both.md").exists() and (letter.parent / "both.json").exists()


def test_a_folder_with_a_dot_in_its_name_is_still_a_folder(runner, letter):
    folder = letter.parent / "out.v2"
    folder.mkdir()
    outcome = runner.invoke(app, ["convert", str(letter), "-o", str(folder), "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    assert [p.name for p in folder.iterdir()] == ["letter.easyread.pdf"]


def test_format_from_extension_knows_every_format(tmp_path):
    for name, spec in FORMATS.items():
        assert format_from_extension(tmp_path / f"x{spec.extension}") == name
    with pytest.raises(UsageError, match="unknown output extension '.txt'"):
        format_from_extension(tmp_path / "x.txt")
    assert names_a_file(tmp_path / "x.pdf") and not names_a_file(tmp_path / "folder")
    assert not names_a_file(tmp_path) and not names_a_file(tmp_path / "no-extension")


@pytest.fixture
def plan(runner, letter):
    path = letter.parent / "letter.easyread.json"
    assert runner.invoke(app, ["convert", str(letter), "-o", str(path), "-q"]).exit_code == 0
    return path


@pytest.mark.parametrize("name", ["edited.docx", "edited.html", "edited.md", "edited.pdf"])
def test_render_to_a_file_takes_the_format_from_its_extension(runner, plan, name):
    target = plan.parent / name
    outcome = runner.invoke(app, ["render", str(plan), "-o", str(target), "-q"])
    assert outcome.exit_code == 0, outcome.stderr
    assert target.is_file() and not target.with_suffix(".pdf").with_name(target.stem + ".pdf").is_dir()
    assert {p.name for p in plan.parent.iterdir()} == {"letter.txt", plan.name, name}


def test_render_to_a_file_refuses_an_unknown_extension_several_plans_or_a_format_not_asked_for(runner, plan):
    odt = runner.invoke(app, ["render", str(plan), "-o", str(plan.parent / "edited.odt")])
    assert odt.exit_code == 2 and "unknown output extension '.odt'" in odt.stderr
    mismatch = runner.invoke(app, ["render", str(plan), "-f", "pdf", "-o", str(plan.parent / "edited.docx")])
    assert mismatch.exit_code == 2 and "not a format asked for" in mismatch.stderr
    several = runner.invoke(app, ["render", str(plan), str(plan), "-o", str(plan.parent / "edited.pdf")])
    assert several.exit_code == 2 and "give a folder" in several.stderr
    assert {p.name for p in plan.parent.iterdir()} == {"letter.txt", plan.name}
