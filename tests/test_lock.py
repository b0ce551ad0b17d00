"""easyread.lock: one batch at a time in an output folder; a dead holder's file does not block."""

from __future__ import annotations

import json
import os
import time

import pytest

from easyread.lock import LOCK_NAME, FolderBusy, folder_lock


def test_a_second_holder_waits_then_is_refused_naming_the_holder(tmp_path):
    with folder_lock(tmp_path) as path:
        assert json.loads(path.read_text())["pid"] == os.getpid()
        started = time.monotonic()
        with pytest.raises(FolderBusy) as busy, folder_lock(tmp_path, wait=0.3):
            pass
        assert 0.3 <= time.monotonic() - started < 5
        assert busy.value.exit_code == 2 and busy.value.path == tmp_path
        assert f"process {os.getpid()}, since " in busy.value.reason
    assert not (tmp_path / LOCK_NAME).exists()
    with folder_lock(tmp_path, wait=0):  # free again
        pass


def test_a_lock_file_left_behind_is_free_to_take(tmp_path):
    (tmp_path / LOCK_NAME).write_text("{damaged")
    with folder_lock(tmp_path, wait=0) as path:
        assert json.loads(path.read_text())["pid"] == os.getpid()


def test_a_folder_that_cannot_hold_a_lock_is_one_usage_error(tmp_path):
    with pytest.raises(Exception, match="cannot lock this output folder") as refused, \
            folder_lock(tmp_path / "missing"):
        pass
    assert refused.value.exit_code == 2
