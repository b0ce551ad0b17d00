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
                cache: bool = True, base_url: str | None = None, max_tokens: int | None = None) -> dict[str, Any]:
    """Keyword arguments for `get_backend(backend, ...)`; empty for an offline backend. UsageError
    for `max_tokens` with a backend that does not take it (only openai does)."""
    if backend not in LLM_BACKENDS:
        return {}
    if max_tokens is not None and backend != "openai":
        from easyread.errors import UsageError

        raise UsageError(None, f"--max-tokens is for the openai backend (local servers); {backend} answers "
                               "are up to 8192 tokens, and a longer one is split")
    if model is None and start is not None:
        from easyread.config import load_settings

        model = load_settings(start).model
    given = {"model": model, "jobs": jobs, "retries": retries, "timeout": timeout,
             "prompts": str(prompts) if prompts is not None else None, "base_url": base_url,
             "max_tokens": max_tokens}
    options = {name: value for name, value in given.items() if value is not None}
    if not cache:
        options["cache"] = False
    return options
