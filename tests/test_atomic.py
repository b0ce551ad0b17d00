"""Atomic writes: all or nothing, and the usual file permissions."""

import os

import pytest

from easyread.atomic import atomic_path, write_text_atomic


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
