"""Write an Easy Read document as a Word file (.docx) that people can edit in Word or LibreOffice.

The pages are the PDF's: `pdf.plan` measures them with the real fonts, and each page here starts
with a page break, so the Word file breaks where the PDF does. A page is a real heading (Heading 1,
or Heading 2 when it carries on a section from the page before) and a table without borders,
one row per idea: the picture on the left, the sentence on the right with its hard words in bold.
python-docx is imported only when a Word file is written, so that `easyread --help` stays light.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from easyread.atomic import atomic_path
from easyread.layout import styles as S
from easyread.layout.emphasis import emphasis_runs
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, FrontMatter, closing_lines, front_matter
from easyread.layout.markup import clean
from easyread.layout.no_break import NON_BREAKING_HYPHEN, add_word_run, keep_together
from easyread.layout.paginate import last_pages
from easyread.layout.pdf import plan
from easyread.model import EasyReadDocument, HardWord, Item, Page

PLACEHOLDER_WORDS = 30  # a longer picture description is cut short in its box, as in the PDF
SPLITTABLE_CHARACTERS = 900  # a sentence this long may be taller than a page: let its row split
# What the title page's lines take in Word, in points (Arial's lines are about 1.2 x its size), and
# how many characters fit on a line at most; used to shrink the title picture for a long title.
TITLE_LINE, TITLE_CHARACTERS = 1.2 * S.TITLE_SIZE, 22
TITLE_SPACE_AFTER = 24.0
TITLE_PAGE_SLACK = 12.0  # for the picture's line and the estimate's errors
SMALLEST_TITLE_PICTURE_CM = 2.5


def render_docx(document: EasyReadDocument, output: Path, *, author: str = "easyread") -> int:
    """Write `document` as an Easy Read Word file at `output`; return the number of pages planned
    (title page, contents page for a long document, content pages and "Hard words" pages, as the
    PDF lays them out).

    The file appears only when it is complete: a failure leaves nothing at `output`.
    """
    from docx import Document

    from easyread.layout import word_styles

    pages, glossary_pages = plan(document)
    word = Document()
    word_styles.prepare(word, document, author)
    front = front_matter(document)
    _title_page(word, front)
    if front.contents:
        _contents_page(word, front)
    before, after = last_pages(document, pages)  # contact details go on the last pages
    for page in before:
        _content_page(word, document, page)
    for index, entries in enumerate(glossary_pages):
        _glossary_page(word, entries, continued=index > 0)
    for page in after:
        _content_page(word, document, page)
    _closing(word, closing_lines(document))
    with atomic_path(Path(output)) as temp:
        word.save(str(temp))
    return 1 + (1 if front.contents else 0) + len(pages) + len(glossary_pages)


def text_of(text: str) -> str:
    """`text` as one line with no control characters, which Word files cannot hold."""
    return " ".join(clean(text).split())


def heading_of(document: EasyReadDocument, page: Page) -> str:
    """The page's section heading; text before the first heading has the document title instead."""
    return text_of(page.heading) or text_of(document.title)


def sentence_parts(sentence: str, hard_words: list[HardWord]) -> list[tuple[str, bool]]:
    """The sentence as (text, bold) pieces: each of its hard words bold, the rest plain."""
    return keep_together(emphasis_runs(text_of(sentence), hard_words), hyphens=NON_BREAKING_HYPHEN)


def placeholder_text(description: str) -> str:
    words = text_of(description).split()
    shown = " ".join(words[:PLACEHOLDER_WORDS]) + (" ..." if len(words) > PLACEHOLDER_WORDS else "")
    return f"Picture: {shown}".rstrip()


def lines_of(text: str, characters: int) -> int:
    return max(1, math.ceil(len(text) / characters))


