"""Write an Easy Read document as a Word file people can edit in Word or LibreOffice, then publish.

The same pages as the PDF (its measured layout decides which items share a page): a title page, a
contents page for long documents, then per page a real Word heading and a borderless two-column
table, picture on the left and sentence on the right, one row per item; then the "Hard words"
pages and the credits. Body text is 16 pt Arial on 1.5 lines, left aligned, hard words in bold,
no italics or underlining. Every picture has alt text (its description); an item without a
picture gets a shaded placeholder saying what the picture should show. The footer says "Page N"
with a PAGE field, so Word numbers pages itself. python-docx is imported only when a Word file is
written.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from easyread.atomic import atomic_path
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, FrontMatter, closing_lines, front_matter
from easyread.layout.markup import clean, hard_word_pattern
from easyread.model import EasyReadDocument, HardWord, Item
from easyread.pictures.raster import bitmap_bytes

FONT = "Arial"  # on every Windows and Mac; the PDF's Atkinson Hyperlegible may not be installed
BODY_PT = 16
PLACEHOLDER_PT = 14  # the smallest size Easy Read allows
HEADING_PT = 24
TITLE_PT = 32
LINE_SPACING = 1.5
PAGE_CM = (21.0, 29.7)
MARGIN_CM = 2.0
PICTURE_CM = 4.5
PICTURE_COLUMN_CM = 4.9
TITLE_PICTURE_CM = 8.0
PLACEHOLDER_SHADE = "EDEDED"


def render_docx(document: EasyReadDocument, output: Path) -> int:
    """Write `document` as a Word file at `output` (atomically); returns the pages planned."""
    from docx import Document

    from easyread.layout.pdf import plan

    pages, glossary_pages = plan(document)
    word = Document()
    _set_up(word, document)
    front = front_matter(document)
    _title_page(word, front)
    if front.contents:
        _contents_page(word, front)
    previous_section = None
    for page in pages:
        heading = page.heading.strip() or document.title
        continued = page.section_index == previous_section
        _page_heading(word, f"{heading} (continued)" if continued else heading, level=2 if continued else 1)
        _item_table(word, page.items)
        previous_section = page.section_index
    for number, entries in enumerate(glossary_pages):
        _page_heading(word, GLOSSARY_HEADING if number == 0 else f"{GLOSSARY_HEADING} (continued)",
                      level=1 if number == 0 else 2)
        _glossary_table(word, entries)
    for line in closing_lines(document):
        word.add_paragraph(clean(line))
    with atomic_path(Path(output)) as temp:
        word.save(str(temp))
    return 1 + (1 if front.contents else 0) + len(pages) + len(glossary_pages)


# ---- the document's set-up ------------------------------------------------------------------------


def _set_up(word: Any, document: EasyReadDocument) -> None:
    from docx.shared import Cm

    section = word.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.footer_distance = Cm(1.0)
    _styles(word, document.language or "en-GB")
    _footer(section)
    properties = word.core_properties
    properties.title = clean(document.title)
    properties.subject = clean(f"Easy Read version of {document.source_name}")
    properties.author = "easyread"
    properties.keywords = "Easy Read"
    properties.language = document.language or "en-GB"
    properties.comments = "Easy Read made with easyread. Check it with a person before you publish it."


def _styles(word: Any, language: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    for name, size, bold in (("Normal", BODY_PT, False), ("Title", TITLE_PT, True),
                             ("Heading 1", HEADING_PT, True), ("Heading 2", HEADING_PT, True)):
        style = word.styles[name]
        font = style.font
        font.name, font.size, font.bold = FONT, Pt(size), bold
        font.italic = False
        font.underline = False
        font.color.rgb = RGBColor(0, 0, 0)
        _east_asian_and_language(style, language)
        paragraph = style.paragraph_format
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.line_spacing = LINE_SPACING if name == "Normal" else 1.2
        paragraph.space_after = Pt(8)
        if name != "Normal":
            paragraph.space_before = Pt(0)
            paragraph.keep_with_next = True
    _no_title_border(word.styles["Title"])


def _east_asian_and_language(style: Any, language: str) -> None:
    """Set the font for every script and the language, so spell checkers and screen readers know it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)


