"""`easyread convert --dry-run`: what converting would cost with an LLM backend, printed; nothing is sent."""

from __future__ import annotations

from pathlib import Path

import typer

from easyread.errors import EXIT_DOCUMENT_FAILED, EasyReadError
from easyread.limits import MEGABYTE


def estimate_cost(sources: list[Path], batch: bool, recursive: bool, backend: str, options: dict[str, object],
                  max_size: int, batch_api: bool = False, label: str | None = None, pictures: str | None = None,
                  images: object = None) -> None:
    """--dry-run: print what converting `sources` would cost; `label` names one document in messages
    (its path by default; "standard input" for '-'); with `pictures`, the model's picture choice too.
    With `images` (--pictures generate), first the pictures to draw and their cost
    (easyread.pictures.generate_estimate); with the rules backend, only that."""
    from easyread.backends.usage import Estimate, total_estimate
    from easyread.inputs import find_inputs
    from easyread.pipeline import estimate

    try:
        paths = [path for path, _ in find_inputs(sources, recursive=recursive)[0]] if batch else [sources[0]]
        if images is not None:
            from easyread.backends import LLM_BACKENDS
            from easyread.pictures.generate_estimate import estimate_line, estimate_pictures

            typer.echo(estimate_line(estimate_pictures(paths, images, max_size * MEGABYTE), images))  # type: ignore[arg-type]
            if backend not in LLM_BACKENDS:
                typer.echo("Nothing was sent.")
                return
        estimates = estimate(paths, backend=backend, options=options, max_bytes=max_size * MEGABYTE,
                             pictures=pictures)
    except EasyReadError as error:
        typer.echo(f"easyread: error: {error.message()}", err=True)
        raise typer.Exit(error.exit_code) from None
    good = [guess for _, guess in estimates if isinstance(guess, Estimate)]
    for path, guess in estimates:
        if isinstance(guess, Estimate):
            if batch:
                typer.echo(f"{path}: {_estimate_line(guess)}")
        else:
            shown = guess.message() if label is None else f"{label}: {guess.reason}"
            typer.echo(f"easyread: error: {shown}", err=True)
    if good:
        total = total_estimate(good)
        where = f"{len(good)} documents" if batch else label or str(sources[0])
        typer.echo(f"{where}: {_estimate_line(total)}; {backend} {total.model}. Nothing was sent.")
        if batch_api:
            from easyread.backends.usage import batch_discount

            typer.echo(_batch_price_line(total, batch_discount()))
    failed = [guess for _, guess in estimates if not isinstance(guess, Estimate)]
    if failed:  # one document: its own exit code (2 for one that does not exist), as convert gives it
        raise typer.Exit(EXIT_DOCUMENT_FAILED if batch else failed[0].exit_code)


def _estimate_line(guess) -> str:  # type: ignore[no-untyped-def]
    requests = f"{guess.requests} request" + ("" if guess.requests == 1 else "s")
    cost = (f"about ${guess.cost:.4f} (before any prompt cache discount)" if guess.cost is not None
            else f"cost unknown (no price for {guess.model})")
    return (f"{requests}, about {guess.input_tokens:,} tokens in and {guess.output_tokens:,} out "
            f"(characters / 4), {cost}")


def _batch_price_line(total, discount: float) -> str:  # type: ignore[no-untyped-def]
    if total.cost is None:
        return f"with --batch-api: {discount:.0%} off the standard price (no price known for {total.model})"
    return (f"price: about ${total.cost:.4f} as ordinary requests, about ${total.batch_cost:.4f} with --batch-api "
            f"(the Message Batches API's {discount:.0%} discount); both before any prompt cache discount")
