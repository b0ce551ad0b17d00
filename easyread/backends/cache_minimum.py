"""The smallest prompt prefix Anthropic's prompt cache stores, per model (data/cache_minimums.toml).

A `cache_control` marker on a shorter prefix is accepted and silently does nothing, so the stable
part of easyread's requests (system prompt, worked examples, document context) is kept over it.
"""

from __future__ import annotations

import re
from functools import cache

from easyread.data import data_toml

PRACTICAL_FLOOR = 2048  # tokens: Sonnet caching seen only from here (anthropic-sdk-python issue 1194)
_BEDROCK_PREFIX = re.compile(r"^(?:[a-z]{2,6}\.)?anthropic\.")


@cache
def _table() -> tuple[dict[str, int], int]:
    data = data_toml("cache_minimums.toml")
    return {name: int(value) for name, value in data["models"].items()}, int(data["unknown"])


def cache_minimum(model: str) -> int:
    """Tokens a cached prefix needs for `model` ("claude-sonnet-5-5", a dated id, or a Bedrock id):
    the entry of the longest model family its id starts with, else the largest documented minimum."""
    table, unknown = _table()
    name = _BEDROCK_PREFIX.sub("", model)
    matches = [key for key in table if name == key or name.startswith(key + "-")]
    return table[max(matches, key=len)] if matches else unknown
