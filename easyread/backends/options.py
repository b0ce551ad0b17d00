"""The options an LLM backend is built with, from the command line and the settings file.

The command line wins; `model = "..."` in `easyread.toml` (or `[tool.easyread]`) comes next; then
the backend's own default. Offline backends take none of these options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from easyread.backends import LLM_BACKENDS


def llm_options(backend: str, start: Path | None = None, *, model: str | None = None, jobs: int | None = None,
                retries: int | None = None, timeout: float | None = None, prompts: Path | None = None,
                cache: bool = True, base_url: str | None = None) -> dict[str, Any]:
    """Keyword arguments for `get_backend(backend, ...)`; empty for an offline backend."""
    if backend not in LLM_BACKENDS:
        return {}
    if model is None and start is not None:
        from easyread.config import load_settings

        model = load_settings(start).model
    given = {"model": model, "jobs": jobs, "retries": retries, "timeout": timeout,
             "prompts": str(prompts) if prompts is not None else None, "base_url": base_url}
    options = {name: value for name, value in given.items() if value is not None}
    if not cache:
        options["cache"] = False
    return options
