"""Judge whether converting real documents loses facts, and whether the tool's warnings are right.

Converts every document in ../shared/realworld/ (beside the repository; or the folder given as the
first argument) with the default offline `rules` backend, and prints one row a document:

    parts      every part of the source in the tool's ledger: title, headings, blocks, parts set aside
    no item    parts that gave no item (set aside), with their reasons below the table
    unexpl.    of those, parts with no known reason (the ledger's "gave no item, ...")
    facts      facts in the title, the headings and the blocks that gave items, found by this
               benchmark's own rules (independent_facts.py; parts set aside are not counted)
    missing    facts of a part not found in the items whose `source` names it (for a heading: in the
               Easy Read headings or those items; for the title: in the Easy Read title or headings)
    moved      of the missing facts, those written somewhere else in the Easy Read version
    lost       missing facts the tool did not warn about (a warning matches by location, and by the
               fact's key or its letters and digits)
    warned     the tool's own warnings (ConversionResult.missing_facts)
    wrong      warnings whose fact this benchmark finds in the items of that part, or does not count
               as a fact there (a false alarm)
    added      facts in an item that are in none of the source parts it names (a changed or made-up
               fact; items of the gathered "How to contact us" page are copies and not counted)

A fact must be whole within one item: "on 11th March." followed by "2026 at 7pm." has lost the
date's year. A part set aside as "the same as" another must hold no fact the other lacks; one that
does counts as lost. Facts in other parts set aside are listed for a person to check the reason.

Then one line for each lost fact and each wrong warning, with the source text around it and the
text of the items, so a person can check the judgement. A refused document (easyread.errors) is
listed with its reason. With no folder, it says so and exits 0. Run from the repository root:
`python benchmarks/fidelity.py [FOLDER] [--keep OUTPUT_FOLDER]` (--keep writes the Easy Read
Markdown and JSON plan there for checking by eye).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from fact_forms import FactBag
from independent_facts import Fact, extract_facts, strip_section_number

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this worktree's easyread, not an installed copy
DEFAULT_FOLDER = ROOT.parent / "shared" / "realworld"
CONTACT_HEADING = "How to contact us"  # the page the tool gathers from copies of earlier items
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".md", ".txt", ".html", ".htm"}


@dataclass
class Finding:
    """A fact for a person to check: lost without a warning, warned about wrongly, or added."""

    document: str
    location: str
    what: str  # "lost", "lost (set aside as a repeat)", "wrong warning (why)" or "added"
    kind: str
    fact: str
    moved: bool
    source: str  # the source text around the fact
    items: str  # the text of the items made from the part


@dataclass
class Figures:
    """One document's row of the table."""

    name: str
    refused: str = ""
    parts: int = 0
    no_item: Counter[str] = field(default_factory=Counter)
    unexplained: int = 0
    facts: int = 0
    missing: int = 0
    moved: int = 0
    lost: int = 0
    warned: int = 0
    wrong: int = 0
    added: int = 0
    not_rendered: int = 0  # items whose sentence is not in the Easy Read Markdown
    set_aside_facts: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _reason(reason: str) -> str:
    return "a repeat" if reason.startswith("the same as") else reason.split(":")[0] if len(reason) > 40 else reason


def _same_fact(fact: Fact, warning_text: str) -> bool:
    """Whether a tool warning's text names `fact`: the same key by our rules, or the same letters
    and digits (the tool may cut a fact differently: "12 June" of "12-13 June 2024")."""
    if any(other.key == fact.key for other in extract_facts(warning_text)):
        return True
    mine, theirs = (re.sub(r"[^0-9a-z]", "", text.lower()) for text in (fact.text, warning_text))
    if not mine or not theirs:
        return False
    return mine == theirs or (min(len(mine), len(theirs)) >= 4 and (mine in theirs or theirs in mine))


def _most_exact_first(fact: Fact) -> tuple[bool, bool]:
    """Numbers (which any digits may answer) and dates without a year last, so that a place in the
    items answers first for the fact that needs it most."""
    return fact.kind == "number", fact.kind == "date" and fact.key[0] is None


def _around(text: str, fact: Fact, width: int = 60) -> str:
    start, end = max(0, fact.start - width), fact.end + width
    return ("..." if start else "") + text[start:end].replace("\n", " ") + ("..." if end < len(text) else "")


