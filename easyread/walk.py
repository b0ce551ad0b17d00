"""Walk folders and expand globs without ever going round in circles.

A folder may hold links to folders (symbolic links, or junctions on Windows), and a link may lead
back up the tree (`docs/a/up -> ..`): `glob.glob('docs/**')` and a naive walk then never finish.
Here every real folder, known by its (device, inode), is read once. Real sub-folders are read
before links, so a folder is found at its own path rather than through a link to it. A link to a
folder already read, and a folder that cannot be read (no permission), are not silently dropped:
each is reported once, with the reason, as a `Passed` entry.
"""

from __future__ import annotations

import fnmatch
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

GLOB_CHARACTERS = "*?["


@dataclass(frozen=True)
class Passed:
    """A folder not read, and why: `relative` to where the walk started, `reason` for a person."""

    path: Path
    relative: Path
    reason: str


@dataclass
class FolderWalk:
    """Walks of folders and globs that report each folder not read once, however often it is met.

    `skip(path, relative)` says which sub-folders not to enter at all (hidden ones, the output
    folder); `passed` collects, in order, the folders not read and why.
    """

    skip: Callable[[Path, Path], bool] = lambda path, relative: False
    passed: list[Passed] = field(default_factory=list)
    _reported: set[Path] = field(default_factory=set)

    def files(self, root: Path, *, recursive: bool, prefix: Path = Path()) -> Iterator[tuple[Path, Path]]:
        """(path, `prefix` / path relative to `root`) of every file in `root` (and, if `recursive`,
        below it), sorted by name within a folder. Raises OSError when `root` itself cannot be read."""
        for path, relative, is_folder in self.entries(root, recursive=recursive, prefix=prefix):
            if not is_folder:
                yield path, relative

    def entries(self, root: Path, *, recursive: bool, max_depth: int | None = None, prefix: Path = Path()
                ) -> Iterator[tuple[Path, Path, bool]]:
        """(path, `prefix` / relative to `root`, is_folder) of every file and folder under `root`,
        `root` itself left out.

        Folders are entered when `recursive` (every real folder once) or, with `max_depth`, down to
        that many levels below `root`. Raises OSError when `root` itself cannot be read.
        """
        root = Path(root)
        read: dict[tuple[int, int], Path] = {_identity(root): root}
        links: deque[tuple[Path, Path, int]] = deque()
        yield from self._folder(root, (root, Path(prefix), 0), recursive, max_depth, read, links)
        while links:  # links to folders, after every real folder they could duplicate has been read
            path, relative, depth = links.popleft()
            try:
                identity = _identity(path)
            except OSError as error:
                self._report(path, relative, f"a link to a folder that cannot be read ({_why(error)})")
                continue
            if identity in read:
                self._report(path, relative, _already_read(path, read[identity], root))
                continue
            read[identity] = path
            yield path, relative, True
            yield from self._folder(root, (path, relative, depth), recursive, max_depth, read, links)

    def _folder(self, root: Path, start: tuple[Path, Path, int], recursive: bool, max_depth: int | None,
                read: dict[tuple[int, int], Path], links: deque[tuple[Path, Path, int]]
                ) -> Iterator[tuple[Path, Path, bool]]:
        """Depth first through the real folders from `start` (path, relative, depth); links to
        folders that would be entered are left in `links`."""
        stack = [start]
        while stack:
            folder, relative, depth = stack.pop()
            try:
                with os.scandir(folder) as scan:
                    children = sorted(scan, key=lambda entry: entry.name)
            except OSError as error:
                if folder == root:
                    raise
                self._report(folder, relative, f"a folder that cannot be read ({_why(error)})")
                continue
            deeper = []
            for entry in children:
                child, child_relative = Path(entry.path), relative / entry.name
                try:
                    is_folder = entry.is_dir()  # follows a link
                    is_link = entry.is_symlink() or _is_junction(entry)
                except OSError:
                    continue  # gone since it was listed
                if not is_folder:
                    yield child, child_relative, False
                    continue
                if self.skip(child, child_relative) or (max_depth is not None and depth + 1 > max_depth):
                    continue
                if not (recursive or (max_depth is not None and depth + 1 < max_depth)):
                    yield child, child_relative, True  # listed, not entered: it cannot make a loop
                    continue
                if is_link:
                    links.append((child, child_relative, depth + 1))
                    continue
                try:
                    identity = _identity(child)
                except OSError as error:
                    self._report(child, child_relative, f"a folder that cannot be read ({_why(error)})")
                    continue
                if identity in read:  # a bind mount or a hard-linked folder met before
                    self._report(child, child_relative, _already_read(child, read[identity], root))
                    continue
                read[identity] = child
                yield child, child_relative, True
                deeper.append((child, child_relative, depth + 1))
            stack.extend(reversed(deeper))

    def _report(self, path: Path, relative: Path, reason: str) -> None:
        key = Path(os.path.abspath(path))
        if key not in self._reported:
            self._reported.add(key)
            self.passed.append(Passed(path, relative, reason))

    def glob(self, pattern: str) -> Iterator[tuple[Path, Path, bool]]:
        """(path, path relative to the glob's base folder, is_folder) of what `pattern` matches.

        The rules are glob.glob's with `recursive=True` (`**` is any number of folders; a wildcard
        does not match a hidden name unless that part of the pattern starts with a dot), but links
        to folders are followed once each. The base is the pattern's folder before its first wildcard.
        """
        base, parts = _split(pattern)
        deep = "**" in parts
        try:
            for path, relative, is_folder in self.entries(base, recursive=deep,
                                                          max_depth=None if deep else len(parts)):
                if _matches(parts, relative.parts):
                    yield path, relative, is_folder
        except OSError as error:
            if base.exists():
                self._report(base, Path(), f"a folder that cannot be read ({_why(error)})")


