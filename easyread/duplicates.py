"""Blocks that repeat an earlier block word for word: said once in Easy Read, the repeat set aside.

Real documents repeat themselves: a notice printed twice on one sheet, a banner on every page, the
same instruction under two headings. Easy Read says each thing once, and the ledger names the
block each repeat is the same as, so a person can check nothing was lost.
"""

from __future__ import annotations

import re
from dataclasses import replace

from easyread.model import SetAside, SourceDocument

MIN_WORDS = 8  # shorter lines ("Yes", "and vice versa") repeat for good reasons: they say something new each time


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".;:,").casefold()


def set_aside_duplicates(source: SourceDocument) -> SourceDocument:
    """`source` with each block that repeats an earlier one (same words, case and spacing aside, 8 or
    more words, not carrying on a sentence from before it) moved to `set_aside` as "the same as
    <location>". A short repeat such as "and vice versa" belongs to what stands before it, which differs."""
    first_seen: dict[str, str] = {}
    set_aside = list(source.set_aside)
    sections = []
    changed = False
    for section in source.sections:
        kept = []
        for block in section.blocks:
            key = _key(block.text)
            if len(key.split()) >= MIN_WORDS and key in first_seen and not block.text[:1].islower():
                set_aside.append(SetAside(block.location, block.text, f"the same as {first_seen[key]}"))
                changed = True
                continue
            first_seen.setdefault(key, block.location)
            kept.append(block)
        sections.append(replace(section, blocks=kept))
    return replace(source, sections=sections, set_aside=set_aside) if changed else source
