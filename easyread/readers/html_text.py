"""The text a reader sees in a piece of HTML, with the standard library's HTML parser.

Tags go, their text stays, entities become characters, and tags that break a line (<br>, <p>,
<li>, ...) leave a space so words on either side stay apart. A link's address is added after its
text when it says something the text does not ("the office (tel:01234 567890)"), as the Markdown
reader does for Markdown links: the address is often the fact a reader needs.

What a reader does not see is returned apart, each with a reason, so the caller can set it aside
instead of losing it: comments, scripts and styles (and <template> content), a picture's
description (alt text), processing instructions (<?php ... ?>) and CDATA sections.

html.parser is CPython's own, kept with the language; unlike libxml2's HTML parser it builds no
tree, so it has no nesting limit: text inside 10,000 nested <div>s is read like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_NOT_TEXT = frozenset({"script", "style", "template"})
_BREAKS = frozenset({"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                     "ul", "ol", "table", "blockquote", "hr", "dd", "dt", "article", "header", "footer"})
_LINK_NOISE = re.compile(r"^(?:mailto:|tel:|https?://)?(?:www\.)?", re.IGNORECASE)

COMMENT = "an HTML comment: a note not shown to readers"
SCRIPT = "a script or style in the HTML: not shown to readers"
ALT_TEXT = "a picture's description (alt text): not shown on the page"
INSTRUCTION = "a processing instruction or CDATA section in the HTML: not shown to readers"


@dataclass
class HtmlText:
    """What a piece of HTML holds: the visible text (spacing collapsed) and the parts not shown,
    each (text, reason), in the order met. `comments` are the HTML comments' texts."""

    visible: str
    comments: list[str] = field(default_factory=list)
    not_shown: list[tuple[str, str]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.comments: list[str] = []
        self.not_shown: list[tuple[str, str]] = []
        self._hidden: list[str] = []  # text inside the open script/style/template elements
        self._hidden_depth = 0
        self._links: list[tuple[str, int]] = []  # (href, index in parts where its text starts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_TEXT:
            self._hidden_depth += 1
            return
        if self._hidden_depth:
            return
        if tag in _BREAKS:
            self.parts.append(" ")
        found = dict(attrs)
        if tag == "img" and (found.get("alt") or "").strip():
            self.not_shown.append((_collapse(found["alt"] or ""), ALT_TEXT))
        if tag == "a":
            self._links.append(((found.get("href") or "").strip(), len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # <br/>, <img/>: nothing to close

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_TEXT and self._hidden_depth:
            self._hidden_depth -= 1
            if not self._hidden_depth:
                self._close_hidden()
        elif self._hidden_depth:
            return
        elif tag in _BREAKS:
            self.parts.append(" ")
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            if worth_showing(href, "".join(self.parts[start:])):
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        (self._hidden if self._hidden_depth else self.parts).append(data)

    def handle_comment(self, data: str) -> None:
        if data.strip():
            self.comments.append(_collapse(data))

    def handle_pi(self, data: str) -> None:
        self._not_shown(data.rstrip("?"), INSTRUCTION)

    def unknown_decl(self, data: str) -> None:  # <![CDATA[ ... ]]> and the like
        self._not_shown(data.removeprefix("CDATA["), INSTRUCTION)

    def close(self) -> None:
        super().close()
        self._close_hidden()

    def _close_hidden(self) -> None:
        self._not_shown("".join(self._hidden), SCRIPT)
        self._hidden = []

    def _not_shown(self, text: str, reason: str) -> None:
        if text.strip():
            self.not_shown.append((_collapse(text), reason))


def html_text(html: str) -> HtmlText:
    """The visible text of `html` with spaces collapsed, its comments, and what is not shown."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return HtmlText(_collapse("".join(collector.parts)), collector.comments, collector.not_shown)


def link_target(tag: str) -> str | None:
    """The href of an opening <a ...> tag given alone (as Markdown's inline HTML gives it); None for
    any other tag, "" for an <a> without an address."""
    collector = _Collector()
    collector.feed(tag)
    return collector._links[-1][0] if collector._links else None


def breaks_line(tag: str) -> bool:
    """Whether an inline HTML tag given alone (<br>, </p>, <div class="x">) breaks the line."""
    match = re.match(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", tag)
    return bool(match) and match.group(1).lower() in _BREAKS


def worth_showing(href: str, shown: str) -> bool:
    """Show a link's address unless it is the same as its text, or only a jump inside the document."""
    if not href or href.startswith("#"):
        return False

    def key(text: str) -> str:
        return _LINK_NOISE.sub("", text.strip()).rstrip("/").casefold()

    return key(href) != key(shown)


def _collapse(text: str) -> str:
    return " ".join(text.split())
