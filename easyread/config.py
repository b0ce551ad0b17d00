"""Project settings from `easyread.toml` or `[tool.easyread]` in `pyproject.toml`.

Like ruff, the nearest file wins, found by walking up from the checked file's folder. An
`easyread.toml` beats a `pyproject.toml` in the same folder; a `pyproject.toml` without a
`[tool.easyread]` table is passed over. Command-line options override what the file says.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from easyread.checks.profiles import DEFAULT_PROFILE, LEVELS, PROFILE_KEYS, profile
from easyread.errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


@dataclass(frozen=True)
class Settings:
    """Thresholds and choices. A threshold left as None takes the value of `profile`
    (data/check_profiles.toml: "default" is calibrated on human-made Easy Read, "strict" holds the
    Easy Read guides' numbers); one given here, in the settings file or as an option wins."""

    backend: str = "rules"
    model: str | None = None  # the model of an LLM backend; None: the backend's default
    profile: str = DEFAULT_PROFILE  # the check profile the thresholds below come from
    min_reading_ease: float = None  # type: ignore[assignment]  # Flesch Reading Ease
    max_grade: float = None  # type: ignore[assignment]  # Flesch-Kincaid grade
    max_sentence_words: int = None  # type: ignore[assignment]
    long_sentence: str = None  # type: ignore[assignment]  # "error" or "warning": how a long sentence counts
    small_print: str = None  # type: ignore[assignment]  # "error" or "warning": small type beside big-enough body text
    hard_word_zipf: float = None  # type: ignore[assignment]  # wordfreq: rarer than this is a hard word
    max_items_per_page: int = None  # type: ignore[assignment]
    min_font_size: float = None  # type: ignore[assignment]
    ignore: tuple[str, ...] = ()  # rule ids or names turned off, e.g. "ER101" or "passive-voice"
    format: str | None = None  # output formats of `convert`, e.g. "pdf,docx"
    pictures: str | None = None  # "openmoji" or a picture folder (relative to the settings file)
    source: Path | None = None  # the file the settings came from, for messages
    extra: dict[str, Any] = field(default_factory=dict)
    # The thresholds given explicitly (not taken from the profile); they survive a change of profile.
    explicit: frozenset[str] = field(init=False, default=frozenset(), compare=False, repr=False)

    def __post_init__(self) -> None:
        values = profile(self.profile)  # UsageError for an unknown profile
        object.__setattr__(self, "profile", self.profile.strip().lower())
        object.__setattr__(self, "explicit", frozenset(key for key in values if getattr(self, key) is not None))
        for key, value in values.items():
            if getattr(self, key) is None:
                object.__setattr__(self, key, value)

    def with_overrides(self, **overrides: Any) -> Settings:
        """These settings with every override that is not None applied; a new `profile` replaces
        every threshold that was not given explicitly."""
        changes = {key: value for key, value in overrides.items() if value is not None}
        if "ignore" in changes:
            changes["ignore"] = tuple(self.ignore) + tuple(changes["ignore"])
        from_profile = {key: None for key in PROFILE_KEYS if key not in self.explicit and key not in changes}
        return replace(self, **from_profile, **changes)


# The numbers a threshold may take (both ends allowed, None: no end); NaN and infinities never. A
# threshold no text can pass is refused; one every text passes is allowed (it turns the rule off).
# Flesch Reading Ease is at most 121.22 and a Flesch-Kincaid grade at least -3.4 (one word of one
# syllable a sentence); wordfreq's Zipf scale runs from 0 to 8; font sizes are points.
THRESHOLD_RANGES: dict[str, tuple[float | None, float | None]] = {
    "min_reading_ease": (None, 121.22),
    "max_grade": (-3.4, None),
    "hard_word_zipf": (0.0, 8.0),
    "min_font_size": (0.0, None),
    "max_sentence_words": (1, None),
    "max_items_per_page": (1, None),
}
WHOLE_NUMBERS = ("max_sentence_words", "max_items_per_page")

CONFIG_NAMES = ("easyread.toml", "pyproject.toml")
_KNOWN = {f.name: f.type for f in fields(Settings) if f.name not in ("source", "extra", "explicit")}


def _table_of(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(path, f"cannot read settings: {error}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("easyread")
        return table if isinstance(table, dict) else None
    return data


def find_config(start: Path) -> Path | None:
    """The nearest settings file at or above `start` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    for candidate_folder in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = candidate_folder / name
            if candidate.is_file() and _table_of(candidate) is not None:
                return candidate
    return None


def settings_from_table(table: dict[str, Any], source: Path | None = None) -> Settings:
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in _KNOWN:
            extra[name] = value
            continue
        if name == "ignore":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(source, "'ignore' must be a list of rule ids, e.g. [\"ER101\"]")
            values[name] = tuple(value)
        elif name in ("backend", "model"):
            if not isinstance(value, str) or not value.strip():
                raise UsageError(source, f"'{key}' must be a name, e.g. {key} = \"{'rules' if name == 'backend' else 'claude-sonnet-5-5'}\"")
            values[name] = value.strip()
        elif name == "format":
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                value = ",".join(value)
            if not isinstance(value, str):
                raise UsageError(source, "'format' must be text or a list, e.g. \"pdf,docx\" or [\"pdf\", \"docx\"]")
            values[name] = value
        elif name == "profile":
            if not isinstance(value, str):
                raise UsageError(source, "'profile' must be a name, e.g. profile = \"strict\"")
            try:
                profile(value)
            except UsageError as error:
                raise UsageError(source, error.reason) from None
            values[name] = value
        elif name in ("long_sentence", "small_print"):
            if value not in LEVELS:
                raise UsageError(source, f"'{key}' must be \"error\" or \"warning\"")
            values[name] = value
        elif name == "pictures":
            if not isinstance(value, str):
                raise UsageError(source, "'pictures' must be \"openmoji\" or a folder")
            is_folder = value.strip().lower() != "openmoji" and source is not None
            values[name] = str(source.parent / value) if is_folder and source is not None else value
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            raise UsageError(source, f"'{key}' must be a number")
        else:
            problem = threshold_problem(name, value)
            if problem:
                raise UsageError(source, f"'{key}' {problem}")
            values[name] = value
    return Settings(**values, source=source, extra=extra)


def threshold_problem(name: str, value: float) -> str | None:
    """What is wrong with `value` for the threshold `name` (see THRESHOLD_RANGES), e.g. "must be a
    number of at most 121.22, not nan"; None when it is fine or `name` is not a threshold."""
    import math

    if name not in THRESHOLD_RANGES:
        return None
    low, high = THRESHOLD_RANGES[name]
    whole = name in WHOLE_NUMBERS
    if (math.isfinite(value) and (low is None or value >= low) and (high is None or value <= high)
            and not (whole and value != int(value))):
        return None
    kind = "a whole number" if whole else "a number"
    if low is not None and high is not None:
        bounds = f"from {low:g} to {high:g}"
    elif low is not None:
        bounds = f"of at least {low:g}"
    else:
        bounds = f"of at most {high:g}"
    return f"must be {kind} {bounds}, not {value:g}"


def check_overrides(overrides: dict[str, Any]) -> None:
    """Refuse a command-line threshold out of its range, or NaN or infinite: a UsageError naming the
    option, e.g. "--min-reading-ease must be a number from 0 to 121.22, not nan"; and an unknown
    `profile` ("unknown profile 'x' (choose from: default, strict)")."""
    if overrides.get("profile") is not None:
        profile(overrides["profile"])
    for name, value in overrides.items():
        if value is not None and not isinstance(value, (str, tuple, list)):
            problem = threshold_problem(name, value)
            if problem:
                raise UsageError(None, f"--{name.replace('_', '-')} {problem}")


def load_settings(start: Path) -> Settings:
    """The settings that apply to `start`, or the defaults when no file is found."""
    path = find_config(start)
    if path is None:
        return Settings()
    table = _table_of(path) or {}
    return settings_from_table(table, path)
