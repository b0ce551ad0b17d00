"""The offline, deterministic default backend: Easy Read by rules and word lists, no network.

For each block of a section: protect web addresses, emails and phones; expand "e.g." and "&";
write numbers as digits and dates in full; rewrite percentages; swap hard words for plain ones;
split into sentences; move bracketed asides out; break long sentences at clause joins where both
sides are complete clauses, and put "If you do not pay, ..." in Easy Read order. Then each
sentence becomes an item with a picture description, its hard words and flags for review.
"""

from __future__ import annotations

import re

from easyread.backends.table_rows import UNLABELLED_CELL, unlabelled_names
from easyread.language.case import is_block_capitals, sentence_case
from easyread.language.clauses import move_asides, split_long_sentence
from easyread.language.condition_order import action_first
from easyread.language.facts import extract_facts
from easyread.language.figurative import AMBIGUOUS_WORD, IDIOM, replace_safe_idioms
from easyread.language.hard_words import explanation_for, find_hard_words
from easyread.language.headings import without_heading_number
from easyread.language.languages import detect_language
from easyread.language.names import shouted_law_names, title_case_name
from easyread.language.numbers import (
    expand_abbreviations,
    number_words_to_digits,
    rewrite_percentages,
    write_dates_in_full,
)
from easyread.language.pictures import describe_picture
from easyread.language.plain_words import simplify_words
from easyread.language.protect import has_content, is_placeholder, mask
from easyread.language.sentences import split_sentences, word_count
from easyread.language.style import is_passive, long_sentences
from easyread.model import Block, EasySection, Item, Section
from easyread.not_english import NOT_ENGLISH_FLAG


def _is_fact_only(text: str) -> bool:
    """Whether `text` is nothing but placeholders and facts, e.g. a phone number in brackets."""
    rest = "".join(ch for ch in text if not is_placeholder(ch))
    for fact in extract_facts(rest):
        rest = rest.replace(fact.text, " ")
    return not re.search(r"[A-Za-z]{2,}", rest)


def _finish(sentence: str) -> str:
    sentence = re.sub(r"\s+", " ", sentence).strip().lstrip(",;:-–—• ").strip()
    if not sentence:
        return ""
    if not _STARTS_WITH_ADDRESS.match(sentence) and not _ENUMERATOR.match(sentence):  # "i.", "repairs@..." stay
        sentence = sentence[:1].upper() + sentence[1:]
    if sentence[-1] not in ".!?":
        sentence = sentence.rstrip(",;:") + "."
    return sentence


ADDRESS_LINE_WORDS = 5
EVERYDAY_ZIPF = 5.0  # "send" (5.4) is a word; "nhs" (4.3) and "gp" are acronyms even in capitals
_ENUMERATOR = re.compile(r"^\(?(?:[ivxlc]{1,6}|[a-z])[.)]\s")  # "ii. ...", "(b) ...": a capital would change it
_STARTS_WITH_ADDRESS = re.compile(r"^(?:[\w.+-]+@|https?://|www\.)", re.IGNORECASE)
# Sentence ends that need no space after them: CJK full stop, question and exclamation marks,
# the Arabic question mark, the Urdu full stop and the Devanagari danda (English ones pysbd finds).
_OTHER_SENTENCE_END = re.compile(r"(?<=[。！？؟۔।॥])\s*")


def _is_address_line(block: Block) -> bool:
    """A short line with no sentence ending: a line of a postal address, a name, a sign-off."""
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and detect_language(text) is None  # kept as written, never joined with commas
        and 0 < word_count(text) <= ADDRESS_LINE_WORDS
        and text[-1:] not in ".!?:;"
        and ":" not in text  # "Band: C" is a label and its value, not a line of an address
        and not text.lower().startswith(("dear ", "yours "))
    )


def _law_names_as_names(text: str) -> str:
    """Names of laws in BLOCK CAPITALS written as names, so they are protected like any other name
    and no word inside them is swapped ("REGULATION" in "ROAD TRAFFIC REGULATION ACT 1984")."""
    for start, end in reversed(shouted_law_names(text)):
        text = text[:start] + title_case_name(text[start:end]) + text[end:]
    return text


def merge_address_lines(blocks: list[Block]) -> list[tuple[Block, list[str]]]:
    """Join runs of 3 or more short lines (an address block) into one item, like the address on an
    envelope. Each block comes with the locations of the source blocks it holds."""
    merged: list[tuple[Block, list[str]]] = []
    run: list[Block] = []

    def flush() -> None:
        if len(run) >= 3:
            text = ", ".join(b.text.strip() for b in run) + "."
            merged.append((Block("table_row", text, run[0].location, run[0].role), [b.location for b in run]))
        else:
            merged.extend((b, [b.location]) for b in run)
        run.clear()

    for block in blocks:
        if _is_address_line(block):
            run.append(block)
            continue
        flush()
        merged.append((block, [block.location]))
    flush()
    return merged


def plain_heading(heading: str) -> str:
    """A heading in plain words and sentence case (no BLOCK CAPITALS, no section numbers), acronyms kept."""
    heading = without_heading_number(heading)
    if detect_language(heading) is not None:  # not English: kept as written
        return heading.strip()
    masked = mask(_law_names_as_names(heading) if is_block_capitals(heading) else heading)
    text, _ = simplify_words(expand_abbreviations(masked.text))
    if text.isupper():
        text = sentence_case(text, known_acronyms(text, shouting=True)) if len(text.split()) > 1 else text.capitalize()
    text = text.strip()
    return masked.restore(text[:1].upper() + text[1:])


