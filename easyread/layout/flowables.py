"""The reportlab pieces of an Easy Read page. Imports reportlab: import this module lazily.

Every piece of text goes through `easyread.layout.markup.font_markup` (or `Fonts.runs` on the
canvas), so each character is drawn, and measured, with a font that has it.

The functions that take a `path` tag what they draw for the tagged PDF (`easyread.layout.pdf_tags`):
`path` names the structure element the piece belongs to; None (the default, used when measuring)
tags nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from easyread.layout import styles as S
from easyread.layout.front import CONTENTS_HEADING, FrontMatter
from easyread.layout.markup import clean, font_markup, sentence_markup
from easyread.layout.pdf_tags import (
    Path,
    artifact,
    content,
    language_of,
    mark,
    table_lines_as_artifacts,
)
from easyread.model import HardWord, Item

if TYPE_CHECKING:
    from easyread.layout.fonts import Fonts


def _image(picture_file: str | None):  # type: ignore[no-untyped-def]
    """The picture file as something reportlab can draw (an image, or an SVG's vector drawing), or
    None if there is none, it cannot be read, or it is refused (`easyread.pictures.safe`: not a
    regular file, over the size or pixel limit): the picture's description is shown instead."""
    import io

    from easyread.pictures.raster import drawing_of_svg, picture_path
    from easyread.pictures.safe import safe_picture

    found = safe_picture(picture_path(picture_file))
    if found is None:
        return None
    data, kind = found
    if kind == "svg":
        return drawing_of_svg(data)
    try:
        reader = ImageReader(io.BytesIO(data))
        reader.getSize()
    except Exception:  # a broken picture must not stop the document
        return None
    return reader


class PictureBox(Flowable):
    """A framed square: the chosen picture if there is one, else its description in small text.

    Tagged (`figure` is a path), a drawn picture is a Figure whose Alt comes from
    `easyread.pictures.alt_text.alt_text`; the frame and a placeholder are artifacts.
    """

    def __init__(self, description: str, style, fonts: Fonts, size: float = S.PICTURE_BOX,
                 picture_file: str | None = None, figure: Path | None = None):
        from easyread.pictures.alt_text import alt_text

        super().__init__()
        self.size = size
        self.image = _image(picture_file)
        self.label: Paragraph | None = None
        if self.image is None:
            self.label = self._fitting_label(description, style, fonts)
        self.alt = alt_text(description, picture_file) if self.image is not None else ""
        self.figure = figure if self.alt else None  # a Figure without Alt is not allowed: an artifact

    def _fitting_label(self, description: str, style, fonts: Fonts) -> Paragraph:
        inner = self.size - 2 * S.PICTURE_PADDING
        every_word = clean(description).split()
        words = every_word
        while True:
            text = "Picture: " + " ".join(words) + (" ..." if words != every_word else "")
            label = Paragraph(font_markup(text.strip(), fonts), style)
            _, height = label.wrap(inner, inner)
            if height <= inner or not words:
                return label
            words = words[:-1]  # a description too long for the box is cut short

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        with artifact(canvas):
            canvas.saveState()
            canvas.setStrokeColor(HexColor(S.FRAME_COLOUR))
            canvas.setLineWidth(S.BOX_LINE_WIDTH)
            canvas.rect(0, 0, self.size, self.size, stroke=1, fill=0)
            canvas.restoreState()
        if self.figure is not None:
            with content(canvas, self.figure, alt=self.alt):
                self._draw_inside(canvas)
        else:
            with artifact(canvas):
                self._draw_inside(canvas)

    def _draw_inside(self, canvas: Canvas) -> None:
        canvas.saveState()
        inner = self.size - 2 * S.PICTURE_PADDING
        if isinstance(self.image, ImageReader):
            canvas.drawImage(
                self.image,
                S.PICTURE_PADDING,
                S.PICTURE_PADDING,
                inner,
                inner,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
        elif self.image is not None:  # an SVG, drawn as vectors, scaled to fit and centred
            from reportlab.graphics import renderPDF

            drawing = self.image
            scale = inner / max(drawing.width, drawing.height)
            canvas.translate(S.PICTURE_PADDING + (inner - drawing.width * scale) / 2,
                             S.PICTURE_PADDING + (inner - drawing.height * scale) / 2)
            canvas.scale(scale, scale)
            renderPDF.draw(drawing, canvas, 0, 0)
        elif self.label is not None:
            _, height = self.label.wrap(inner, inner)
            self.label.drawOn(canvas, S.PICTURE_PADDING, (self.size - height) / 2)
        canvas.restoreState()


def _row(left: Flowable, right: Flowable, *, font: str, left_width: float, extra: Sequence = ()) -> Table:
    # The table's rules are drawn as artifacts when the page is tagged; its cells tag themselves.
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),  # else each cell names an unembedded Helvetica
        ("VALIGN", (0, 0), (0, 0), "TOP"),
        ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (1, 0), S.GUTTER),
        *extra,
    ]
    return Table(
        [[left, right]],
        colWidths=[left_width, S.FRAME_WIDTH - left_width],
        style=TableStyle(commands),
        hAlign="LEFT",
        spaceAfter=S.ROW_GAP,
        renderCB=table_lines_as_artifacts,
    )


