"""Get a source document ready to simplify: letter furniture and repeats set aside, emoji out.

Convert and `check --source` both call `prepare_source`, so they agree on what a reader needs.
Emoji are taken out of the text before any backend sees it: no font in the outputs draws them all,
and Easy Read puts its pictures beside the text, not in it. The parts that lost one are returned so
that their items can be flagged "emoji-removed" for a person to check; a part that was only emoji
is set aside with its reason.
"""

from __future__ import annotations

from dataclasses import replace

from easyread.duplicates import set_aside_duplicates
from easyread.language.emoji import without_emoji
from easyread.language.protect import has_content
from easyread.letters import set_aside_letter_furniture
from easyread.model import SetAside, SourceDocument

ONLY_EMOJI = "only emoji, which Easy Read leaves out"


def prepare_source(source: SourceDocument) -> SourceDocument:
    """`source` with letter furniture and word-for-word repeats moved to `set_aside`. Running it
    again changes nothing."""
    return set_aside_duplicates(set_aside_letter_furniture(source))


def remove_emoji(source: SourceDocument) -> tuple[SourceDocument, set[str]]:
    """`source` with emoji taken out of its title, headings and blocks, and the locations of the
    headings and blocks that had any. A block of only emoji is set aside."""
    touched: set[str] = set()
    set_aside = list(source.set_aside)
    sections = []
    for section in source.sections:
        heading, had = without_emoji(section.heading)
        if had:
            touched.add(section.heading_location)
        blocks = []
        for block in section.blocks:
            text, had = without_emoji(block.text)
            if not had:
                blocks.append(block)
            elif has_content(text):
                touched.add(block.location)
                blocks.append(replace(block, text=text))
            else:
                set_aside.append(SetAside(block.location, block.text, ONLY_EMOJI))
        sections.append(replace(section, heading=heading, blocks=blocks))
    if not touched and len(set_aside) == len(source.set_aside):
        return source, touched
    return replace(source, title=without_emoji(source.title)[0], sections=sections, set_aside=set_aside), touched
