"""A baseline of known findings, so that CI fails only on new ones (`easyread check --baseline FILE`).

The first run with a baseline file that does not exist writes it with every finding of that run;
later runs leave out (and do not fail on) the findings it records. Delete the file to record again.

File format (JSON, UTF-8)::

    {
      "made_by": "easyread check --baseline",
      "version": 1,
      "findings": [
        {"path": "docs/letter.md", "rule_id": "ER101", "text": "the offending words"},
        ...
      ]
    }

- `made_by` (first field) is the mark that says easyread wrote the file; a file without it, or
  that is not JSON of this shape, is refused (`UsageError`, exit 2).
- `path` is the document's path relative to the baseline file's folder, with "/" separators (an
  absolute path when the document lies outside that folder).
- `rule_id` and `text` are the finding's rule and offending words. No line numbers or locations
  are kept, so an edit elsewhere in the document does not break the match. The score findings
  (ER201 reading ease, ER202 grade) are kept with an empty text: they match whatever the score
  now is, since any edit moves it.
- Each entry matches one finding: a document that had one long sentence and now has two of the
  same words shows the second.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import replace
from pathlib import Path

from easyread.checks.findings import DocumentReport, Finding
from easyread.errors import UsageError

BASELINE_MARK = "easyread check --baseline"
BASELINE_VERSION = 1
SCORE_RULES = frozenset({"ER201", "ER202"})  # document scores: matched by rule alone

Key = tuple[str, str, str]


def _document_path(path: Path, baseline: Path) -> str:
    folder = Path(os.path.abspath(baseline)).parent
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(folder).as_posix()
    except ValueError:
        return absolute.as_posix()


def finding_key(path: Path, finding: Finding, baseline: Path) -> Key:
    """What identifies `finding` of the document at `path` in the baseline at `baseline`:
    (document path relative to the baseline's folder, rule id, text or "" for a score)."""
    text = "" if finding.rule_id in SCORE_RULES else finding.text
    return (_document_path(path, baseline), finding.rule_id, text)


def write_baseline(reports: list[DocumentReport], baseline: Path) -> int:
    """Record every finding of `reports` in a new baseline file at `baseline`; returns how many.
    Raises OutputError (exit 2) when the file cannot be written."""
    from easyread.atomic import write_text_atomic

    keys = [finding_key(report.path, f, baseline) for report in reports for f in report.findings]
    payload = {"made_by": BASELINE_MARK, "version": BASELINE_VERSION,
               "findings": [{"path": path, "rule_id": rule_id, "text": text} for path, rule_id, text in keys]}
    write_text_atomic(baseline, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return len(keys)


def read_baseline(baseline: Path) -> Counter[Key]:
    """The findings a baseline file records, each key counted as often as it is recorded.
    Raises UsageError (exit 2, one line naming the file) when it is unreadable or not a baseline."""
    try:
        payload = json.loads(baseline.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(baseline, f"cannot read the baseline ({error.strerror or error})") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(baseline, "is not an easyread baseline (not JSON); delete it to record a new one") from None
    if not isinstance(payload, dict) or payload.get("made_by") != BASELINE_MARK:
        raise UsageError(baseline, "is not an easyread baseline (no easyread mark); delete it to record a new one")
    if payload.get("version") != BASELINE_VERSION:
        raise UsageError(baseline, f"is a baseline of an unknown version ({payload.get('version')!r})")
    entries = payload.get("findings")
    if not isinstance(entries, list) or not all(
            isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "rule_id", "text"))
            for e in entries):
        raise UsageError(baseline, "is a corrupt easyread baseline (each finding needs a path, rule_id and text)")
    return Counter((e["path"], e["rule_id"], e["text"]) for e in entries)


def apply_baseline(reports: list[DocumentReport], known: Counter[Key],
                   baseline: Path) -> tuple[list[DocumentReport], int]:
    """`reports` without the findings `known` records (each entry used once), and how many were left out."""
    remaining = Counter(known)
    matched = 0
    kept_reports: list[DocumentReport] = []
    for report in reports:
        kept: list[Finding] = []
        for finding in report.findings:
            key = finding_key(report.path, finding, baseline)
            if remaining[key] > 0:
                remaining[key] -= 1
            else:
                kept.append(finding)
        known_here = len(report.findings) - len(kept)
        matched += known_here
        kept_reports.append(replace(report, findings=kept, baselined=report.baselined + known_here))
    return kept_reports, matched


def use_baseline(reports: list[DocumentReport], baseline: Path) -> tuple[list[DocumentReport], str]:
    """`reports` less the findings the baseline at `baseline` records, and a line for standard
    error saying what happened. A baseline that does not exist yet is written first, from these
    reports, so that this run has no new findings. Raises UsageError/OutputError (exit 2)."""
    if not os.path.lexists(baseline):
        count = write_baseline(reports, baseline)
        kept, _ = apply_baseline(reports, read_baseline(baseline), baseline)
        return kept, f"wrote the baseline {baseline} with {count} finding{'s' if count != 1 else ''}"
    kept, matched = apply_baseline(reports, read_baseline(baseline), baseline)
    return kept, f"{matched} finding{'s' if matched != 1 else ''} matched the baseline {baseline} (not shown)"
