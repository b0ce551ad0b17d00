"""WordprocessingML names and small helpers the Word reader's modules share.

Element names follow ECMA-376 Part 1 (Office Open XML), chapter 17 (WordprocessingML) and Part 3
(Markup Compatibility, for mc:AlternateContent).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
ALTERNATE_CONTENT = f"{MC}AlternateContent"
TEXT_BOX = f"{W}txbxContent"
_WRAPPERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"})
_BRANCHES = frozenset({f"{MC}Choice", f"{MC}Fallback"})
_TRUE = frozenset({"1", "true", "on"})
_TOC_GALLERY = "table of contents"


def children(element: Any, in_toc: bool = False) -> Iterator[tuple[Any, bool]]:
    """(child, inside a table of contents) for each child, looking through content controls.

    Content controls (w:sdt), custom XML and smart tags only wrap paragraphs, rows or cells; a
    content control whose gallery is "Table of Contents" marks everything inside it as the table
    of contents Word built.
    """
    for child in element.iterchildren():
        if child.tag in _WRAPPERS:
            gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
            inside = in_toc or (gallery is not None and (gallery.get(f"{W}val") or "").lower() == _TOC_GALLERY)
            yield from children(child, inside)
        elif child.tag == ALTERNATE_CONTENT:
            branch = chosen_branch(child)
            if branch is not None:
                yield from children(branch, in_toc)
        elif isinstance(child.tag, str):
            yield child, in_toc


def chosen_branch(alternate: Any) -> Any | None:
    """The one branch of an mc:AlternateContent to read: the first that holds any text, else the first.

    Word writes a text box twice, as DrawingML in mc:Choice and as VML in mc:Fallback; reading one
    branch reads each box once.
    """
    branches = [child for child in alternate.iterchildren() if child.tag in _BRANCHES]
    for branch in branches:
        if next(branch.iter(f"{W}t"), None) is not None:
            return branch
    return branches[0] if branches else None


def is_on(element: Any | None) -> bool:
    """Whether an on/off property (w:b, w:vanish, ...) is set: present, and w:val not false/0/off."""
    return element is not None and (element.get(f"{W}val") or "true").lower() in _TRUE


def int_value(element: Any | None, default: int = 0) -> int:
    """The integer w:val of an element, or `default` when it is missing or not a number."""
    try:
        return int(element.get(f"{W}val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def value(element: Any | None) -> str | None:
    """The w:val of an element, if it has one."""
    return element.get(f"{W}val") if element is not None else None
