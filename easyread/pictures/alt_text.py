"""The alt text of a picture: a short sentence saying what the picture shows.

Every output format (PDF, Word, HTML, Markdown) takes a picture's alt text from here, so a screen
reader hears the same words in each.
"""

from __future__ import annotations


def alt_text(description: str, picture_file: str | None) -> str:
    """A short sentence saying what the picture at `picture_file` shows, e.g. "A green bin.".

    `description` is the item's picture description (what the picture should show);
    `picture_file` is the chosen picture ("openmoji:1F5D1.svg" or a path), or None for a
    placeholder. Returns "" for a placeholder: it shows no picture, so it has nothing to describe.
    """
    if not picture_file:
        return ""
    words = description.strip().rstrip(".")
    return f"A picture of {words}." if words else ""
