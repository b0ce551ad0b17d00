"""Text that is not English: which source blocks, the flag on their items, and the warning line.

easyread simplifies English only. Every backend gets the text as it is (the rules backend keeps
such text as written; an LLM may do what it likes with it), and this module, called by the
pipeline whatever the backend, flags each item made from a block that is not English with
`not-english` and counts them by language for the summary's warning. What counts as not English
is `easyread.language.languages.detect_language`.
"""

from __future__ import annotations

from collections import Counter

from easyread.language.languages import Language, detect_language
from easyread.model import EasyReadDocument, EasySection, Item, SourceDocument

NOT_ENGLISH_FLAG = "not-english"


def item_language(item: Item) -> Language | None:
    """The language of an item flagged not-english (`detect_language` of its sentence), so each
    output format can mark it (HTML `lang`, the PDF's /Lang); None for an item in English or in a
    language that cannot be named."""
    if NOT_ENGLISH_FLAG not in item.flags:
        return None
    return detect_language(item.sentence)


def foreign_blocks(source: SourceDocument) -> dict[str, Language]:
    """{location: language} of each block of `source` that is not English (see `detect_language`)."""
    found: dict[str, Language] = {}
    for block in source.blocks():
        language = detect_language(block.text)
        if language is not None:
            found[block.location] = language
    return found


def flag_not_english(sections: list[EasySection], foreign: dict[str, Language]) -> None:
    """Add the `not-english` flag to each item made from (or partly from) a block in `foreign`."""
    for section in sections:
        for item in section.items:
            if NOT_ENGLISH_FLAG not in item.flags and any(location in foreign for location in item.source):
                item.flags.append(NOT_ENGLISH_FLAG)


def languages_found(document: EasyReadDocument, source: SourceDocument) -> dict[str, int]:
    """{language name: items flagged not-english that came from it}, most items first.

    Only the source blocks of flagged items are looked at again (none, for an English document).
    An item made from blocks in two languages counts for each. A flagged item whose sources are
    unknown (an edited plan) counts under its own text's language, or "another language".
    """
    blocks = {block.location: block.text for block in source.blocks()}
    counts: Counter[str] = Counter()
    for item in document.items():
        if NOT_ENGLISH_FLAG not in item.flags:
            continue
        found = (detect_language(blocks[location]) for location in item.source if location in blocks)
        names = {language.name for language in found if language is not None}
        if not names:
            language = detect_language(item.sentence)
            names = {language.name if language else "another language"}
        counts.update(names)
    return dict(counts.most_common())


def warning_line(source_name: str, counts: dict[str, int], backend: str = "rules") -> str | None:
    """The convert summary's one warning line for `counts` (from `languages_found`), or None.

    "warning: letter.md: English only for now; found Russian in 12 items: they are kept as
    written, not simplified". With an LLM backend the items are the model's, so a person checks them.
    """
    if not counts:
        return None
    parts = [f"{name} in {count} item{'s' if count != 1 else ''}" for name, count in counts.items()]
    found = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    one = sum(counts.values()) == 1
    if backend == "rules":
        what = "it is kept as written, not simplified" if one else "they are kept as written, not simplified"
    else:
        what = f"{'it was' if one else 'they were'} sent to {backend} as written: check {'it' if one else 'them'}"
    return f"warning: {source_name}: English only for now; found {found}: {what} (flagged {NOT_ENGLISH_FLAG})"
