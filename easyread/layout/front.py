"""What the first and last pages say, the same in every output format (PDF, Word, HTML, Markdown).

The title page has the title, a picture, a line saying this is an Easy Read version of the named
source and a line saying what made it; a contents list follows when there are more than 3
sections. Credits (such as the licence of a picture set) go at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from easyread.model import EasyReadDocument

CONTENTS_AFTER_SECTIONS = 3  # a contents list when a document has more sections than this
GLOSSARY_HEADING = "Hard words"
CONTENTS_HEADING = "What is in this document"
TITLE_PICTURE = "a picture that shows what this document is about"
MADE_WITH = "Easy Read made with easyread."


@dataclass(frozen=True)
class FrontMatter:
    title: str
    picture: str  # the description, used as alt text or in the placeholder
    picture_file: str | None
    source_line: str  # "This is an Easy Read version of letter.docx."
    made_with: str  # "Easy Read made with easyread."
    contents: list[str] = field(default_factory=list)  # section headings, in order; empty for short documents


def section_headings(document: EasyReadDocument) -> list[str]:
    """Each section's heading as the reader sees it (the title for text before the first heading)."""
    return [section.heading.strip() or document.title for section in document.sections if section.items]


def front_matter(document: EasyReadDocument) -> FrontMatter:
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
        source_line=f"This is an Easy Read version of {document.source_name}.",
        made_with=MADE_WITH,
        contents=contents,
    )


def closing_lines(document: EasyReadDocument) -> list[str]:
    """The lines at the very end: picture credits (none when no picture set was used)."""
    return list(document.credits)
