"""Draw an Easy Read document as an accessible A4 PDF.

Title page, then the content pages from `paginate` (one picture+sentence row per idea, 4-5 a
page), then the "Hard words" pages, then the contact details gathered at the end. Every page has
"Page N of M". Text is drawn in Atkinson Hyperlegible, with Noto Sans for the characters it lacks
(`easyread.layout.fonts`); pages are measured with the same fonts. reportlab is imported only when
a PDF is drawn, so that `easyread --help` stays light.

The PDF is tagged (PDF/UA-1): what each flowable draws is marked as an element of the structure
tree (`pdf_tags`, `_Tags` below), which `pdf_structure` writes after reportlab is done.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from easyread.atomic import atomic_path
from easyread.layout import styles as S
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, closing_lines, front_matter, subject
from easyread.layout.paginate import last_pages, paginate, paginate_glossary
from easyread.model import EasyReadDocument, HardWord, Page


def document_text(document: EasyReadDocument) -> str:
    """Every piece of text the PDF of `document` can draw, one per line (it decides the fonts)."""
    front = front_matter(document)
    parts = [document.title, document.source_name, front.picture,
             CONTENTS_HEADING, GLOSSARY_HEADING, *closing_lines(document)]
    for section in document.sections:
        parts.append(section.heading)
        for item in section.items:
            parts += [item.sentence, item.picture, *(hard.word for hard in item.hard_words)]
    for entry in document.glossary:
        parts += [entry.word, entry.explanation or ""]
    return "\n".join(parts)


class _Tags:
    """The structure paths of the story, handed out in the order the story is built (which is the
    reading order): a Sect per section with its H2, a Div per item, a list item per hard word."""

    def __init__(self) -> None:
        self._keys = itertools.count()
        self._section: tuple = ("Sect", None)
        self._heading: str | None = None

    def heading(self, flowable, text: str):  # type: ignore[no-untyped-def]
        """`flowable` (a page's heading) as the H2 of a new section, or as an artifact when it
        repeats the heading of the page before (a section running on to the next page)."""
        from easyread.layout.pdf_tags import Artifact, Marked

        if text == self._heading:
            return Artifact(flowable)
        self._heading = text
        self._section = ("Sect", next(self._keys))
        return Marked(flowable, (self._section, ("H2", "heading")), text=text)

    def item(self) -> tuple:
        return (self._section, ("Div", next(self._keys)))

    def glossary_entry(self) -> tuple:
        return (self._section, ("L", "hard words"), ("LI", next(self._keys)))


class _Layout:
    """Builds the flowables of each page, and says whether a page fits in the frame."""

    def __init__(self, document: EasyReadDocument, tagged: bool = False) -> None:
        from easyread.layout import flowables
        from easyread.layout.fonts import fonts_for

        self.fonts = fonts_for(document_text(document))
        self.styles = S.paragraph_styles(self.fonts.body.regular, self.fonts.body.bold)
        self.document = document
        self.f = flowables
        self.tags = _Tags() if tagged else None  # used by the story only, never when measuring

    def heading_of(self, page: Page) -> str:
        # Text before the first heading has no heading of its own: show the title instead.
        return page.heading.strip() or self.document.title

    def content(self, page: Page) -> list:
        rows = [self.f.item_row(item, self.styles, self.fonts) for item in page.items]
        return [self.f.heading(self.heading_of(page), self.styles, self.fonts), *rows]

    def fits(self, page: Page) -> bool:
        return self.f.height_of(self.content(page)) <= S.FRAME_HEIGHT

    def _heading(self, text: str):  # type: ignore[no-untyped-def]
        flowable = self.f.heading(text, self.styles, self.fonts)
        return flowable if self.tags is None else self.tags.heading(flowable, text)

    def story_of(self, page: Page) -> list:
        heading = self._heading(self.heading_of(page))  # first: it starts the section the items go in
        paths = [None if self.tags is None else self.tags.item() for _ in page.items]
        story = [heading, *(self.f.item_row(item, self.styles, self.fonts, path)
                            for item, path in zip(page.items, paths, strict=True))]
        if len(page.items) > 1 or self.f.height_of(story) <= S.FRAME_HEIGHT:
            return story
        # One item taller than a whole page: its sentence runs on over the next pages.
        space = S.FRAME_HEIGHT - self.f.height_of([heading]) - heading.getSpaceAfter()
        return [heading, *self.f.oversized_item_rows(page.items[0], self.styles, self.fonts, space, paths[0])]

    def glossary(self, entries: list[HardWord]) -> list:
        rows = [self.f.glossary_row(entry, self.styles, self.fonts) for entry in entries]
        return [self.f.heading(GLOSSARY_HEADING, self.styles, self.fonts), *rows]

    def glossary_story(self, entries: list[HardWord]) -> list:
        if self.tags is None:
            return self.glossary(entries)
        heading = self._heading(GLOSSARY_HEADING)  # first: a new section's entries go under it
        rows = [self.f.glossary_row(entry, self.styles, self.fonts, self.tags.glossary_entry()) for entry in entries]
        return [heading, *rows]

    def glossary_fits(self, entries: list[HardWord]) -> bool:
        return self.f.height_of(self.glossary(entries)) <= S.FRAME_HEIGHT

    def plan(self) -> tuple[list[Page], list[list[HardWord]]]:
        pages = paginate(self.document, fits=self.fits)
        return pages, paginate_glossary(self.document.glossary, fits=self.glossary_fits)

    def title_page(self) -> list:
        from reportlab.platypus import KeepInFrame

        content = self.f.title_page(front_matter(self.document), self.styles, self.fonts, self.tags is not None)
        # A very long title shrinks rather than push the title page onto a second page.
        return [KeepInFrame(S.FRAME_WIDTH, S.FRAME_HEIGHT, content, mode="shrink")]


def plan(document: EasyReadDocument) -> tuple[list[Page], list[list[HardWord]]]:
    """The content pages and the "Hard words" pages `render_pdf` draws, measured with the real fonts."""
    return _Layout(document).plan()


def render_pdf(document: EasyReadDocument, output: Path, *, author: str = "easyread", tagged: bool = True) -> int:
    """Write `document` as an Easy Read PDF at `output` and return the number of pages written.

    `tagged` (the default) writes a tagged PDF (PDF/UA-1: structure tree, alt text, artifacts,
    outline); False draws the same pages untagged (for comparison, e.g. benchmarks/pdf_speed.py).
    The file appears only when it is complete: a failure leaves nothing at `output`.
    """
    import io

    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

    from easyread.layout.page_numbers import numbered_canvas
    from easyread.layout.pdf_tags import Tagger

    layout = _Layout(document, tagged=tagged)
    pages, glossary_pages = layout.plan()

    story = layout.title_page()
    contents = layout.f.contents_page(front_matter(document), layout.styles, layout.fonts, tagged)
    if contents:
        story += [PageBreak(), *contents]
    before, after = last_pages(document, pages)  # contact details go on the last pages
    for page in before:
        story += [PageBreak(), *layout.story_of(page)]
    for entries in glossary_pages:
        story += [PageBreak(), *layout.glossary_story(entries)]
    for page in after:
        story += [PageBreak(), *layout.story_of(page)]
    story += layout.f.closing(closing_lines(document), layout.styles, layout.fonts, tagged)

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
    tagger = Tagger() if tagged else None
    drawn = io.BytesIO()
    with atomic_path(Path(output)) as temp:
        doc = BaseDocTemplate(
            drawn,
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
        doc.build(story, canvasmaker=numbered_canvas(layout.fonts, page_counts, tagger))
        data = drawn.getvalue()
        if tagger is not None:
            from easyread.layout.pdf_structure import tag_pdf

            data = tag_pdf(data, tagger)
        Path(temp).write_bytes(data)
    return page_counts[-1]
