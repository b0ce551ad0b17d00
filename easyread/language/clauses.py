"""Break long sentences into short ones at clause joins, and move bracketed asides out.

A sentence is split only where each side is a complete clause with a subject and a finite verb
(`clause_check`). A part is never left starting with a preposition, a relative pronoun or a
subordinating conjunction without its main clause, and nothing is cut inside a date, a name, a
quotation or a bracketed aside. Where no safe split exists the sentence stays whole: a long,
flagged sentence is better than two broken ones (issue 13).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from easyread.language.clause_check import can_stand_alone, has_condition, has_finite_verb, is_order, words_of
from easyread.language.protect import has_content
from easyread.language.sentences import word_count

TARGET_WORDS = 12
WINDOW_WORDS = 120  # no part the splitter makes from several pieces is longer: keeps the time linear


@dataclass(frozen=True)
class Join:
    """A place a sentence may be split: the pattern, the words put before the right side, and what it needs.

    `needs_subject`: the right side must have its own subject ("and you can pay" yes, "and pay" no).
    `lead_is_subject`: the lead is the right side's subject ("which is ..." becomes "This is ...").
    """

    pattern: re.Pattern[str]
    lead: str
    needs_subject: bool
    lead_is_subject: bool = False
    after_condition: bool = False  # may cut after an "if" clause: a reason is said of the whole
    # "and"-like joins: no cut after an order ("Press the button and the door opens" is a condition)
    # or inside a "that"/"which"/"who" clause ("an agreement that no action is taken and the matter
    # is closed"; with a comma before "and" the clauses are taken as two), and the right side's verb
    # must come before its first comma ("and their groups, Ann Lee, the manager, said" is the object
    # of the left side, then a report of speech).
    plain_and: bool = False
    # A bare comma join (", it was ..."): the words after the left part's last comma must hold a
    # finite verb, or they lean on the right side ("in 1996, but because of the rain, it was put off").
    clause_before: bool = False


_PRONOUN = r"(?:you|we|they|it|this|there|he|she)"
JOINS = (
    Join(re.compile(r";\s+"), "", False, after_condition=True),
    Join(re.compile(r"(?<!\d):\s+(?=[A-Za-z])"), "", True),
    Join(re.compile(r",?\s+\bbecause\s+(?!of\b)", re.IGNORECASE), "This is because", False, after_condition=True),
    Join(re.compile(r",\s+which\s+(?=(?:is|are|was|were|will|can|means|has|have|may|must|should|gives|helps)\b)",
                    re.IGNORECASE), "This", False, lead_is_subject=True),
    Join(re.compile(r",\s+but\s+", re.IGNORECASE), "But", False),
    Join(re.compile(rf",\s+as\s+(?={_PRONOUN}\b)", re.IGNORECASE), "This is because", False),
    Join(re.compile(r",?\s+\bso\s+that\s+", re.IGNORECASE), "This is so", False, after_condition=True),
    Join(re.compile(r",?\s+\bso\s+(?=(?:you|we|they|it|this|there|the|your|our|he|she)\b)", re.IGNORECASE),
         "So", False),
    Join(re.compile(r",?\s+\band\s+(?=(?:you|we|they|it|this|these|those|there|he|she|I|the|a|an|any|no|every|each"
                    r"|your|our|their|its|his|her)\b)"), "", True, plain_and=True),
    # ", it was made a town in 1850": a comma joining two complete clauses (each side is still checked)
    Join(re.compile(rf",\s+(?={_PRONOUN}\s+(?:will|must|can|should|may|need|are|is|was|were|has|have|had|would|could)\b)",
                    re.IGNORECASE), "", True, plain_and=True, clause_before=True),
    # ", and excess waste may be reported": any subject, as long as its verb comes before a comma
    # (a list "A, B, and C" has none, so is never cut).
    Join(re.compile(r",\s+and\s+(?=[a-z])"), "", True, plain_and=True),
    # "although" often opens an aside between commas ("everything we do, although we talk about IT a
    # lot, is to help"): _ASIDE_CLOSES then finds the subject's verb after the aside, and no cut is made.
    Join(re.compile(r",\s+(?:although|whereas)\s+", re.IGNORECASE), "But", False),
)
_UNFINISHED_END = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|include|includes|included|including|as|such|of|to|for|with|by|from|in|"
    r"on|at|the|a|an)[\s.,;:!?'\"”’)]*$", re.IGNORECASE)  # not \W*: a masked name is no word character
_CLAUSE_WORD = re.compile(r"\b(?:that|which|who|whom|whose)\b", re.IGNORECASE)
_ASIDE_CLOSES = re.compile(r",\s+(?:is|are|was|were|has|have|will|can|must)\b", re.IGNORECASE)


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost (bracketed) or [bracketed] aside; an unclosed bracket runs to the end."""
    spans, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            if depth == 0:
                start = index
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def kept_whole(text: str) -> list[tuple[int, int]]:
    """Spans no cut may fall inside: facts (dates, money, ...), names, quotations and bracketed asides.

    Sorted and merged, so none overlaps another (a date inside brackets is part of the brackets' span).
    """
    from easyread.language.protect import protected_spans

    merged: list[tuple[int, int]] = []
    for start, end in sorted(protected_spans(text) + _bracket_spans(text)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class _Cut:
    start: int
    end: int
    join: Join | None  # None at the sentence's start and end


def _cuts(sentence: str) -> list[_Cut]:
    """The places `sentence` may be cut, in order, none inside a span kept whole, none overlapping."""
    from bisect import bisect_right

    whole = kept_whole(sentence)
    starts = [start for start, _ in whole]
    found: list[tuple[int, int, int]] = []
    for rank, join in enumerate(JOINS):
        for match in join.pattern.finditer(sentence):
            at = bisect_right(starts, match.end()) - 1  # the spans are apart: only the last two before can meet it
            if any(start < match.end() and match.start() < end for start, end in whole[max(0, at - 1): at + 1]):
                continue
            found.append((match.start(), rank, match.end()))
    cuts: list[_Cut] = []
    for start, rank, end in sorted(found):
        if cuts and start < cuts[-1].end:
            continue
        cuts.append(_Cut(start, end, JOINS[rank]))
    return cuts


def _capitalise(text: str) -> str:
    """`text` with its first letter a capital, after any opening quote mark or bracket ("“you" -> "“You")."""
    text = text.strip()
    opening = len(text) - len(text.lstrip("“‘\"'([ "))
    return text[:opening] + text[opening : opening + 1].upper() + text[opening + 1 :]


def _end(text: str) -> str:
    text = text.strip().rstrip(",;:-–— ")
    return text if text[-1:] in ".!?" else text + "."


def _part_text(sentence: str, opening: _Cut, closing: _Cut) -> str:
    """The words between two cuts as a sentence: the opening join's lead (or a capital), an end mark."""
    body = sentence[opening.end : closing.start].strip()
    if opening.join is not None and opening.join.lead:
        lead = opening.join.lead
        if opening.join.lead_is_subject and lead == "This" and words_of(body)[:1] in (["are"], ["were"], ["have"]):
            lead = "These"  # "..., which are kept" -> "These are kept"
        return _end(f"{lead} {body}")
    return _end(_capitalise(body))


def _stands_alone(sentence: str, opening: _Cut, closing: _Cut) -> bool:
    """Whether the part between two cuts is a complete sentence, and cutting at `closing` keeps the meaning."""
    body = sentence[opening.end : closing.start]
    join = opening.join
    if closing.join is not None and not closing.join.after_condition and has_condition(body):
        return False  # "if you do not pay and you ..." : the condition may reach past the cut
    if closing.join is not None and closing.join.plain_and and (is_order(words_of(body)) or (
            _CLAUSE_WORD.search(body) and not sentence.startswith(",", closing.start))):
        return False  # "a letter that says no action is taken and the matter is closed": one clause
    if join is not None and join.plain_and and not has_finite_verb(words_of(body.split(",")[0])):
        return False
    if _ASIDE_CLOSES.search(body):
        return False  # "..., is to help": the part's subject is on the far side of a cut
    if closing.join is not None and closing.join.clause_before and not has_finite_verb(words_of(body.rsplit(",", 1)[-1])):
        return False  # "..., and according to the polls, he was": the last words belong to the right side
    if closing.join is not None and _UNFINISHED_END.search(body):
        return False  # "The ratings were: G, PG and R" : the left side needs what follows
    text = f"{join.lead} {body}" if join is not None and join.lead_is_subject else body
    return can_stand_alone(text, needs_subject=join.needs_subject if join is not None else False)


def split_long_sentence(sentence: str, target: int = TARGET_WORDS) -> list[str]:
    """`sentence` as one or more complete sentences, each as near `target` words as the joins allow.

    First cut at clause joins (`_split_at_joins`); then a part still over `target` words whose one
    subject has a ", which ..." aside loses it to a sentence of its own (`relative_aside`), and one
    whose subject has two verb phrases is split with the subject repeated (`shared_subject`).
    """
    from easyread.language.relative_aside import split_relative_aside
    from easyread.language.shared_subject import split_shared_subject

    parts: list[str] = []
    for part in _split_at_joins(sentence, target):
        pending = [part]
        while pending:
            piece = pending.pop(0)
            two = None
            if word_count(piece) > target:
                two = split_relative_aside(piece) or split_shared_subject(piece)
            if two is None:
                parts.append(piece)
            else:
                parts.append(two[0])
                pending.insert(0, two[1])
    return parts


def _split_at_joins(sentence: str, target: int = TARGET_WORDS) -> list[str]:
    """`sentence` cut at clause joins into one or more complete sentences, each near `target` words.

    Cuts go only at clause joins ("; ", ", because", ", but", "and you", ...) where both sides are
    complete clauses with a subject and a finite verb (`clause_check.can_stand_alone`), never inside
    a date, a name, a quotation or a bracketed aside, and never after a condition that could reach
    past the cut. Every word stays, in order: a join word is dropped ("and") or becomes a lead
    ("because" -> "This is because", "which is" -> "This is"). Where no safe cut exists the sentence
    comes back whole, and the caller flags it as long.

    Time grows in proportion to the length: the best set of cuts is found by dynamic programming
    over the cuts, each part at most WINDOW_WORDS words unless it is one piece between two cuts.
    """
    if word_count(sentence) <= target:
        return [sentence]
    bounds = [_Cut(0, 0, None), *_cuts(sentence), _Cut(len(sentence), len(sentence), None)]
    last = len(bounds) - 1
    if last == 1:
        return [sentence]
    words = [word_count(sentence[bounds[m].end : bounds[m + 1].start]) for m in range(last)]
    joined = [word_count(sentence[cut.start : cut.end]) for cut in bounds]  # "and", "because": kept inside a part
    led = [word_count(cut.join.lead) if cut.join is not None else 0 for cut in bounds]
    best: list[tuple[float, int] | None] = [None] * (last + 1)
    best[0] = (0.0, -1)
    for j in range(1, last + 1):
        total = 0
        for i in range(j - 1, -1, -1):
            total += words[i] + (joined[i + 1] if i + 1 < j else 0)
            if total > WINDOW_WORDS and i < j - 1:
                break
            if best[i] is None or not _stands_alone(sentence, bounds[i], bounds[j]):
                continue
            rank = JOINS.index(bounds[i].join) if bounds[i].join is not None else 0
            cost = best[i][0] + 1 + max(0, total + led[i] - target) ** 2 + rank * 0.1
            if best[j] is None or cost < best[j][0]:
                best[j] = (cost, i)
    if best[last] is None:
        return [sentence]
    chosen = [last]
    while chosen[-1] > 0:
        chosen.append(best[chosen[-1]][1])  # type: ignore[index]
    chosen.reverse()
    if len(chosen) == 2:
        return [sentence]
    return [_part_text(sentence, bounds[a], bounds[b]) for a, b in itertools.pairwise(chosen)]


SPLIT_IN_TWO_CHARACTERS = 3000  # longer text gets no suggestion (it is flagged long anyway): keeps `check` linear


def split_in_two(sentence: str) -> list[str] | None:
    """The best single split of `sentence` into two complete sentences, or None where none is safe.

    Used by `check` (rule ER102, more than one idea) to suggest a split: the same safe joins as
    `split_long_sentence`, the one nearest the middle. Text over SPLIT_IN_TWO_CHARACTERS gets None.
    """
    if len(sentence) > SPLIT_IN_TWO_CHARACTERS:
        return None
    bounds = [_Cut(0, 0, None), *_cuts(sentence), _Cut(len(sentence), len(sentence), None)]
    best: tuple[float, list[str]] | None = None
    for middle in bounds[1:-1]:
        if not (_stands_alone(sentence, bounds[0], middle) and _stands_alone(sentence, middle, bounds[-1])):
            continue
        distance = abs(middle.start - len(sentence) / 2)
        if best is None or distance < best[0]:
            best = (distance, [_part_text(sentence, bounds[0], middle), _part_text(sentence, middle, bounds[-1])])
    return best[1] if best else None




_ASIDE = re.compile(r"\s*\(([^()]{1,300})\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}s?$")
_PLURAL_IN_BRACKETS = re.compile(r"\b([A-Za-z]+)\((s|es)\)")


def move_asides(sentence: str, is_fact_only=lambda text: False) -> list[str]:  # type: ignore[no-untyped-def]
    """Take "(bracketed asides)" that are complete sentences out of a sentence into sentences of their own.

    An aside that is not a complete sentence ("(those who live in the borough)") stays in its
    brackets, next to what it belongs to: moved out it would be a fragment. Brackets are never
    deleted silently. A short aside ("(DWP)", "(see below)", "(Scotland)") or one
    that is only a fact (a phone number, a date) stays where it is, in its brackets, next to what it
    belongs to. Only an aside that repeats the word before it ("3 (3)", from "three (3)" once in
    digits) is dropped, as it says nothing new.
    """
    asides: list[str] = []
    sentence = _PLURAL_IN_BRACKETS.sub(r"\1\2", sentence)  # "item(s)" -> "items"

    def take(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        before = sentence[: match.start()].split()
        if before and before[-1] == inner:
            return ""
        if _ACRONYM.match(inner) or is_fact_only(inner) or word_count(inner) <= 2 or not can_stand_alone(inner):
            return match.group(0)
        asides.append(_end(_capitalise(inner)))
        return ""

    main = _ASIDE.sub(take, sentence).strip()
    main = re.sub(r"\s+([,.;:!?])", r"\1", main)
    if not has_content(main):
        return asides
    return [main, *asides]