def _font(styles: dict) -> str:
    return styles["body"].fontName


def _fits_text_column(styles: dict, fonts: Fonts):  # type: ignore[no-untyped-def]
    size = styles["body"].fontSize
    width = S.TEXT_WIDTH  # the sentence column, the gutter already taken off
    # Bold is wider than regular: measure with the bold faces so a bold address fits too.
    return lambda text: fonts.width(text, size, bold=True) <= width


def _sentence(item: Item, styles: dict, fonts: Fonts) -> Paragraph:
    markup = sentence_markup(item.sentence, item.hard_words, fits=_fits_text_column(styles, fonts), fonts=fonts)
    return Paragraph(markup, styles["body"])


def _box(item: Item, styles: dict, fonts: Fonts, path: Path | None = None) -> PictureBox:
    figure = None if path is None else (*path, ("Figure", "picture"))
    return PictureBox(item.picture, styles["picture"], fonts, picture_file=item.picture_file, figure=figure)


def _sentence_path(path: Path | None) -> Path | None:
    return None if path is None else (*path, ("P", "sentence"))


def item_row(item: Item, styles: dict, fonts: Fonts, path: Path | None = None) -> Table:
    """One idea: the picture box on the left, the sentence (hard words in bold) on the right.

    A row never splits across pages. Tagged, `path` is the item's group: a Figure (a real
    picture) and a P (the sentence) inside it.
    """
    sentence = mark(_sentence(item, styles, fonts), _sentence_path(path), lang=language_of(item) if path else "")
    return _row(_box(item, styles, fonts, path), sentence, font=_font(styles), left_width=S.PICTURE_BOX)


def oversized_item_rows(item: Item, styles: dict, fonts: Fonts, first_space: float,
                        path: Path | None = None) -> list[Table]:
    """An item whose sentence is taller than a whole page, cut into rows that each fit a page:
    the first with the picture box (in `first_space`), the rest with an empty left column.
    Tagged, every piece of the sentence belongs to the one P of the item's group `path`."""
    parts: list[Paragraph] = []
    rest, space = _sentence(item, styles, fonts), first_space - 1
    while True:
        _, height = rest.wrap(S.TEXT_WIDTH, space)
        pieces = rest.split(S.TEXT_WIDTH, space) if height > space else []
        if len(pieces) < 2:
            parts.append(rest)
            break
        parts.append(pieces[0])
        rest, space = pieces[1], S.FRAME_HEIGHT - 1
    font = _font(styles)
    lang = language_of(item) if path else ""
    parts = [mark(part, _sentence_path(path), lang=lang) for part in parts]
    rows = [_row(_box(item, styles, fonts, path), parts[0], font=font, left_width=S.PICTURE_BOX)]
    rows += [_row(Spacer(S.PICTURE_BOX, 1), part, font=font, left_width=S.PICTURE_BOX) for part in parts[1:]]
    return rows


