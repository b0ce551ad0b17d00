"""Atomic writes: all or nothing for one file and for the formats of one document, the usual file
permissions, and write failures as one OutputError."""

import errno
import os
import signal
from pathlib import Path

import pytest

import easyread.atomic as atomic
from easyread.atomic import atomic_group, atomic_path, output_errors, write_text_atomic
from easyread.errors import EXIT_USAGE, OutputError


def test_output_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "out.pdf"
    write_text_atomic(target, "hello")
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_text() == "hello"
    assert (target.stat().st_mode & 0o777) == (0o666 & ~umask)


def test_a_failure_leaves_nothing(tmp_path):
    target = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError), atomic_path(target) as temp:
        temp.write_text("half")
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_a_target_with_the_longest_name_allowed_can_be_written(tmp_path):
    target = tmp_path / ("x" * 251 + ".pdf")  # 255 bytes: the temporary file's name must fit too
    write_text_atomic(target, "fits")
    assert target.read_text() == "fits"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def group_targets(folder: Path) -> dict[str, Path]:
    return {"md": folder / "easy.md", "pdf": folder / "easy.pdf", "docx": folder / "easy.docx"}


def test_a_group_appears_only_when_every_file_is_written(tmp_path):
    targets = group_targets(tmp_path / "new" / "deeper")
    with atomic_group(targets) as staged:
        for name, temp in staged.items():
            assert temp.parent == targets[name].parent and not targets[name].exists()
            temp.write_text(f"the {name}")
    assert {path.name: path.read_text() for path in targets["md"].parent.iterdir()} == {
        "easy.md": "the md", "easy.pdf": "the pdf", "easy.docx": "the docx"}


def test_a_failed_group_leaves_no_file_and_no_folder_it_made(tmp_path):
    targets = group_targets(tmp_path / "new" / "deeper")
    with pytest.raises(ValueError), atomic_group(targets) as staged:
        staged["md"].write_text("written first")
        raise ValueError("the PDF failed")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_group_keeps_the_files_that_were_there(tmp_path):
    targets = group_targets(tmp_path)
    targets["md"].write_text("old md")
    with pytest.raises(ValueError), atomic_group(targets) as staged:
        staged["md"].write_text("new md")
        raise ValueError("Word failed")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["easy.md"]
    assert targets["md"].read_text() == "old md"


def test_a_rename_failing_midway_puts_back_the_targets_already_renamed(tmp_path, monkeypatch):
    targets = group_targets(tmp_path)
    targets["md"].write_text("old md")  # replaced first, then restored
    real_replace = os.replace

    def replace(source, destination):
        if Path(destination) == targets["docx"]:
            raise OSError(errno.ENOSPC, "No space left on device", str(destination))
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(OutputError, match="easy.docx: could not write it: the disk is full"), \
            atomic_group(targets) as staged:
        for name, temp in staged.items():
            temp.write_text(f"new {name}")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["easy.md"]  # no PDF, no temporary file
    assert targets["md"].read_text() == "old md"


def test_ctrl_c_during_the_renames_puts_everything_back_then_interrupts(tmp_path, monkeypatch):
    targets = group_targets(tmp_path)
    targets["pdf"].write_text("old pdf")
    real_replace = os.replace
    calls = []

    def replace(source, destination):
        calls.append(destination)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)  # held until the group is undone
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt), atomic_group(targets) as staged:
        for name, temp in staged.items():
            temp.write_text(f"new {name}")
    assert len(calls) >= 3  # every rename ran: the interrupt waited for them
    assert sorted(path.name for path in tmp_path.iterdir()) == ["easy.pdf"]
    assert targets["pdf"].read_text() == "old pdf"


def test_a_full_disk_becomes_one_output_error_with_exit_2(tmp_path):
    target = tmp_path / "easy.pdf"
    with pytest.raises(OutputError) as caught, output_errors(target):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert caught.value.message() == f"{target}: could not write it: the disk is full"
    assert caught.value.exit_code == EXIT_USAGE


def test_an_unwritable_folder_is_named(tmp_path):
    target = tmp_path / "out" / "easy.pdf"
    with pytest.raises(OutputError, match=r"no permission to write in .*out$"), output_errors(target):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "out" / ".easyread-x.pdf.part"))


def test_a_read_error_elsewhere_is_not_called_a_write_error(tmp_path):
    target = tmp_path / "out" / "easy.pdf"
    with pytest.raises(PermissionError), output_errors(target):  # a picture we may not read
        raise PermissionError(errno.EACCES, "Permission denied", "/somewhere/else/picture.png")


def test_an_output_error_about_a_temporary_file_names_the_target(tmp_path):
    target = tmp_path / "easy.md"
    with pytest.raises(OutputError) as caught, output_errors(target):
        raise OutputError(tmp_path / ".easyread-abc.md.part", "could not write it: the disk is full")
    assert caught.value.path == target


def test_a_file_where_a_folder_is_needed_is_one_error(tmp_path):
    (tmp_path / "notes.md").write_text("a file")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_text_atomic(tmp_path / "notes.md" / "easy.md", "text")
    assert (tmp_path / "notes.md").read_text() == "a file"