def _no_title_border(style: Any) -> None:
    from docx.oxml.ns import qn

    borders = style.element.find(qn("w:pPr") + "/" + qn("w:pBdr"))
    if borders is not None:
        borders.getparent().remove(borders)


def _footer(section: Any) -> None:
    """ "Page N" at the foot of every page, N a PAGE field that Word fills in."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.add_run("Page ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run._r.append(shown)


# ---- pages ------------------------------------------------------------------------------------------


def _title_page(word: Any, front: FrontMatter) -> None:
    word.add_paragraph(clean(front.title), style="Title")
    _picture_paragraph(word.add_paragraph(), front.picture, front.picture_file, TITLE_PICTURE_CM)
    word.add_paragraph(clean(front.source_line))
    word.add_paragraph(clean(front.made_with))


def _contents_page(word: Any, front: FrontMatter) -> None:
    _page_heading(word, CONTENTS_HEADING, level=1)
    for heading in front.contents:
        word.add_paragraph(clean(heading), style="List Bullet")


def _page_heading(word: Any, text: str, level: int) -> None:
    """A heading that starts a new page, as a real Word heading (navigation pane, screen readers)."""
    heading = word.add_heading(clean(text), level=level)
    heading.paragraph_format.page_break_before = True


def _table(word: Any, rows: int) -> Any:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Cm

    table = word.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table)
    widths = (Cm(PICTURE_COLUMN_CM), Cm(PAGE_CM[0] - 2 * MARGIN_CM - PICTURE_COLUMN_CM))
    for row in table.rows:
        _keep_row_together(row)
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _item_table(word: Any, items: list[Item]) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    table = _table(word, len(items))
    for row, item in zip(table.rows, items, strict=True):
        picture_cell, sentence_cell = row.cells
        _picture_cell(picture_cell, item)
        sentence_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        _sentence(sentence_cell.paragraphs[0], item.sentence, item.hard_words)


def _glossary_table(word: Any, entries: list[HardWord]) -> None:
    table = _table(word, len(entries))
    for row, entry in zip(table.rows, entries, strict=True):
        word_cell, explanation_cell = row.cells
        word_cell.paragraphs[0].add_run(clean(entry.word)).bold = True
        explanation_cell.paragraphs[0].add_run(clean(entry.explanation or ""))


# ---- cells --------------------------------------------------------------------------------------------


def _picture_cell(cell: Any, item: Item) -> None:
    paragraph = cell.paragraphs[0]
    if not _picture_paragraph(paragraph, item.picture, item.picture_file, PICTURE_CM):
        _shade(cell)


def _picture_paragraph(paragraph: Any, description: str, picture_file: str | None, size_cm: float) -> bool:
    """The picture with alt text in `paragraph`; or, without a readable picture, a placeholder that
    says what the picture should show. True when a real picture went in."""
    from docx.shared import Cm, Pt

    picture = bitmap_bytes(picture_file)
    if picture is not None:
        try:
            shape = paragraph.add_run().add_picture(io.BytesIO(picture[0]), width=Cm(size_cm))
        except Exception:  # python-docx cannot read this bitmap after all: show the description instead
            paragraph.clear()
        else:
            document_properties = shape._inline.docPr
            document_properties.set("descr", clean(description))
            document_properties.set("title", clean(description))
            return True
    run = paragraph.add_run(f"Picture: {clean(description)}")
    run.font.size = Pt(PLACEHOLDER_PT)
    return False


def _sentence(paragraph: Any, sentence: str, hard_words: list[HardWord]) -> None:
    """The sentence as runs, each hard word in a bold run of its own."""
    text = clean(sentence)
    pattern = hard_word_pattern(hard.word for hard in hard_words)
    position = 0
    if pattern is not None:
        for match in pattern.finditer(text):
            if match.start() > position:
                paragraph.add_run(text[position : match.start()])
            paragraph.add_run(match.group(0)).bold = True
            position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def _shade(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), PLACEHOLDER_SHADE)
    cell._tc.get_or_add_tcPr().append(shading)


def _no_borders(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    existing = properties.find(qn("w:tblBorders"))
    if existing is not None:
        properties.remove(existing)
    properties.append(borders)
    style = properties.find(qn("w:tblStyle"))
    if style is not None:  # "Table Grid" and its like draw borders of their own
        properties.remove(style)


def _keep_row_together(row: Any) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)