def _split(pattern: str) -> tuple[Path, tuple[str, ...]]:
    """The folder a glob starts from and the parts after it: `docs/**/*.md` -> docs, (**, *.md)."""
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) and not any(c in parts[fixed] for c in GLOB_CHARACTERS):
        fixed += 1
    return (Path(*parts[:fixed]) if fixed else Path(".")), parts[fixed:]


def glob_base(pattern: str) -> Path:
    """The folder a glob starts from: `docs/**/*.md` -> `docs`."""
    return _split(pattern)[0]


def _matches(pattern: tuple[str, ...], names: tuple[str, ...]) -> bool:
    """Whether the path `names` matches the glob `pattern`, part by part (`**`: zero or more parts)."""
    if not pattern:
        return not names
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        if not rest:
            return all(not name.startswith(".") for name in names)  # `**` alone: any visible path
        return any(_matches(rest, names[skip:]) for skip in range(len(names) + 1)
                   if all(not name.startswith(".") for name in names[:skip]))
    if not names:
        return False
    name = names[0]
    if name.startswith(".") and not head.startswith(".") and any(c in head for c in GLOB_CHARACTERS):
        return False
    return fnmatch.fnmatch(name, head) and _matches(rest, names[1:])


def _identity(path: Path) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _is_junction(entry: os.DirEntry[str]) -> bool:
    is_junction = getattr(entry, "is_junction", None)  # Python 3.12+, Windows only in effect
    return bool(is_junction and is_junction())


def _already_read(path: Path, first: Path, root: Path) -> str:
    """Why the folder at `path` (a link, or a bind mount) is not read: a loop, or a second way in."""
    shown = _shown(first, root)
    try:
        is_loop = path.parent.resolve().is_relative_to(path.resolve())
    except (OSError, RuntimeError):
        is_loop = True
    if is_loop:
        return f"a link back to {shown}, a folder that holds it (a loop): not followed"
    return f"the same folder as {shown}, already read: not read again"


def _shown(path: Path, root: Path) -> str:
    try:
        relative = Path(path).relative_to(root)
    except ValueError:
        return str(path)
    return relative.as_posix() if relative.parts else str(root)


def _why(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)
