"""The `easyread` command: options in, pipeline called, results printed. No logic lives here.

Each command's exit codes are listed once, in easyread.cli_help.EXIT_CODES, and shown in its help.
Standard input and output (`convert -`, `-o -`) are easyread.cli_stdio; what convert prints after
one document is easyread.cli_report.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from easyread import __version__
from easyread.cli_cache import cache_app
from easyread.cli_estimate import estimate_cost
from easyread.cli_help import PlainCommand, PlainGroup, with_exit_codes
from easyread.cli_images import ImageApiOption, ImageBaseUrlOption, ImageModelOption, image_choice
from easyread.errors import EXIT_DOCUMENT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, EasyReadError, UsageError
from easyread.limits import DEFAULT_MAX_DOCUMENT_MB, MEGABYTE

PAGED_FORMATS = ("pdf", "docx", "html")  # formats whose renderers count pages
DEFAULT_MAX_REQUESTS = 8  # LLM requests in flight across a batch: well inside the usual API rate limits

app = typer.Typer(
    name="easyread",
    help="Turn ordinary documents into Easy Read: short sentences, everyday words, a picture beside each idea.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=PlainGroup,
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


CONVERT_HELP = ("Convert documents into Easy Read: one file (or '-', standard input), or folders of them into an "
                "output folder.\n\nSeveral documents: the manifest easyread-manifest.json in the output folder says "
                "what was done.")


@app.command(cls=PlainCommand, help=with_exit_codes("convert", CONVERT_HELP))
def convert(
    sources: Annotated[
        list[Path],
        typer.Argument(help="The documents to convert (.docx, .md, .txt or .pdf), or folders and globs of them; "
                       "'-' reads one document from standard input (see --input-format).",
                       show_default=False, metavar="SOURCE"),
    ],
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option("--output", "-o", help="Where to write: a file (its extension chooses the format when "
                     "--format is not given), a folder, or '-' for standard output (one format; PDF and Word "
                     "only when it is not a terminal). Default: <name>.easyread.pdf (and .docx, ...) beside the "
                     "source. Needed, as a folder, for several documents.", metavar="PATH", show_default=False),
    ] = None,
    input_format: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--input-format", help="With '-': what standard input holds: docx, md, pdf or txt. PDF and "
                     "Word are known by their first bytes; text needs md or txt.", metavar="FORMAT",
                     show_default=False),
    ] = None,
    formats: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format", "-f", help=FORMAT_HELP, show_default=False, metavar="FORMATS"),
    ] = None,
    pictures: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--pictures", help=PICTURES_HELP, show_default=False, metavar="SET"),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", "-b", help="How to simplify: 'rules' (offline, the default), 'anthropic' "
                          "(sends each section to Claude; needs ANTHROPIC_API_KEY), 'bedrock' (Claude on Amazon "
                          "Bedrock), 'openai' (an OpenAI-compatible server such as Ollama or vLLM; see --base-url) "
                          "or 'mock'.", metavar="NAME")
    ] = "rules",
    max_size: Annotated[
        int, typer.Option("--max-size", min=1, help="Refuse documents larger than this many megabytes.", metavar="MB")
    ] = DEFAULT_MAX_DOCUMENT_MB,
    recursive: Annotated[
        bool, typer.Option("--recursive", "-r", help="Also convert documents in folders inside the folders given.")
    ] = False,
    jobs: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--jobs", "-j", min=1, help="Several documents: documents converted at once (default: the "
                     "number of CPUs). One document with an LLM backend: requests sent at once (default 4; 1 "
                     "for a server on this machine or network, which answers one request at a time as fast).", metavar="N"),
    ] = None,
    max_requests: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--max-requests", min=1, help="Several documents with an LLM backend: requests in flight "
                     "across all of them at once, however many documents are converted at once. Default 8; 1 "
                     "for a server on this machine or network.", show_default=False, metavar="N")
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
                     show_default=False, metavar="NAME"),
    ] = None,
    retries: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--retries", min=0, help="LLM backends: times to retry a request that failed with 408, 409, 429, 5xx, "
                     "529 or a timeout. Default 2.", show_default=False, metavar="N"),
    ] = None,
    timeout: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--timeout", min=0.1, help="LLM backends: seconds to wait for one answer. Default 120; 600 "
                     "for a server on this machine or network (a CPU writes about 4 tokens a second), where a "
                     "request that times out is not sent again.", show_default=False, metavar="SECONDS"),
    ] = None,
    max_tokens: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--max-tokens", min=64, help="openai backend: the longest answer, in tokens (a longer one is "
                     "split in two). Default 8192; 2048 for a server on this machine or network, so a model that "
                     "keeps writing does not hold it until the timeout.", show_default=False, metavar="N"),
    ] = None,
    base_url: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--base-url", help="LLM backends: the server to send requests to, e.g. "
                     "http://localhost:11434/v1 for Ollama. Default: ANTHROPIC_BASE_URL or OPENAI_BASE_URL, else "
                     "the provider's API.", show_default=False, metavar="URL"),
    ] = None,
    prompts: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--prompts", help="LLM backends: a folder of prompt templates (system.md, context.md, "
                     "user.md, plan.md, repair.md) to use instead of the shipped ones.", show_default=False, metavar="FOLDER"),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="LLM backends: ask again even when an answer is in the cache.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="LLM backends: estimate the tokens and cost of converting the "
                           "documents, without sending anything or writing a file. With --pictures generate: also "
                           "the pictures to draw and their cost.")
    ] = False,
    batch_api: Annotated[
        bool, typer.Option("--batch-api", help="Several documents with -b anthropic: send every section as one "
                           "Message Batch, at half price, answered within 24 hours (most within an hour). Ctrl-C "
                           "leaves it running; the same command again collects it.")
    ] = False,
    batch_poll: Annotated[
        float, typer.Option("--batch-poll", min=0.0, help="With --batch-api: seconds between asking whether the "
                            "batch has ended.", metavar="SECONDS")
    ] = 30.0,
    mock_latency: Annotated[
        float, typer.Option("--mock-latency", min=0.0, hidden=True, help="Seconds the mock backend waits a section.")
    ] = 0.0,
    image_api: ImageApiOption = None,
    image_model: ImageModelOption = None,
    image_base_url: ImageBaseUrlOption = None,
) -> None:
    """Convert documents into Easy Read (the help is CONVERT_HELP)."""
    from easyread.backends.options import llm_options
    from easyread.batch import is_batch
    from easyread.cli_stdio import STANDARD_STREAM, check_standard_output

    reading_stdin = any(str(source) == STANDARD_STREAM for source in sources)
    to_stdout = output is not None and str(output) == STANDARD_STREAM
    batch = not reading_stdin and is_batch(sources)
    try:
        _check_streams(sources, output, input_format, reading_stdin, to_stdout, batch)
        backend_options = llm_options(backend, sources[0], model=model, jobs=None if batch else jobs, retries=retries,
                                      timeout=timeout, prompts=prompts, cache=not no_cache, base_url=base_url,
                                      max_tokens=max_tokens)
        chosen_formats, pictures = _output_choices(sources, formats, pictures, None if batch or to_stdout else output)
        images = image_choice(pictures, image_api, image_model, image_base_url, several=batch, check=not dry_run)
        if to_stdout:
            check_standard_output(chosen_formats, pictures)
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None
    if mock_latency and backend == "mock":
        backend_options = {"latency": mock_latency}
    if batch_api and backend != "anthropic":
        raise _fail(f"--batch-api sends Anthropic's Message Batches: it needs --backend anthropic, not '{backend}'",
                    EXIT_USAGE)
    if dry_run and not reading_stdin:
        estimate_cost(sources, batch, recursive, backend, backend_options, max_size, batch_api, pictures=pictures,
                      images=images)
        return
    if batch_api and not batch:
        raise _fail(f"{sources[0]}: --batch-api converts several documents (a folder, with -o); one document is "
                    "sent as ordinary requests", EXIT_USAGE)
    if max_requests is None:
        from easyread.backends.local import is_local

        server = base_url or os.environ.get("OPENAI_BASE_URL")
        max_requests = 1 if backend == "openai" and is_local(server) else DEFAULT_MAX_REQUESTS
    if batch:
        _convert_batch(sources, output, backend, backend_options, max_size, recursive, jobs, force, verbose, quiet,
                       chosen_formats, pictures, max_requests, batch_poll if batch_api else None)
        return
    with ExitStack() as streams:
        source, label = sources[0], str(sources[0])
        if reading_stdin:
            source, label = _standard_input(streams, input_format, max_size), "standard input"
            if dry_run:
                estimate_cost([source], False, recursive, backend, backend_options, max_size, label=label,
                              pictures=pictures, images=images)
                return
        target = output
        if to_stdout:
            from easyread.cli_stdio import standard_output_file

            target = streams.enter_context(standard_output_file(Path(source).stem, chosen_formats[0]))
        _convert_one(source, label, target, backend, backend_options, max_size, chosen_formats, pictures, force,
                     quiet, to_stdout, images)


def _check_streams(sources: list[Path], output: Path | None, input_format: str | None, reading_stdin: bool,
                   to_stdout: bool, batch: bool) -> None:
    """UsageError for '-' or '-o -' where they cannot be: '-' with other sources or without -o,
    --input-format without '-', '-o -' for several documents."""
    if reading_stdin and len(sources) > 1:
        raise UsageError(None, "'-' (standard input) is one document: give it alone, without other sources")
    if reading_stdin and output is None:
        raise UsageError(None, "standard input has no folder to write beside: give -o FILE, -o FOLDER/ or -o - "
                         "(standard output)")
    if input_format is not None and not reading_stdin:
        raise UsageError(None, "--input-format is for '-' (standard input); a file's type comes from its "
                         "extension")
    if to_stdout and batch:
        raise UsageError(None, "-o - writes one document to standard output; give a folder for several")
    if not reading_stdin:
        _check_flag_values(sources)


_FLAG_VALUES = ("true", "false", "yes", "no", "on", "off")


def _check_flag_values(sources: list[Path]) -> None:
    """UsageError for a source named like a flag's value ("true") that does not exist: `-q true` was
    meant, and flags take no value."""
    for source in sources:
        if str(source).lower() in _FLAG_VALUES and not source.exists():
            raise UsageError(source, "no such file; flags take no value (write -q, not -q true)")


def _standard_input(streams: ExitStack, input_format: str | None, max_size: int) -> Path:
    """The file standing in for standard input while it is converted (easyread.cli_stdio)."""
    from easyread.cli_stdio import standard_input_file

    try:
        return streams.enter_context(standard_input_file(input_format, max_size * MEGABYTE))
    except EasyReadError as error:
        raise _fail(error.message(), error.exit_code) from None


def _convert_one(source: Path, label: str, output: Path | None, backend: str, backend_options: dict[str, Any],
                 max_size: int, formats: tuple[str, ...], pictures: str | None, force: bool, quiet: bool,
                 to_stdout: bool, images: Any = None) -> None:
    """Convert one document and report it (easyread.cli_report); with `to_stdout`, `output` is a
    temporary file whose bytes then go to standard output."""
    from easyread.backends import get_backend
    from easyread.cli_report import report_conversion
    from easyread.cli_stdio import copy_to_standard_output, shown_message
    from easyread.interrupts import interrupts_raise
    from easyread.pipeline import convert as run_conversion

    stand_in = source if label != str(source) else None
    try:
        chosen = get_backend(backend, **backend_options) if backend_options else backend
        with interrupts_raise():
            result = run_conversion(source, output, backend=chosen, max_bytes=max_size * MEGABYTE,
                                    formats=formats, pictures=pictures, force=force, images=images)
    except EasyReadError as error:
        raise _fail(shown_message(error, stand_in), error.exit_code) from None
    except KeyboardInterrupt:
        raise _fail(f"{label}: interrupted; nothing was written", EXIT_INTERRUPTED) from None
    except Exception as error:  # a bug, not bad input: one line, and a way to see the traceback
        if os.environ.get("EASYREAD_DEBUG"):
            raise
        raise _fail(f"{label}: could not convert ({type(error).__name__}: {error}); "
                    "set EASYREAD_DEBUG=1 to see why", EXIT_DOCUMENT_FAILED) from None
    if to_stdout and output is not None:
        try:
            copy_to_standard_output(output)
        except EasyReadError as error:
            raise _fail(error.message(), error.exit_code) from None
    report_conversion(result, label, chosen, quiet=quiet, paths_to_stdout=not to_stdout)

FORMAT_HELP = ("Output formats, comma-separated: pdf, docx (Word), html, md (Markdown), json (the plan, to edit and "
               "render again). Default: the extension of -o FILE, else 'format' in easyread.toml, else pdf.")
PICTURES_HELP = ("Real pictures instead of labelled placeholders: 'openmoji' (needs the pictures extra), a folder "
                 "of your own PNG/JPEG/SVG pictures named by what they show (with an optional pictures.csv), or "
                 "'generate': drawn from each item's picture description by an image API (see --image-api; kept "
                 "in the user cache, so a rerun costs nothing). With an LLM backend the model chooses each "
                 "item's picture from a short list of matches, or keeps the placeholder when none fits (one more "
                 "request per document).")


def _output_choices(sources: list[Path], formats: str | None, pictures: str | None,
                    output: Path | None = None) -> tuple[tuple[str, ...], str | None]:
    """The formats and picture set to use: the options; else for the formats the extension of the
    file named by `output` (`-o letter.docx`: docx; an unknown one is a UsageError); else the
    settings file's; else PDF and no pictures."""
    from easyread.config import load_settings
    from easyread.outputs import format_from_extension, names_a_file, parse_formats

    if formats is None and output is not None and names_a_file(output):
        formats = format_from_extension(output)
    if formats is None or pictures is None:
        settings = load_settings(Path(sources[0]) if sources and Path(sources[0]).exists() else Path.cwd())
        formats = formats if formats is not None else settings.format
        pictures = pictures if pictures is not None else settings.pictures
    return parse_formats(formats), pictures or None


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


