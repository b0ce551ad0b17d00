"""Read our own Easy Read outputs (Markdown and Word) into units, one per item.

An output made by `easyread convert` is laid out as items: a picture (or its placeholder, "Picture:
a telephone, phone") beside one sentence. Check reads each item as one unit and leaves the picture
out; the title-page lines ("This is an Easy Read version of ...", "Easy Read made with easyread."),
the contents list and the picture credits are kind "front" (they are not the document's words); each
line of the "Hard words" page is kind "glossary", its `term` the word it explains. The HTML and PDF
outputs are read the same way in `html_units` and `pdf_units`, with the same rules from here.
"""

from __future__ import annotations

import re
from pathlib import Path

from easyread.checks.pdf_text import PICTURE_LABEL
from easyread.checks.units import TextUnit
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, MADE_WITH
from easyread.pictures.alt_text import PICTURE_SHOWS
from easyread.pictures.catalogue import OPENMOJI_CREDIT
from easyread.readers.own_output import MARKDOWN_MARK

SOURCE_LINE = re.compile(r"This is an Easy Read version of .+\.")
CREDITS = frozenset({OPENMOJI_CREDIT})
# "(Picture: ...)" placeholder, "(The picture shows ...)" for a picture of a set, or "![alt](file)"
_MARKDOWN_PICTURE = re.compile(r"^(?:\((?:Picture: |" + re.escape(PICTURE_SHOWS) + r" )[^)\n]*\)"
                               r"|!\[(?:\\.|[^\]\\])*\]\([^)\s]*\))\s*")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)|\*\*")
_GLOSSARY_LINE = re.compile(r"^\*\*((?:\\.|[^*\\])+)\*\*: ?(.*)$")


def is_front_line(text: str) -> bool:
    """Whether `text` is one of our own title-page or closing lines (not the document's words)."""
    text = " ".join(text.split())
    return bool(SOURCE_LINE.fullmatch(text)) or text == MADE_WITH or text in CREDITS


def section_unit(text: str, location: str, section: str) -> TextUnit:
    """A unit of our own output met under the heading `section`: a contents line or a title-page
    line is "front", anything else is an item ("body")."""
    if section == CONTENTS_HEADING or is_front_line(text):
        return TextUnit(text, location, kind="front")
    return TextUnit(text, location)


def heading_unit(text: str, location: str) -> TextUnit:
    return TextUnit(text, location, kind="heading")


def glossary_unit(term: str, explanation: str, location: str) -> TextUnit:
    """A line of the Hard words page: the explanation is the unit's text, the word its `term`."""
    return TextUnit(" ".join(explanation.split()), location, kind="glossary", term=" ".join(term.split()))


def _unescape(text: str) -> str:
    """Markdown text as a reader sees it: escapes undone and the bold marks of hard words gone."""
    return " ".join(_MARKDOWN_ESCAPE.sub(lambda match: match.group(1) or "", text).split())


def markdown_units(text: str) -> list[TextUnit]:
    """The units of one of our Markdown outputs (see `layout.markdown`), located by line ("line 12").

    Each block is one line ("## heading", an item, a Hard words line) except the contents list, one
    "- heading" line each. A picture ("(Picture: ...)" or "![...](...)") at an item's start is left out.
    """
    units: list[TextUnit] = []
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        location = f"line {number}"
        if not line or line == MARKDOWN_MARK:
            continue
        if line.startswith("# ") or line.startswith("## "):
            section = _unescape(line.split(" ", 1)[1])
            units.append(heading_unit(section, location))
            continue
        glossary = _GLOSSARY_LINE.match(line) if section == GLOSSARY_HEADING else None
        if glossary:
            units.append(glossary_unit(_unescape(glossary.group(1)), _unescape(glossary.group(2)), location))
            continue
        if line.startswith("- "):
            line = line[2:]
        sentence = _unescape(_MARKDOWN_PICTURE.sub("", line, count=1))
        if sentence:
            units.append(section_unit(sentence, location, section))
    return units


def docx_units(path: Path) -> list[TextUnit]:
    """The units of one of our Word outputs (see `layout.docx`), located by paragraph or table row.

    Paragraphs in a Title or Heading style are headings; each item is a table row of two cells, a
    picture (or its "Picture: ..." placeholder) and the sentence; a Hard words row has the word
    (in the "Easy Read Hard Word" style) and its explanation.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from easyread.layout.word_styles import PICTURE_STYLE, WORD_STYLE
    from easyread.readers.docx import open_document

    document = open_document(path)
    units: list[TextUnit] = []
    section = ""
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            text = " ".join(block.text.split())
            if not text:
                continue
            location = f"paragraph {paragraphs}"
            style = block.style.name if block.style is not None else ""
            if style == "Title" or style.startswith("Heading"):
                section = text
                units.append(heading_unit(text, location))
            else:
                units.append(section_unit(text, location, section))
        elif isinstance(block, Table):
            tables += 1
            for number, row in enumerate(block.rows, start=1):
                cells = [cell.paragraphs for cell in row.cells]
                location = f"table {tables} row {number}"
                styles = [paragraph.style.name if paragraph.style is not None else ""
                          for paragraph_list in cells[:1] for paragraph in paragraph_list]
                texts = [" ".join(" ".join(p.text for p in paragraph_list).split()) for paragraph_list in cells]
                if len(texts) == 2 and WORD_STYLE in styles:
                    units.append(glossary_unit(texts[0], texts[1], location))
                    continue
                shown = texts[1:] if PICTURE_STYLE in styles or (texts and texts[0].startswith(PICTURE_LABEL)) else texts
                text = " ".join(part for part in shown if part)
                if text:
                    units.append(section_unit(text, location, section))
    return units
