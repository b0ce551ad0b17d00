"""The `easyread` command: options in, pipeline called, results printed. No logic lives here.

Exit codes: 0 converted; 1 a document could not be converted, or an LLM backend converted none of
its sections (every one fell back to the rules backend; the outputs are still written); 2 usage
error (no such file, a folder without -o, an unsupported type, a bad option, a refused key, a
server that cannot serve any section); 130 interrupted (one document: nothing is written).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from easyread import __version__
from easyread.cli_cache import cache_app
from easyread.errors import EXIT_DOCUMENT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, EasyReadError
from easyread.ledger import counted, summary_line, unexplained
from easyread.limits import DEFAULT_MAX_DOCUMENT_MB, MEGABYTE

PAGED_FORMATS = ("pdf", "docx", "html")  # formats whose renderers count pages
DEFAULT_MAX_REQUESTS = 8  # LLM requests in flight across a batch: well inside the usual API rate limits

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
    sources: Annotated[
        list[Path],
        typer.Argument(help="The documents to convert (.docx, .md, .txt or .pdf), or folders and globs of them.",
                       show_default=False),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option("--output", "-o", help="Where to write: a file, or a folder. "
                     "Default: <name>.easyread.pdf (and .docx, ...) beside the source. "
                     "Needed, as a folder, for several documents."),
    ] = None,
    formats: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False),
    ] = None,
    pictures: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--pictures", help=PICTURES_HELP, show_default=False),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", "-b", help="How to simplify: 'rules' (offline, the default), 'anthropic' "
                          "(sends each section to Claude; needs ANTHROPIC_API_KEY), 'bedrock' (Claude on Amazon "
                          "Bedrock), 'openai' (an OpenAI-compatible server such as Ollama or vLLM; see --base-url) "
                          "or 'mock'.")
    ] = "rules",
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Refuse documents larger than this many megabytes.")
    ] = DEFAULT_MAX_DOCUMENT_MB,
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Also convert documents in folders inside the folders given.")
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, help="Several documents: documents converted at once (default: the "
                     "number of CPUs). One document with an LLM backend: requests sent at once (default 4; 1 "
                     "for a server on this machine or network, which answers one request at a time as fast)."),
    ] = None,
    max_requests: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--max-requests", min=1, help="Several documents with an LLM backend: requests in flight "
                     "across all of them at once, however many documents are converted at once. Default 8; 1 "
                     "for a server on this machine or network.", show_default=False)
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace existing files that easyread did not make (never a document "
                           "being converted). Several documents: also convert again those the manifest says are "
                           "unchanged.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Several documents: print a line for each, not a progress bar.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors and the output path (or the summary line).")
    ] = False,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--model", "-m", help="LLM backends: the model, e.g. claude-sonnet-5-5. Default: `model` in "
                     "easyread.toml, else claude-sonnet-5-5 for anthropic (openai, bedrock: always needed).",
                     show_default=False),
    ] = None,
    retries: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--retries", min=0, help="LLM backends: times to retry a request that failed with 408, 409, 429, 5xx, "
                     "529 or a timeout. Default 2.", show_default=False),
    ] = None,
    timeout: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--timeout", min=0.1, help="LLM backends: seconds to wait for one answer. Default 120; 600 "
                     "for a server on this machine or network (a CPU writes about 4 tokens a second), where a "
                     "request that times out is not sent again.", show_default=False),
    ] = None,
    max_tokens: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--max-tokens", min=64, help="openai backend: the longest answer, in tokens (a longer one is "
                     "split in two). Default 8192; 2048 for a server on this machine or network, so a model that "
                     "keeps writing does not hold it until the timeout.", show_default=False),
    ] = None,
    base_url: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--base-url", help="LLM backends: the server to send requests to, e.g. "
                     "http://localhost:11434/v1 for Ollama. Default: ANTHROPIC_BASE_URL or OPENAI_BASE_URL, else "
                     "the provider's API.", show_default=False),
    ] = None,
    prompts: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--prompts", help="LLM backends: a folder of prompt templates (system.md, context.md, "
                     "user.md, plan.md, repair.md) to use instead of the shipped ones.", show_default=False),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="LLM backends: ask again even when an answer is in the cache.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="LLM backends: estimate the tokens and cost of converting the "
                           "documents, without sending anything or writing a file.")
    ] = False,
    batch_api: Annotated[
        bool, typer.Option("--batch-api", help="Several documents with -b anthropic: send every section as one "
                           "Message Batch, at half price, answered within 24 hours (most within an hour). Ctrl-C "
                           "leaves it running; the same command again collects it.")
    ] = False,
    batch_poll: Annotated[
        float, typer.Option("--batch-poll", min=0.0, help="With --batch-api: seconds between asking whether the "
                            "batch has ended.")
    ] = 30.0,
    mock_latency: Annotated[
        float, typer.Option("--mock-latency", min=0.0, hidden=True, help="Seconds the mock backend waits a section.")
    ] = 0.0,
) -> None:
    """Convert documents into Easy Read PDFs: one file, or folders of them into an output folder.

    Several documents: exit 0 when all were converted (or skipped), 1 if any failed, 130 when
    interrupted; the manifest easyread-manifest.json in the output folder says what was done.
    """
    from easyread.backends.options import llm_options
    from easyread.batch import is_batch

    batch = is_batch(sources)
    try:
        backend_options = llm_options(backend, sources[0], model=model, jobs=None if batch else jobs, retries=retries,
                                      timeout=timeout, prompts=prompts, cache=not no_cache, base_url=base_url,
                                      max_tokens=max_tokens)
        chosen_formats, pictures = _output_choices(sources, formats, pictures)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    if mock_latency and backend == "mock":
        backend_options = {"latency": mock_latency}
    if batch_api and backend != "anthropic":
        raise _fail(f"--batch-api sends Anthropic's Message Batches: it needs --backend anthropic, not '{backend}'",
                    EXIT_USAGE)
    if dry_run:
        _estimate(sources, batch, recursive, backend, backend_options, max_size, batch_api)
        return
    if max_requests is None:
        from easyread.backends.local import is_local

        server = base_url or os.environ.get("OPENAI_BASE_URL")
        max_requests = 1 if backend == "openai" and is_local(server) else DEFAULT_MAX_REQUESTS
    if batch:
        _convert_batch(sources, output, backend, backend_options, max_size, recursive, jobs, force, verbose, quiet,
                       chosen_formats, pictures, max_requests, batch_poll if batch_api else None)
        return
    if batch_api:
        raise _fail(f"{sources[0]}: --batch-api converts several documents (a folder, with -o); one document is "
                    "sent as ordinary requests", EXIT_USAGE)
    source = sources[0]
    from easyread.backends import get_backend
    from easyread.interrupts import interrupts_raise
    from easyread.pipeline import convert as run_conversion

    try:
        chosen = get_backend(backend, **backend_options) if backend_options else backend
        with interrupts_raise():
            result = run_conversion(source, output, backend=chosen, max_bytes=max_size * MEGABYTE,
                                    formats=chosen_formats, pictures=pictures, force=force)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    except KeyboardInterrupt:
        raise _fail(f"{source}: interrupted; nothing was written", EXIT_INTERRUPTED) from None
    except Exception as error:  # a bug, not bad input: one line, and a way to see the traceback
        if os.environ.get("EASYREAD_DEBUG"):
            raise
        raise _fail(f"{source}: could not convert ({type(error).__name__}: {error}); "
                    "set EASYREAD_DEBUG=1 to see why", EXIT_DOCUMENT_FAILED) from None
    for path in result.outputs.values() or [result.output]:
        typer.echo(str(path))
    if quiet:
        _exit_if_nothing_from_the_model(result, source)
        return
    document = result.document
    typer.echo(
        f"{counted(len(document.items()), 'sentence')}"
        + (f" on {counted(result.pages, 'page')}" if result.pages is not None else "")
        + f", {counted(len(document.sections), 'section')}, {counted(len(document.glossary), 'hard word')} explained",
        err=True,
    )
    before, after = result.scores_before, result.scores_after
    if before is not None and after is not None:
        typer.echo(
            f"reading ease {before.flesch_reading_ease:g} -> {after.flesch_reading_ease:g}, "
            f"grade {before.flesch_kincaid_grade:g} -> {after.flesch_kincaid_grade:g}, "
            f"words a sentence {before.words_per_sentence_mean:g} -> {after.words_per_sentence_mean:g}",
            err=True,
        )
    typer.echo(summary_line(result.document.ledger), err=True)
    for flag, count in sorted(result.flagged.items()):
        typer.echo(f"  to review: {count} x {flag}", err=True)
    if result.usage is not None:
        usage = result.usage
        cost = f"about ${result.cost:.4f}" if result.cost is not None else f"cost unknown (no price for {result.model})"
        requests = f"{usage.requests} request" + ("" if usage.requests == 1 else "s")
        typer.echo(f"{result.backend} {result.model}: {requests}; tokens: {usage.input:,} in, "
                   f"{usage.cache_read:,} read from the prompt cache, {usage.cache_write:,} written to it, "
                   f"{usage.output:,} out; {cost}", err=True)
    for notice in getattr(chosen, "notices", []):  # the LLM backend's: JSON mode, another model, local defaults
        typer.echo(notice, err=True)
    if getattr(chosen, "plan_problem", None):  # the document was converted without its opening and glossary
        typer.echo(f"warning: {source}: no \"About this document\" opening: {_one_line(chosen.plan_problem)}", err=True)
    if result.kept:
        typer.echo(f"{source}: {len(result.kept)} of {len(result.source.sections)} sections kept the model's answer "
                   "with items flagged for review:", err=True)
        for kept in result.kept:
            typer.echo(f"  {_one_line(kept.heading) or '(no heading)'}: {_one_line(kept.reason)}", err=True)
    if result.fallbacks:
        typer.echo(f"warning: {source}: {len(result.fallbacks)} of {len(result.source.sections)} sections were "
                   f"converted by the rules backend instead (their items are flagged rules-fallback):", err=True)
        for fallback in result.fallbacks:
            typer.echo(f"  {_one_line(fallback.heading) or '(no heading)'}: {_one_line(fallback.reason)}", err=True)
    from easyread.not_english import warning_line

    not_english = warning_line(str(source), result.not_english, result.backend)
    if not_english:
        typer.echo(not_english, err=True)
    lost = unexplained(result.document.ledger)
    if lost:
        parts = "; ".join(f"{entry.location} ({_quote(entry.text)})" for entry in lost)
        typer.echo(f"warning: {source}: {len(lost)} part{'s' if len(lost) != 1 else ''} of the source gave no "
                   f"item, for no known reason: {parts}", err=True)
    if result.missing_facts:
        facts = ", ".join(f"{fact.text} ({fact.location})" for fact in result.missing_facts)
        typer.echo(f"warning: {source}: facts not found in the items made from their part of the source: {facts}",
                   err=True)
    _exit_if_nothing_from_the_model(result, source)


def _exit_if_nothing_from_the_model(result, source: Path) -> None:  # type: ignore[no-untyped-def]
    """Exit 1, with one line, when the LLM backend converted none of the sections (all fell back)."""
    if result.nothing_from_the_model:
        raise _fail(f"{source}: {result.backend} {result.model} converted none of the sections: the rules backend "
                    "converted every one (the reasons are above); the outputs were written", EXIT_DOCUMENT_FAILED)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'


FORMAT_HELP = ("Output formats, comma-separated: pdf, docx (Word), html, md (Markdown), json (the plan, to edit and "
               "render again). Default: pdf, or 'format' in easyread.toml.")
PICTURES_HELP = ("Real pictures instead of labelled placeholders: 'openmoji' (needs the pictures extra), or a folder "
                 "of your own PNG/JPEG/SVG pictures named by what they show (with an optional pictures.csv).")


def _output_choices(sources: list[Path], formats: str | None, pictures: str | None) -> tuple[tuple[str, ...], str | None]:
    """The formats and picture set to use: the options, else the settings file's, else PDF and no pictures."""
    from easyread.config import load_settings
    from easyread.outputs import parse_formats

    if formats is None or pictures is None:
        settings = load_settings(Path(sources[0]) if sources and Path(sources[0]).exists() else Path.cwd())
        formats = formats if formats is not None else settings.format
        pictures = pictures if pictures is not None else settings.pictures
    return parse_formats(formats), pictures or None