@app.command(cls=PlainCommand, help=with_exit_codes(
    "render", "Write Easy Read outputs again from plans, without any backend: after a person has edited a plan."))
def render(
    plans: Annotated[
        list[Path], typer.Argument(help="Plan files (.json) written by 'convert --format json', edited or not.",
                                   show_default=False, metavar="PLAN"),
    ],
    formats: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--format", "-f", help="Formats to write, comma-separated: pdf, docx, html, md, json. "
                     "Default: the extension of -o FILE, else pdf.", metavar="FORMATS", show_default=False)
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="A folder to write into; a file (one plan: its extension chooses the "
                     "format when --format is not given); or '-' for standard output (one plan, one format; PDF "
                     "and Word only when it is not a terminal). Default: beside each plan, named like it.",
                     metavar="PATH"),
    ] = None,
    pictures: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--pictures", help="Choose pictures for items that have none: 'openmoji', a folder, or "
                     "'generate' (drawn by an image API: see --image-api).", show_default=False, metavar="SET"),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace existing files that easyread did not make (never a plan "
                           "being rendered).")
    ] = False,
    image_api: ImageApiOption = None,
    image_model: ImageModelOption = None,
    image_base_url: ImageBaseUrlOption = None,
) -> None:
    """Write Easy Read outputs again from plans (the help and exit codes: cli_help.EXIT_CODES["render"])."""
    from easyread.cli_stdio import STANDARD_STREAM, check_standard_output
    from easyread.errors import EXIT_OK
    from easyread.interrupts import interrupts_raise
    from easyread.outputs import format_from_extension, names_a_file, output_paths, parse_formats
    from easyread.pipeline import render_outputs
    from easyread.plan import read_plan

    to_stdout = output is not None and str(output) == STANDARD_STREAM
    to_file = output is not None and not to_stdout and names_a_file(output)
    try:
        asked = format_from_extension(output) if to_file and output is not None else None
        chosen = parse_formats(formats) if formats else ((asked,) if asked else parse_formats(None))
        images = image_choice(pictures, image_api, image_model, image_base_url)
        if to_file:
            if len(plans) != 1:
                raise UsageError(output, "names one file: give a folder to render several plans into")
            if asked not in chosen:
                raise UsageError(output, f"ends in {output.suffix}, which is not a format asked for ({', '.join(chosen)})")
        elif to_stdout:
            if len(plans) != 1:
                raise UsageError(None, "-o - writes one plan to standard output; give a folder for several")
            check_standard_output(chosen, pictures)
        elif output is not None and output.exists() and not output.is_dir():
            raise EasyReadError(output, "is a file without a format's extension: give a folder to render into")
    except EasyReadError as error:
        raise _fail(error.message(), EXIT_USAGE) from None
    code = EXIT_OK
    for plan in plans:
        if to_file and output is not None:
            base = output.with_suffix("")  # "edited.docx": the other formats asked for go beside it
        else:
            base = (output / plan.name if output is not None else plan).with_suffix("")
        try:
            with interrupts_raise(), ExitStack() as streams:
                document = read_plan(plan, pictures)
                if to_stdout:
                    written = _render_to_stdout(streams, document, plan, chosen[0], pictures, images)
                    continue
                written = render_outputs(document, output_paths(base, chosen), pictures, inputs=plans, force=force,
                                         role="a plan being rendered", images=images)
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


