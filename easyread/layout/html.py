"""Write an Easy Read document as one self-contained, accessible HTML file.

The printed pages are the PDF's pages: `pdf.plan` measures them with the real fonts, and each one
becomes a `<section class="page">` that starts a new printed page. Pictures are embedded as data:
URIs and the stylesheet is inline, so the file loads nothing from anywhere. All document text is
data: it is escaped, and only the `<strong>` tags added here for hard words are markup.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from pathlib import Path

from easyread.atomic import write_text_atomic
from easyread.layout.emphasis import emphasis_runs
from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, closing_lines, front_matter
from easyread.layout.markup import clean
from easyread.layout.no_break import nowrap_html
from easyread.layout.paginate import last_pages
from easyread.model import EasyReadDocument, HardWord, Item, Page
from easyread.pictures.raster import picture_path

HTML_PICTURE_BYTES = 5 * 1024 * 1024  # a bigger picture shows its description: the page stays small enough to open
MEDIA_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}


@dataclass(frozen=True)
class PrintedPage:
    """One planned content page with its printed page number (the title page is page 1)."""

    number: int
    page: Page
    heading: str  # as the reader sees it: the title for text before the first heading


def render_html(document: EasyReadDocument, output: Path) -> int:
    """Write `document` as an Easy Read HTML file at `output`; return the number of printed pages
    planned (title page + content pages + "Hard words" pages), the same pages as the PDF.

    The file appears only when it is complete: a failure leaves nothing at `output`.
    """
    from easyread.layout.pdf import plan  # measures with reportlab: imported only when needed

    pages, glossary_pages = plan(document)
    write_text_atomic(Path(output), html_document(document, pages, glossary_pages))
    return 1 + (1 if front_matter(document).contents else 0) + len(pages) + len(glossary_pages)


def html_document(document: EasyReadDocument, pages: list[Page], glossary_pages: list[list[HardWord]]) -> str:
    """The whole HTML file for `document`, laid out on the given planned pages."""
    contents = front_matter(document).contents
    first = 3 if contents else 2  # the title page is page 1, the contents (if any) page 2
    before, after = last_pages(document, pages)  # contact details go on the last pages
    printed = [
        PrintedPage(number, page, page.heading.strip() or document.title)
        for number, page in enumerate(before, start=first)
    ]
    first_glossary = first + len(before)
    printed_after = [
        PrintedPage(number, page, page.heading.strip() or document.title)
        for number, page in enumerate(after, start=first_glossary + len(glossary_pages))
    ]
    body = [
        _title_page(document),
        *([_contents(contents, printed + printed_after)] if contents else []),
        *(_content_page(printed_page) for printed_page in printed),
        *(_glossary_page(entries, number) for number, entries in enumerate(glossary_pages, start=first_glossary)),
        *(_content_page(printed_page) for printed_page in printed_after),
    ]
    language = escape(clean(document.language) or "en-GB")
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{language}">',
            _head(document),
            "<body>",
            "<main>",
            *body,
            "</main>",
            _footer(document),
            "</body>",
            "</html>",
            "",
        ]
    )


def _head(document: EasyReadDocument) -> str:
    return "\n".join(
        [
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{text(document.title)}</title>",
            '<meta name="generator" content="easyread">',
            f"<style>\n{stylesheet()}</style>",
            "</head>",
        ]
    )


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The inline CSS, kept in `html.css` beside this module."""
    return resources.files("easyread.layout").joinpath("html.css").read_text(encoding="utf-8")


def _title_page(document: EasyReadDocument) -> str:
    front = front_matter(document)
    parts = [
        '<header class="title-page">',
        f"<h1>{text(front.title)}</h1>",
        picture(front.picture, front.picture_file, "picture title-picture"),
    ]
    parts.append("</header>")
    return "\n".join(parts)