def glossary_row(entry: HardWord, styles: dict, fonts: Fonts, path: Path | None = None) -> Table:
    """One hard word in bold on the left, its explanation on the right, a rule underneath.
    Tagged, `path` is the entry's list item (LI): the word is its Lbl, the explanation its LBody."""
    word = Paragraph(f"<b>{font_markup(entry.word, fonts, bold=True)}</b>", styles["word"])
    explanation = Paragraph(font_markup(entry.explanation or "", fonts), styles["body"])
    if path is not None:
        word = mark(word, (*path, ("Lbl", "word")))
        explanation = mark(explanation, (*path, ("LBody", "explanation")))
    rule = [
        ("TOPPADDING", (0, 0), (-1, -1), S.GLOSSARY_ROW_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), S.GLOSSARY_ROW_PADDING),
        ("VALIGN", (1, 0), (1, 0), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 1, HexColor(S.RULE_COLOUR)),
    ]
    return _row(word, explanation, font=_font(styles), left_width=S.PICTURE_BOX, extra=rule)


def heading(text: str, styles: dict, fonts: Fonts) -> Paragraph:
    return Paragraph(font_markup(text, fonts, bold=True), styles["heading"])


def _tag(tagged: bool, *path: tuple) -> Path | None:
    return tuple(path) if tagged else None


def title_page(front: FrontMatter, styles: dict, fonts: Fonts, tagged: bool = False) -> list[Flowable]:
    """The title page: the title and a picture. Tagged: an H1 and a Figure (when there is a real picture)."""
    return [
        mark(Paragraph(font_markup(front.title, fonts, bold=True), styles["title"]),
             _tag(tagged, ("H1", "title")), text=front.title),
        Spacer(1, 24),
        PictureBox(front.picture, styles["picture"], fonts, size=S.TITLE_PICTURE_CM * S.CM,
                   picture_file=front.picture_file, figure=_tag(tagged, ("Figure", "title picture"))),
    ]


def contents_page(front: FrontMatter, styles: dict, fonts: Fonts, tagged: bool = False) -> list[Flowable]:
    """The contents list, on the page after the title page (a long list runs on to the next page).
    Tagged: a Sect with an H2 and a list (L), one LI with an LBody per line."""
    if not front.contents:
        return []
    section = ("Sect", "contents")
    lines = [mark(Paragraph(font_markup("• " + text, fonts), styles["body"]),
                  _tag(tagged, section, ("L", "contents"), ("LI", index), ("LBody", index)))
             for index, text in enumerate(front.contents)]
    title = mark(heading(CONTENTS_HEADING, styles, fonts), _tag(tagged, section, ("H2", "contents")),
                 text=CONTENTS_HEADING)
    return [title, *lines]


def closing(lines: Sequence[str], styles: dict, fonts: Fonts, tagged: bool = False) -> list[Flowable]:
    """The last lines of the document: picture credits, kept together (none without a picture set).
    Tagged: a P each."""
    from reportlab.platypus import KeepTogether

    if not lines:
        return []
    paragraphs = [mark(Paragraph(font_markup(line, fonts), styles["body"]), _tag(tagged, ("P", ("closing", index))))
                  for index, line in enumerate(lines)]
    return [KeepTogether([Spacer(1, 18), *paragraphs])]


def height_of(flowables: Sequence[Flowable], width: float = S.FRAME_WIDTH) -> float:
    """How tall `flowables` are stacked in a frame, as the frame counts: the space after the last
    one and the space before the first one do not count."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrap(width, S.FRAME_HEIGHT)
        if index:
            total += max(flowable.getSpaceBefore(), 0) + max(flowables[index - 1].getSpaceAfter(), 0)
        total += height
    return total
