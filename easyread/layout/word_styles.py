"""The look of an Easy Read Word file: A4 pages, Arial at 16 pt with 1.5 line spacing, plain black
headings, "Page N" in the footer, and the file's title, subject and language.

Everything is set in the document's named styles (Normal, Title, Heading 1, Heading 2, ...), so
that someone editing the file in Word or LibreOffice keeps the look by picking a style. Sizes
come from `styles`, the same numbers the PDF uses. Imports python-docx: import lazily.
"""

from __future__ import annotations

from datetime import datetime, timezone

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from easyread.layout import styles as S
from easyread.layout import word_xml as X
from easyread.layout.front import CREDIT, subject
from easyread.layout.markup import clean
from easyread.model import EasyReadDocument

FONT = "Arial"  # on every computer with Word; LibreOffice swaps in the look-alike Liberation Sans
LINE_SPACING = 1.5  # Word's "1.5 lines"
HEADING_LINE_SPACING = 1.0  # Arial's single spacing is already 1.15 x the size; headings are one short line
PICTURE_STYLE = "Easy Read Picture"  # the small "Picture: ..." text of a picture still to be chosen
WORD_STYLE = "Easy Read Hard Word"  # a hard word on the "Hard words" page
FOOTER_TEXT = "Page "
PROPERTY_LIMIT = 255  # python-docx refuses a longer title or subject
INK = RGBColor.from_string(S.TEXT_COLOUR.lstrip("#"))


def prepare(word, document: EasyReadDocument, author: str) -> None:  # type: ignore[no-untyped-def]
    """Page size, margins, footer, styles and file properties of a new, empty `word` document."""
    _page_setup(word)
    _defaults(word, document.language or "en-GB")
    _text_styles(word)
    _footer(word)
    _properties(word, document, author)


def _page_setup(word) -> None:  # type: ignore[no-untyped-def]
    section = word.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = section.top_margin = Cm(S.MARGIN_CM)
    # As in the PDF: the footer sits just above the 2 cm margin, and the text stops above the footer.
    section.footer_distance = Cm(S.MARGIN_CM)
    section.bottom_margin = Pt(S.FRAME_BOTTOM)
    section.header_distance = Cm(1)
    section.gutter = Cm(0)


def _defaults(word, language: str) -> None:  # type: ignore[no-untyped-def]
    """Arial, black, the document's language, 1.5 line spacing and no space after a paragraph,
    both in the document defaults and in Normal, which every other style builds on."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    r_pr = X.child(X.child(defaults, "w:rPrDefault"), "w:rPr")
    X.set_fonts(r_pr, FONT)
    X.set_language(r_pr, language)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(S.BODY_SIZE)
    normal.font.color.rgb = INK
    X.set_fonts(normal.element.get_or_add_rPr(), FONT)
    X.set_language(normal.element.get_or_add_rPr(), language)
    paragraph = normal.paragraph_format
    paragraph.line_spacing = LINE_SPACING
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.widow_control = True


def _plain(style, size: float, *, bold: bool = False, line_spacing: float = LINE_SPACING) -> None:  # type: ignore[no-untyped-def]
    """`style` in black Arial of `size` points, no italics or underline, theme fonts removed."""
    font = style.font
    font.name = FONT
    X.set_fonts(style.element.get_or_add_rPr(), FONT)
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.underline = False
    font.color.rgb = INK
    style.paragraph_format.line_spacing = line_spacing
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _text_styles(word) -> None:  # type: ignore[no-untyped-def]
    from docx.enum.style import WD_STYLE_TYPE

    styles = word.styles
    title = styles["Title"]
    _plain(title, S.TITLE_SIZE, bold=True, line_spacing=HEADING_LINE_SPACING)
    border = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if border is not None:  # the template draws a blue line under the title
        border.getparent().remove(border)
    title.paragraph_format.space_after = Pt(24)
    for name in ("Heading 1", "Heading 2"):
        heading = styles[name]
        _plain(heading, S.HEADING_SIZE, bold=True, line_spacing=HEADING_LINE_SPACING)
        heading.paragraph_format.space_before = Pt(0)
        heading.paragraph_format.space_after = Pt(S.HEADING_SPACE_AFTER)
        heading.paragraph_format.keep_with_next = True
    _plain(styles["List Bullet"], S.BODY_SIZE)
    footer = styles["Footer"]
    _plain(footer, S.FOOTER_SIZE, line_spacing=1.0)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture = styles.add_style(PICTURE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    picture.base_style = styles["Normal"]
    _plain(picture, S.PICTURE_TEXT_SIZE, line_spacing=1.0)
    picture.font.color.rgb = RGBColor.from_string(S.PICTURE_TEXT_COLOUR.lstrip("#"))
    hard_word = styles.add_style(WORD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    hard_word.base_style = styles["Normal"]
    _plain(hard_word, S.GLOSSARY_WORD_SIZE)


def _footer(word) -> None:  # type: ignore[no-untyped-def]
    """"Page N" at the foot of every page; N is a PAGE field, so Word and LibreOffice count the pages."""
    footer = word.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = word.styles["Footer"]
    paragraph.add_run(FOOTER_TEXT)
    X.field_runs(paragraph, "PAGE", "1")


def _properties(word, document: EasyReadDocument, author: str) -> None:  # type: ignore[no-untyped-def]
    properties = word.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    properties.title = _property(document.title)
    properties.subject = _property(subject(document))
    properties.author = properties.last_modified_by = _property(author)
    properties.keywords = "Easy Read"
    properties.language = _property(document.language or "en-GB")
    properties.comments = CREDIT  # the tool's credit: in the properties, never on a page
    properties.created = properties.modified = now
    properties.revision = 1


def _property(text: str) -> str:
    """`text` as a file property can hold it: one line, no control characters, at most 255 characters."""
    return " ".join(clean(text).split())[:PROPERTY_LIMIT]
