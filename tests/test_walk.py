"""easyread.walk: globs match as glob.glob does on a tree without links, and links are read once."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from easyread.walk import FolderWalk, glob_base


def tree(root: Path) -> None:
    for name in ["a.txt", "b.md", ".hidden.txt", "x/c.txt", "x/y/d.md", "x/y/z/e.txt", ".git/f.txt", "x/.h/g.txt",
                 "w[1]/h.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("text\n")


@pytest.mark.parametrize("pattern", ["*.txt", "**/*.txt", "**", "x/*", "x/**/*.md", "*/*", "*/y/*", ".*",
                                     "x/?/d.md", "**/.h/*", "x/**", "[ab].*", "nothing/*"])
def test_glob_matches_like_glob_glob(tmp_path, pattern):
    tree(tmp_path)
    full = f"{tmp_path}/{pattern}"
    # `**` also matches the folder the glob starts from; its files are matched anyway
    expected = {os.path.normpath(p) for p in glob.glob(full, recursive=True)} - {str(glob_base(full))}
    found = {str(path) for path, _, _ in FolderWalk().glob(full)}
    assert found == expected


def test_glob_base_and_relative_paths(tmp_path):
    tree(tmp_path)
    assert glob_base("docs/**/*.md") == Path("docs") and glob_base("*.md") == Path(".")
    relatives = {relative.as_posix() for _, relative, is_folder in FolderWalk().glob(f"{tmp_path}/x/**/*.txt")}
    assert relatives == {"c.txt", "y/z/e.txt"}


def test_links_are_read_once_real_folders_first_and_each_loop_reported_once(tmp_path):
    tree(tmp_path)
    (tmp_path / "aaa-link").symlink_to(tmp_path / "x" / "y")  # sorts first, but the real folder wins
    (tmp_path / "x" / "y" / "z" / "back").symlink_to(tmp_path / "x")
    walk = FolderWalk(skip=lambda path, relative: relative.name.startswith("."))
    files = [relative.as_posix() for _, relative in walk.files(tmp_path, recursive=True)]
    assert sorted(files) == [".hidden.txt", "a.txt", "b.md", "w[1]/h.txt", "x/c.txt", "x/y/d.md", "x/y/z/e.txt"]
    assert [(p.relative.as_posix(), p.reason) for p in walk.passed] == [
        ("aaa-link", "the same folder as x/y, already read: not read again"),
        ("x/y/z/back", "a link back to x, a folder that holds it (a loop): not followed"),
    ]
    list(walk.files(tmp_path, recursive=True))
    assert len(walk.passed) == 2  # met again: not reported again


def test_without_recursive_only_the_folder_itself(tmp_path):
    tree(tmp_path)
    (tmp_path / "loop").symlink_to(tmp_path)
    walk = FolderWalk()
    assert sorted(r.as_posix() for _, r in walk.files(tmp_path, recursive=False)) == [".hidden.txt", "a.txt", "b.md"]
    assert walk.passed == []
