"""The help reads as a person expects: flags as plain flags, readable usage lines (easyread.cli_help)."""

from __future__ import annotations

import re

import pytest

from easyread.cli import app

COMMANDS = [[], ["convert"], ["render"], ["check"], ["cache"], ["cache", "info"], ["cache", "clear"]]
USAGE = {"convert": "[OPTIONS] SOURCE...", "render": "[OPTIONS] PLAN...", "check": "[OPTIONS] PATH...",
         "cache info": "[OPTIONS]", "cache clear": "[OPTIONS]", "": "[OPTIONS] COMMAND [ARGS]...",
         "cache": "[OPTIONS] COMMAND [ARGS]..."}


def help_of(runner, command):
    outcome = runner.invoke(app, [*command, "--help"], terminal_width=100)
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout


def option_rows(text):
    """{option name: what follows it on its row, up to its help} for each row of the Options box."""
    rows = {}
    for line in text.splitlines():
        found = re.match(r"│\s+(--[\w-]+)\s+(?:-\w\s+)?(\S.*?)?\s{2,}", line + "  ")
        if found:
            rows[found.group(1)] = found.group(2) or ""
    return rows


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "easyread")
def test_usage_lines_are_readable_and_flags_take_no_value(runner, command):
    text = help_of(runner, command)
    usage = " ".join(line.strip() for line in text.splitlines() if "Usage:" in line)
    assert usage == f"Usage: easyread {' '.join(command)} {USAGE[' '.join(command)]}".replace("  ", " ")
    assert "<bool>" not in text and "{" not in usage


def test_each_flag_row_shows_no_value_and_each_option_row_shows_one(runner):
    from typer.main import get_command

    group = get_command(app)
    command = group.commands["convert"]
    rows = option_rows(help_of(runner, ["convert"]))
    options = [p for p in command.params if p.param_type_name == "option" and not p.hidden]
    flags = [p for p in options if p.is_flag]
    valued = [p for p in options if not p.is_flag]
    assert len(flags) >= 7 and len(valued) >= 10
    for option in flags:
        long_name = next(name for name in option.opts if name.startswith("--"))
        assert rows[long_name].startswith(option.help.split()[0]), (long_name, rows[long_name])  # help right after
    for option in valued:
        long_name = next(name for name in option.opts if name.startswith("--"))
        assert not rows[long_name].startswith(option.help.split()[0]), long_name  # a value placeholder first


def test_a_flag_given_a_value_is_told_that_flags_take_none(runner, tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Your bin day is now Tuesday.\n", encoding="utf-8")
    outcome = runner.invoke(app, ["convert", str(letter), "-q", "true"])
    assert outcome.exit_code == 2
    assert outcome.stderr.strip() == ("easyread: error: true: no such file; flags take no value "
                                      "(write -q, not -q true)")
    assert [p.name for p in tmp_path.iterdir()] == ["letter.txt"]


def test_without_rich_the_help_is_as_plain():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    environment = {**os.environ, "TYPER_USE_RICH": "0", "PYTHONPATH": str(root), "COLUMNS": "100"}
    for command in (["convert"], ["render"], ["check"], ["cache", "clear"]):
        shown = subprocess.run([sys.executable, "-m", "easyread", *command, "--help"], capture_output=True,
                               text=True, env=environment, cwd=root, timeout=60)
        assert shown.returncode == 0, shown.stderr
        usage = shown.stdout.splitlines()[0]
        assert usage == f"Usage: easyread {' '.join(command)} {USAGE[' '.join(command)]}"
        assert "<bool>" not in shown.stdout and "Exit codes: 0: " in shown.stdout
        assert re.search(r"^\s+--help\s+Show this message", shown.stdout, re.M)  # a flag: no value shown


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "easyread")
def test_each_value_is_named_for_a_person_not_by_its_python_type(runner, command):
    text = help_of(runner, command)
    assert not re.search(r"<(?:str|int|float|path|list\[\w+\])(?: range)?>", text), text
