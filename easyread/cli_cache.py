"""The `easyread cache` commands: where the cache of LLM answers is, and emptying it. No logic here.

Exit codes: 0 done; 1 the cache file is damaged (`info`: run `easyread cache clear`) or, for
`clear`, a damaged cache could not be removed. `clear` on a damaged cache removes the file.
"""

from __future__ import annotations

import typer

from easyread.cli_help import PlainCommand, PlainGroup, with_exit_codes

cache_app = typer.Typer(help="The cache of answers from the LLM backends: where it is, or empty it.",
                        no_args_is_help=True, cls=PlainGroup)


@cache_app.command("info", cls=PlainCommand, help=with_exit_codes(
    "cache info", "Print where the cache is, how many answers it holds and its size on disk."))
def cache_info() -> None:
    """Print where the cache is, how many answers it holds and its size on disk."""
    from easyread.backends.response_cache import ResponseCache

    info = _or_fail(ResponseCache().info)
    typer.echo(f"path: {info.path}\nentries: {info.entries}\nsize: {info.size:,} bytes")


@cache_app.command("clear", cls=PlainCommand, help=with_exit_codes(
    "cache clear", "Remove every cached answer; the next conversion asks the model again."))
def cache_clear() -> None:
    """Remove every cached answer; the next conversion asks the model again."""
    from easyread.backends.response_cache import ResponseCache

    cache = ResponseCache()
    removed = _or_fail(cache.clear)
    if removed < 0:
        typer.echo(f"removed the damaged cache {cache.path}; the next conversion starts a new one")
    else:
        typer.echo(f"removed {removed} answers from {cache.path}")


def _or_fail(action):  # type: ignore[no-untyped-def]
    """`action()`, or its EasyReadError as one line on standard error and its exit code."""
    from easyread.errors import EasyReadError

    try:
        return action()
    except EasyReadError as error:
        typer.echo(f"easyread: error: {error.message()}", err=True)
        raise typer.Exit(error.exit_code) from None
