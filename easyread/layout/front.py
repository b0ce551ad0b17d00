"""What the first and last pages say, the same in every output format (PDF, Word, HTML, Markdown).

The title page has the document's Easy Read title and a picture, and only words for the reader: no
file name (a reader never sees the file, and "letter.docx" means nothing to them) and no credit for
the tool, which goes into each format's document properties instead (`CREDIT`: the PDF's Creator,
the Word file's comments, HTML's generator, the Markdown's first comment). A contents list follows
when there are more than 3 sections. Credits for the reader (such as the licence of a picture set)
go at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.model import EasyReadDocument

CONTENTS_AFTER_SECTIONS = 3  # a contents list when a document has more sections than this
GLOSSARY_HEADING = "Hard words"
CONTENTS_HEADING = "What is in this document"
TITLE_PICTURE = "a picture that shows what this document is about"
MADE_WITH = "Easy Read made with easyread."  # the credit, in document properties only (older outputs print it)
CREDIT = MADE_WITH
GENERATOR = "easyread"  # the tool's name, for properties that take a program name (PDF Creator, HTML generator)


@dataclass(frozen=True)
class FrontMatter:
    title: str
    picture: str  # the description, used as alt text or in the placeholder
    picture_file: str | None
    contents: list[str] = field(default_factory=list)  # section headings, in order; empty for short documents


def section_headings(document: EasyReadDocument) -> list[str]:
    """Each section's heading as the reader sees it (the title for text before the first heading)."""
    return [section.heading.strip() or document.title for section in document.sections if section.items]


def front_matter(document: EasyReadDocument) -> FrontMatter:
    """What the title page and the contents page show for `document`: its Easy Read title, the title
    picture, and the contents list (section headings, each once) when it has more than
    `CONTENTS_AFTER_SECTIONS` sections. Nothing else: no file name, no credit."""
    headings = section_headings(document)
    contents: list[str] = []
    if len(headings) > CONTENTS_AFTER_SECTIONS:
        for heading in headings:
            if not contents or contents[-1] != heading:  # a section split in two keeps one line
                contents.append(heading)
    return FrontMatter(
        title=document.title,
        picture=TITLE_PICTURE,
        picture_file=document.title_picture_file,
        contents=contents,
    )


def subject(document: EasyReadDocument) -> str:
    """The document properties' Subject: "Easy Read", or "Easy Read: <title>" (never the file name)."""
    title = " ".join(document.title.split())
    return f"Easy Read: {title}" if title else "Easy Read"


def closing_lines(document: EasyReadDocument) -> list[str]:
    """The lines at the very end: picture credits (none when no picture set was used)."""
    return list(document.credits)
