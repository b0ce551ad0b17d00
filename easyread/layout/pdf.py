"""Draw an Easy Read document as an accessible A4 PDF.

Title page, then the content pages from `paginate` (one picture+sentence row per idea, 4-5 a
page), then the "Hard words" pages, then the contact details gathered at the end. Every page has
"Page N of M". Text is drawn in Atkinson Hyperlegible, with Noto Sans for the characters it lacks
(`easyread.layout.fonts`); pages are measured with the same fonts. reportlab is imported only when
a PDF is drawn, so that `easyread --help` stays light.
"""

from __future__ import annotations

from pathlib import Path

from easyread.atomic import atomic_path
from easyread.layout import styles as S
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, closing_lines, front_matter, subject
from easyread.layout.paginate import last_pages, paginate, paginate_glossary
from easyread.model import EasyReadDocument, HardWord, Page


def document_text(document: EasyReadDocument) -> str:
    """Every piece of text the PDF of `document` can draw, one per line (it decides the fonts)."""
    front = front_matter(document)
    parts = [document.title, document.source_name, front.source_line, front.made_with, front.picture,
             CONTENTS_HEADING, GLOSSARY_HEADING, *closing_lines(document)]
    for section in document.sections:
        parts.append(section.heading)
        for item in section.items:
            parts += [item.sentence, item.picture, *(hard.word for hard in item.hard_words)]
    for entry in document.glossary:
        parts += [entry.word, entry.explanation or ""]
    return "\n".join(parts)


class _Layout:
    """Builds the flowables of each page, and says whether a page fits in the frame."""

    def __init__(self, document: EasyReadDocument) -> None:
        from easyread.layout import flowables
        from easyread.layout.fonts import fonts_for

        self.fonts = fonts_for(document_text(document))
        self.styles = S.paragraph_styles(self.fonts.body.regular, self.fonts.body.bold)
        self.document = document
        self.f = flowables

    def heading_of(self, page: Page) -> str:
        # Text before the first heading has no heading of its own: show the title instead.
        return page.heading.strip() or self.document.title

    def content(self, page: Page) -> list:
        rows = [self.f.item_row(item, self.styles, self.fonts) for item in page.items]
        return [self.f.heading(self.heading_of(page), self.styles, self.fonts), *rows]

    def fits(self, page: Page) -> bool:
        return self.f.height_of(self.content(page)) <= S.FRAME_HEIGHT

    def story_of(self, page: Page) -> list:
        content = self.content(page)
        if len(page.items) > 1 or self.f.height_of(content) <= S.FRAME_HEIGHT:
            return content
        # One item taller than a whole page: its sentence runs on over the next pages.
        heading = content[0]
        space = S.FRAME_HEIGHT - self.f.height_of([heading]) - heading.getSpaceAfter()
        return [heading, *self.f.oversized_item_rows(page.items[0], self.styles, self.fonts, space)]

    def glossary(self, entries: list[HardWord]) -> list:
        rows = [self.f.glossary_row(entry, self.styles, self.fonts) for entry in entries]
        return [self.f.heading(GLOSSARY_HEADING, self.styles, self.fonts), *rows]

    def glossary_fits(self, entries: list[HardWord]) -> bool:
        return self.f.height_of(self.glossary(entries)) <= S.FRAME_HEIGHT

    def plan(self) -> tuple[list[Page], list[list[HardWord]]]:
        pages = paginate(self.document, fits=self.fits)
        return pages, paginate_glossary(self.document.glossary, fits=self.glossary_fits)

    def title_page(self) -> list:
        from reportlab.platypus import KeepInFrame

        content = self.f.title_page(front_matter(self.document), self.styles, self.fonts)
        # A very long title shrinks rather than push the title page onto a second page.
        return [KeepInFrame(S.FRAME_WIDTH, S.FRAME_HEIGHT, content, mode="shrink")]


def plan(document: EasyReadDocument) -> tuple[list[Page], list[list[HardWord]]]:
    """The content pages and the "Hard words" pages `render_pdf` draws, measured with the real fonts."""
    return _Layout(document).plan()


def render_pdf(document: EasyReadDocument, output: Path, *, author: str = "easyread") -> int:
    """Write `document` as an Easy Read PDF at `output` and return the number of pages written.

    The file appears only when it is complete: a failure leaves nothing at `output`.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

    layout = _Layout(document)
    pages, glossary_pages = layout.plan()

    story = layout.title_page()
    contents = layout.f.contents_page(front_matter(document), layout.styles, layout.fonts)
    if contents:
        story += [PageBreak(), *contents]
    before, after = last_pages(document, pages)  # contact details go on the last pages
    for page in before:
        story += [PageBreak(), *layout.story_of(page)]
    for entries in glossary_pages:
        story += [PageBreak(), *layout.glossary(entries)]
    for page in after:
        story += [PageBreak(), *layout.story_of(page)]
    story += layout.f.closing(closing_lines(document), layout.styles, layout.fonts)

    frame = Frame(
        S.FRAME_X,
        S.FRAME_BOTTOM,
        S.FRAME_WIDTH,
        S.FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    page_counts: list[int] = []
    with atomic_path(Path(output)) as temp:
        doc = BaseDocTemplate(
            str(temp),
            pagesize=(S.PAGE_WIDTH, S.PAGE_HEIGHT),
            leftMargin=S.MARGIN,
            rightMargin=S.MARGIN,
            topMargin=S.MARGIN,
            bottomMargin=S.FRAME_BOTTOM,
            title=document.title,
            author=author,
            subject=subject(document),  # never the file name
            keywords="Easy Read",
            creator="easyread",
            lang=document.language or "en-GB",
            displayDocTitle=True,
            initialFontName=layout.fonts.body.regular,  # else every page also names an unembedded Helvetica
            initialFontSize=S.BODY_SIZE,
            initialLeading=S.LEADING,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build(story, canvasmaker=layout.f.numbered_canvas(layout.fonts, page_counts))
    return page_counts[-1]
