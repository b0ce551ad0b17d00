"""The markdown-it parser the Markdown reader uses, made to read text nested to any depth.

markdown-it stops at its nesting limit (`maxNesting`, 20 levels in the CommonMark preset: a list
10 deep) and silently skips everything after that point to the end of the enclosing block, which
for a deep list is the rest of the document. Here the limit is raised, and a block rule placed
first counts the lists and blockquotes open around it: at limits.MAX_NESTING_DEPTH it reads the
rest of that container as plain paragraphs (a new one at a blank line, a list item or a change
in the number of ">" marks), with the list bullets and ">" marks of the deeper levels taken off (ordered list numbers are kept, as the reader keeps them).
Nothing below the limit changes; nothing past it is dropped.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt

from easyread.limits import MAX_NESTING_DEPTH

_DEPTH = "easyread_container_depth"  # the env key holding how many lists and blockquotes are open
# Token levels markdown-it may reach before our rule flattens: a list is two levels (the list and its
# item), a paragraph inside one more; a margin so markdown-it's own limit is never what stops it.
_MAX_LEVEL = 2 * MAX_NESTING_DEPTH + 10
# Leading ">" quote marks and "-", "+", "*" bullets (each followed by a space or the line's end).
_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)))+[ \t]*")
_BULLET_START = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTES = re.compile(r"^(?:[ \t]*>)*")


def make_parser() -> MarkdownIt:
    """A CommonMark parser with tables and strikethrough that reads nesting of any depth.

    Parse with `parser.parse(text, {})`: the env dict carries the depth count. Lists and
    blockquotes up to MAX_NESTING_DEPTH deep give markdown-it's usual tokens; deeper content comes
    as paragraph tokens (with their line `map`), their text still parsed for emphasis and links.
    """
    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_LEVEL}).enable(["table", "strikethrough"])
    ruler = parser.block.ruler
    for name in ("list", "blockquote"):
        rule = next(rule for rule in ruler.__rules__ if rule.name == name)
        ruler.at(name, _counted(rule.fn), {"alt": list(rule.alt)})
    ruler.before("table", "flatten_deep", _flatten_deep)
    return parser


def _counted(rule: Any) -> Any:
    """`rule` (list or blockquote) counting itself in env while it reads its content."""

    def counted(state: Any, start: int, end: int, silent: bool) -> bool:
        if silent:  # only asked whether a container starts here: it reads nothing
            return bool(rule(state, start, end, silent))
        state.env[_DEPTH] = state.env.get(_DEPTH, 0) + 1
        try:
            return bool(rule(state, start, end, silent))
        finally:
            state.env[_DEPTH] -= 1

    return counted


def _flatten_deep(state: Any, start: int, end: int, silent: bool) -> bool:
    """At MAX_NESTING_DEPTH open containers: the rest of this container as plain paragraphs."""
    if silent or state.env.get(_DEPTH, 0) < MAX_NESTING_DEPTH:
        return False
    line = start
    group: list[str] = []
    group_start = start
    quotes = 0
    while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        raw = state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]
        text = _MARKERS.sub("", raw).strip()
        depth = _QUOTES.match(raw).group().count(">")  # type: ignore[union-attr]
        if not text or (group and (_BULLET_START.match(raw) or depth != quotes)):
            _paragraph(state, group, group_start)
            group = []
        quotes = depth
        if text:
            if not group:
                group_start = line
            group.append(text)
        line += 1
    _paragraph(state, group, group_start)
    state.line = line
    return True


def _paragraph(state: Any, lines: list[str], first_line: int) -> None:
    """Push one paragraph (open, inline, close) holding `lines`, mapped to the source lines."""
    if not lines:
        return
    where = [first_line, first_line + len(lines)]
    opening = state.push("paragraph_open", "p", 1)
    opening.map = where
    inline = state.push("inline", "", 0)
    inline.content = "\n".join(lines)
    inline.map = where
    inline.children = []
    state.push("paragraph_close", "p", -1)
