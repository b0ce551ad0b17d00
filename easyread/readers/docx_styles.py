"""What a Word paragraph's style says: its name, heading level, numbering and bold.

Styles inherit through w:basedOn (ECMA-376 Part 1, 17.7.4.3); each question follows that chain,
nearest style first. Built-in style names are compared in lower case ("heading 1", "title", "toc 2").
"""

from __future__ import annotations

import re
from typing import Any

from easyread.readers.docx_xml import W, is_on, value

_HEADING_NAME = re.compile(r"^heading\s*(\d)$")
_BODY_OUTLINE_LEVEL = 9  # w:outlineLvl 9 is body text; 0-8 are heading levels 1-9
_MAX_CHAIN = 20  # a basedOn loop in a damaged file stops here


class StyleSheet:
    """The paragraph and character styles of one document (word/styles.xml)."""

    def __init__(self, styles: Any | None) -> None:
        self._styles: dict[str, Any] = {}
        self._default_paragraph: str | None = None
        if styles is None:
            return
        for style in styles.iterchildren(f"{W}style"):
            style_id = style.get(f"{W}styleId")
            if not style_id:
                continue
            self._styles[style_id] = style
            if style.get(f"{W}type") == "paragraph" and (style.get(f"{W}default") or "").lower() in ("1", "true", "on"):
                self._default_paragraph = style_id

    def paragraph_style(self, p: Any) -> str | None:
        """The style id of a paragraph: its w:pStyle, else the document's default paragraph style."""
        return value(p.find(f"{W}pPr/{W}pStyle")) or self._default_paragraph

    def name(self, style_id: str | None) -> str:
        """The style's name in lower case ("heading 1"); its id when it has no name; "normal" for none."""
        if not style_id:
            return "normal"
        style = self._styles.get(style_id)
        name = value(style.find(f"{W}name")) if style is not None else None
        return (name or style_id).lower()

    def heading_level(self, p: Any, style_id: str | None) -> int:
        """1-9 for a heading ("Heading 2" gives 2, or an outline level set on the paragraph or its style); 0 if none."""
        match = _HEADING_NAME.match(self.name(style_id))
        if match:
            return int(match.group(1))
        own = p.find(f"{W}pPr/{W}outlineLvl")
        outline = own if own is not None else self._find(style_id, f"{W}pPr/{W}outlineLvl")
        level = _int(value(outline))
        return level + 1 if level is not None and 0 <= level < _BODY_OUTLINE_LEVEL else 0

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) the style gives its paragraphs (either may be None)."""
        num_pr = self._find(style_id, f"{W}pPr/{W}numPr")
        if num_pr is None:
            return None, None
        return value(num_pr.find(f"{W}numId")), _int(value(num_pr.find(f"{W}ilvl")))

    def bold(self, style_id: str | None) -> bool:
        """Whether text in this style is bold (w:b in the style's run properties, inherited)."""
        bold = self._find(style_id, f"{W}rPr/{W}b")
        return is_on(bold)

    def _find(self, style_id: str | None, path: str) -> Any | None:
        """The first element at `path` in the style or the styles it is based on."""
        for _ in range(_MAX_CHAIN):
            style = self._styles.get(style_id or "")
            if style is None:
                return None
            found = style.find(path)
            if found is not None:
                return found
            style_id = value(style.find(f"{W}basedOn"))
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