def title_picture_size(front: FrontMatter) -> float:
    """The title picture in cm: 8 cm, smaller when a long title needs the room, so that the title
    page stays one page, as the plan counts it."""
    used = lines_of(front.title, TITLE_CHARACTERS) * TITLE_LINE + TITLE_SPACE_AFTER
    room = S.FRAME_HEIGHT - TITLE_PAGE_SLACK - used
    return max(SMALLEST_TITLE_PICTURE_CM, min(S.TITLE_PICTURE_CM, room / S.CM))


def _bitmap(picture_file: str | None) -> tuple[bytes, str] | None:
    """The picture's bytes if python-docx can read them, else None (the description is shown)."""
    from docx.image.image import Image

    from easyread.pictures.raster import bitmap_bytes

    found = bitmap_bytes(picture_file)
    if found is None:
        return None
    try:
        Image.from_blob(found[0])
    except Exception:  # a damaged file: show the description instead, never stop the document
        return None
    return found


def _add_picture(paragraph, data: bytes, box_cm: float, description: str,  # type: ignore[no-untyped-def]
                 picture_file: str | None) -> None:
    """The picture at `box_cm` wide (or tall, if it is taller than wide), with its alt text
    (`pictures.alt_text`: what `picture_file` shows)."""
    from docx.shared import Cm

    from easyread.layout import word_xml as X
    from easyread.pictures.alt_text import alt_text

    shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Cm(box_cm))
    if shape.height > shape.width:
        shape.width = int(shape.width * Cm(box_cm) / shape.height)
        shape.height = Cm(box_cm)
    X.alt_text(shape, text_of(alt_text(description, picture_file)))


def _table(word, widths_pt: tuple[float, ...]):  # type: ignore[no-untyped-def]
    """An empty table the width of the text, columns of fixed widths, no borders."""
    from docx.shared import Pt

    from easyread.layout import word_xml as X

    table = word.add_table(rows=0, cols=len(widths_pt))
    table.autofit = False
    X.fixed_layout(table, sum(widths_pt))
    X.hide_table_borders(table)
    for column, width in zip(table.columns, widths_pt, strict=True):
        column.width = Pt(width)
    return table


def _new_row(table, widths_pt: tuple[float, ...]):  # type: ignore[no-untyped-def]
    from docx.shared import Pt

    row = table.add_row()
    for cell, width in zip(row.cells, widths_pt, strict=True):
        cell.width = Pt(width)
    return row


def _title_page(word, front: FrontMatter) -> None:  # type: ignore[no-untyped-def]
    """The title as a real Title, a picture, what this document is, and the contents list."""


    word.add_paragraph(text_of(front.title), style="Title")
    size_cm = title_picture_size(front)
    bitmap = _bitmap(front.picture_file)
    if bitmap is not None:
        paragraph = word.add_paragraph(style="Normal")
        paragraph.paragraph_format.line_spacing = 1.0
        _add_picture(paragraph, bitmap[0], size_cm, front.picture, front.picture_file)
    else:
        _title_placeholder(word, front.picture, size_cm)


def _contents_page(word, front: FrontMatter) -> None:  # type: ignore[no-untyped-def]
    """The contents list on the page after the title page, as in the PDF (a long list runs on)."""
    heading = word.add_paragraph(CONTENTS_HEADING, style="Heading 1")
    heading.paragraph_format.page_break_before = True
    for line in front.contents:
        word.add_paragraph(text_of(line), style="List Bullet")


