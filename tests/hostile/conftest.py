"""Helpers for the hostile-input suite: run the real command in a child process, measure it, and
check that it failed the way the README promises (one line, the documented exit code, no file
written or changed).

Every input is generated at test time; nothing here reads ../shared.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a hostile case that takes more than a few seconds (still run in CI)")


@dataclass
class Run:
    """One finished run of `python -m easyread`: exit code, output, peak memory (MB) and time (s)."""

    code: int
    stdout: str
    stderr: str
    max_rss_mb: float
    seconds: float
    timed_out: bool = False

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("easyread: error:")]


def run_easyread(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
                 timeout: float = 120.0, stdin: str | None = None) -> Run:
    """Run `python -m easyread ARGS` in a child process and wait for it, at most `timeout` seconds.

    The child's peak resident memory is its VmHWM from /proc, polled while it runs (it is the
    child's own since its exec); without /proc, ru_maxrss from os.wait4, which also counts the
    memory of this process at the fork. A child still running at the timeout is killed (with its process group)
    and `timed_out` is set.
    """
    import tempfile

    child_env = {**os.environ, **(env or {})}
    child_env.pop("EASYREAD_DEBUG", None)
    # This checkout's easyread, whatever folder the command runs in (python -m puts the current
    # folder first, and an installed copy elsewhere must not be the one tested).
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [child_env.get("PYTHONPATH", ""), str(ROOT)]))
    child_env.setdefault("EASYREAD_CACHE_DIR", str(Path(cwd or ROOT) / ".hostile-cache"))
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.TemporaryFile("w+") as given:
        given.write(stdin or "")
        given.seek(0)
        process = subprocess.Popen([sys.executable, "-m", "easyread", *map(str, args)], cwd=cwd or ROOT,
                                   env=child_env, stdin=given if stdin is not None else subprocess.DEVNULL,
                                   stdout=out, stderr=err, start_new_session=True)
        timed_out = False
        peak_kb = 0
        while True:
            peak_kb = max(peak_kb, _high_water_kb(process.pid))
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        with _quiet_group(process.pid):
            os.killpg(process.pid, signal.SIGKILL)  # nothing the run started may outlive it
        out.seek(0)
        err.seek(0)
        # ru_maxrss of a child also counts the memory of the process that forked it (Linux carries the
        # parent's high-water mark over fork and exec), so a test run inside a big pytest process would
        # see pytest's size: use the child's own VmHWM, polled above, where /proc has it.
        return Run(process.returncode, out.read(), err.read(), (peak_kb or usage.ru_maxrss) / 1024,
                   time.monotonic() - started, timed_out)


def _high_water_kb(pid: int) -> int:
    """The peak resident memory (VmHWM, kB) of the running process `pid` since its exec, or 0."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _quiet_group(pid: int):  # type: ignore[no-untyped-def]
    import contextlib

    return contextlib.suppress(ProcessLookupError, PermissionError)


def assert_refused(run: Run, code: int, *mentions: str) -> None:
    """The run failed cleanly: the exit code asked for, exactly one 'easyread: error:' line naming each
    of `mentions`, no traceback, no Typer box, and it did not hang."""
    assert not run.timed_out, f"hung: {run.stderr[-500:]}"
    assert run.code == code, f"exit {run.code}, wanted {code}; stderr: {run.stderr[-800:]}"
    assert "Traceback" not in run.stderr, run.stderr[-1500:]
    assert "╭" not in run.stderr and "Error ─" not in run.stderr, run.stderr
    assert len(run.error_lines) >= 1, run.stderr
    for mention in mentions:
        assert any(mention in line for line in run.error_lines), (mention, run.error_lines)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes: compare two snapshots to prove nothing was
    written, changed or removed."""
    files: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and ".hostile-cache" not in path.parts:
            files[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files