def _short(text: str, limit: int = 400) -> str:
    text = text.replace("\n", " / ")
    return text if len(text) <= limit else text[:limit] + "..."


def _own_sections(document) -> list:  # type: ignore[no-untyped-def]
    """The Easy Read sections without the gathered "How to contact us" page when its items are
    copies of earlier ones: copies neither add a fact nor hide a lost one."""
    sections = list(document.sections)
    earlier = {(item.sentence, tuple(item.source)) for section in sections[:-1] for item in section.items}
    if sections and sections[-1].heading == CONTACT_HEADING and all(
            (item.sentence, tuple(item.source)) in earlier for item in sections[-1].items):
        return sections[:-1]
    return sections


def judge(name: str, result) -> Figures:  # type: ignore[no-untyped-def]
    """The figures of one easyread ConversionResult: facts per part, missing, lost, wrongly warned
    and added, with a Finding for each fact a person should check."""
    document = result.document
    sections = _own_sections(document)
    said: dict[str, list[str]] = defaultdict(list)
    for section in sections:
        for item in section.items:
            for location in item.source:
                said[location].append(item.sentence)
    headings = [section.heading for section in sections]
    whole = FactBag.of("\n".join([document.title, *headings, *(i.sentence for s in sections for i in s.items)]))
    warnings: dict[str, list] = defaultdict(list)
    for warning in result.missing_facts:
        warnings[warning.location].append(warning)
    figures = Figures(name, parts=len(document.ledger), warned=len(result.missing_facts))
    checked: dict[str, tuple[list[Fact], FactBag, str]] = {}
    text_at = {entry.location: entry.text for entry in document.ledger}
    matched: set[int] = set()
    for entry in document.ledger:
        if entry.use == "set aside":
            figures.no_item[_reason(entry.reason)] += 1
            figures.unexplained += entry.reason.startswith("gave no item")
            _check_set_aside(entry, text_at, figures)
            continue
        if entry.use == "title":
            text, easy = strip_section_number(entry.text), [document.title, *headings, *said[entry.location]]
        elif entry.use == "heading":
            text, easy = strip_section_number(entry.text), [*headings, *said[entry.location]]
        else:
            text, easy = entry.text, said[entry.location]
        facts, bag = extract_facts(text), FactBag.of("\n".join(easy))
        checked[entry.location] = (facts, bag, entry.text)
        figures.facts += len(facts)
        used: set[tuple[int, str, int]] = set()
        for fact in sorted(facts, key=_most_exact_first):
            if bag.has(fact, used):
                continue
            moved = whole.has(fact)
            figures.missing += 1
            figures.moved += moved
            hits = [w for w in warnings[entry.location] if _same_fact(fact, w.text)]
            matched |= {id(w) for w in hits}
            if not hits:
                figures.lost += 1
                figures.findings.append(Finding(name, entry.location, "lost", fact.kind, fact.text, moved,
                                                _around(text, fact), _short("\n".join(easy))))
    _check_wrong_warnings([w for w in result.missing_facts if id(w) not in matched], checked, figures)
    _check_added(name, sections, text_at, figures)
    return figures


def _check_wrong_warnings(unmatched: list, checked: dict[str, tuple[list[Fact], FactBag, str]],
                          figures: Figures) -> None:
    """Each tool warning that names no fact found missing here is a false alarm; say why."""
    for warning in unmatched:
        figures.wrong += 1
        facts, bag, text = checked.get(warning.location, ([], FactBag.of(""), ""))
        if warning.location not in checked:
            why = "on a part set aside"
        elif any(_same_fact(fact, warning.text) for fact in facts):
            why = "the fact is in its items"
        else:
            why = "not a fact by our rules"
        figures.findings.append(Finding(figures.name, warning.location, f"wrong warning ({why})", warning.kind,
                                        warning.text, False, _short(text, 160), _short(bag.text)))