def _title_placeholder(word, description: str, size_cm: float) -> None:  # type: ignore[no-untyped-def]
    """A framed square saying what the title picture should show, for whoever edits the file."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Cm

    from easyread.layout import word_styles
    from easyread.layout import word_xml as X

    side = Cm(size_cm).pt
    table = _table(word, (side,))
    row = _new_row(table, (side,))
    X.row_height(row, side)
    X.keep_row_whole(row)
    cell = row.cells[0]
    X.cell_box(cell, S.FRAME_COLOUR, "F2F2F2", S.BOX_LINE_WIDTH)
    X.cell_margins(cell, left=S.PICTURE_PADDING, right=S.PICTURE_PADDING)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    cell.paragraphs[0].style = word.styles[word_styles.PICTURE_STYLE]
    cell.paragraphs[0].add_run(placeholder_text(description))


def _content_page(word, document: EasyReadDocument, page: Page) -> None:  # type: ignore[no-untyped-def]
    """A new page: the section heading, then one table row per idea."""
    heading = word.add_paragraph(heading_of(document, page), style="Heading 2" if page.continued else "Heading 1")
    heading.paragraph_format.page_break_before = True
    widths = (S.PICTURE_BOX, S.FRAME_WIDTH - S.PICTURE_BOX)
    table = _table(word, widths)
    for index, item in enumerate(page.items):
        last = index == len(page.items) - 1
        _item_row(word, _new_row(table, widths), item, gap=0 if last else S.ROW_GAP)


def _item_row(word, row, item: Item, gap: float) -> None:  # type: ignore[no-untyped-def]
    """The picture (or its placeholder) on the left, the sentence on the right, `gap` points below."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    from easyread.layout import word_xml as X

    X.row_height(row, S.PICTURE_BOX + gap)
    if len(item.sentence) < SPLITTABLE_CHARACTERS:
        X.keep_row_whole(row)
    picture_cell, sentence_cell = row.cells
    _picture_cell(word, picture_cell, item)
    X.cell_margins(sentence_cell, left=S.GUTTER)
    sentence_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = sentence_cell.paragraphs[0]
    for piece, bold in sentence_parts(item.sentence, item.hard_words):
        run = add_word_run(paragraph, piece)
        if bold:
            run.bold = True


def _picture_cell(word, cell, item: Item) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    from easyread.layout import word_styles
    from easyread.layout import word_xml as X

    paragraph = cell.paragraphs[0]
    paragraph.style = word.styles[word_styles.PICTURE_STYLE]
    bitmap = _bitmap(item.picture_file)
    if bitmap is not None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        _add_picture(paragraph, bitmap[0], S.PICTURE_BOX_CM, item.picture, item.picture_file)
        return
    X.cell_box(cell, S.FRAME_COLOUR, "F2F2F2", S.BOX_LINE_WIDTH)
    X.cell_margins(cell, left=S.PICTURE_PADDING, right=S.PICTURE_PADDING)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph.add_run(placeholder_text(item.picture))


def _glossary_page(word, entries: list[HardWord], continued: bool) -> None:  # type: ignore[no-untyped-def]
    """A "Hard words" page: each word in bold on the left, its explanation on the right."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    from easyread.layout import word_styles
    from easyread.layout import word_xml as X

    heading = word.add_paragraph(GLOSSARY_HEADING, style="Heading 2" if continued else "Heading 1")
    heading.paragraph_format.page_break_before = True
    widths = (S.PICTURE_BOX, S.FRAME_WIDTH - S.PICTURE_BOX)
    table = _table(word, widths)
    for entry in entries:
        row = _new_row(table, widths)
        X.keep_row_whole(row)
        word_cell, explanation_cell = row.cells
        for cell in row.cells:
            X.cell_rule_below(cell, S.RULE_COLOUR, 1)
            X.cell_margins(cell, top=S.GLOSSARY_ROW_PADDING, bottom=S.GLOSSARY_ROW_PADDING)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        X.cell_margins(explanation_cell, top=S.GLOSSARY_ROW_PADDING, bottom=S.GLOSSARY_ROW_PADDING, left=S.GUTTER)
        word_cell.paragraphs[0].style = word.styles[word_styles.WORD_STYLE]
        word_cell.paragraphs[0].add_run(text_of(entry.word)).bold = True
        explanation_cell.paragraphs[0].add_run(text_of(entry.explanation or ""))


def _closing(word, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Picture credits and where the Easy Read came from, after everything else on the last page."""
    from docx.shared import Pt

    for index, line in enumerate(text_of(line) for line in lines):
        paragraph = word.add_paragraph(line, style="Normal")
        if index == 0:
            paragraph.paragraph_format.space_before = Pt(24)

