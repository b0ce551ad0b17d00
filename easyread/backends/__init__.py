"""Simplification backends, chosen by name. Each is imported only when asked for.

`rules` is the offline default; `mock` is for tests and demos; `anthropic` sends each section to
Claude (an API key is needed); `bedrock` to Claude on Amazon Bedrock; `openai` to an
OpenAI-compatible server (Ollama, vLLM, OpenAI). A backend may also have `simplify_all(sections)`, to work on
several sections at once; the pipeline uses it when it is there.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from easyread.backends.base import Backend
from easyread.errors import UsageError

BACKENDS: dict[str, str] = {
    "rules": "easyread.backends.rules:RulesBackend",
    "mock": "easyread.backends.mock:MockBackend",
    "anthropic": "easyread.backends.anthropic:AnthropicBackend",
    "openai": "easyread.backends.openai:OpenAIBackend",
    "bedrock": "easyread.backends.bedrock:BedrockBackend",
}
LLM_BACKENDS = ("anthropic", "openai", "bedrock")  # the backends that send text off the machine and take the LLM options
DEFAULT_BACKEND = "rules"


def get_backend(name: str, **options: Any) -> Backend:
    """The backend called `name`, built with `options`; a UsageError for an unknown name."""
    try:
        target = BACKENDS[name]
    except KeyError:
        known = ", ".join(sorted(BACKENDS))
        raise UsageError(None, f"unknown backend '{name}' (choose from: {known})") from None
    module_name, _, class_name = target.partition(":")
    backend_class = getattr(import_module(module_name), class_name)
    backend: Backend = backend_class(**options)
    return backend
