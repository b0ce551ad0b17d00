"""Check results as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for GitHub
code scanning (github/codeql-action/upload-sarif) and other SARIF viewers.

One run: the tool is "easyread" with its version and every rule of checks/registry.py; each
finding is a result at its document (a path relative to the current folder where it can be, as a
URI reference) and, when the finding has a line, at that line. Findings about the whole document
(scores, missing facts) are located at the file. A document that cannot be read is a
tool-execution notification of the run's invocation, not a result.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from easyread import __version__
from easyread.checks.findings import DocumentReport, Finding
from easyread.checks.registry import RULES

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "easyreadFinding/v1"  # a partialFingerprints key: the finding's path, rule and text
_SURROGATE = re.compile("[\ud800-\udfff]")  # a file name that is not UTF-8 cannot be written as UTF-8 JSON


def artifact_uri(path: Path, base: Path | None = None) -> str:
    """`path` as a SARIF artifactLocation.uri: relative to `base` (default: the current folder)
    with "/" separators when it lies under it, else an absolute "file://" URI; percent-encoded
    (RFC 3986) from the file name's bytes, so spaces and non-UTF-8 names stay valid URIs."""
    base = Path(os.path.abspath(base if base is not None else Path.cwd()))
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return "file://" + quote(os.fsencode(absolute.as_posix()), safe="/")
    return quote(os.fsencode(relative.as_posix()), safe="/")


def _text(text: str) -> str:
    return _SURROGATE.sub(lambda match: ascii(match.group())[1:-1], text)


def _location(path: Path, line: int | None, base: Path | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path, base)}}
    if line:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def _fingerprint(uri: str, finding: Finding, occurrence: int) -> str:
    """The same finding in the same document gets the same fingerprint whatever line it moves to,
    so code scanning keeps one alert for it across runs."""
    key = "\0".join((uri, finding.rule_id, finding.text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def sarif_log(reports: list[DocumentReport], base: Path | None = None) -> dict[str, Any]:
    """The SARIF 2.1.0 log (a JSON-ready dict) for `reports`; `base` is the folder that URIs are
    relative to (default: the current folder)."""
    index = {rule.id: number for number, rule in enumerate(RULES)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        if report.error:
            notifications.append({"level": "error", "message": {"text": _text(report.error)},
                                  "locations": [_location(report.path, None, base)]})
            continue
        uri = artifact_uri(report.path, base)
        seen: dict[tuple[str, str], int] = {}
        for finding in report.findings:
            occurrence = seen[(finding.rule_id, finding.text)] = seen.get((finding.rule_id, finding.text), 0) + 1
            where = f"{finding.location}: " if finding.location != "document" else ""
            results.append({
                "ruleId": finding.rule_id,
                "ruleIndex": index[finding.rule_id],
                "level": "error" if finding.severity == "error" else "warning",
                "message": {"text": _text(f"{where}{finding.text} -> {finding.suggestion}")},
                "locations": [_location(report.path, finding.line, base)],
                "partialFingerprints": {FINGERPRINT: _fingerprint(uri, finding, occurrence)},
            })
    rules = [{"id": rule.id, "name": rule.name, "shortDescription": {"text": rule.summary},
              "defaultConfiguration": {"level": "error" if rule.severity == "error" else "warning"}}
             for rule in RULES]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "easyread", "version": __version__, "rules": rules}},
            "invocations": [invocation],
            "results": results,
        }],
    }


def render_sarif(reports: list[DocumentReport], out: TextIO) -> None:
    """Write the SARIF log of `reports` to `out` as indented JSON."""
    json.dump(sarif_log(reports), out, indent=2, ensure_ascii=False)
    out.write("\n")
