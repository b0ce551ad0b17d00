"""Word lists and tables kept as data files, loaded once and cached.

Each file starts with `# ` comment lines naming what it is, its source and its licence;
the body is one entry per line, columns separated by tabs.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any


def data_lines(name: str) -> list[str]:
    """The body lines of a data file: comments and blank lines dropped, whitespace trimmed."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\r\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def data_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The body of a tab-separated data file as tuples of stripped fields."""
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in data_lines(name))


@cache
def data_toml(name: str) -> dict[str, Any]:
    """A TOML data file (prices, profiles, the picture style), parsed once: tomllib, or tomli on
    Python 3.10. The dict is shared: read it, never change it."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib

    return tomllib.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def data_words(name: str) -> frozenset[str]:
    """A one-word-per-line data file as a set of lower-case words."""
    return frozenset(line.strip().lower() for line in data_lines(name))
