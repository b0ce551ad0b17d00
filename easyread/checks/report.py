"""Report check results: a table for people, plain lines when piped, and JSON, GitHub, JUnit or
SARIF (checks/sarif.py) for CI.

Each document gets one summary line that gives the verdict and its reason first:
`docs/letter.pdf: FAIL Flesch-Kincaid grade 9.2, needs 8.1 or less (the default profile); 3 errors, 12 warnings`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TextIO

from easyread.checks.findings import DocumentReport, Finding
from easyread.checks.registry import RULES
from easyread.errors import one_line

FORMATS = ("text", "json", "github", "junit", "sarif")


def _score_line(report: DocumentReport) -> str:
    m = report.metrics
    if m is None:
        return ""
    return (f"reading ease {m.flesch_reading_ease:g}, grade {m.flesch_kincaid_grade:g}, "
            f"{m.words_per_sentence_mean:g} words a sentence (longest {m.words_per_sentence_max})")


def _status(report: DocumentReport) -> str:
    return "PASS" if report.passed else ("ERROR" if report.error else "FAIL")


_MOST_REASONS = 3  # rules named in a FAIL line; the rest are counted


def _reason(report: DocumentReport) -> str:
    """Why the document passed or failed: a failed score with what it needed (the first clause of
    its suggestion), then the other failing rules with counts; for a pass, its scores."""
    if report.error:
        return report.error
    if report.passed:
        return _score_line(report)
    reasons: list[str] = []
    counts: dict[str, int] = {}
    for f in report.failing:
        if f.location == "document" and f.rule_id in ("ER201", "ER202"):
            needs = f.suggestion.split(":", 1)[0]
            reasons.append(f"{f.text}, {needs[:1].lower()}{needs[1:]}")
        else:
            counts[f.rule_name] = counts.get(f.rule_name, 0) + 1
    named = sorted(counts.items(), key=lambda item: -item[1])
    reasons += [f"{count} {name}" for name, count in named[:_MOST_REASONS]]
    if len(named) > _MOST_REASONS:
        reasons.append(f"{sum(count for _, count in named[_MOST_REASONS:])} more")
    if report.fail_on == "warning" and not report.errors:
        reasons.append("warnings fail (--fail-on warning)")
    return "; ".join(reasons)


def _counts(report: DocumentReport) -> str:
    errors = len(report.errors)
    warnings = len(report.findings) - errors
    known = f" (and {report.baselined} in the baseline)" if report.baselined else ""
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}{known}"


def summary_line(report: DocumentReport) -> str:
    """One line for the document, verdict and reason first:
    `path: FAIL <why>; 3 errors, 12 warnings`, `path: PASS <scores>; 0 errors, 2 warnings`,
    `path: ERROR <why it cannot be read>`."""
    if report.error:
        return f"{report.path}: ERROR {report.error}"
    return f"{report.path}: {_status(report)} {_reason(report)}; {_counts(report)}"


def render_plain(reports: list[DocumentReport], out: TextIO) -> None:
    """One line per finding, `path:location: ID name: text -> suggestion`, then the document's
    `summary_line`."""
    for report in reports:  # one_line: a control character in a name or text is shown, never sent to the terminal
        if report.error:
            out.write(one_line(f"{report.path}: error: {report.error}") + "\n")
            continue
        for f in report.findings:
            out.write(one_line(f"{report.path}:{f.location}: {f.rule_id} {f.rule_name} [{f.severity}]: {f.text} -> "
                               f"{f.suggestion}") + "\n")
        out.write(one_line(summary_line(report)) + "\n")
    out.write(_summary(reports) + "\n")


def render_table(reports: list[DocumentReport], out: TextIO) -> None:
    """A rich table of scores per document, then the findings of each, for a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out)
    scores = Table(title="Readability")
    for column in ("document", "status", "reading ease", "grade", "SMOG", "fog", "words/sentence", "longest",
                   "errors", "warnings"):
        scores.add_column(column)
    for report in reports:
        m = report.metrics
        style = "green" if report.passed else "red"
        errors = len(report.errors)
        warnings = len(report.findings) - errors
        if m is None:
            scores.add_row(_escape(str(report.path)), f"[{style}]{_status(report)}[/]", *["-"] * 6, "1", "0")
            continue
        scores.add_row(_escape(str(report.path)), f"[{style}]{_status(report)}[/]", f"{m.flesch_reading_ease:g}",
                       f"{m.flesch_kincaid_grade:g}", f"{m.smog_index:g}", f"{m.gunning_fog:g}",
                       f"{m.words_per_sentence_mean:g}", str(m.words_per_sentence_max), str(errors), str(warnings))
    console.print(scores)
    for report in reports:  # why each one failed, before its findings
        if not report.passed and not report.error:
            console.print(_escape(summary_line(report)), markup=False, highlight=False)
    for report in reports:
        if report.error:
            console.print(f"[red]{_escape(f'{report.path}: error: {report.error}')}[/]", markup=True, highlight=False)
            continue
        if not report.findings:
            continue
        table = Table(title=_escape(str(report.path)), show_lines=False)
        for column in ("where", "rule", "text", "suggestion"):
            table.add_column(column, overflow="fold")
        for f in report.findings:
            colour = "red" if f.severity == "error" else "yellow"
            table.add_row(f.location, f"[{colour}]{f.rule_id} {f.rule_name}[/]", _escape(f.text), _escape(f.suggestion))
        console.print(table)
    console.print(_summary(reports), markup=False, highlight=False)


