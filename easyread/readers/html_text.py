"""The text a reader sees in a piece of HTML, with the standard library's HTML parser.

Tags go, their text stays, entities become characters; scripts and styles are not text; comments
are returned apart so that a reader can set them aside with a reason instead of losing them.
"""

from __future__ import annotations

from html.parser import HTMLParser

_NOT_TEXT = frozenset({"script", "style", "template"})
_BREAKS = frozenset({"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section"})


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.comments: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_TEXT:
            self._hidden += 1
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _NOT_TEXT and self._hidden:
            self._hidden -= 1
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        if data.strip():
            self.comments.append(" ".join(data.split()))


def html_text(html: str) -> tuple[str, list[str]]:
    """(the visible text of `html` with spaces collapsed, the text of each comment)."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split()), collector.comments
