"""Check documents against the Easy Read rules: scores, rule findings, and facts kept from a source.

`check_document` does one file; `check_paths` expands folders and checks every supported file,
turning an unreadable one into a failed report rather than stopping.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from easyread.checks.document_words import document_words, is_foreign, once_per_document, without_item_numbers
from easyread.checks.findings import DocumentReport, Finding
from easyread.checks.ignores import ignores_by_line
from easyread.checks.metrics import measure_units
from easyread.checks.read_units import read_units
from easyread.checks.registry import resolve_ids
from easyread.checks.text_rules import sentence_hits, word_hits
from easyread.checks.units import TextUnit
from easyread.checks.verdict import scored_texts, threshold_findings, with_levels
from easyread.checks.word_filters import masked
from easyread.config import Settings, load_settings
from easyread.errors import EasyReadError, UsageError
from easyread.fidelity import source_fact_text
from easyread.language.case import is_block_capitals
from easyread.language.facts import missing_facts
from easyread.language.sentences import split_sentences
from easyread.prepare import prepare_source

CHECKABLE_SUFFIXES = (".docx", ".md", ".markdown", ".pdf", ".txt", ".html", ".htm")


def _findings_for(units: list[TextUnit], settings: Settings, all_text: str) -> Iterator[Finding]:
    """Findings for every unit (the scores are `verdict.scored_texts`'s business).

    "front" units (our own title page lines) and "glossary" units (the lines of our own Hard words
    page: explanations the tool wrote, from data/hard_words.tsv or a backend, not the document's
    words) give no findings, though their terms count as explained; nor does a copy of an earlier
    item on our "How to contact us" page (easyread.contact), which gets its findings where it first
    is. Text in another language (Welsh in a bilingual notice) gives no rule findings; words the
    document explains or uses as names are not flagged, and each hard word, double meaning and
    unexplained acronym is reported once (checks.document_words).
    """
    from easyread.contact import CONTACT_HEADING

    words = document_words(units, all_text)
    found: list[Finding] = []
    seen: set[str] = set()  # body texts so far
    heading = ""
    for unit in units:
        if unit.kind in ("front", "glossary"):
            continue
        if unit.kind == "heading":
            heading = unit.text
        elif heading == CONTACT_HEADING and unit.text in seen:
            continue  # a copy on our "How to contact us" page: its findings are given at its first place
        seen.add(unit.text)
        foreign = is_foreign(unit.text)
        if unit.is_heading:
            hits = [] if foreign else list(word_hits(unit.text, settings.hard_word_zipf, words.acronyms, words.names,
                                                     words.explained))
        else:
            hits = []
            for sentence in split_sentences(unit.text):
                if foreign or is_foreign(sentence):
                    continue  # the English rules say nothing about Welsh or French text
                hits += sentence_hits(sentence, settings.max_sentence_words)
                hits += word_hits(sentence, settings.hard_word_zipf, words.acronyms, words.names, words.explained)
        if is_block_capitals(masked(unit.text)):  # a postcode or code in capitals is not shouting
            hits.append(("ER304", unit.text, "Write it in sentence case: capital letter only at the start."))
        found += [Finding(rule_id, unit.location, text, suggestion, unit.line) for rule_id, text, suggestion in hits]
    yield from once_per_document(without_item_numbers(found, "\n".join(unit.text for unit in units)))


def check_document(path: Path, settings: Settings | None = None, source: Path | None = None) -> DocumentReport:
    """Check one document; reading errors are raised (the caller decides how to report them)."""
    settings = settings or load_settings(path)
    units, layout, all_text = read_units(path, settings)
    findings = list(_findings_for(units, settings, all_text))
    findings += layout
    hard = sum(1 for f in findings if f.rule_id == "ER111")
    metrics = measure_units(scored_texts(units), hard_word_count=hard)  # the same scores as convert's summary
    findings = with_levels(findings, settings) + threshold_findings(metrics, settings)
    if source is not None:
        from easyread.readers import read_document

        try:
            original = read_document(source)
        except EasyReadError as error:  # the message names the source, not the document checked
            raise EasyReadError(None, f"the source {error.message()}") from None
        source_text = source_fact_text(prepare_source(original))  # letter furniture is not needed
        for fact in missing_facts(source_text, all_text):
            findings.append(Finding("ER401", "document", fact.text,
                                    f"The {fact.kind} '{fact.text}' from {source.name} is missing: put it back."))
    findings = _apply_ignores(path, findings, settings)
    return DocumentReport(path=path, metrics=metrics, findings=findings)


def _apply_ignores(path: Path, findings: list[Finding], settings: Settings) -> list[Finding]:
    ignored = resolve_ids(list(settings.ignore))
    per_line: dict[int, set[str]] = {}
    if path.suffix.lower() in (".md", ".markdown", ".txt"):
        try:
            per_line = ignores_by_line(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            per_line = {}
    return [
        f for f in findings
        if f.rule_id not in ignored and not (f.line is not None and f.rule_id in per_line.get(f.line, set()))
    ]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to check: files as given, folders searched recursively (hidden files skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in CHECKABLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(path, "no such file")
    return found


def check_paths(paths: Iterable[Path], overrides: dict[str, object] | None = None,
                source: Path | None = None) -> list[DocumentReport]:
    """Check every document under `paths`; one unreadable document never stops the rest."""
    reports: list[DocumentReport] = []
    for path in expand_paths(paths):
        # A bad settings file stops the run (a UsageError: one line, exit 2), as a bad option does.
        settings = load_settings(path).with_overrides(**(overrides or {}))
        try:
            reports.append(check_document(path, settings, source))
        except EasyReadError as error:
            reports.append(DocumentReport(path=path, metrics=None, error=error.reason))
    return reports
