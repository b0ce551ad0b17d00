"""SARI, the text simplification score of Xu et al. (2016), at corpus level as the EASSE toolkit reports it.

Source: Xu, Napoles, Pavlick, Chen and Callison-Burch, "Optimizing Statistical Machine Translation
for Text Simplification", TACL 4 (2016), section 4.1; corpus-level aggregation as described for
EASSE (Alva-Manchego et al., "EASSE: Easier Automatic Sentence Simplification Evaluation", 2019).
Written from those descriptions; no code was copied. Nothing here imports easyread.

SARI compares a system's output O with the input I and the references R, for n-grams of 1 to 4
words, on three operations:

    add     n-grams in O and not in I (as sets); correct when some reference has them.
            precision = correct / added by O, recall = correct / n-grams the references add
    keep    n-grams of I that O keeps, counted min(count in I, count in O), each count multiplied
            by the number of references; correct up to the count in all references together.
            precision = correct / kept by O, recall = correct / min(count in I, count in refs)
    delete  n-grams of I that O drops (count in I minus count in O), correct up to the count
            the references drop (count in I minus count in refs); recall = correct / dropped by
            the references

The counts of each operation and n are summed over the corpus; then add and keep give an F1 each,
averaged over n = 1..4, and so does delete: its F1 by default (`deletion="f1"`, what EASSE's
corpus_sari does unless told otherwise, and what reproduces its published ASSET test figures:
ACCESS 40.13), or its precision alone (`deletion="precision"`, the paper's choice, which argues
deletion recall rewards over-deletion; ACCESS scores 46.39 that way). SARI = 100 x (add + keep +
delete) / 3. A ratio with a zero denominator is 0, as in EASSE (so copying the input scores 0 on
add and delete, 20.73 in all on the ASSET test set).

Text is lowercased and tokenised like sacrebleu's "13a" tokeniser (the rules of the WMT script
mteval-v13a.pl, restated in `tokenize_13a`), which is EASSE's default.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

NGRAM_ORDER = 4

# mteval-v13a.pl's tokenisation, in its order: punctuation symbols always split off; "." and ","
# split unless between digits; "-" split after a digit.
_SYMBOLS = re.compile(r"([{-~\[-` -&(-+:-@/])")
_PERIOD_COMMA_AFTER = re.compile(r"([^0-9])([.,])")
_PERIOD_COMMA_BEFORE = re.compile(r"([.,])([^0-9])")
_DASH_AFTER_DIGIT = re.compile(r"([0-9])(-)")
_ENTITIES = (("&quot;", '"'), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"))


def tokenize_13a(text: str) -> list[str]:
    """The tokens of `text` by the rules of mteval-v13a.pl (sacrebleu's "13a"); no lowercasing.

    >>> tokenize_13a("It costs £3.50, (or 4).")
    ['It', 'costs', '£3.50', ',', '(', 'or', '4', ')', '.']
    """
    text = text.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in text:
        for entity, character in _ENTITIES:
            text = text.replace(entity, character)
    text = f" {text} "
    text = _SYMBOLS.sub(r" \1 ", text)
    text = _PERIOD_COMMA_AFTER.sub(r"\1 \2 ", text)
    text = _PERIOD_COMMA_BEFORE.sub(r" \1 \2", text)
    text = _DASH_AFTER_DIGIT.sub(r"\1 \2 ", text)
    return text.split()


def normalise(text: str) -> list[str]:
    """Lowercased 13a tokens, the form SARI compares."""
    return tokenize_13a(text.lower())


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of `tokens` (tuples of n tokens)."""
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass
class _Tally:
    """Correct, system total and reference total for one operation, one entry per n."""

    correct: list[float] = field(default_factory=lambda: [0.0] * NGRAM_ORDER)
    system: list[float] = field(default_factory=lambda: [0.0] * NGRAM_ORDER)
    reference: list[float] = field(default_factory=lambda: [0.0] * NGRAM_ORDER)

    def precision(self, n: int) -> float:
        return self.correct[n] / self.system[n] if self.system[n] else 0.0

    def recall(self, n: int) -> float:
        return self.correct[n] / self.reference[n] if self.reference[n] else 0.0

    def f1(self, n: int) -> float:
        p, r = self.precision(n), self.recall(n)
        return 2 * p * r / (p + r) if p + r else 0.0


def _scaled(counts: Counter[tuple[str, ...]], factor: int) -> Counter[tuple[str, ...]]:
    return Counter({gram: count * factor for gram, count in counts.items()})


@dataclass(frozen=True)
class SariScore:
    """SARI and its three parts, each 0-100."""

    sari: float
    add: float
    keep: float
    delete: float


def corpus_sari(sources: Sequence[str], outputs: Sequence[str], references: Sequence[Sequence[str]],
                deletion: Literal["f1", "precision"] = "f1") -> SariScore:
    """Corpus-level SARI of `outputs` against `sources` and `references` (0-100).

    `references` is one list per reference set, each line-aligned with `sources` (as ASSET's
    simp.0 ... simp.9 files), so references[k][i] is the k-th reference of sentence i. `deletion`
    picks how the delete operation scores (see the module's docstring). Raises ValueError when
    the lengths differ, there is no reference set, or `deletion` is neither "f1" nor "precision".
    """
    if not references:
        raise ValueError("SARI needs at least one set of references")
    if deletion not in ("f1", "precision"):
        raise ValueError(f"deletion is 'f1' or 'precision', not {deletion!r}")
    if len(outputs) != len(sources) or any(len(refs) != len(sources) for refs in references):
        raise ValueError(f"lengths differ: {len(sources)} sources, {len(outputs)} outputs, "
                         f"references {[len(refs) for refs in references]}")
    add, keep, delete = _Tally(), _Tally(), _Tally()
    for i, source in enumerate(sources):
        source_tokens, output_tokens = normalise(source), normalise(outputs[i])
        reference_tokens = [normalise(refs[i]) for refs in references]
        _count_sentence(source_tokens, output_tokens, reference_tokens, add, keep, delete)
    add_score = sum(add.f1(n) for n in range(NGRAM_ORDER)) / NGRAM_ORDER
    keep_score = sum(keep.f1(n) for n in range(NGRAM_ORDER)) / NGRAM_ORDER
    delete_measure = delete.f1 if deletion == "f1" else delete.precision
    delete_score = sum(delete_measure(n) for n in range(NGRAM_ORDER)) / NGRAM_ORDER
    return SariScore(100 * (add_score + keep_score + delete_score) / 3, 100 * add_score, 100 * keep_score,
                     100 * delete_score)


def _count_sentence(source: list[str], output: list[str], references: list[list[str]],
                    add: _Tally, keep: _Tally, delete: _Tally) -> None:
    """Add one sentence's n-gram counts for each operation to the corpus tallies."""
    count = len(references)
    for n in range(NGRAM_ORDER):
        in_source, in_output = ngrams(source, n + 1), ngrams(output, n + 1)
        in_refs: Counter[tuple[str, ...]] = Counter()
        for reference in references:
            in_refs.update(ngrams(reference, n + 1))
        # add: sets of n-grams
        added = set(in_output) - set(in_source)
        add.correct[n] += len(added & set(in_refs))
        add.system[n] += len(added)
        add.reference[n] += len(set(in_refs) - set(in_source))
        # keep and delete: counts, the source's and the output's scaled by the number of references
        source_scaled, output_scaled = _scaled(in_source, count), _scaled(in_output, count)
        kept = source_scaled & output_scaled
        keep.correct[n] += sum((kept & in_refs).values())
        keep.system[n] += sum(kept.values())
        keep.reference[n] += sum((source_scaled & in_refs).values())
        deleted = source_scaled - output_scaled
        references_delete = source_scaled - in_refs
        delete.correct[n] += sum((deleted & references_delete).values())
        delete.system[n] += sum(deleted.values())
        delete.reference[n] += sum(references_delete.values())
