"""What `easyread convert` says after converting one document: the summary, warnings and exit.

The output paths go to standard output (none when the document itself went there with `-o -`);
everything else goes to standard error, so a pipeline reading standard output gets only those.
`label` names the document in messages: its path, or "standard input".
"""

from __future__ import annotations

from typing import Any

import typer

from easyread.errors import EXIT_DOCUMENT_FAILED
from easyread.ledger import counted, summary_line, unexplained


def report_conversion(result: Any, label: str, chosen: Any, *, quiet: bool, paths_to_stdout: bool = True) -> None:
    """Print what `pipeline.convert` did (`result`, a ConversionResult) with the backend `chosen`;
    raise typer.Exit(1) when an LLM backend converted none of the sections."""
    if paths_to_stdout:
        for path in result.outputs.values() or [result.output]:
            typer.echo(str(path))
    if not quiet:
        _summary(result, label, chosen)
    if result.nothing_from_the_model:
        typer.echo(f"easyread: error: {label}: {result.backend} {result.model} converted none of the sections: "
                   "the rules backend converted every one (the reasons are above); the outputs were written",
                   err=True)
        raise typer.Exit(EXIT_DOCUMENT_FAILED)


def _summary(result: Any, label: str, chosen: Any) -> None:
    document = result.document
    say = _stderr
    say(f"{counted(len(document.items()), 'sentence')}"
        + (f" on {counted(result.pages, 'page')}" if result.pages is not None else "")
        + f", {counted(len(document.sections), 'section')}, {counted(len(document.glossary), 'hard word')} explained")
    before, after = result.scores_before, result.scores_after
    if before is not None and after is not None:
        say(f"reading ease {before.flesch_reading_ease:g} -> {after.flesch_reading_ease:g}, "
            f"grade {before.flesch_kincaid_grade:g} -> {after.flesch_kincaid_grade:g}, "
            f"words a sentence {before.words_per_sentence_mean:g} -> {after.words_per_sentence_mean:g}")
    say(summary_line(result.document.ledger))
    for flag, count in sorted(result.flagged.items()):
        say(f"  to review: {count} x {flag}")
    if result.usage is not None:
        usage = result.usage
        cost = f"about ${result.cost:.4f}" if result.cost is not None else f"cost unknown (no price for {result.model})"
        requests = f"{usage.requests} request" + ("" if usage.requests == 1 else "s")
        say(f"{result.backend} {result.model}: {requests}; tokens: {usage.input:,} in, "
            f"{usage.cache_read:,} read from the prompt cache, {usage.cache_write:,} written to it, "
            f"{usage.output:,} out; {cost}")
    for notice in getattr(chosen, "notices", []):  # the LLM backend's: JSON mode, another model, local defaults
        say(notice)
    if getattr(chosen, "plan_problem", None):  # the document was converted without its opening and glossary
        say(f"warning: {label}: no \"About this document\" opening: {_one_line(chosen.plan_problem)}")
    from easyread.backends.picture_pick import report_lines

    for line in report_lines(getattr(result, "picture_pick", None), label):
        say(line)
    sections = len(result.source.sections)
    if result.kept:
        say(f"{label}: {len(result.kept)} of {sections} sections kept the model's answer with items flagged "
            "for review:")
        for kept in result.kept:
            say(f"  {_one_line(kept.heading) or '(no heading)'}: {_one_line(kept.reason)}")
    if result.fallbacks:
        say(f"warning: {label}: {len(result.fallbacks)} of {sections} sections were converted by the rules "
            "backend instead (their items are flagged rules-fallback):")
        for fallback in result.fallbacks:
            say(f"  {_one_line(fallback.heading) or '(no heading)'}: {_one_line(fallback.reason)}")
    from easyread.not_english import warning_line

    not_english = warning_line(label, result.not_english, result.backend)
    if not_english:
        say(not_english)
    lost = unexplained(result.document.ledger)
    if lost:
        parts = "; ".join(f"{entry.location} ({_quote(entry.text)})" for entry in lost)
        say(f"warning: {label}: {len(lost)} part{'s' if len(lost) != 1 else ''} of the source gave no item, for "
            f"no known reason: {parts}")
    if result.missing_facts:
        facts = ", ".join(f"{fact.text} ({fact.location})" for fact in result.missing_facts)
        say(f"warning: {label}: facts not found in the items made from their part of the source: {facts}")


def _stderr(line: str) -> None:
    typer.echo(line, err=True)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'
