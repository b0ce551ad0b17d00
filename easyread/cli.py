"""The `easyread` command: options in, pipeline called, results printed. No logic lives here.

Exit codes: 0 converted; 1 a document could not be converted; 2 usage error (no such file, a
folder, an unsupported type, a bad option).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from easyread import __version__
from easyread.errors import EXIT_DOCUMENT_FAILED, EasyReadError

app = typer.Typer(
    name="easyread",
    help="Turn ordinary documents into Easy Read: short sentences, everyday words, a picture beside each idea.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"easyread: error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"easyread {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Turn ordinary documents into Easy Read."""


@app.command()
def convert(
    source: Annotated[Path, typer.Argument(help="The document to convert: .docx, .md, .txt or .pdf.")],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option("--output", "-o", help="Where to write the PDF: a file, or a folder. "
                     "Default: <name>.easyread.pdf beside the source."),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", "-b", help="How to simplify: 'rules' (offline, the default) or 'mock'.")
    ] = "rules",
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Refuse documents larger than this many megabytes.")
    ] = 50,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors and the output path.")] = False,
) -> None:
    """Convert one document into an Easy Read PDF."""
    from easyread.pipeline import convert as run_conversion

    try:
        result = run_conversion(source, output, backend=backend, max_bytes=max_size * 1024 * 1024)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    except Exception as error:  # a bug, not bad input: one line, and a way to see the traceback
        if os.environ.get("EASYREAD_DEBUG"):
            raise
        raise _fail(f"{source}: could not convert ({type(error).__name__}: {error}); "
                    "set EASYREAD_DEBUG=1 to see why", EXIT_DOCUMENT_FAILED) from None
    typer.echo(str(result.output))
    if quiet:
        return
    document = result.document
    typer.echo(
        f"{len(document.items())} sentences on {result.pages} pages, "
        f"{len(document.sections)} sections, {len(document.glossary)} hard words explained",
        err=True,
    )
    for flag, count in sorted(result.flagged.items()):
        typer.echo(f"  to review: {count} x {flag}", err=True)
    if result.missing_facts:
        facts = ", ".join(fact.text for fact in result.missing_facts)
        typer.echo(f"warning: {source}: facts not found in the Easy Read version: {facts}", err=True)


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())


if __name__ == "__main__":  # pragma: no cover
    main()
