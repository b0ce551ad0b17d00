"""Exit codes agree everywhere: each command's help names exactly the codes of
easyread.cli_help.EXIT_CODES, and for each one a case run through the real entry point
(`cli_run.run`, what `easyread` runs) gives that code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from easyread.cli import app
from easyread.cli_help import EXIT_CODES
from easyread.cli_run import run

LETTER = "Your green bin is now collected on a Tuesday. Call 01632 960 178 if it is missed.\n"
HARD = ("Notwithstanding the aforementioned contractual stipulations, the municipal authority's "
        "comprehensive reconfiguration of domiciliary refuse collection methodologies necessitates "
        "considerable administrative recalibration throughout the forthcoming fiscal quarter.\n") * 3


def documented(runner, command: str) -> dict[int, str]:
    """{code: what it means} as the command's --help shows it."""
    outcome = runner.invoke(app, [*command.split(), "--help"], terminal_width=100)
    assert outcome.exit_code == 0, outcome.output
    text = " ".join(line.strip(" │") for line in outcome.stdout.splitlines())
    text = " ".join(text.split())
    paragraph = text[text.index("Exit codes: ") + len("Exit codes: "):]
    found = re.findall(r"(?:^|\. )(\d+): (.+?)(?=\. \d+: |\.(?: |$))", paragraph)
    return {int(code): meaning for code, meaning in found}


def letter(folder: Path) -> Path:
    path = folder / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def plan(folder: Path, sentence: str | None = None, broken: bool = False) -> Path:
    """A plan made by convert; its first sentence replaced by `sentence`, or made a number (`broken`)."""
    assert run(app, ["convert", str(letter(folder)), "-o", str(folder / "letter.json"), "-q"]) == 0
    path = folder / "letter.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["sections"][0]["items"][0]
    if sentence is not None:
        first["sentence"] = sentence
    if broken:
        first["sentence"] = 5
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def easy_read(folder: Path) -> Path:
    """The Easy Read Markdown convert makes of the letter: it passes `check`."""
    assert run(app, ["convert", str(letter(folder)), "-o", str(folder / "easy.md"), "-q"]) == 0
    return folder / "easy.md"


def interrupt(monkeypatch, target: str):
    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(target, stop)


def cache_in(folder: Path, monkeypatch, content: str | None = None) -> Path:
    """Point the response cache at `folder`: no file, a damaged file, or a folder of someone's files."""
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(folder))
    path = folder / "responses.sqlite3"
    if content == "damaged":
        path.write_bytes(b"this is not an SQLite file" * 100)
    elif content == "undeletable":
        path.mkdir()
        (path / "notes.txt").write_text("someone's file", encoding="utf-8")
    return path


# (command, code): the arguments after "easyread" that give that code; each may set things up first.
CASES = {
    ("convert", 0): lambda d, m: ["convert", str(letter(d)), "-o", str(d / "easy.json"), "-q"],
    ("convert", 1): lambda d, m: ["convert", str((d / "empty.txt").write_text(" \n") and d / "empty.txt")],
    ("convert", 2): lambda d, m: ["convert", str(d / "no-such-letter.txt")],
    ("convert", 130): lambda d, m: interrupt(m, "easyread.pipeline.convert") or ["convert", str(letter(d))],
    ("render", 0): lambda d, m: ["render", str(plan(d)), "-f", "md", "-o", str(d / "out")],
    ("render", 1): lambda d, m: ["render", str(plan(d, sentence="これは日本語の文です。")), "-f", "pdf", "-o",
                                 str(d / "out")],
    ("render", 2): lambda d, m: ["render", str(plan(d, broken=True)), "-f", "md", "-o", str(d / "out")],
    ("render", 130): lambda d, m: interrupt(m, "easyread.plan.read_plan") or ["render", str(plan(d))],
    ("check", 0): lambda d, m: ["check", str(easy_read(d))],
    ("check", 1): lambda d, m: ["check", str((d / "hard.txt").write_text(HARD) and d / "hard.txt")],
    ("check", 2): lambda d, m: ["check", str(d / "no-such-file.md")],
    ("check", 130): lambda d, m: interrupt(m, "easyread.checks.run.check_paths") or ["check", str(letter(d))],
    ("cache info", 0): lambda d, m: cache_in(d, m) and ["cache", "info"],
    ("cache info", 1): lambda d, m: cache_in(d, m, "damaged") and ["cache", "info"],
    ("cache info", 2): lambda d, m: ["cache", "info", "--bogus"],
    ("cache clear", 0): lambda d, m: cache_in(d, m, "damaged") and ["cache", "clear"],
    ("cache clear", 1): lambda d, m: cache_in(d, m, "undeletable") and ["cache", "clear"],
    ("cache clear", 2): lambda d, m: ["cache", "clear", "extra-argument"],
}
for _command in ("render", "check"):  # an unknown option, the usage error every command shares
    CASES[(_command, 2, "option")] = lambda d, m, c=_command: [c, str(letter(d)), "--bogus"]
CASES[("convert", 2, "extension")] = lambda d, m: ["convert", str(letter(d)), "-o", str(d / "easy.odt")]


@pytest.mark.parametrize("command", sorted(EXIT_CODES))
def test_the_help_names_exactly_the_codes_listed(runner, command):
    shown = documented(runner, command)
    assert list(shown) == [code for code, _ in EXIT_CODES[command]]
    for code, meaning in EXIT_CODES[command]:
        assert " ".join(shown[code].split()) == " ".join(meaning.split())


def test_every_documented_code_has_a_case():
    assert {case[:2] for case in CASES} == {(command, code) for command, codes in EXIT_CODES.items()
                                            for code, _ in codes}


@pytest.mark.parametrize("case", sorted(CASES, key=str), ids=lambda case: "-".join(map(str, case)))
def test_each_case_gives_the_documented_code(case, tmp_path, monkeypatch, capfd):
    monkeypatch.delenv("EASYREAD_DEBUG", raising=False)
    args = CASES[case](tmp_path, monkeypatch)
    assert args, "the case could not be set up"
    capfd.readouterr()
    code = run(app, args)
    err = capfd.readouterr().err
    assert code == case[1], err
    assert "Traceback" not in err


def test_render_help_says_a_plan_with_a_mistake_is_exit_2(runner):
    shown = documented(runner, "render")
    assert "a plan with a mistake" in shown[2] and "mistake" not in shown[1]