def _render_to_stdout(streams: ExitStack, document: Any, plan: Path, format_name: str,
                      pictures: str | None, images: Any = None) -> dict[str, int]:
    """`render -o -`: write one plan's one format to standard output (easyread.cli_stdio)."""
    from easyread.cli_stdio import check_plan_for_standard_output, copy_to_standard_output, standard_output_file
    from easyread.pipeline import render_outputs

    if not pictures:
        check_plan_for_standard_output(document, format_name)
    target = streams.enter_context(standard_output_file(plan.with_suffix("").stem, format_name))
    written = render_outputs(document, {format_name: target}, pictures, inputs=[plan], role="a plan being rendered",
                             images=images)
    copy_to_standard_output(target)
    return written


@app.command(cls=PlainCommand, help=with_exit_codes("check", "Check documents against the Easy Read rules."))
def check(
    paths: Annotated[list[Path], typer.Argument(help="Documents or folders to check (.docx, .md, .txt, .pdf, .html).",
                                                metavar="PATH")],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text (a table on a terminal, lines when piped), json, github, junit "
                          "or sarif (for GitHub code scanning).", metavar="FORMAT")
    ] = "text",
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the report to this file instead of standard output ('-': "
                     "standard output).", metavar="FILE"),
    ] = None,
    source: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--source", help="The original document: check that none of its facts were lost.", metavar="FILE"),
    ] = None,
    profile: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--profile", help="Thresholds to check against: default (calibrated on human-made Easy Read) "
                     "or strict (reading ease 80, grade 5, 15 words a sentence). Options below override it.", metavar="NAME"),
    ] = None,
    min_reading_ease: Annotated[
        Optional[float], typer.Option(help="Lowest Flesch Reading Ease that passes. Default: the profile's.", metavar="SCORE")  # noqa: UP045
    ] = None,
    max_grade: Annotated[
        Optional[float], typer.Option(help="Highest Flesch-Kincaid grade that passes. Default: the profile's.", metavar="GRADE")  # noqa: UP045
    ] = None,
    max_sentence_words: Annotated[
        Optional[int], typer.Option(help="Longest sentence wanted, in words. Default 15.", metavar="WORDS")  # noqa: UP045
    ] = None,
    hard_word_zipf: Annotated[
        Optional[float], typer.Option(help="Words rarer than this Zipf frequency are hard. Default 3.5.", metavar="ZIPF")  # noqa: UP045
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--ignore", help="Rule ids or names to turn off, e.g. ER101 or passive-voice. Repeatable.", metavar="RULES"),
    ] = None,
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="What makes a document fail: error (an error finding or a score past "
                          "its threshold) or warning (any finding at all).", metavar="LEVEL")
    ] = "error",
    baseline: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--baseline", help="A file of known findings: written with today's findings when it does not "
                     "exist; afterwards only findings not in it are reported and can fail the check.", metavar="FILE")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="With -o: replace an existing file that easyread did not make (never a "
                           "document being checked).")
    ] = False,
) -> None:
    """Check documents against the Easy Read rules (the help and exit codes: cli_help.EXIT_CODES["check"])."""
    from easyread.checks.registry import unknown_rules
    from easyread.checks.report import FORMATS
    from easyread.checks.run import check_paths
    from easyread.config import check_overrides
    from easyread.ownership import check_targets

    if output is not None and str(output) == "-":
        output = None  # '-' is standard output, as for convert
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
