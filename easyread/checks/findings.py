"""What a check finds: a rule broken at a place, with the offending text and a suggestion."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from easyread.checks.metrics import Metrics
from easyread.checks.registry import rule


@dataclass(frozen=True)
class Finding:
    rule_id: str
    location: str  # "line 12", "paragraph 4", "page 2", or "document"
    text: str  # the offending words
    suggestion: str
    line: int | None = None  # a line number when the format has lines, for CI annotations
    level: str | None = None  # "error" or "warning" when the profile sets it (checks.verdict), else the rule's

    @property
    def rule_name(self) -> str:
        return rule(self.rule_id).name

    @property
    def severity(self) -> str:
        return self.level or rule(self.rule_id).severity

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["level"]  # given as "severity"
        data.update(rule_name=self.rule_name, severity=self.severity)
        return data


@dataclass
class DocumentReport:
    """The outcome of checking one document."""

    path: Path
    metrics: Metrics | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # set when the document could not be read
    fail_on: str = "error"  # "error": error findings fail the document; "warning": any finding does
    baselined: int = 0  # findings left out because a baseline records them (checks.baseline)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def failing(self) -> list[Finding]:
        """The findings that make the document fail: its errors, or every finding with `fail_on="warning"`."""
        return list(self.findings) if self.fail_on == "warning" else self.errors

    @property
    def passed(self) -> bool:
        return self.error is None and not self.failing

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "passed": self.passed,
            "error": self.error,
            "metrics": self.metrics.as_dict() if self.metrics else None,
            "findings": [f.as_dict() for f in self.findings],
        }
