"""What a batch shows while it runs, and the summary at the end.

On a terminal: a rich progress bar with the documents being worked on, counts and an ETA, and a
summary table. Otherwise (piped, in cron, or with --verbose): one plain line per document. With
--quiet: only failures and the one-line summary. Progress goes to standard error, the summary to
standard output.
"""

from __future__ import annotations

import sys
from typing import TextIO

from easyread.batch import BatchSummary, Outcome, Reporter

STATUS_WIDTH = len("unchanged")


def describe(outcome: Outcome) -> str:
    """One line for one document: `converted  a/letter.txt -> out/a/letter.easyread.pdf (3 pages, 1.2 s)`."""
    status = outcome.status.ljust(STATUS_WIDTH)
    if outcome.status == "converted":
        return f"{status}  {outcome.source} -> {outcome.target} ({outcome.record.pages} pages, {outcome.seconds:.1f} s)"
    if outcome.status == "unchanged":
        return f"{status}  {outcome.source}"
    return f"{status}  {outcome.source}: {outcome.reason}"


class LineReporter:
    """A line per document as it finishes (or, when quiet, a line per failure)."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream
        self.last_wait = ""

    def begin(self, to_convert: int) -> None: ...

    def waiting(self, text: str) -> None:
        """What a Message Batch is doing (batch_api): a line each time it changes, unless quiet."""
        if not self.quiet and text != self.last_wait:
            self.last_wait = text
            print(text, file=self.stream or sys.stderr, flush=True)

    def started(self, source: str) -> None: ...

    def finished(self, outcome: Outcome) -> None:
        if self.quiet and outcome.status != "failed":
            return
        print(describe(outcome), file=self.stream or sys.stderr, flush=True)

    def end(self) -> None: ...


class BarReporter:
    """A rich progress bar: the documents being converted, how many are done, failures, and an ETA."""

    def __init__(self) -> None:
        self.progress = None
        self.bar = None
        self.working: list[str] = []
        self.counts = {"converted": 0, "failed": 0}

    def begin(self, to_convert: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}", style="bold"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.progress.start()
        self.bar = self.progress.add_task("converting", total=to_convert, counts=self._counts())

    def _counts(self) -> str:
        return f"{self.counts['converted']} converted, {self.counts['failed']} failed"

    def _describe_working(self) -> str:
        if not self.working:
            return "converting"
        shown = ", ".join(self.working[:2])
        return shown if len(self.working) <= 2 else f"{shown} and {len(self.working) - 2} more"

    def waiting(self, text: str) -> None:
        """What a Message Batch is doing (batch_api), in place of the documents' names."""
        if self.progress is not None:
            self.progress.update(self.bar, description=_escape(text))

    def started(self, source: str) -> None:
        self.working.append(source)
        if self.progress is not None:
            self.progress.update(self.bar, description=self._describe_working())

    def finished(self, outcome: Outcome) -> None:
        if outcome.status == "failed":
            self._print(f"[red]failed[/red]     {_escape(outcome.source)}: {_escape(outcome.reason)}")
        if outcome.source not in self.working:
            return  # decided before converting (skipped, unchanged, clashing names): not on the bar
        self.working.remove(outcome.source)
        self.counts[outcome.status] = self.counts.get(outcome.status, 0) + 1
        if self.progress is not None:
            self.progress.update(self.bar, advance=1, description=self._describe_working(), counts=self._counts())

    def _print(self, markup: str) -> None:
        from rich.console import Console

        (self.progress.console if self.progress is not None else Console(stderr=True)).print(markup)

    def end(self) -> None:
        if self.progress is not None:
            self.progress.update(self.bar, description="done")
            self.progress.stop()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def reporter_for(quiet: bool = False, verbose: bool = False) -> Reporter:
    """A bar on a terminal; plain lines when piped or verbose; failures only when quiet."""
    if quiet or verbose or not sys.stderr.isatty():
        return LineReporter(quiet=quiet)
    return BarReporter()


def summary_line(summary: BatchSummary) -> str:
    counts = ", ".join(
        f"{len(summary.having(status))} {status}" for status in ("converted", "unchanged", "skipped", "failed")
    )
    line = f"{counts} in {summary.seconds:.1f} s; manifest {summary.manifest}"
    if summary.interrupted:
        line = f"interrupted: {len(summary.abandoned)} not finished (run again to convert them); " + line
    return line


def print_summary(summary: BatchSummary, quiet: bool = False, stream: TextIO | None = None) -> None:
    """The warnings (on standard error), the counts, then each document skipped or failed and why:
    a table on a terminal, lines otherwise."""
    for warning in summary.warnings:  # on standard error, like the other warnings
        print(f"warning: {warning}", file=sys.stderr, flush=True)
    stream = stream or sys.stdout
    listed = summary.failed + summary.skipped
    if quiet or not listed:
        print(summary_line(summary), file=stream, flush=True)
        return
    if not stream.isatty():
        print(summary_line(summary), file=stream)
        for outcome in listed:
            print(f"  {outcome.status.ljust(STATUS_WIDTH)}  {outcome.source}: {outcome.reason}", file=stream)
        stream.flush()
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Not converted")
    table.add_column("status")
    table.add_column("document")
    table.add_column("why")
    for outcome in listed:
        colour = "red" if outcome.status == "failed" else "yellow"
        table.add_row(f"[{colour}]{outcome.status}[/{colour}]", _escape(outcome.source), _escape(outcome.reason))
    console = Console(file=stream)
    console.print(table)
    console.print(_escape(summary_line(summary)), soft_wrap=True)
