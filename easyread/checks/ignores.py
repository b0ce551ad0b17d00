"""Per-line ignores written in a Markdown or text file: `<!-- easyread: ignore ER101 ER113 -->`.

A comment applies to its own line and to the block that starts on the line after it. Rule names
work as well as ids (`<!-- easyread: ignore passive-voice -->`); `ignore all` turns off every rule.
"""

from __future__ import annotations

import re

from easyread.checks.registry import BY_ID, resolve_ids

IGNORE_COMMENT = re.compile(r"<!--\s*easyread:\s*ignore\s+([\w ,-]+?)\s*-->", re.IGNORECASE)


def ignores_by_line(text: str) -> dict[int, set[str]]:
    """{line number: rule ids ignored there}, for the comment's line and the next non-blank line."""
    lines = text.splitlines()
    ignored: dict[int, set[str]] = {}
    for index, line in enumerate(lines):
        for match in IGNORE_COMMENT.finditer(line):
            names = re.split(r"[\s,]+", match.group(1).strip())
            ids = set(BY_ID) if any(n.lower() == "all" for n in names) else resolve_ids(names)
            targets = [index + 1]
            following = index + 1
            while following < len(lines) and not lines[following].strip():
                following += 1
            if following < len(lines):
                targets.append(following + 1)
            for target in targets:
                ignored.setdefault(target, set()).update(ids)
    return ignored
