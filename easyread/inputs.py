"""Find the documents a batch converts, and name the output of each inside the output folder.

Sources may be files, folders and globs, mixed. Outputs mirror the tree a document was found in,
and no name can lead out of the output folder.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path

from easyread.errors import UsageError
from easyread.manifest import MANIFEST_NAME
from easyread.outputs import FORMATS, OUTPUT_STEM_SUFFIX, is_output_name
from easyread.readers import SUPPORTED_SUFFIXES

GLOB_CHARACTERS = "*?["


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


def _glob_base(pattern: str) -> Path:
    """The folder a glob starts from: `docs/**/*.md` -> `docs`."""
    parts = []
    for part in Path(pattern).parts:
        if any(c in part for c in GLOB_CHARACTERS):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def find_inputs(
    sources: Sequence[Path | str], recursive: bool = False, exclude: Path | None = None
) -> tuple[list[tuple[Path, Path]], list[tuple[Path, Path, str]]]:
    """Documents to convert as (path, path relative to where it was found), and files skipped with why.

    Hidden files and folders, our own outputs and anything under `exclude` (the output folder) are
    passed over silently; unsupported files are listed as skipped. A path that does not exist is a
    UsageError; a glob that matches nothing adds nothing.
    """
    excluded = exclude.resolve() if exclude is not None else None
    found: dict[Path, tuple[Path, Path]] = {}
    skipped: dict[Path, tuple[Path, Path, str]] = {}

    def consider(path: Path, relative: Path, named: bool) -> None:
        resolved = path.resolve()
        if resolved in found or resolved in skipped:
            return
        if excluded is not None and resolved.is_relative_to(excluded):
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

    def walk(folder: Path, base: Path) -> None:
        children = folder.rglob("*") if recursive else folder.iterdir()
        for child in sorted(children):
            if child.is_file():
                consider(child, child.relative_to(base), named=False)

    for source in map(str, sources):
        path = Path(source)
        if not path.exists() and any(c in source for c in GLOB_CHARACTERS):
            base = _glob_base(source)
            for match in sorted(glob.glob(source, recursive=True)):
                match_path = Path(match)
                if match_path.is_dir():
                    walk(match_path, base)
                elif match_path.is_file():
                    consider(match_path, match_path.relative_to(base), named=False)
        elif path.is_dir():
            walk(path, path)
        elif path.is_file():
            consider(path, Path(path.name), named=True)
        else:
            raise UsageError(path, "no such file or folder")
    return list(found.values()), list(skipped.values())


def output_path(relative: Path, root: Path, format_name: str = "pdf") -> Path:
    """Where the Easy Read version of `relative` goes under `root` in one format (the other formats
    go beside it, with their own extensions); a UsageError if it would land outside `root`."""
    if not relative.parts or relative.is_absolute() or ".." in relative.parts:
        raise UsageError(relative, "its output would be written outside the output folder")
    target = root / relative.parent / (relative.stem + OUTPUT_STEM_SUFFIX + FORMATS[format_name].extension)
    if not target.resolve().is_relative_to(root.resolve()):
        raise UsageError(relative, "its output would be written outside the output folder")
    return target
