"""What decides whether a checked document passes: the score thresholds and how long sentences count.

The thresholds come from the settings (a check profile, data/check_profiles.toml, unless given
explicitly). ER201 and ER202 judge the whole document's scores; ER101 (a sentence over
`max_sentence_words`) is an error under `strict` and a warning under `default`, because every
human-made Easy Read document of the calibration set has such sentences (benchmarks/calibration.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from easyread.checks.findings import Finding
from easyread.checks.metrics import Metrics
from easyread.checks.units import TextUnit
from easyread.config import Settings


def scored_texts(units: Iterable[TextUnit]) -> list[str]:
    """The texts whose sentences are scored: body units only (headings, Hard words lines and our
    own title-page lines are checked but not scored), each a unit of `metrics.measure_units`."""
    return [unit.text for unit in units if unit.kind == "body"]


def with_levels(findings: Iterable[Finding], settings: Settings) -> list[Finding]:
    """`findings` with each ER101 (sentence too long) at the level `settings.long_sentence` gives."""
    from dataclasses import replace

    return [replace(f, level=settings.long_sentence) if f.rule_id == "ER101" else f for f in findings]


def threshold_findings(metrics: Metrics, settings: Settings) -> list[Finding]:
    """ER201 when reading ease is below `min_reading_ease`, ER202 when the grade is above `max_grade`."""
    where = f"the {settings.profile} profile" if not settings.explicit & {"min_reading_ease", "max_grade"} else \
        "the settings"
    found: list[Finding] = []
    if metrics.flesch_reading_ease < settings.min_reading_ease:
        found.append(Finding("ER201", "document", f"Flesch Reading Ease {metrics.flesch_reading_ease:g}",
                             f"Needs {settings.min_reading_ease:g} or more ({where}): shorter sentences, "
                             "shorter words."))
    if metrics.flesch_kincaid_grade > settings.max_grade:
        found.append(Finding("ER202", "document", f"Flesch-Kincaid grade {metrics.flesch_kincaid_grade:g}",
                             f"Needs {settings.max_grade:g} or less ({where}): shorter sentences, shorter words."))
    return found