def known_acronyms(text: str, shouting: bool = False) -> frozenset[str]:
    """The words of `text` that are acronyms we explain (NHS, BSL): they keep their capitals. In text
    written in BLOCK CAPITALS (`shouting`, judged by the caller on the text before names were masked)
    an acronym that is also an everyday word ("SEND" in "SCAN TO SEND EMAIL") is taken for the word
    (wordfreq Zipf 5 or more)."""
    return frozenset(word for word in re.findall(r"[A-Z]{2,5}", text)
                     if explanation_for(word) and not (shouting and _everyday(word.lower())))


def _everyday(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= EVERYDAY_ZIPF


class RulesBackend:
    """Easy Read from rules: deterministic, offline, fast. A first draft a person then checks."""

    name = "rules"

    def __init__(self, target_words: int = 10) -> None:
        self.target_words = target_words

    def simplify(self, section: Section) -> EasySection:
        items = [item for block, sources in merge_address_lines(section.blocks)
                 for item in self.simplify_block(block, sources)]
        return EasySection(heading=plain_heading(section.heading), items=items)

    def simplify_block(self, block: Block, sources: list[str] | None = None) -> list[Item]:
        """The items of one block, each recording where it came from (`sources`, else the block's location).

        A table row stays one item, however long (a long flagged sentence beats a row spread over
        two items or two pages); other text is split into sentences, asides and clauses.
        """
        items = self._items(block)
        where = sources if sources is not None else [block.location] if block.location else []
        for item in items:
            item.source = list(where)
        return items

    def _quotation_items(self, block: Block) -> list[Item]:
        """Someone's words, sentence by sentence, as they said them, in quote marks: never rewritten."""
        items = []
        for sentence in split_sentences(block.text):
            quoted = sentence if sentence[:1] in "“\"‘'" else f"“{sentence}”"
            items.append(self.make_item(quoted))
        return items

    def _items(self, block: Block) -> list[Item]:
        if detect_language(block.text) is not None:
            return self._kept_items(block)
        if block.role == "quotation":
            return self._quotation_items(block)
        shouting = is_block_capitals(block.text)  # judged on the whole text: masking names leaves mostly codes
        masked = mask(_law_names_as_names(block.text) if shouting else block.text)
        text = masked.text
        if shouting:
            text = sentence_case(text, known_acronyms(text, shouting=True), force=True)  # BLOCK CAPITALS are hard to read
        text = expand_abbreviations(text)
        text = number_words_to_digits(text)
        text = write_dates_in_full(text)
        text, had_percentage = rewrite_percentages(text)
        text, _ = simplify_words(text)
        if block.kind == "table_row":
            finished = _finish(masked.restore(text))
            if not has_content(finished):
                return []
            item = self.make_item(finished, had_percentage and "out of 100" in finished)
            if unlabelled_names(finished):  # a cell of names that lost its column label: say who they are
                item.flags.append(UNLABELLED_CELL)
            return [item]
        items: list[Item] = []
        for sentence in split_sentences(text, lambda char: masked.restore(char).rstrip("”\"'’")[-1:] in ".!?"):
            for part in move_asides(sentence, _is_fact_only):
                # Only complete clauses come out; what cannot be split safely stays whole (flagged long).
                for clause in split_long_sentence(part, self.target_words):
                    for piece in (action_first(clause) if word_count(clause) > self.target_words else None) or [clause]:
                        finished = _finish(masked.restore(piece))
                        if has_content(finished):
                            items.append(self.make_item(finished, had_percentage and "out of 100" in finished))
        return items

    @staticmethod
    def _kept_items(block: Block) -> list[Item]:
        """Text that is not English, sentence by sentence, exactly as written (spaces aside): no word
        swapped, nothing split at English clause words, no full stop added; flagged not-english.
        A table row stays one item."""
        if block.kind == "table_row":
            sentences = [block.text]
        else:
            masked = mask(block.text)  # so no sentence end is found inside a web address or an email
            sentences = [masked.restore(part) for sentence in split_sentences(masked.text)
                         for part in _OTHER_SENTENCE_END.split(sentence)]
        items = []
        for sentence in sentences:
            sentence = " ".join(sentence.split())
            if has_content(sentence):
                items.append(Item(sentence=sentence, picture=describe_picture(sentence, english=False),
                                  flags=[NOT_ENGLISH_FLAG]))
        return items

    @staticmethod
    def make_item(sentence: str, rewrote_percentage: bool = False) -> Item:
        """The item of one finished sentence: idioms with a safe plain meaning replaced by it, other
        idioms and double-meaning words used confusingly flagged ("idiom", "ambiguous-word") with
        what to say instead, and the other review flags."""
        sentence, figures = replace_safe_idioms(sentence)
        hard_words = find_hard_words(sentence)
        flags = []
        if long_sentences(sentence):  # judged per sentence: a table row's "Label: value." sentences each alone
            flags.append("long-sentence")
        if is_passive(sentence):
            flags.append("passive")
        if rewrote_percentage:
            flags.append("percentage")
        if any(hard.explanation is None for hard in hard_words):
            flags.append("hard-word")
        flags += sorted({figure.kind for figure in figures}, key=[IDIOM, AMBIGUOUS_WORD].index)
        return Item(sentence=sentence, picture=describe_picture(sentence), hard_words=hard_words, flags=flags,
                    suggestions=[figure.note() for figure in figures])
