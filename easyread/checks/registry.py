"""Every Easy Read rule the checker knows, with its stable id, name, severity and what to do.

Ids never change meaning once released: tools and `ignore` lists refer to them. An "error" makes
a document fail; a "warning" is reported with a suggestion but does not fail the check. The
severity here is the rule's own; a check profile may set ER101's (checks/verdict.py: a warning
under `default`, an error under `strict`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str  # "error" or "warning"
    summary: str


RULES: tuple[Rule, ...] = (
    Rule("ER101", "sentence-too-long", "error", "Sentences have at most 15 words (aim for 12)."),
    Rule("ER102", "more-than-one-idea", "warning", "One idea in each sentence."),
    Rule("ER103", "passive-voice", "warning", "Say who does what: active, not passive."),
    Rule("ER104", "double-negative", "warning", "Say things in a positive way."),
    Rule("ER111", "hard-word", "warning", "Use everyday words, or explain the hard word."),
    Rule("ER112", "double-meaning", "warning", "Avoid words with more than one meaning."),
    Rule("ER113", "idiom", "warning", "No idioms or figures of speech."),
    Rule("ER114", "unexplained-acronym", "warning", "Write acronyms out in full, or explain them."),
    Rule("ER115", "latin-abbreviation", "warning", "Write 'for example', not 'e.g.'; no 'i.e.' or 'etc.'."),
    Rule("ER116", "symbol-in-text", "warning", "No symbols like &, / or % in running text."),
    Rule("ER121", "percentage", "warning", "No percentages: say '3 out of 10'."),
    Rule("ER122", "fraction", "warning", "No fractions other than 'half'."),
    Rule("ER123", "big-number", "warning", "Avoid numbers over 1,000: say 'more than 1,000'."),
    Rule("ER124", "number-in-words", "warning", "Write numbers as digits: '3', not 'three'."),
    Rule("ER125", "roman-numeral", "warning", "No Roman numerals."),
    Rule("ER201", "reading-ease-too-low", "error", "Flesch Reading Ease must be at least the threshold."),
    Rule("ER202", "grade-too-high", "error", "Flesch-Kincaid grade must be at most the threshold."),
    Rule("ER301", "font-too-small", "error", "Body text at least 14 pt (16 pt preferred)."),
    Rule("ER302", "italics", "warning", "Use bold for emphasis, never italics."),
    Rule("ER303", "underlining", "warning", "Use bold for emphasis, never underlining."),
    Rule("ER304", "block-capitals", "warning", "No BLOCK CAPITALS."),
    Rule("ER305", "justified-text", "warning", "Align text to the left, never justified."),
    Rule("ER306", "too-many-items-per-page", "error", "4 or 5 sentences a page, never more than 5."),
    Rule("ER401", "fact-missing", "error", "Every fact of the source must be in the Easy Read version."),
)
BY_ID = {rule.id: rule for rule in RULES}
BY_NAME = {rule.name: rule for rule in RULES}


def rule(rule_id: str) -> Rule:
    return BY_ID[rule_id]


def resolve_ids(names_or_ids: tuple[str, ...] | list[str]) -> set[str]:
    """Rule ids for a list of ids or names ("ER101", "passive-voice"); unknown ones are ignored."""
    ids: set[str] = set()
    for entry in names_or_ids:
        entry = entry.strip()
        if entry.upper() in BY_ID:
            ids.add(entry.upper())
        elif entry.lower() in BY_NAME:
            ids.add(BY_NAME[entry.lower()].id)
    return ids


def unknown_rules(names_or_ids: tuple[str, ...] | list[str]) -> list[str]:
    return [e for e in names_or_ids if e.strip().upper() not in BY_ID and e.strip().lower() not in BY_NAME]
