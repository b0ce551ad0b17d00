"""What a killed batch leaves is cleaned up: every kind of temporary file easyread's atomic writes
make, and nothing of the user's."""

from __future__ import annotations

from easyread.atomic import atomic_group, atomic_path
from easyread.stopping import remove_partial_files


def _leftovers_of_a_killed_write(folder):
    """The temporary names atomic_group and atomic_path really make (a renderer writing its staged
    file atomically in turn, and the manifest), recreated afterwards as if the process had died."""
    names = []
    with atomic_group({"pdf": folder / "notice.easyread.pdf", "json": folder / "notice.easyread.json"}) as staged:
        for path in staged.values():
            names.append(path.name)
            with atomic_path(path) as inner:
                names.append(inner.name)
                inner.write_bytes(b"half")
    with atomic_path(folder / "easyread-manifest.json") as manifest:
        names.append(manifest.name)
        manifest.write_text("{}")
    for name in names:
        (folder / name).write_bytes(b"left by a killed worker")
    return names


def test_every_temporary_name_of_ours_is_removed_and_nothing_else(tmp_path):
    names = _leftovers_of_a_killed_write(tmp_path)
    backup = tmp_path / ".easyread-0a1b2c3d.old.part"
    backup.write_bytes(b"an earlier output kept for putting back")
    theirs = [tmp_path / ".notes.part", tmp_path / "draft.part", tmp_path / ".easyread-notes.txt"]
    for path in theirs:
        path.write_text("a person's own file")

    remove_partial_files(tmp_path)

    assert not backup.exists()
    for name in names:
        assert not (tmp_path / name).exists(), name
    for path in theirs:
        assert path.read_text() == "a person's own file"
