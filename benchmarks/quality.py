"""How good is the rules backend's Easy Read? Measured apart from the code that makes it.

Prints one table a group of inputs, each skipped when its folder is not there:

    asset      SARI (sari.py, Xu et al. 2016 as EASSE scores it) on the ASSET test set in
               ../shared/eval/asset/: first a self-check (copying the source must give 20.73 and
               the published ACCESS output 40.13, within 1.0), then the rules backend, run on each
               test sentence alone (one Section of one Block through RulesBackend.simplify; its
               items joined by a space). Also the grade and words per sentence of each.
    seeds      seeds/ of this repository, converted with `rules`
    realworld  ../shared/realworld/, converted with `rules`
    pairs _0   the source halves ../shared/easyread-pairs/*_0.pdf, converted with `rules`
    pairs _1   the human-made Easy Read halves *_1.pdf, read (not converted): each block an item.
               The baseline for the grammar check, which rejects some good sentences
    news       ../shared/samples/*.txt, converted with `rules`

Per document: items; "not sent." the share of items that are not complete sentences by the CMU
Link Grammar parser (completeness.py; skipped with a note when Debian's python3-link-grammar is
not installed); ". items" the items that end like a sentence (. ! or ?) and the share of those
that are not complete (the rules backend ends every item with a full stop, people often leave
headings and list items without one); words per sentence and the line-aware grade (readable.py: each item one sentence);
facts in the source and the share kept in the Easy Read items, with facts lost without a warning
(the fidelity benchmark's own fact rules, independent_facts.py: no easyread fact code); the share
of items carrying any review flag. A last row per group adds up its documents; under it, the items
carrying each kind of flag (an item with two kinds counts under both).

Outputs kept in --out (default easyread-quality in the system temporary folder, outside the repository): the Easy Read
text of each document (<group>/<name>.txt: headings as "## ...", one item a line, flags after
"  [" ), the items the parser rejected with why (<group>/rejected.tsv), the rules backend's
ASSET output (asset/rules.test.txt), the table (table.txt) and the parser's verdicts
(link-grammar-cache.json, reused on the next run). Run from the repository root:
`python benchmarks/quality.py [--out FOLDER] [--only asset,seeds,realworld,pairs,news]
[--shared FOLDER] [--parser-python PATH]`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from completeness import SYSTEM_PYTHON, SentenceJudge, split_sentences
from readable import Readability, measure

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this worktree's easyread, not an installed copy
SHARED = ROOT.parent / "shared"
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".md", ".txt", ".html", ".htm"}
GROUPS = ("asset", "seeds", "realworld", "pairs", "news")


@dataclass
class Row:
    """One document's figures (or a group's total, named "all")."""

    name: str
    refused: str = ""
    items: int = 0
    incomplete: int | None = None  # items with a sentence the parser rejects; None when not parsed
    stopped: int = 0  # items ending with . ! or ? (a quote mark or bracket may follow)
    stopped_incomplete: int | None = None  # of those, items the parser rejects
    readability: Readability = field(default_factory=lambda: Readability(0, 0, 0))
    facts: int | None = None
    kept: int | None = None
    lost: int | None = None  # facts missing with no warning from the tool
    flagged: int | None = None
    flag_kinds: Counter[str] = field(default_factory=Counter)  # items carrying each kind of flag


def _share(part: int | None, whole: int | None) -> str:
    return "-" if part is None or not whole else f"{100 * part / whole:.0f}%"


def document_paths(folder: Path, pattern: str = "*") -> list[Path]:
    """The documents in `folder` matching `pattern`, sorted; none when the folder is absent."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(pattern) if p.suffix.lower() in DOCUMENT_SUFFIXES
                  and p.name != "README.md" and ".easyread." not in p.name)


def _sentences(items: list[str]) -> list[str]:
    """Each item's sentences (an item is at least one: line-aware), for words per sentence and grade."""
    return [sentence for item in items for sentence in (split_sentences(item) or [item])]


def _stopped(item: str) -> bool:
    """Whether an item ends like a sentence: . ! or ? (then perhaps a closing quote or bracket)."""
    return item.rstrip("\"'”’) ").endswith((".", "!", "?"))