def _escape(text: str) -> str:
    """`text` for a rich table: its markup brackets escaped, control characters shown (one_line)."""
    from rich.markup import escape

    return escape(one_line(text))


def render_json(reports: list[DocumentReport], out: TextIO) -> None:
    payload = {
        "passed": all(r.passed for r in reports),
        "documents": [r.as_dict() for r in reports],
        "rules": [{"id": r.id, "name": r.name, "severity": r.severity, "summary": r.summary} for r in RULES],
    }
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(reports: list[DocumentReport], out: TextIO) -> None:
    """GitHub Actions workflow commands: `::error file=...,line=...,title=...::message`."""
    for report in reports:
        file = _github_escape(str(report.path), property_value=True)
        if report.error:
            out.write(f"::error file={file},title=unreadable::{_github_escape(report.error)}\n")
            continue
        for f in report.findings:
            level = "error" if f.severity == "error" else "warning"
            where = f",line={f.line}" if f.line else ""
            title = _github_escape(f"{f.rule_id} {f.rule_name}", property_value=True)
            message = _github_escape(f"{f.location}: {f.text} -> {f.suggestion}")
            out.write(f"::{level} file={file}{where},title={title}::{message}\n")
        out.write(_github_plain(summary_line(report)) + "\n")
    out.write(_summary(reports) + "\n")


def _github_plain(text: str) -> str:
    """`text` for a plain line of a GitHub log: no line break, and never starting with "::", so a
    file named "x\n::error ..." cannot become a workflow command of its own."""
    text = _github_escape(text)
    return "./" + text if text.startswith("::") else text


# Characters XML 1.0 does not allow in a document, even escaped (https://www.w3.org/TR/xml/#charsets):
# C0 controls but tab, newline and carriage return; lone surrogates (a file name that is not UTF-8);
# U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with each character XML 1.0 forbids written out as a Python-style escape ("\\x01",
    "\\udcff"), so the report stays valid XML and the reader still sees what was there."""
    return _NOT_XML.sub(lambda match: ascii(match.group())[1:-1], text)


def junit_xml(reports: list[DocumentReport]) -> str:
    """A JUnit XML report: one test suite, one test case per document, a failure per error finding.
    Always well-formed XML 1.0: every text and attribute goes through `xml_safe`."""
    suite = ET.Element("testsuite", name="easyread", tests=str(len(reports)),
                       failures=str(sum(1 for r in reports if not r.passed and not r.error)),
                       errors=str(sum(1 for r in reports if r.error)))
    for report in reports:
        case = ET.SubElement(suite, "testcase", classname="easyread.check", name=xml_safe(str(report.path)))
        if report.error:
            ET.SubElement(case, "error", message=xml_safe(report.error)).text = xml_safe(report.error)
        elif not report.passed:
            lines = [_finding_line(f) for f in report.failing]
            ET.SubElement(case, "failure", message=xml_safe(one_line(_reason(report))),
                          type="easyread").text = xml_safe("\n".join(lines))
        failing = set(map(id, report.failing))
        output = [_score_line(report)] + [_finding_line(f) for f in report.findings if id(f) not in failing]
        ET.SubElement(case, "system-out").text = xml_safe("\n".join(line for line in output if line))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)


def _finding_line(f: Finding) -> str:
    return f"{f.location}: {f.rule_id} {f.rule_name}: {f.text} -> {f.suggestion}"


def _summary(reports: list[DocumentReport]) -> str:
    passed = sum(1 for r in reports if r.passed)
    return f"{passed} of {len(reports)} documents passed"


def _render_sarif(reports: list[DocumentReport], out: TextIO) -> None:
    from easyread.checks.sarif import render_sarif

    render_sarif(reports, out)


RENDERERS: dict[str, Callable[[list[DocumentReport], TextIO], None]] = {
    "json": render_json,
    "github": render_github,
    "sarif": _render_sarif,
}
