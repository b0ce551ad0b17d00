"""Read an HTML file into units for `check`: our own HTML output, or an ordinary web page.

Each heading, paragraph, list item, table cell, definition and caption is a unit; a line break
(<br>) starts a new one, as a new line does in a text file. What a reader does not see on the page
is left out: the <head>, scripts, styles, templates, hidden elements and pictures (alt text, and our
own "Picture: ..." placeholders, which are `role="img"`). On an ordinary web page the site's
navigation, header, footer and side bars (<nav>, <header>, <footer>, <aside>) are boilerplate, not
the page's words, and are left out too. In our own output (`<meta name="generator"
content="easyread">`) the header is the title page, the <nav> the contents list and the footer the
picture credits: they are read as "front" units, and the Hard words list (<dl>) as "glossary" units.

The parser is CPython's html.parser (kept with the language, as `readers.html_text` uses): it
accepts any tag soup, builds no tree and so has no nesting limit. Units are located by the line
they start on ("line 12"; "line 12, part 2" for a second one on the same line).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from easyread.checks.own_units import glossary_unit, heading_unit, section_unit
from easyread.checks.units import TextUnit
from easyread.errors import EmptyDocument, UnreadableDocument

HIDDEN = frozenset({"head", "script", "style", "template", "noscript", "svg", "math", "object", "iframe",
                    "canvas", "select", "textarea", "button"})
BOILERPLATE = frozenset({"nav", "header", "footer", "aside"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = HEADINGS | frozenset({
    "p", "li", "td", "th", "dt", "dd", "figcaption", "caption", "blockquote", "pre", "address", "summary",
    "div", "section", "article", "main", "body", "ul", "ol", "dl", "table", "tr", "figure", "form",
    "fieldset", "legend", "details", "hr", "br", "label", "option",
}) | BOILERPLATE
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
                  "track", "wbr", "param"})
GENERATOR = "easyread"
HTML_SUFFIXES = (".html", ".htm")
_TAG = re.compile(r"<[A-Za-z!/?]")


class _Units(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.own = False
        self.stack: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.parts: list[str] = []
        self.start_line = 0
        self.pieces: list[tuple[str, str, int, tuple[str, ...]]] = []  # (text, innermost block, line, open tags)

    def _hidden(self) -> bool:
        return any(hides for _, hides in self.stack)

    def _hides(self, tag: str, attributes: dict[str, str | None]) -> bool:
        if tag in HIDDEN or "hidden" in attributes or (attributes.get("aria-hidden") or "").lower() == "true":
            return True
        if (attributes.get("role") or "").lower() == "img":
            return True  # a picture drawn in HTML (our placeholders): its label is not a sentence
        return tag in BOILERPLATE and not self.own

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("name") or "").lower() == "generator":
            self.own = (attributes.get("content") or "").strip().lower() == GENERATOR
        if tag in BLOCKS:
            self._flush()
        if tag in VOID:
            return
        if tag == "p" and self.stack and self.stack[-1][0] == "p":  # a <p> closes an open <p>
            self.stack.pop()
        self.stack.append((tag, self._hides(tag, attributes)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
        for index in range(len(self.stack) - 1, -1, -1):  # close the nearest open one and all inside it
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self._hidden():
            return
        if not self.parts or not "".join(self.parts).strip():
            self.start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.parts.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        self.parts = []
        if text:
            tags = tuple(tag for tag, _ in self.stack)
            block = next((tag for tag in reversed(tags) if tag in BLOCKS), "")
            self.pieces.append((text, block, self.start_line, tags))

    def close(self) -> None:
        super().close()
        self._flush()


def html_units(html: str) -> list[TextUnit]:
    """The units of an HTML page (see the module's notes for what is read and what is left out)."""
    parser = _Units()
    parser.feed(html)
    parser.close()
    units: list[TextUnit] = []
    seen: dict[int, int] = {}
    section = ""
    term = ""
    for text, block, line, tags in parser.pieces:
        seen[line] = seen.get(line, 0) + 1
        location = f"line {line}" if seen[line] == 1 else f"line {line}, part {seen[line]}"
        if block in HEADINGS:
            section = text
            units.append(heading_unit(text, location))
        elif parser.own and block == "dt":
            term = text
        elif parser.own and block == "dd":
            units.append(glossary_unit(term, text, location))
        elif parser.own and ("header" in tags or "footer" in tags or "nav" in tags):
            units.append(TextUnit(text, location, kind="front"))
        elif parser.own:
            units.append(section_unit(text, location, section))
        else:
            units.append(TextUnit(text, location))
    return units


def read_html_units(path: Path) -> list[TextUnit]:
    """The units of the HTML file at `path`.

    Raises UsageError (a folder, no such file), UnreadableDocument (too large; not text: a binary
    file, an unknown encoding; cannot be read) and EmptyDocument (no text a reader sees), each one
    line naming the file.
    """
    from easyread.readers import check_file
    from easyread.readers.txt import decode

    check_file(path, also=HTML_SUFFIXES)  # a folder, a missing or unreadable file, over the size limit
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(path, f"cannot be read ({(error.strerror or type(error).__name__).lower()})") from None
    text = decode(data, path)
    if not _TAG.search(text):
        raise UnreadableDocument(path, "not HTML: it has no tags (<p>, <h1>, <li>, ...)")
    try:
        units = html_units(text)
    except Exception as error:  # html.parser accepts tag soup; this is a last guard, never a traceback
        raise UnreadableDocument(path, f"not valid HTML ({type(error).__name__})") from None
    if not any(unit.kind in ("body", "glossary") for unit in units):
        raise EmptyDocument(path, "has no text to check (an HTML page with no paragraphs, lists or tables)")
    return units

