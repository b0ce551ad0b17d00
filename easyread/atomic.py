"""Write output files atomically: into a temporary file beside the target, then rename.

A reader of the output folder never sees a half-written file, and a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from easyread.errors import UsageError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `target`, on failure it is removed."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except (FileExistsError, NotADirectoryError) as error:  # a file stands where a folder is needed
        raise UsageError(target, f"cannot write here: {error.filename or target.parent} is a file, "
                                  "not a folder") from None
    except PermissionError:
        raise UsageError(target, f"cannot write here: no permission to write in {target.parent}") from None
    os.close(handle)
    temp = Path(temp_name)
    # mkstemp makes the file private (0600); an output should get the usual permissions, so that
    # colleagues can open it in a shared council folder.
    os.chmod(temp, 0o666 & ~_umask())
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))
