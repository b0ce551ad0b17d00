"""Find the documents a batch converts, and name the output of each inside the output folder.

Sources may be files, folders and globs, mixed. Outputs mirror the tree a document was found in,
and no name can lead out of the output folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from easyread.errors import UsageError
from easyread.manifest import MANIFEST_NAME
from easyread.outputs import FORMATS, OUTPUT_STEM_SUFFIX, is_output_name
from easyread.readers import SUPPORTED_SUFFIXES
from easyread.walk import GLOB_CHARACTERS, glob_base


def is_batch(sources: Sequence[Path | str]) -> bool:
    """Several sources, a folder or a glob: a batch. One plain file keeps the one-document command."""
    if len(sources) != 1:
        return True
    source = str(sources[0])
    return Path(source).is_dir() or (not Path(source).exists() and any(c in source for c in GLOB_CHARACTERS))


def _skip_reason(relative: Path) -> str | None:
    """Why a file found in a folder is not a document to convert, or None if it is one."""
    if any(part.startswith((".", "~$")) for part in relative.parts):
        return "hidden"
    if is_output_name(relative.name) or relative.name == MANIFEST_NAME:
        return "an easyread output"
    if not relative.suffix:
        return "no file extension"
    if relative.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported file type '{relative.suffix.lower()}'"
    return None


def find_inputs(
    sources: Sequence[Path | str], recursive: bool = False, exclude: Path | None = None
) -> tuple[list[tuple[Path, Path]], list[tuple[Path, Path, str]]]:
    """Documents to convert as (path, path relative to where it was found), and what was passed over
    with why: (path, relative, reason) for unsupported files, and for folders not read (a link that
    makes a loop, a folder that cannot be read).

    Hidden files and folders and our own outputs (`*.easyread.*`, the manifest, the lock file) are
    passed over silently. `exclude` is the output folder: a folder below a source folder is not
    read at all (it holds this and earlier runs' outputs); a source folder that is the output
    folder is read, our outputs in it passed over by name, so outputs written beside the sources
    are never read as sources. Every real folder is read once, however many links lead to it (see
    easyread.walk). A path that does not exist, or a folder given that cannot be read, is a
    UsageError; a glob that matches nothing adds nothing.
    """
    from easyread.walk import FolderWalk

    output = _identity(exclude) if exclude is not None else None
    found: dict[Path, tuple[Path, Path]] = {}
    skipped: dict[Path, tuple[Path, Path, str]] = {}

    def consider(path: Path, relative: Path, named: bool) -> None:
        resolved = path.resolve()
        if resolved in found or resolved in skipped:
            return
        reason = _skip_reason(relative)
        if named and reason == "hidden":
            reason = None  # asked for by name
        elif not named and reason in ("hidden", "an easyread output"):
            return
        if reason is None:
            found[resolved] = (path, relative)
        else:
            skipped[resolved] = (path, relative, reason)

    def skip_folder(path: Path, relative: Path) -> bool:
        return relative.name.startswith((".", "~$")) or (output is not None and _identity(path) == output)

    walker = FolderWalk(skip=skip_folder)

    def walk(folder: Path, base: Path) -> None:
        for child, relative in walker.files(folder, recursive=recursive, prefix=folder.relative_to(base)):
            consider(child, relative, named=False)

    for source in map(str, sources):
        path = Path(source)
        if not path.exists() and any(c in source for c in GLOB_CHARACTERS):
            base = glob_base(source)
            for match, relative, is_folder in list(walker.glob(source)):
                if is_folder:
                    _walk_named(walk, match, base)
                else:
                    consider(match, relative, named=False)
        elif path.is_dir():
            _walk_named(walk, path, path)
        elif path.is_file():
            consider(path, Path(path.name), named=True)
        else:
            raise UsageError(path, "no such file or folder")
    passed = [(folder.path, folder.relative, folder.reason) for folder in walker.passed]
    return list(found.values()), list(skipped.values()) + passed


def _walk_named(walk, folder: Path, base: Path) -> None:  # type: ignore[no-untyped-def]
    """Walk a folder given (or matched by a glob); one that cannot be read at all is a UsageError."""
    try:
        walk(folder, base)
    except OSError as error:
        raise UsageError(folder, f"cannot read this folder ({(error.strerror or str(error)).lower()})") from None


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of `path`, the same through any link to it; None when it does not exist."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def nothing_to_convert(sources: Sequence[Path | str], passed: list[tuple[Path, Path, str]]) -> UsageError:
    """The error for a batch that found no document: it names the sources, what it looked for, and
    the first few things passed over with why (a batch never reports success for nothing)."""
    where = str(sources[0]) if len(sources) == 1 else None
    reason = ("no documents to convert" + ("" if where else " in " + ", ".join(map(str, sources)))
              + f" (easyread reads {', '.join(SUPPORTED_SUFFIXES)})")
    if passed:
        shown = "; ".join(f"{relative.as_posix()}: {why}" for _, relative, why in passed[:3])
        reason += f"; passed over {len(passed)}: {shown}" + ("; ..." if len(passed) > 3 else "")
    return UsageError(where, reason)


def output_path(relative: Path, root: Path, format_name: str = "pdf") -> Path:
    """Where the Easy Read version of `relative` goes under `root` in one format (the other formats
    go beside it, with their own extensions); a UsageError if it would land outside `root`."""
    if not relative.parts or relative.is_absolute() or ".." in relative.parts:
        raise UsageError(relative, "its output would be written outside the output folder")
    target = root / relative.parent / (relative.stem + OUTPUT_STEM_SUFFIX + FORMATS[format_name].extension)
    if not target.resolve().is_relative_to(root.resolve()):
        raise UsageError(relative, "its output would be written outside the output folder")
    return target
