"""The `easyread cache` commands: where the cache of LLM answers is, and emptying it. No logic here."""

from __future__ import annotations

import typer

cache_app = typer.Typer(help="The cache of answers from the LLM backends: where it is, or empty it.",
                        no_args_is_help=True)


@cache_app.command("info")
def cache_info() -> None:
    """Print where the cache is, how many answers it holds and its size on disk."""
    from easyread.backends.response_cache import ResponseCache

    info = ResponseCache().info()
    typer.echo(f"path: {info.path}\nentries: {info.entries}\nsize: {info.size:,} bytes")


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cached answer; the next conversion asks the model again."""
    from easyread.backends.response_cache import ResponseCache

    cache = ResponseCache()
    removed = cache.clear()
    typer.echo(f"removed {removed} answers from {cache.path}")
