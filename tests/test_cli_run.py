"""cli_run.run: whatever escapes a command (a bug, Ctrl-C) is one line and an exit code, never a traceback."""

from __future__ import annotations

import typer

from easyread.cli_run import run
from easyread.errors import EXIT_DOCUMENT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE


def _app_raising(error: BaseException) -> typer.Typer:
    app = typer.Typer(add_completion=False)

    @app.command()
    def boom(name: str) -> None:
        raise error

    @app.command()
    def fine() -> None:
        """Does nothing."""

    return app


def test_a_bug_in_a_command_is_one_line_naming_it(capsys, monkeypatch):
    monkeypatch.delenv("EASYREAD_DEBUG", raising=False)
    code = run(_app_raising(ValueError("the thing\nwent wrong")), ["boom", "x"])
    err = capsys.readouterr().err
    assert code == EXIT_DOCUMENT_FAILED
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "ValueError: the thing went wrong" in err and "EASYREAD_DEBUG=1" in err


def test_ctrl_c_in_a_command_is_exit_130(capsys):
    code = run(_app_raising(KeyboardInterrupt()), ["boom", "x"])
    assert code == EXIT_INTERRUPTED
    err = capsys.readouterr().err  # Typer turns it into exit 130 itself (older Click raises Abort, caught here)
    assert "Traceback" not in err and err.count("\n") <= 1


def test_a_usage_error_is_still_one_line_with_exit_2(capsys):
    code = run(_app_raising(ValueError()), ["boom"])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and err.count("\n") == 1 and err.startswith("easyread: error:")


def test_a_mistyped_command_is_one_clean_line(capsys):
    from easyread.cli import app

    code = run(app, ["conver", "letter.docx"])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert err.strip() == "easyread: error: No such command 'conver'. Did you mean 'convert'? See 'easyread --help'"


def test_a_dry_run_of_a_document_that_does_not_exist_is_a_usage_error(capsys, tmp_path):
    from easyread.cli import app

    code = run(app, ["convert", str(tmp_path / "nothere.docx"), "-b", "anthropic", "--dry-run"])
    err = capsys.readouterr().err
    assert code == EXIT_USAGE and "nothere.docx: no such file" in err  # as convert without --dry-run