def _check_set_aside(entry, text_at: dict[str, str], figures: Figures) -> None:  # type: ignore[no-untyped-def]
    """A repeat must hold no fact its original lacks (else the fact is lost); facts in other parts
    set aside are noted for a person to check the reason."""
    facts = extract_facts(entry.text)
    if entry.reason.startswith("the same as "):
        original = text_at.get(entry.reason.removeprefix("the same as "), "")
        for fact in facts:
            if not FactBag.of(original).has(fact):
                figures.missing += 1
                figures.lost += 1
                figures.findings.append(Finding(figures.name, entry.location, "lost (set aside as a repeat)",
                                                fact.kind, fact.text, False, _around(entry.text, fact),
                                                f"original: {_short(original)}"))
    elif facts:
        shown = ", ".join(f"{fact.kind} '{fact.text}'" for fact in facts)
        figures.set_aside_facts.append(f"{entry.location} ({entry.reason}): {shown}")


def _check_added(name: str, sections, text_at: dict[str, str], figures: Figures) -> None:  # type: ignore[no-untyped-def]
    """Facts in an item that none of the source parts it names holds."""
    for section in sections:
        for item in section.items:
            origin = FactBag.of("\n".join(text_at.get(location, "") for location in item.source))
            for fact in extract_facts(item.sentence):
                if not origin.has(fact):
                    figures.added += 1
                    figures.findings.append(Finding(name, ", ".join(item.source), "added", fact.kind, fact.text, False,
                                                    _short(origin.text), item.sentence))


def convert_all(folder: Path, keep: Path | None) -> list[Figures]:
    """Convert each document in `folder` with the rules backend and judge it; refusals included."""
    from easyread.errors import EasyReadError
    from easyread.pipeline import convert

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        output = keep or Path(scratch)
        output.mkdir(parents=True, exist_ok=True)
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            try:
                result = convert(path, output, backend="rules", formats=("json", "md"))
            except EasyReadError as error:
                rows.append(Figures(path.name, refused=error.reason))
                continue
            figures = judge(path.name, result)
            markdown = result.outputs["md"].read_text(encoding="utf-8")
            shown = re.sub(r"\\(.)", r"\1", markdown.replace("**", ""))  # bold marks and escapes
            figures.not_rendered = sum(item.sentence not in shown for item in result.document.items())
            rows.append(figures)
    return rows


COLUMNS = ("parts", "no item", "unexpl.", "facts", "missing", "moved", "lost", "warned", "wrong", "added")


def print_report(rows: list[Figures]) -> None:
    """The table, the totals, the reasons for parts with no item, then each finding."""
    width = max(len(row.name) for row in rows)
    print(f"{'document':<{width}}  " + "  ".join(f"{c:>7}" for c in COLUMNS))
    totals = Counter()
    for row in rows:
        if row.refused:
            print(f"{row.name:<{width}}  refused: {row.refused}")
            continue
        values = (row.parts, sum(row.no_item.values()), row.unexplained, row.facts, row.missing, row.moved,
                  row.lost, row.warned, row.wrong, row.added)
        totals.update(dict(zip(COLUMNS, values, strict=True)))
        print(f"{row.name:<{width}}  " + "  ".join(f"{v:>7}" for v in values))
    print(f"{'total':<{width}}  " + "  ".join(f"{totals[c]:>7}" for c in COLUMNS))
    print("\nParts with no item, by reason:")
    for row in rows:
        if row.no_item:
            print(f"  {row.name}: " + ", ".join(f"{n} {reason}" for reason, n in row.no_item.most_common()))
    print("\nFacts in parts set aside (not repeats), for a person to check the reason:")
    for row in rows:
        for line in row.set_aside_facts:
            print(f"  {row.name} | {line}")
    unrendered = sum(row.not_rendered for row in rows)
    print(f"\nItems whose sentence is not in the Easy Read Markdown: {unrendered}")
    findings = [finding for row in rows for finding in row.findings]
    print(f"\nFacts lost without a warning, wrong warnings and added facts ({len(findings)}):")
    for f in findings:
        moved = " (moved: elsewhere in the Easy Read version)" if f.moved else ""
        print(f"- {f.document} | {f.location} | {f.what} | {f.kind} '{f.fact}'{moved}\n"
              f"    source: {f.source}\n    items:  {f.items or '(no items name this part)'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--keep", type=Path, help="write the Easy Read Markdown and JSON plans here")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"skipped: no folder of real documents at {args.folder}")
        return 0
    started = time.perf_counter()
    rows = convert_all(args.folder, args.keep)
    if not rows:
        print(f"no documents in {args.folder}")
        return 0
    print_report(rows)
    refused = sum(bool(row.refused) for row in rows)
    print(f"\n{len(rows)} documents ({refused} refused) converted and judged in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
