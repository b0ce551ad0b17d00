"""Input readers: check a file, then turn it into a `SourceDocument` whatever its format.

`read_document` is the one entry point. Each format has its own module with `read(path)`; a module
is imported only when a file of its type is read, so python-docx and pypdf load only when needed.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from easyread.errors import EasyReadError, EmptyDocument, UnreadableDocument, UnsupportedFormat, UsageError
from easyread.limits import DEFAULT_MAX_DOCUMENT_MB, MEGABYTE
from easyread.model import SourceDocument
from easyread.readers.common import readable_size

__all__ = ["SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES", "read_document", "read_source"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".docx", ".md", ".markdown", ".pdf", ".txt")
DEFAULT_MAX_BYTES = DEFAULT_MAX_DOCUMENT_MB * MEGABYTE
_MODULES = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf", ".txt": "txt"}
_READS = "easyread reads .docx, .md, .pdf, .txt"
_MAX_DETAIL = 80


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read any supported document.

    Raises UsageError (no such file, a folder), UnsupportedFormat (wrong file type),
    UnreadableDocument (too large, cannot be opened, damaged, encrypted, no text layer, not text)
    and EmptyDocument (nothing to convert). Nothing else escapes.
    """
    path = Path(path)
    module_name = _MODULES[check_file(path, max_bytes)]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
        document = module.read(path)
    except EasyReadError:
        raise
    except OSError as exc:
        raise UnreadableDocument(path, _os_reason(exc)) from exc
    except Exception as exc:
        raise UnreadableDocument(path, unexpected_reason(exc)) from exc
    if not any(section.blocks for section in document.sections):
        raise EmptyDocument(path, "has no text to convert")
    return document


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, also: tuple[str, ...] = ()) -> str:
    """Check the file can be read, returning its lower-case suffix; raise the matching error if not.

    `also`: suffixes accepted besides the readers' own (".html" for `check`, which reads web pages)."""
    if path.is_dir():
        raise UsageError(path, "is a folder, not a file")
    if not path.exists():
        raise UsageError(path, "no such file")
    suffix = path.suffix.lower()
    if not suffix:
        raise UnsupportedFormat(path, f"no file extension ({_READS})")
    if suffix not in _MODULES and suffix not in also:
        raise UnsupportedFormat(path, f"unsupported file type '{suffix}' ({_READS})")
    if not path.is_file():
        raise UsageError(path, "is not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableDocument(path, f"too large: {readable_size(size, up=True)} (the limit is {readable_size(max_bytes)})")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise UnreadableDocument(path, _os_reason(exc)) from exc
    return suffix


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be opened (permission denied)"
    detail = (exc.strerror or type(exc).__name__).lower()
    return f"cannot be read ({detail})"


def unexpected_reason(exc: Exception) -> str:
    """"could not be read (ValueError: ...)": one line for an error no reader expected."""
    detail = str(exc).splitlines()[0].strip() if str(exc).strip() else ""
    if len(detail) > _MAX_DETAIL:
        detail = detail[: _MAX_DETAIL - 3].rstrip() + "..."
    name = type(exc).__name__
    return f"could not be read ({name}: {detail})" if detail else f"could not be read ({name})"


OWN_OUTPUT = "is an Easy Read version made by easyread, not a source document; convert the original instead"


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read a document to convert: `read_document`, but one of our own Easy Read outputs (by its name,
    or by the mark a renamed one still carries) is refused with a UsageError (exit code 2).
    `easyread check` reads outputs with `read_document`; only conversion refuses them."""
    from easyread.readers.own_output import is_own_output

    path = Path(path)
    check_file(path, max_bytes)
    if is_own_output(path):
        raise UsageError(path, OWN_OUTPUT)
    return read_document(path, max_bytes)
