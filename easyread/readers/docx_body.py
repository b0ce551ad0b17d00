"""The main text of a Word file: each body paragraph and table row classified, in reading order.

A paragraph is the title (Title style), a heading (Heading N style or an outline level), a list
item (Word numbering, its number put in front: "3. Apologies", or a List style other than the
plain indented "List Paragraph"), or a paragraph.
Table-of-contents paragraphs, paragraphs with no words and hidden text are set aside with their
reason. The text boxes and notes a paragraph holds follow it.
"""

from __future__ import annotations

from typing import Any

from easyread.readers.common import NO_WORDS
from easyread.readers.docx_elements import (
    Context,
    Element,
    attachment_elements,
    hidden_elements,
    set_aside,
)
from easyread.readers.docx_tables import table_elements
from easyread.readers.docx_text import Scan, scan_paragraph
from easyread.readers.docx_xml import W, children, is_on, value

MAX_BOLD_HEADING_WORDS = 10
TABLE_OF_CONTENTS = "table of contents"
QUOTE_STYLES = frozenset({"quote", "intense quote", "block text"})  # Word's styles for quotations
LIST_PARAGRAPH = "list paragraph"  # Word's indented style for list items; without numbering it is not one


def body_elements(document: Any, context: Context) -> list[Element]:
    """Paragraphs ("paragraph 12") and table rows ("table 2 row 4") of the body, with what hangs from them.

    Paragraphs are counted among all the body's paragraphs, empty ones included, as a person
    counting them in Word would.
    """
    elements: list[Element] = []
    paragraph_number = table_number = 0
    after_gap = True
    for child, in_toc in children(document.element.body):
        if child.tag == f"{W}p":
            paragraph_number += 1
            made, has_text = paragraph_elements(child, f"paragraph {paragraph_number}", context, in_toc, after_gap)
            elements += made
            after_gap = not has_text
        elif child.tag == f"{W}tbl":
            table_number += 1
            elements += table_elements(child, table_number, context)
            after_gap = True
    return elements


def paragraph_elements(p: Any, location: str, context: Context, in_toc: bool = False,
                       after_gap: bool = True) -> tuple[list[Element], bool]:
    """The elements one body paragraph gives, and whether it shows any text."""
    scan = scan_paragraph(p)
    style_id = context.styles.paragraph_style(p)
    is_list, label = context.numbering.label(p, style_id)
    elements: list[Element] = []
    if scan.text:
        elements.append(_classify(p, scan, style_id, label, is_list, location, context, in_toc, after_gap))
    elements += hidden_elements(location, scan.hidden, scan.page_numbers)
    elements += attachment_elements(scan.attachments, context)
    return elements, bool(scan.text)


def _classify(p: Any, scan: Scan, style_id: str | None, label: str, is_list: bool, location: str,
              context: Context, in_toc: bool, after_gap: bool) -> Element:
    text = f"{label} {scan.text}" if label else scan.text
    style = context.styles.name(style_id)
    if in_toc or style.startswith("toc"):
        return set_aside(location, text, TABLE_OF_CONTENTS)
    if not any(char.isalnum() for char in scan.text):
        return set_aside(location, text, NO_WORDS)
    if style == "title":
        return Element("title", text, location)
    level = context.styles.heading_level(p, style_id)
    if level:
        return Element("heading", text, location, level=level)
    if is_list or (style.startswith("list") and style != LIST_PARAGRAPH):
        return Element("list_item", text, location)
    if style in QUOTE_STYLES:  # someone's words: kept as they are
        return Element("paragraph", text, location, role="quotation")
    bold = _looks_like_bold_heading(scan, style_id, context)
    return Element("paragraph", text, location, bold=bold, after_gap=after_gap)


def _looks_like_bold_heading(scan: Scan, style_id: str | None, context: Context) -> bool:
    """A short paragraph, not ending like a sentence or a lead-in, whose every visible run is bold."""
    text = scan.text
    if len(text.split()) > MAX_BOLD_HEADING_WORDS or text.endswith((".", ",", ";", ":")):
        return False
    paragraph_bold = context.styles.bold(style_id)
    return bool(scan.text_runs) and all(_is_bold(run, paragraph_bold, context) for run in scan.text_runs)


def _is_bold(run: Any, paragraph_bold: bool, context: Context) -> bool:
    """Bold set on the run itself, else by its character style, else by the paragraph's style."""
    own = run.find(f"{W}rPr/{W}b")
    if own is not None:
        return is_on(own)
    character_style = value(run.find(f"{W}rPr/{W}rStyle"))
    return (character_style is not None and context.styles.bold(character_style)) or paragraph_bold