def _estimate(sources: list[Path], batch: bool, recursive: bool, backend: str, options: dict[str, object],
              max_size: int, batch_api: bool = False) -> None:
    from easyread.backends.usage import Estimate, total_estimate
    from easyread.inputs import find_inputs
    from easyread.pipeline import estimate

    try:
        paths = [path for path, _ in find_inputs(sources, recursive=recursive)[0]] if batch else [sources[0]]
        estimates = estimate(paths, backend=backend, options=options, max_bytes=max_size * MEGABYTE)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    good = [guess for _, guess in estimates if isinstance(guess, Estimate)]
    for path, guess in estimates:
        if isinstance(guess, Estimate):
            if batch:
                typer.echo(f"{path}: {_estimate_line(guess)}")
        else:
            typer.echo(f"easyread: error: {guess.message()}", err=True)
    if good:
        total = total_estimate(good)
        where = f"{len(good)} documents" if batch else str(sources[0])
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


def _convert_batch(sources: list[Path], output: Path | None, backend: str, backend_options: dict[str, float],
                   max_size: int, recursive: bool, jobs: int | None, force: bool, verbose: bool, quiet: bool,
                   formats: tuple[str, ...] = ("pdf",), pictures: str | None = None,
                   max_requests: int | None = None, poll_seconds: float | None = None) -> None:
    from easyread.batch import run_batch
    from easyread.progress import print_summary, reporter_for

    if output is None:
        folders = [str(source) for source in sources if source.is_dir()]
        what = f"{folders[0]} is a folder" if len(sources) == 1 and folders else "several documents"
        raise _fail(f"{what}: give an output folder with -o to convert them", EXIT_USAGE)
    try:
        summary = run_batch(sources, output, backend=backend, backend_options=backend_options, recursive=recursive,
                            jobs=jobs, force=force, max_bytes=max_size * MEGABYTE,
                            reporter=reporter_for(quiet=quiet, verbose=verbose), formats=formats, pictures=pictures,
                            max_requests=max_requests, message_batch=poll_seconds is not None,
                            poll_seconds=poll_seconds)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    print_summary(summary, quiet=quiet)
    raise typer.Exit(summary.exit_code)