def _contents(headings: list[str], printed: list[PrintedPage]) -> str:
    """The contents list, a printed page of its own after the title page, as in the PDF and Word:
    each heading links to the first page that has it."""
    first_page: dict[str, int] = {}
    for printed_page in printed:
        first_page.setdefault(printed_page.heading, printed_page.number)
    lines = ['<nav class="page contents" id="page-2" aria-labelledby="contents-heading">',
             f'<h2 id="contents-heading">{text(CONTENTS_HEADING)}</h2>', "<ul>"]
    for heading in headings:
        number = first_page.get(heading)
        label = text(heading)
        lines.append(f'<li><a href="#page-{number}">{label}</a></li>' if number else f"<li>{label}</li>")
    lines += ["</ul>", "</nav>"]
    return "\n".join(lines)


def _page_start(number: int, heading: str) -> list[str]:
    return [
        f'<section class="page" id="page-{number}" aria-labelledby="page-{number}-heading">',
        f'<h2 id="page-{number}-heading">{text(heading)}</h2>',
    ]


def _content_page(printed_page: PrintedPage) -> str:
    figures = [figure(item) for item in printed_page.page.items]
    return "\n".join([*_page_start(printed_page.number, printed_page.heading), *figures, "</section>"])


def _glossary_page(entries: list[HardWord], number: int) -> str:
    rows = [
        f"<dt><strong>{text(entry.word)}</strong></dt>\n<dd>{text(entry.explanation or '')}</dd>"
        for entry in entries
    ]
    return "\n".join([*_page_start(number, GLOSSARY_HEADING), '<dl class="glossary">', *rows, "</dl>", "</section>"])


def _footer(document: EasyReadDocument) -> str:
    lines = [f"<p>{text(line)}</p>" for line in closing_lines(document)]
    return "\n".join(["<footer>", *lines, "</footer>"])


def figure(item: Item) -> str:
    """One idea: the picture on the left, the sentence (hard words in bold) on the right."""
    return (
        "<figure>\n"
        f"{picture(item.picture, item.picture_file)}\n"
        f"<figcaption{language_attributes(item)}>{sentence_html(item.sentence, item.hard_words)}</figcaption>\n"
        "</figure>"
    )


def language_attributes(item: Item) -> str:
    """` lang="ru"` (and ` dir="rtl"` for Hebrew, Arabic, ...) for an item flagged not-english, so
    browsers and screen readers read it in its own language; "" for English and unknown languages."""
    from easyread.not_english import item_language

    language = item_language(item)
    if language is None:
        return ""
    attributes = f' lang="{escape(language.tag)}"' if language.tag else ""
    return attributes + (' dir="rtl"' if language.right_to_left else "")


def picture(description: str, picture_file: str | None, css_class: str = "picture") -> str:
    """The picture embedded as an `<img>` with its alt text (`pictures.alt_text`), or a placeholder
    showing its description to whoever edits the page, hidden from screen readers (`aria-hidden`):
    it is not a picture, and its words are not the document's."""
    from easyread.pictures.alt_text import alt_text

    source = data_uri(picture_file)
    if source is not None:
        return f'<img class="{css_class}" src="{source}" alt="{text(alt_text(description, picture_file))}">'
    return f'<div class="{css_class} placeholder" aria-hidden="true">Picture: {text(description)}</div>'


def data_uri(picture_file: str | Path | None) -> str | None:
    """The PNG, JPEG or SVG at `picture_file` as a data: URI, or None if there is none, it cannot be
    read, or it is refused (`easyread.pictures.safe`: not a regular file, over a limit)."""
    from easyread.pictures.safe import safe_picture

    found = safe_picture(picture_path(picture_file))  # a file, or a picture of a set such as "openmoji:1F4DE.svg"
    if found is None or len(found[0]) > HTML_PICTURE_BYTES:
        return None
    data, kind = found
    return f"data:{MEDIA_TYPES[kind]};base64,{base64.b64encode(data).decode('ascii')}"


def sentence_html(sentence: str, hard_words: list[HardWord]) -> str:
    """The sentence escaped, with each of its hard words in `<strong>` and each phone number,
    postcode, amount, date, time, email or code that must not break in a `<span class="nobr">`."""
    return nowrap_html(clean(sentence), emphasis_runs(clean(sentence), hard_words))


def text(value: str) -> str:
    """Document text escaped for HTML content or a quoted attribute: it always shows literally."""
    return escape(clean(value))
