"""The failures a user can see. The CLI turns each into one line and an exit code.

Exit codes (documented in the README):
    0  everything worked
    1  a document could not be converted (empty, corrupt, encrypted, image-only, too large, ...)
    2  usage error (missing file, a folder where a file was expected, unsupported file type, bad option)
       or an output that cannot or may not be written (no permission, a full disk, someone else's file)
  130  interrupted (Ctrl-C or SIGTERM): a batch's manifest says what finished; one document leaves nothing
"""

from __future__ import annotations

import re
from pathlib import Path

from easyread.secrets import scrub

EXIT_OK = 0
EXIT_DOCUMENT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class EasyReadError(Exception):
    """Base of every user-facing failure: a path, a reason, and an exit code."""

    exit_code = EXIT_DOCUMENT_FAILED

    def __init__(self, path: Path | str | None, reason: str) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = scrub(reason)  # a server's words may hold the key; the manifest stores the reason
        super().__init__(self.message())

    def message(self) -> str:
        """The one line the user sees: "<path>: <reason>", or the reason alone. Never a secret, and
        always one line: control characters (a newline in a file name) are shown as escapes ("\\n")."""
        return scrub(one_line(f"{self.path}: {self.reason}" if self.path is not None else self.reason))


def one_line(text: str) -> str:
    """`text` with every control character written as its escape ("\\n", "\\x1b"): it prints as one
    line, and no escape sequence reaches the terminal."""
    return _CONTROL.sub(lambda match: ascii(match.group())[1:-1], text)


class UsageError(EasyReadError):
    """The command was asked for something it cannot do: no such file, a folder, a wrong type."""

    exit_code = EXIT_USAGE


class UnsupportedFormat(UsageError):
    """The file type is not one we can read."""


class UnreadableDocument(EasyReadError):
    """The file is of a supported type but its text cannot be got out of it."""


class EmptyDocument(UnreadableDocument):
    """The file has no text to convert."""


class OutputError(UsageError):
    """The output could not be written: no permission, a read-only or full disk, a name too long,
    or a file in the way. A problem with the output path, so exit 2 like any usage error."""
