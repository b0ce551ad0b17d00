"""Write output files atomically: into a temporary file beside the target, then rename.

`atomic_path` does one file; `atomic_group` does all the formats of one document together, so a
failure or an interruption leaves nothing of that run: not the PDF already written when Word
failed, not a half-written file, not a folder made for them. `output_errors` turns an OSError met
while writing (no permission, a read-only or full disk, a name too long) into one `OutputError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from easyread.errors import OutputError
from easyread.interrupts import held_interrupts

Key = TypeVar("Key")
_PREFIX_CHARS = 32  # of the target's name in a temporary name: the temporary name must fit where the target fits
GROUP_PREFIX = ".easyread-"  # the temporary and backup files of `atomic_group`: .easyread-<random>.<ext>.part
# The names made here: atomic_path's `.<target>.<random>.part`; atomic_group's
# `.easyread-<random>.<ext>.part` and `.easyread-<hex>.old.part`, and atomic_path's names made
# beside one of those (`..easyread-<random>.json.part.<random>.part`).
_PATH_TEMPORARY = re.compile(r"\.(?P<target>.+)\.[A-Za-z0-9_]{8}\.part")
_GROUP_TEMPORARY = re.compile(r"\.?" + re.escape(GROUP_PREFIX) + r"[A-Za-z0-9_]{8}\.[^/]*part")


def is_leftover(name: str, ours: Callable[[str], bool]) -> bool:
    """Whether the file name `name` is a temporary file of this module left by a process that died:
    one of atomic_group's (always easyread's), or one of atomic_path's for a target whose name
    `ours` accepts (a user's own `.notes.part` is neither)."""
    if _GROUP_TEMPORARY.fullmatch(name):
        return True
    match = _PATH_TEMPORARY.fullmatch(name)
    return bool(match and ours(match["target"]))


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces `target`, on failure it is removed.

    Raises OutputError when the folder cannot be made or written to.
    """
    target = Path(target)
    created = _make_folder(target)
    temp: Path | None = None
    try:
        temp = _temporary_beside(target, f".{target.name[:_PREFIX_CHARS]}.", ".part")
        yield temp
        with output_errors(target):
            os.replace(temp, target)
    except BaseException:
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        _remove_empty(created)
        raise


@contextlib.contextmanager
def atomic_group(targets: Mapping[Key, Path]) -> Iterator[dict[Key, Path]]:
    """Yield {key: temporary path}, one beside each of `targets` ({key: path}); write each there.

    When the block ends without an error, every target is replaced by its temporary file; if one
    rename fails, or Ctrl-C/SIGTERM comes during the renames, the targets are put back as they were
    (a file replaced is restored from a hard link kept for the purpose, where the disk allows
    links). On any failure the temporary files and the folders made for the targets are removed.

    Raises OutputError when a folder cannot be made or written to, or a rename fails.
    """
    created: list[Path] = []
    staged: dict[Key, Path] = {}
    try:
        for key, target in targets.items():
            created += _make_folder(Path(target))
            staged[key] = _temporary_beside(Path(target), GROUP_PREFIX, Path(target).suffix + ".part")
        yield staged
        _commit(staged, {key: Path(path) for key, path in targets.items()})
    except BaseException:
        for temp in staged.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        _remove_empty(created)
        raise


def _commit(staged: Mapping[Key, Path], targets: Mapping[Key, Path]) -> None:
    """Rename each staged file onto its target, all or none (see `atomic_group`)."""
    done: list[tuple[Path, Path | None, bool]] = []  # (target, backup of the file it replaced, existed)
    backups: list[Path] = []
    with held_interrupts() as caught:
        try:
            for key, target in targets.items():
                existed = os.path.lexists(target)
                backup = _hard_link_beside(target) if existed else None
                if backup is not None:
                    backups.append(backup)
                with output_errors(target):
                    os.replace(staged[key], target)
                done.append((target, backup, existed))
            if caught:
                _roll_back(done)
        except BaseException:
            _roll_back(done)
            raise
        finally:
            for backup in backups:
                with contextlib.suppress(OSError):
                    backup.unlink()


def _roll_back(done: list[tuple[Path, Path | None, bool]]) -> None:
    for target, backup, existed in reversed(done):
        with contextlib.suppress(OSError):
            if backup is not None:
                os.replace(backup, target)
            elif not existed:
                target.unlink()


def _hard_link_beside(target: Path) -> Path | None:
    """A second name for the file now at `target`, to put it back if the group fails; None where the
    disk has no hard links (FAT, some network shares) or `target` is not a regular file."""
    if target.is_symlink() or not target.is_file():
        return None
    for _ in range(5):
        backup = target.with_name(f"{GROUP_PREFIX}{secrets.token_hex(4)}.old.part")
        try:
            os.link(target, backup)
            return backup
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def _make_folder(target: Path) -> list[Path]:
    """Make the folders missing above `target`; returns those made, deepest first. Raises OutputError."""
    missing: list[Path] = []
    folder = target.parent
    while not folder.exists() and folder != folder.parent and not folder.is_symlink():
        missing.append(folder)
        folder = folder.parent
    with output_errors(target):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError) as error:  # a file stands where a folder is needed
            raise OutputError(target, f"cannot write here: {error.filename or target.parent} is a file, "
                                      "not a folder") from None
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:  # deepest first
        with contextlib.suppress(OSError):
            folder.rmdir()


def _temporary_beside(target: Path, prefix: str, suffix: str) -> Path:
    with output_errors(target):
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=target.parent)
    os.close(handle)
    # mkstemp makes the file private (0600); an output should get the usual permissions, so that
    # colleagues can open it in a shared council folder.
    os.chmod(name, 0o666 & ~_umask())
    return Path(name)


_FULL = {errno.ENOSPC, errno.EDQUOT}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM}


def write_error_reason(error: OSError, target: Path) -> str | None:
    """The reason to give for `error`, met while writing `target`, or None when it is not a
    writing error (an unreadable picture, say: its own code reports that)."""
    number = error.errno
    # The folder we could not write in: that of the file named (mkdir names the folder it tried
    # to make, so its parent is the one refused), else the target's.
    folder = Path(os.fsdecode(error.filename)).parent if error.filename else target.parent
    if number in _FULL:
        return "could not write it: the disk is full"
    if number == errno.EFBIG:
        return "could not write it: the file is larger than this system allows"
    if number == errno.EROFS:
        return f"cannot write here: {folder} is on a read-only disk"
    if number == errno.ENAMETOOLONG:
        return "cannot write here: the file name is too long"
    if not _about(error, target):
        return None
    if number in _NOT_ALLOWED:
        return f"cannot write here: no permission to write in {folder}"
    if number == errno.ENOTDIR:
        return f"cannot write here: {error.filename} is a file, not a folder"
    if number == errno.EISDIR:
        return "is a folder: give another output name"
    return f"could not write it: {error.strerror or error}"


def _about(error: OSError, target: Path) -> bool:
    """Whether `error` names the target, its folder or a temporary file in that folder."""
    names = [Path(os.fsdecode(name)) for name in (error.filename, error.filename2) if name is not None]
    folder = target.parent.resolve()
    for name in names:
        with contextlib.suppress(OSError, RuntimeError):
            resolved = name.resolve()
            if resolved == folder or resolved.parent == folder or folder.is_relative_to(resolved):
                return True
    return False


@contextlib.contextmanager
def output_errors(target: Path) -> Iterator[None]:
    """Inside the block, an OSError of writing (see `write_error_reason`) becomes an OutputError
    naming `target`, as does an OutputError naming another path (a temporary file written for
    `target`); any other exception passes unchanged."""
    try:
        yield
    except OutputError as error:
        if error.path == Path(target):
            raise
        raise OutputError(target, error.reason) from None
    except OSError as error:
        reason = write_error_reason(error, Path(target))
        if reason is None:
            raise
        raise OutputError(target, reason) from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Write `data` at `target` atomically. Raises OutputError (no permission, a full disk, ...)."""
    with atomic_path(target) as temp, output_errors(target):
        temp.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    """Write `text` as UTF-8 at `target` atomically. Raises OutputError."""
    write_bytes_atomic(target, text.encode("utf-8"))
