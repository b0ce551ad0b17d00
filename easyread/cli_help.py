"""How the `easyread` commands read in their help: plain flags, readable usage lines, exit codes.

Typer shows a flag's type (`--quiet <bool>`), which makes `-q true` look right (and "true" is then
taken for a document), and writes a command's arguments as `{sources}...` in its usage line.
`PlainCommand` and `PlainGroup` (the `cls=` of every command and group) show a flag as the flag
alone and an argument as `SOURCE...`. `EXIT_CODES` is the one list of each command's exit codes:
the help's "Exit codes" paragraph is made from it, and tests/cli/test_exit_codes.py runs each case.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperCommand, TyperGroup

from easyread.errors import EXIT_DOCUMENT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

_USAGE = "a usage error: an unknown option, a missing argument, a bad value"
_INTERRUPTED = "interrupted (Ctrl-C or SIGTERM)"

# {command path after "easyread": ((exit code, when), ...)}; each code once, in order.
EXIT_CODES: dict[str, tuple[tuple[int, str], ...]] = {
    "convert": (
        (EXIT_OK, "converted (several documents: every one converted, unchanged or skipped)"),
        (EXIT_DOCUMENT_FAILED, "a document could not be converted (several documents: any one), or an LLM backend "
                               "converted none of its sections (the outputs are still written)"),
        (EXIT_USAGE, f"{_USAGE}; no such file, an unsupported type, an unknown output extension, an output that "
                     "cannot or may not be written, a key or model the server refuses"),
        (EXIT_INTERRUPTED, f"{_INTERRUPTED}; one document leaves nothing, a batch's manifest says what finished"),
    ),
    "render": (
        (EXIT_OK, "every plan was rendered"),
        (EXIT_DOCUMENT_FAILED, "a plan that cannot be drawn (a PDF of writing it cannot show); the other plans are "
                               "still rendered"),
        (EXIT_USAGE, f"{_USAGE}; a plan with a mistake (named by its field), an output that cannot or may not be "
                     "written; the other plans are still rendered"),
        (EXIT_INTERRUPTED, f"{_INTERRUPTED}; that plan's outputs are not written"),
    ),
    "check": (
        (EXIT_OK, "every document passes"),
        (EXIT_DOCUMENT_FAILED, "a document fails its rules"),
        (EXIT_USAGE, f"{_USAGE}; a document that cannot be read"),
        (EXIT_INTERRUPTED, _INTERRUPTED),
    ),
    "cache info": (
        (EXIT_OK, "done"),
        (EXIT_DOCUMENT_FAILED, "the cache file is damaged (run 'easyread cache clear')"),
        (EXIT_USAGE, _USAGE),
    ),
    "cache clear": (
        (EXIT_OK, "done (a damaged cache file is removed)"),
        (EXIT_DOCUMENT_FAILED, "a damaged cache could not be removed"),
        (EXIT_USAGE, _USAGE),
    ),
}


def exit_codes_help(command: str) -> str:
    """The help's last paragraph for `command` (a key of EXIT_CODES): "Exit codes: 0: ... . 1: ... ."

    Raises KeyError for a command with no entry, so a new command cannot go without one."""
    return "Exit codes: " + " ".join(f"{code}: {when}." for code, when in EXIT_CODES[command])


def with_exit_codes(command: str, text: str) -> str:
    """`text` (a command's help) followed by its exit codes as a paragraph of their own."""
    return f"{text.strip()}\n\n{exit_codes_help(command)}"


class _PlainArgument(TyperArgument):
    """An argument whose help shows no Python type (`<list[Path]>`): its name and help say it."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def _plain(params: list[Any]) -> list[Any]:
    """`params` with each flag shown as the flag alone and each argument without its type."""
    for param in params:
        if getattr(param, "is_flag", False) and not getattr(param, "count", False):
            param.metavar = ""  # Typer shows the metavar, when there is one, instead of "<bool>"
        elif isinstance(param, TyperArgument) and not isinstance(param, _PlainArgument):
            param.__class__ = _PlainArgument  # the same object; only its type column changes
            param.metavar = param.metavar or param.name.upper()
    return params


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    """The usage line after the command's name: `[OPTIONS] SOURCE...`, never `{sources}...`."""
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            piece = param.metavar + ("..." if param.nargs != 1 else "")
            pieces.append(piece if param.required else f"[{piece}]")
        else:
            pieces.extend(param.get_usage_pieces(ctx))
    return pieces


class PlainCommand(TyperCommand):
    """A Typer command whose help shows plain flags and a readable usage line (see the module)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _usage_pieces(self, ctx)


class PlainGroup(TyperGroup):
    """A Typer group (`easyread`, `easyread cache`) whose own options show as plain flags."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))
