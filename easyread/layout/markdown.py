"""Write an Easy Read document as Markdown: for a website, a wiki, or a screen reader user's editor.

Markdown has no pages, so the file follows the sections: a `##` heading for each, then one
paragraph per idea with its picture first (on the left, where a renderer shows images inline).
All document text is data: every character Markdown could read as markup is escaped, and only
the `**bold**` added here for hard words is markup. No italics anywhere, as Easy Read asks.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from easyread.atomic import write_text_atomic
from easyread.contact import ends_with_contact_page
from easyread.layout.emphasis import emphasis_runs
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, closing_lines, front_matter
from easyread.layout.markup import clean
from easyread.layout.no_break import keep_together
from easyread.layout.paginate import glossary_entries
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from easyread.pictures.raster import is_reference
from easyread.readers.own_output import MARKDOWN_MARK

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")  # marks Markdown reads anywhere in a line ($: maths on GitHub)
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" would show as "&"
_BULLET_START = re.compile(r"^(-|\+(?=\s|$))")  # "- x", "+ x" start a list item, "---" a rule
_NUMBER_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")  # "1. x" at a line start is a numbered list


def render_markdown(document: EasyReadDocument, output: Path) -> int:
    """Write `document` as Easy Read Markdown at `output`; return the number of sections written.

    The sections counted are the content sections (one `##` each; consecutive sections with the
    same heading share one) and the "Hard words" section when there is one. The title and the
    contents list are not counted. The file appears only when it is complete.
    """
    output = Path(output)
    text, sections = markdown_document(document, output.parent)
    write_text_atomic(output, text)
    return sections


def markdown_document(document: EasyReadDocument, base: Path) -> tuple[str, int]:
    """The Markdown text for `document` and its number of sections; picture paths are relative to `base`."""
    blocks = [MARKDOWN_MARK, *_title_blocks(document)]
    runs = _section_runs(document)
    contact = runs[-1:] if runs and ends_with_contact_page(document) else []
    for heading, items in runs[: len(runs) - len(contact)]:
        blocks.append(f"## {escape_markdown(heading)}")
        blocks.extend(item_markdown(item, base) for item in items)
    entries = glossary_entries(document.glossary)
    if entries:
        blocks.append(f"## {escape_markdown(GLOSSARY_HEADING)}")
        blocks.extend(_glossary_entry(entry) for entry in entries)
    for heading, items in contact:  # contact details at the very end, as on the last page of the PDF
        blocks.append(f"## {escape_markdown(heading)}")
        blocks.extend(item_markdown(item, base) for item in items)
    blocks.extend(escape_markdown(line) for line in closing_lines(document))
    return "\n\n".join(blocks) + "\n", len(runs) + (1 if entries else 0)


def _title_blocks(document: EasyReadDocument) -> list[str]:
    front = front_matter(document)
    blocks = [f"# {escape_markdown(front.title)}"]
    if front.contents:
        blocks.append(f"## {escape_markdown(CONTENTS_HEADING)}")
        blocks.append("\n".join(f"- {escape_markdown(heading)}" for heading in front.contents))
    return blocks


def _section_runs(document: EasyReadDocument) -> list[tuple[str, list[Item]]]:
    """(heading, items) for each section with items; a section split in two keeps one heading."""
    runs: list[tuple[str, list[Item]]] = []
    for section in document.sections:
        if not section.items:
            continue
        heading = _heading_of(section, document)
        if runs and runs[-1][0] == heading:
            runs[-1][1].extend(section.items)
        else:
            runs.append((heading, list(section.items)))
    return runs


def _heading_of(section: EasySection, document: EasyReadDocument) -> str:
    # Text before the first heading has no heading of its own: show the title, as the PDF does.
    return section.heading.strip() or document.title


def item_markdown(item: Item, base: Path) -> str:
    """One idea as one paragraph: the picture, then the sentence with hard words in bold."""
    return f"{picture_markdown(item.picture, item.picture_file, base)} {sentence_markdown(item.sentence, item.hard_words)}"


def picture_markdown(description: str, picture_file: str | None, base: Path) -> str:
    """`![alt text](path)` for a readable picture file (its alt text from `pictures.alt_text`: what
    the file shows); for a picture of a set, which has no file to link, its alt text in brackets
    ("(The picture shows a calendar.)"); for a placeholder "(Picture: description)"."""
    from easyread.pictures.alt_text import alt_text

    if picture_file and not is_reference(picture_file) and _is_picture(Path(picture_file)):
        label = escape_markdown(alt_text(description, picture_file))
        return f"![{label}]({picture_destination(Path(picture_file), base)})"
    if picture_file and is_reference(picture_file) and alt_text(description, picture_file):
        # a picture of a set ("openmoji:...") has no file a Markdown reader could follow: say what it shows
        return f"({escape_markdown(alt_text(description, picture_file))})"
    return f"(Picture: {escape_markdown(description)})"


def _is_picture(path: Path) -> bool:
    """Whether `path` is a picture a reader of the Markdown may be sent to (`easyread.pictures.safe`)."""
    from easyread.pictures.safe import PictureProblem, inspect_picture

    try:
        return inspect_picture(path) is not None
    except PictureProblem:
        return False


def picture_destination(path: Path, base: Path) -> str:
    """The picture's path relative to `base`, URL-quoted; a file URI when no relative path exists."""
    absolute = path.resolve()
    try:
        relative = os.path.relpath(absolute, base.resolve())
    except ValueError:  # on Windows, another drive
        return absolute.as_uri()
    return quote(Path(relative).as_posix())


def sentence_markdown(sentence: str, hard_words: list[HardWord]) -> str:
    """The sentence escaped, with each of its hard words in `**bold**`."""
    plain_text = " ".join(clean(sentence).split())
    runs = keep_together(emphasis_runs(plain_text, hard_words))  # U+00A0 inside phone numbers, dates, ...
    if not any(bold for _, bold in runs):
        return _escape_run("".join(piece for piece, _ in runs))
    return "".join(f"**{_escape_run(piece)}**" if bold else _escape_run(piece) for piece, bold in runs)


def _glossary_entry(entry: HardWord) -> str:
    return f"**{escape_markdown(entry.word)}**: {escape_markdown(entry.explanation or '')}"


def escape_markdown(value: str) -> str:
    """`value` on one line, escaped so that Markdown shows every character as it is.

    Safe anywhere in a line: a list or number marker is escaped as if the text began a line.
    """
    return _escape_run(" ".join(clean(value).split()))


def _escape_run(value: str) -> str:
    """A run of one-line text escaped, its spaces kept (it may sit between two bold words)."""
    escaped = _SPECIAL.sub(r"\\\1", value)
    escaped = _ENTITY.sub(r"\\&", escaped)
    escaped = _BULLET_START.sub(r"\\\1", escaped)
    return _NUMBER_START.sub(r"\1\\\2", escaped)
