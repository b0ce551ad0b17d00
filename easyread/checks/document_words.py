"""The per-document part of the word rules: what the whole document tells about its words, and
one finding per word instead of one per use.

- Names: a word the document writes with a capital inside a sentence ("the Intelife team"),
  inside a name ("Rhiannon Jones"), with a possessive ("Oxfordshire’s"), or a capitalised word
  no dictionary knows that the document never writes in lower case ("Socitm"), is a name
  everywhere in the document, also where it starts a sentence. Names are not hard words.
- Explained words: the `term` of each "glossary" unit (a line of our Hard words page), and
  acronyms the text writes out ("Department for Work and Pensions (DWP)"). These are not hard
  words, double meanings or unexplained acronyms anywhere in the document.
- Another language: a unit or sentence in Welsh or French gets no English rule findings.
- Numbering: big numbers that run on (2779, 2780, 2781) number minutes or agenda items; they
  are not amounts to round.
- Once per document: hard words (ER111), double meanings (ER112) and unexplained acronyms (ER114)
  are reported once each, at their first place, with how many times the document uses them. The
  rule is to explain a word the first time (Department of Health 2010, *Making written
  information easier to understand*); the same advice 40 times over is noise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from easyread.checks.findings import Finding
from easyread.checks.text_rules import defined_acronyms
from easyread.checks.units import TextUnit
from easyread.language.names import name_spans

ONCE_PER_DOCUMENT = ("ER111", "ER112", "ER114")
_CAPITALISED = re.compile(r"(?<![\w@#'’-])([A-Z][a-z]+)(?:(['’]s)\b)?")
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{3,}")


@dataclass(frozen=True)
class DocumentWords:
    """What one document says about its words; all sets hold lower-case words, except `acronyms`."""

    names: frozenset[str]
    explained: frozenset[str]
    acronyms: frozenset[str]


def _unknown_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") == 0


def document_words(units: Iterable[TextUnit], all_text: str = "") -> DocumentWords:
    """Names, explained words and written-out acronyms of a document read as `units`.

    `all_text` is searched for written-out acronyms too (the document's text as read, which may
    hold more than the units). "front" units (our own title page lines) tell nothing.
    """
    names: set[str] = set()
    sentence_starts: set[str] = set()
    lower_seen: set[str] = set()
    explained: set[str] = set()
    texts: list[str] = [all_text]
    for unit in units:
        if unit.kind == "front":
            continue
        texts.append(unit.text)
        if unit.kind == "glossary" and unit.term:
            explained.add(unit.term.strip().lower())
        for start, end in name_spans(unit.text):
            names.update(word.lower() for word in re.findall(r"[A-Z][a-z]+", unit.text[start:end]))
        lower_seen.update(_LOWER.findall(unit.text))
        for match in _CAPITALISED.finditer(unit.text):
            word = match.group(1)
            before = unit.text[:match.start()].rstrip(" \t\"“‘'(")
            if match.group(2) or (re.search(r"[A-Za-z0-9,]$", before) and not unit.is_heading):
                names.add(word.lower())  # inside a sentence, or with a possessive
            elif not before or before[-1] in ".!?:;•-–—":
                sentence_starts.add(word)
    names.update(word.lower() for word in sentence_starts
                 if word.lower() not in lower_seen and _unknown_word(word.lower()))
    return DocumentWords(frozenset(names), frozenset(explained), defined_acronyms("\n".join(texts)))


def is_foreign(text: str) -> bool:
    """Whether `text` is written in a language other than English (language.languages.detect_language),
    so that the English word and sentence rules do not apply to it."""
    from easyread.language.languages import detect_language

    return detect_language(text) is not None


MIN_NUMBERING_RUN = 3  # 3 big numbers in a row (2779, 2780, 2781) number items: minutes, agenda items


def without_item_numbers(findings: list[Finding], text: str) -> list[Finding]:
    """`findings` without the big numbers (ER123) that number the items of the document `text`:
    whole numbers in a run of MIN_NUMBERING_RUN or more consecutive values in it ("2779. Police
    report", "2780. Public forum", "2781. Apologies"), as council minutes number their items."""
    values = {int(number) for number in re.findall(r"(?<![\d,.])\d{3,6}(?![\d,])", text)}
    numbering = set()
    for value in values:
        if value - 1 not in values:  # the start of a run
            run = [value]
            while run[-1] + 1 in values:
                run.append(run[-1] + 1)
            if len(run) >= MIN_NUMBERING_RUN:
                numbering.update(run)
    return [f for f in findings if not (f.rule_id == "ER123" and f.text.isdigit() and int(f.text) in numbering)]


def once_per_document(findings: Iterable[Finding]) -> list[Finding]:
    """`findings` with each word of ONCE_PER_DOCUMENT rules kept once, at its first place, in order
    (a plural counts as its singular: "sills" is "sill"); a word used more than once says so in its
    suggestion ("Used 4 times; this is the first.")."""
    kept: list[Finding] = []
    first: dict[tuple[str, str], int] = {}
    counts: dict[tuple[str, str], int] = {}
    for finding in findings:
        if finding.rule_id not in ONCE_PER_DOCUMENT:
            kept.append(finding)
            continue
        lower = finding.text.lower()
        key = (finding.rule_id, lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower)  # "sills" = "sill"
        counts[key] = counts.get(key, 0) + 1
        if key not in first:
            first[key] = len(kept)
            kept.append(finding)
    for key, index in first.items():
        if counts[key] > 1:
            finding = kept[index]
            kept[index] = replace(finding, suggestion=f"{finding.suggestion} Used {counts[key]} times; this is the first.")
    return kept
