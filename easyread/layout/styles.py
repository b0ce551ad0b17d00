"""One place for every size the PDF uses. Points unless the name says cm; no reportlab at import."""

from __future__ import annotations

CM = 72 / 2.54  # points in one centimetre

# A4 portrait
PAGE_WIDTH = 21.0 * CM
PAGE_HEIGHT = 29.7 * CM

MARGIN_CM = 2.0  # nothing, footer included, comes nearer the edge than this
MARGIN = MARGIN_CM * CM
FOOTER_SIZE = 14
FOOTER_BASELINE = MARGIN + 4  # descenders stay inside the margin
FRAME_BOTTOM = MARGIN + 20  # room for the footer, which sits just above the bottom margin
FRAME_X = MARGIN
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN - FRAME_BOTTOM

TITLE_SIZE = 32
TITLE_LEADING = 40
HEADING_SIZE = 24
HEADING_LEADING = 30
HEADING_SPACE_AFTER = 10
BODY_SIZE = 16
LEADING = 24  # 1.5 x BODY_SIZE
GLOSSARY_WORD_SIZE = 18
GLOSSARY_WORD_LEADING = 24

PICTURE_BOX_CM = 4.5
PICTURE_BOX = PICTURE_BOX_CM * CM
PICTURE_TEXT_SIZE = 9
PICTURE_TEXT_LEADING = 11
PICTURE_PADDING = 6
TITLE_PICTURE_CM = 8.0
GUTTER = 14  # between the picture box and the sentence
TEXT_WIDTH = FRAME_WIDTH - PICTURE_BOX - GUTTER
ROW_GAP = 7  # white space between two rows: 5 rows and a heading fit in the frame
GLOSSARY_ROW_PADDING = 10

TEXT_COLOUR = "#000000"
FRAME_COLOUR = "#444444"
PICTURE_TEXT_COLOUR = "#333333"
RULE_COLOUR = "#888888"
BOX_LINE_WIDTH = 1.5


def paragraph_styles(regular: str, bold: str) -> dict:
    """The paragraph styles, by name, for a registered font family."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    ink = HexColor(TEXT_COLOUR)

    def style(name: str, font: str, size: float, leading: float, **extra) -> ParagraphStyle:
        options = {"alignment": TA_LEFT, "textColor": ink, **extra}
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)

    return {
        "title": style("EasyTitle", bold, TITLE_SIZE, TITLE_LEADING),
        "heading": style("EasyHeading", bold, HEADING_SIZE, HEADING_LEADING, spaceAfter=HEADING_SPACE_AFTER),
        "body": style("EasyBody", regular, BODY_SIZE, LEADING),
        "picture": style(
            "EasyPicture",
            regular,
            PICTURE_TEXT_SIZE,
            PICTURE_TEXT_LEADING,
            textColor=HexColor(PICTURE_TEXT_COLOUR),
        ),
        # A long term breaks at its own hyphens ("Disability-" / "Related"), never inside a word.
        "word": style("EasyWord", bold, GLOSSARY_WORD_SIZE, GLOSSARY_WORD_LEADING, embeddedHyphenation=1),
    }