def _grammar(row: Row, judge: SentenceJudge | None, items: list[str], rejected: list[str]) -> Row:
    """`row` with its items counted, and those with a sentence the parser rejects (each rejection
    added to `rejected`), over all items and over those that end like a sentence."""
    row.items, row.stopped = len(items), sum(_stopped(item) for item in items)
    if judge is None:
        return row
    row.incomplete = row.stopped_incomplete = 0
    for item in items:
        bad = [(sentence, verdict) for sentence, verdict in judge.judge_item(item) if not verdict.complete]
        failed = bool(bad) or not split_sentences(item)
        row.incomplete += failed
        row.stopped_incomplete += failed and _stopped(item)
        rejected.extend(f"{row.name}\t{verdict.why}\t{sentence}" for sentence, verdict in bad)
    return row


def converted_row(path: Path, out: Path, judge: SentenceJudge | None, rejected: list[str]) -> Row:
    """Convert `path` with the rules backend and measure its items; a refusal gives a row saying so."""
    from fidelity import judge as judge_facts

    from easyread.errors import EasyReadError
    from easyread.pipeline import convert

    try:
        result = convert(path, out / "converted", backend="rules", formats=("md",), force=True)
    except EasyReadError as error:
        return Row(path.name, refused=error.reason)
    items = result.document.items()
    lines = []
    for section in result.document.sections:
        lines.append(f"## {section.heading}")
        lines.extend(item.sentence + (f"  [{', '.join(item.flags)}]" if item.flags else "") for item in section.items)
    (out / f"{path.name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    sentences = [item.sentence for item in items]
    figures = judge_facts(path.name, result)
    row = Row(path.name, readability=measure(_sentences(sentences)), facts=figures.facts,
              kept=figures.facts - figures.missing + figures.moved, lost=figures.lost,
              flagged=sum(bool(item.flags) for item in items),
              flag_kinds=Counter(flag for item in items for flag in set(item.flags)))
    return _grammar(row, judge, sentences, rejected)


def joined_lines(blocks: list[str]) -> list[str]:
    """Blocks of a made-by-people PDF joined where a sentence runs on over lines: a block that does
    not end with . ! ? or : takes the next one when that starts with a small letter ("This book is
    written so it is easy to" + "read."). A sentence whose next line starts with a capital ("it
    means" + "Intelife Group.") stays cut, so this errs towards fragments on the human side."""
    items: list[str] = []
    for text in blocks:
        text = " ".join(text.split())
        if not text:
            continue
        if items and text[:1].islower() and not items[-1].endswith((".", "!", "?", ":", ".”", "?”", '."')):
            items[-1] = f"{items[-1]} {text}"
        else:
            items.append(text)
    return items


def human_row(path: Path, out: Path, judge: SentenceJudge | None, rejected: list[str]) -> Row:
    """Read a human-made Easy Read document: its blocks, joined where a sentence runs on over
    lines (`joined_lines`), each one item."""
    from easyread.errors import EasyReadError
    from easyread.readers import read_source

    try:
        source = read_source(path)
    except EasyReadError as error:
        return Row(path.name, refused=error.reason)
    items = joined_lines([block.text for block in source.blocks()])
    (out / f"{path.name}.txt").write_text("\n".join(items) + "\n", encoding="utf-8")
    return _grammar(Row(path.name, readability=measure(_sentences(items))), judge, items, rejected)


def total(rows: list[Row]) -> Row:
    """The group's row: counts added up, shares and grade from the sums."""
    done = [row for row in rows if not row.refused]

    def add(attribute: str) -> int | None:
        values = [getattr(row, attribute) for row in done]
        return None if not values or any(v is None for v in values) else sum(values)

    return Row("all", items=sum(r.items for r in done), incomplete=add("incomplete"), stopped=add("stopped") or 0,
               stopped_incomplete=add("stopped_incomplete"),
               readability=Readability(*(sum(getattr(r.readability, f) for r in done)
                                         for f in ("sentences", "words", "syllables"))),
               facts=add("facts"), kept=add("kept"), lost=add("lost"), flagged=add("flagged"),
               flag_kinds=sum((r.flag_kinds for r in done), Counter()))


HEADER = ("items", "not sent.", ". items", "not sent.", "words/s", "grade", "facts", "kept", "lost", "flagged")


def table(title: str, rows: list[Row]) -> list[str]:
    """The lines of one group's table, its total last."""
    rows = [*rows, total(rows)]
    width = max(len(row.name) for row in rows)
    lines = [f"\n{title}", f"{'document':<{width}}  " + "  ".join(f"{h:>9}" for h in HEADER)]
    for row in rows:
        if row.refused:
            lines.append(f"{row.name:<{width}}  refused: {row.refused}")
            continue
        read = row.readability
        values = (row.items, _share(row.incomplete, row.items), row.stopped,
                  _share(row.stopped_incomplete, row.stopped), f"{read.words_per_sentence:.1f}", f"{read.grade:.1f}",
                  "-" if row.facts is None else row.facts, _share(row.kept, row.facts),
                  "-" if row.lost is None else row.lost, _share(row.flagged, row.items))
        lines.append(f"{row.name:<{width}}  " + "  ".join(f"{v:>9}" for v in values))
    kinds = rows[-1].flag_kinds
    if kinds:
        lines.append("items flagged, by kind: " + ", ".join(
            f"{kind} {count} ({_share(count, rows[-1].items)})" for kind, count in kinds.most_common()))
    return lines


def document_groups(shared: Path) -> list[tuple[str, str, list[Path], bool]]:
    """(key, title, paths, converted) for each group of documents; human-made halves are read only."""
    pairs = shared / "easyread-pairs"
    return [
        ("seeds", "seeds/ (rules)", document_paths(ROOT / "seeds"), True),
        ("realworld", "realworld (rules)", document_paths(shared / "realworld"), True),
        ("pairs", "easyread-pairs *_0.pdf, sources (rules)", document_paths(pairs, "*_0.pdf"), True),
        ("pairs", "easyread-pairs *_1.pdf, made by people (read, not converted)", document_paths(pairs, "*_1.pdf"),
         False),
        ("news", "news sample (rules)", document_paths(shared / "samples", "*.txt"), True),
    ]


def _shown(lines: list[str]) -> list[str]:
    """Print `lines` now (a group's table as soon as it is done) and hand them back."""
    print("\n".join(lines), flush=True)
    return lines


def main(argv: list[str] | None = None) -> int:
    from asset_sari import asset_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "easyread-quality",
                        help="folder for the Easy Read texts, rejected sentences and the table")
    parser.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated groups of {', '.join(GROUPS)}")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the folder holding realworld/, eval/ and so on")
    parser.add_argument("--parser-python", type=Path, default=SYSTEM_PYTHON,
                        help="the Python that has Link Grammar's module (Debian's python3-link-grammar)")
    args = parser.parse_args(argv)
    wanted = {name.strip() for name in args.only.split(",") if name.strip()}
    unknown = wanted - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    args.out.mkdir(parents=True, exist_ok=True)
    judge: SentenceJudge | None = SentenceJudge(args.parser_python, cache=args.out / "link-grammar-cache.json")
    lines: list[str] = []
    why_not = judge.available()
    if why_not:
        lines += _shown([f"grammar check skipped: {why_not}"])
        judge = None
    try:
        if "asset" in wanted:
            lines += _shown(asset_report(args.shared / "eval" / "asset", args.out / "asset", judge))
        for key, title, paths, converted in document_groups(args.shared):
            if key not in wanted:
                continue
            if not paths:
                lines += _shown([f"\n{title}: skipped (no documents there)"])
                continue
            folder = args.out / ("pairs_0" if title.startswith("easyread-pairs *_0") else
                                 "pairs_1" if title.startswith("easyread-pairs *_1") else key)
            folder.mkdir(parents=True, exist_ok=True)
            rejected: list[str] = []
            group_started = time.perf_counter()
            measure_one = converted_row if converted else human_row
            rows = [measure_one(path, folder, judge, rejected) for path in paths]
            (folder / "rejected.tsv").write_text("document\twhy\tsentence\n" + "\n".join(rejected) + "\n",
                                                 encoding="utf-8")
            lines += _shown(table(f"{title}, {time.perf_counter() - group_started:.0f} s", rows))
    finally:
        if judge is not None:
            judge.close()
    lines += _shown([f"\n{time.perf_counter() - started:.0f} s; outputs in {args.out}"])
    (args.out / "table.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
