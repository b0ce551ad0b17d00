"""YAML front matter at the top of a Markdown file (Hugo, Jekyll): what a reader needs, and the rest.

Most of it is a website's settings (url, tags, aliases, draft) and is set aside. But a few fields say
things a reader of the page needs and that may be said nowhere else: when it was published (`date`),
who wrote it (`author`), and what it is about (`description`, `summary`, `subtitle`), which is
sometimes the only place an acronym is spelt out. Those are kept as the first paragraphs, labelled
("Date: 2025-10-29"); `title` is the document's title. Only simple `key: value` lines and inline
lists (`["A", "B"]`) are read; a value spread over several lines stays in the set-aside part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BLOCK = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
READER_FIELDS = {"date": "Date", "author": "Author", "authors": "Author", "description": "Description",
                 "summary": "Summary", "subtitle": "Subtitle"}


@dataclass
class FrontMatter:
    """The text with its front matter blanked (line numbers kept), and what the front matter held."""

    body: str
    title: str | None = None
    kept: list[tuple[str, str]] = field(default_factory=list)  # (label, value) a reader needs, in order
    rest: str = ""  # every other line, to set aside


def _value(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        parts = [part.strip().strip("\"'") for part in raw[1:-1].split(",")]
        return ", ".join(part for part in parts if part)
    return " ".join(raw.strip("\"'").split())


def split_front_matter(text: str) -> FrontMatter:
    """`text` with its front matter taken off, and the title, reader fields and rest of it."""
    match = _BLOCK.match(text)
    if match is None or not any(_LINE.match(line) for line in match.group("body").splitlines()):
        return FrontMatter(text)
    front = FrontMatter("\n" * match.group(0).count("\n") + text[match.end():])
    rest: list[str] = []
    for line in match.group("body").splitlines():
        found = _LINE.match(line)
        key = found.group("key").lower() if found else ""
        value = _value(found.group("value")) if found else ""
        if key == "title" and value:
            front.title = value
        elif key in READER_FIELDS and value:
            front.kept.append((READER_FIELDS[key], value))
        elif line.strip():
            rest.append(line.rstrip())
    front.rest = "\n".join(rest)
    return front