@app.command()
def render(
    plans: Annotated[
        list[Path], typer.Argument(help="Plan files (.json) written by 'convert --format json', edited or not.",
                                   show_default=False),
    ],
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Formats to write, comma-separated: pdf, docx, html, md, json.")
    ] = "pdf",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="A folder to write into. Default: beside each plan, named like it."),
    ] = None,
    pictures: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--pictures", help="Choose pictures for items that have none: 'openmoji' or a folder.",
                     show_default=False),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace existing files that easyread did not make (never a plan "
                           "being rendered).")
    ] = False,
) -> None:
    """Write Easy Read outputs again from plans, without any backend: after a person has edited a plan.

    Exit 0 when every plan was rendered; 2 for a plan with a mistake (named by its field), a bad option, or
    an output that cannot or may not be written; 1 for a plan that cannot be drawn (a PDF of writing it
    cannot show); the other plans are still rendered. 130 when interrupted (that plan's outputs are not written).
    """
    from easyread.errors import EXIT_OK
    from easyread.interrupts import interrupts_raise
    from easyread.outputs import output_paths, parse_formats
    from easyread.pipeline import render_outputs
    from easyread.plan import read_plan

    try:
        chosen = parse_formats(formats)
        if output is not None and output.exists() and not output.is_dir():
            raise EasyReadError(output, "is a file: give a folder to render into")
    except EasyReadError as error:
        raise _fail(error.message(), EXIT_USAGE) from None
    code = EXIT_OK
    for plan in plans:
        base = (output / plan.name if output is not None else plan).with_suffix("")
        try:
            with interrupts_raise():
                document = read_plan(plan, pictures)
                written = render_outputs(document, output_paths(base, chosen), pictures, inputs=plans, force=force,
                                         role="a plan being rendered")
        except EasyReadError as error:
            typer.echo(f"easyread: error: {error.message()}", err=True)
            code = max(code, error.exit_code)
            continue
        except KeyboardInterrupt:
            raise _fail(f"{plan}: interrupted; its outputs were not written", EXIT_INTERRUPTED) from None
        if not quiet:
            for name, path in output_paths(base, chosen).items():
                pages = written[name]
                typer.echo(f"{path}" + (f" ({pages} page{'s' if pages != 1 else ''})" if name in PAGED_FORMATS else ""))
    raise typer.Exit(code)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Documents or folders to check (.docx, .md, .txt, .pdf, .html).")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text (a table on a terminal, lines when piped), json, github, junit "
                          "or sarif (for GitHub code scanning).")
    ] = "text",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the report to this file instead of standard output."),
    ] = None,
    source: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--source", help="The original document: check that none of its facts were lost."),
    ] = None,
    profile: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--profile", help="Thresholds to check against: default (calibrated on human-made Easy Read) "
                     "or strict (reading ease 80, grade 5, 15 words a sentence). Options below override it."),
    ] = None,
    min_reading_ease: Annotated[
        Optional[float], typer.Option(help="Lowest Flesch Reading Ease that passes. Default: the profile's.")  # noqa: UP045
    ] = None,
    max_grade: Annotated[
        Optional[float], typer.Option(help="Highest Flesch-Kincaid grade that passes. Default: the profile's.")  # noqa: UP045
    ] = None,
    max_sentence_words: Annotated[
        Optional[int], typer.Option(help="Longest sentence wanted, in words. Default 15.")  # noqa: UP045
    ] = None,
    hard_word_zipf: Annotated[
        Optional[float], typer.Option(help="Words rarer than this Zipf frequency are hard. Default 3.5.")  # noqa: UP045
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--ignore", help="Rule ids or names to turn off, e.g. ER101 or passive-voice. Repeatable."),
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="What makes a document fail: error (an error finding or a score past "
                          "its threshold) or warning (any finding at all).")
    ] = "error",
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--baseline", help="A file of known findings: written with today's findings when it does not "
                     "exist; afterwards only findings not in it are reported and can fail the check.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With -o: replace an existing file that easyread did not make (never a "
                           "document being checked).")
    ] = False,
) -> None:
    """Check documents against the Easy Read rules; exit 1 if any fails, 2 if any cannot be read."""
    from easyread.checks.registry import unknown_rules
    from easyread.checks.report import FORMATS
    from easyread.checks.run import check_paths
    from easyread.config import check_overrides
    from easyread.ownership import check_targets

    if output_format not in FORMATS:
        raise _fail(f"unknown format '{output_format}' (choose from: {', '.join(FORMATS)})", EXIT_USAGE)
    if fail_on not in ("error", "warning"):
        raise _fail(f"unknown --fail-on '{fail_on}' (choose from: error, warning)", EXIT_USAGE)
    if baseline is not None and output is not None and os.path.abspath(baseline) == os.path.abspath(output):
        raise _fail(f"{output}: is the baseline; give the report another name", EXIT_USAGE)
    ignored = [name for entry in ignore or [] for name in entry.split(",") if name.strip()]
    if unknown_rules(ignored):
        raise _fail(f"unknown rule '{unknown_rules(ignored)[0]}' in --ignore", EXIT_USAGE)
    overrides = {"profile": profile, "min_reading_ease": min_reading_ease, "max_grade": max_grade,
                 "max_sentence_words": max_sentence_words, "hard_word_zipf": hard_word_zipf,
                 "ignore": tuple(ignored) if ignored else None}
    checked = [*paths, *([source] if source is not None else [])]
    try:
        if output is not None:
            check_targets([output], checked, force=force, role="a document being checked")
        check_overrides(overrides)
        if source is not None and not source.is_file():
            raise EasyReadError(source, "no such file") if not source.exists() else EasyReadError(source, "not a file")
        reports = check_paths(paths, overrides, source)
    except EasyReadError as error:
        raise _fail(error.message(), EXIT_USAGE) from None
    if not reports:
        raise _fail("no documents to check in " + ", ".join(map(str, paths)), EXIT_USAGE)
    for report in reports:
        report.fail_on = fail_on
    if baseline is not None:
        from easyread.checks.baseline import use_baseline

        try:
            reports, said = use_baseline(reports, baseline)
        except EasyReadError as error:
            raise _fail(error.message(), EXIT_USAGE) from None
        typer.echo(f"easyread: {said}", err=True)
    try:
        if output is not None:  # a folder given to check may hold the file named with -o
            check_targets([output], [*checked, *(report.path for report in reports)], force=force,
                          role="a document being checked")
        _write_check_report(reports, output_format, output)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    if any(report.error for report in reports):
        raise typer.Exit(EXIT_USAGE)
    if not all(report.passed for report in reports):
        raise typer.Exit(EXIT_DOCUMENT_FAILED)


def _write_check_report(reports, output_format: str, output: Path | None) -> None:  # type: ignore[no-untyped-def]
    import io

    from easyread.atomic import write_text_atomic
    from easyread.checks import report as formats

    buffer = io.StringIO()
    if output_format == "junit":
        buffer.write(formats.junit_xml(reports) + "\n")
    elif output_format == "text":
        interactive = output is None and sys.stdout.isatty()
        (formats.render_table if interactive else formats.render_plain)(reports, buffer)
    else:
        formats.RENDERERS[output_format](reports, buffer)
    if output is None:
        typer.echo(buffer.getvalue(), nl=False)
    else:
        from easyread.ownership import mark_report

        write_text_atomic(output, mark_report(buffer.getvalue(), output_format))


app.add_typer(cache_app, name="cache")


def main() -> None:
    """Console-script entry point: secrets scrubbed from all output, usage errors one line (cli_run)."""
    from easyread.cli_run import run

    sys.exit(run(app))


if __name__ == "__main__":  # pragma: no cover
    main()
