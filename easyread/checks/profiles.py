"""Check profiles: named sets of thresholds, read from data/check_profiles.toml.

`default` is calibrated on human-made Easy Read (benchmarks/calibration.py); `strict` holds the
Easy Read guides' numbers (reading ease 80, grade 5, 15 words a sentence as an error). The numbers
live only in the data file, which names their sources.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from easyread.data import data_toml
from easyread.errors import UsageError

DEFAULT_PROFILE = "default"
# The thresholds a profile sets, with the type each must have (int accepted where a float is asked).
PROFILE_KEYS: dict[str, type] = {
    "min_reading_ease": float,
    "max_grade": float,
    "max_sentence_words": int,
    "long_sentence": str,
    "small_print": str,
    "hard_word_zipf": float,
    "min_font_size": float,
    "max_items_per_page": int,
}
LEVELS = ("error", "warning")


@cache
def _profiles() -> dict[str, dict[str, Any]]:
    return data_toml("check_profiles.toml")


def profile_names() -> tuple[str, ...]:
    """The profiles the data file defines, in its order, e.g. ("default", "strict")."""
    return tuple(_profiles())


def profile(name: str) -> dict[str, Any]:
    """The thresholds of profile `name` ({key: value} for every key of PROFILE_KEYS).

    Raises UsageError for a name the data file lacks ("unknown profile 'x' (choose from: default,
    strict)"); ValueError when the data file itself gives a profile a missing or wrong value.
    """
    table = _profiles().get(name.strip().lower()) if isinstance(name, str) else None
    if table is None:
        raise UsageError(None, f"unknown profile '{name}' (choose from: {', '.join(profile_names())})")
    values: dict[str, Any] = {}
    for key, kind in PROFILE_KEYS.items():
        value = table.get(key)
        ok = isinstance(value, kind) or (kind is float and isinstance(value, int))
        if isinstance(value, bool) or not ok or (key in ("long_sentence", "small_print") and value not in LEVELS):
            raise ValueError(f"check_profiles.toml: profile '{name}' needs {key} ({kind.__name__}), not {value!r}")
        values[key] = float(value) if kind is float else value
    return values


def profile_description(name: str) -> str:
    """The one-line description the data file gives profile `name` ("" when it gives none)."""
    return str(_profiles().get(name, {}).get("description", ""))
