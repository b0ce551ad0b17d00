"""The one place that keeps secrets out of what easyread prints or stores.

`scrub(text)` replaces every secret it knows with "[API key hidden]":
- the values of the credential variables in SECRET_VARIABLES (read when called, so a key set later
  is known too), and every key `remember`ed by code (a backend given its key directly);
- a long start of one of those (a server or proxy that shows only the first part of the key), its
  URL-encoded and JSON-escaped forms;
- text shaped like a credential whoever it belongs to: Anthropic and OpenAI keys (`sk-ant-...`,
  `sk-...`), `Bearer <token>`, AWS access key ids, Bedrock API keys.

Everything we print passes through it (`cli.main` wraps standard output and error in
`ScrubbedStream`), and so does everything we store that a server's words can reach:
`EasyReadError` reasons (the manifest's error field), fallback reasons, every LLM reply before it is
read (so the plan, the outputs and the response cache never hold a key), the plan and the manifest
as written. Values shorter than MIN_SECRET_CHARS are not treated as secrets (a local server's
`OPENAI_API_KEY=x` would otherwise hide every x).
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any, TextIO
from urllib.parse import quote

HIDDEN = "[API key hidden]"
SECRET_VARIABLES = (
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "OPENAI_API_KEY",
    "AWS_BEARER_TOKEN_BEDROCK",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
)
MIN_SECRET_CHARS = 8  # shorter values are placeholders ("x", "no-key"), not secrets
PREFIX_CHARS = 12  # this many leading characters of a secret, or more, are hidden where they appear

# Credential shapes, hidden whoever they belong to. A key is random: it has a digit, and no real
# word of a council letter is this long and shaped like this (\b keeps "task-..." and "desk-..." out).
_TOKEN = r"[A-Za-z0-9_\-]"
SHAPES = re.compile(
    r"\bsk-ant-" + _TOKEN + r"{8,}"  # Anthropic: sk-ant-api03-...
    + r"|\bsk-(?=" + _TOKEN + r"*\d)" + _TOKEN + r"{20,}"  # OpenAI: sk-..., sk-proj-...
    + r"|(?<=\bBearer )[A-Za-z0-9._~+/\-]{12,}=*"  # an Authorization header's token (RFC 6750)
    + r"|(?<=\bbearer )[A-Za-z0-9._~+/\-]{12,}=*"
    + r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"  # AWS access key ids
    + r"|\bABSK[A-Za-z0-9+/=]{20,}"  # Bedrock long-term API keys
    + r"|\bbedrock-api-key-[A-Za-z0-9+/=%_\-]{12,}"  # Bedrock short-term API keys
)

_remembered: set[str] = set()
_lock = threading.Lock()


def remember(secret: str | None) -> None:
    """Treat `secret` (a key passed in code rather than by a variable) as a secret from now on."""
    if secret and len(secret.strip()) >= MIN_SECRET_CHARS:
        with _lock:
            _remembered.add(secret.strip())


def known_secrets() -> list[str]:
    """The secrets in use: the credential variables' values and the remembered keys, longest first."""
    values = {os.environ.get(name, "").strip() for name in SECRET_VARIABLES}
    with _lock:
        values |= _remembered
    return sorted((value for value in values if len(value) >= MIN_SECRET_CHARS), key=len, reverse=True)


def _forms(secret: str) -> set[str]:
    """The ways `secret` may be written in a server's text: as it is, URL-encoded, JSON-escaped."""
    return {secret, quote(secret, safe=""), secret.replace("/", "\\/")}


def scrub(text: str) -> str:
    """`text` with every known secret, a long start of one, and every credential-shaped token
    replaced by HIDDEN. Not str (None, bytes): returned unchanged."""
    if not isinstance(text, str) or not text:
        return text
    for secret in known_secrets():
        for form in _forms(secret):
            if form in text:
                text = text.replace(form, HIDDEN)
        text = _hide_starts(text, secret)
    return SHAPES.sub(HIDDEN, text)


def _hide_starts(text: str, secret: str) -> str:
    """Hide each place where the secret's first PREFIX_CHARS (or more) characters appear."""
    start = secret[:PREFIX_CHARS]
    if len(secret) < PREFIX_CHARS or start not in text:
        return text
    pieces = []
    position = 0
    while (found := text.find(start, position)) >= 0:
        end = found + PREFIX_CHARS
        while end < len(text) and end - found < len(secret) and text[end] == secret[end - found]:
            end += 1
        pieces += [text[position:found], HIDDEN]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def scrub_data(data: Any) -> Any:
    """`data` (JSON-like: dicts, lists, strings) with every string scrubbed; keys too."""
    if isinstance(data, str):
        return scrub(data)
    if isinstance(data, dict):
        return {scrub(key) if isinstance(key, str) else key: scrub_data(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return type(data)(scrub_data(value) for value in data)
    return data


class ScrubbedStream:
    """A text stream that scrubs every string written to it, and is otherwise the stream it wraps
    (isatty, encoding, fileno, flush, ... are the wrapped stream's)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: Any) -> int:
        self._stream.write(scrub(text) if isinstance(text, str) else text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    @property
    def wrapped(self) -> TextIO:
        """The stream underneath, for a document's own bytes (`convert -o -`), which are not messages."""
        return self._stream

    @property
    def buffer(self) -> None:
        """None: no way around the scrubbing (click then writes text to this stream)."""
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def scrub_standard_streams() -> None:
    """Wrap sys.stdout and sys.stderr so that nothing printed from here on shows a secret."""
    import sys

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, ScrubbedStream):
            setattr(sys, name, ScrubbedStream(stream))
