"""A cache of LLM answers in SQLite, so converting the same section again costs no request.

The key is the sha256 of everything that shapes an answer: backend, model, prompt version and the
text of the prompts, and the section's heading and blocks. Only answers that passed every check
are stored. The file lives in the user cache folder (`platformdirs`), or in `EASYREAD_CACHE_DIR`.
Several processes may share it: WAL journal, a busy timeout, and one short transaction per call.

A damaged cache (not an SQLite file, truncated, a folder in its place, no permission) never fails
a conversion: it is a miss, and nothing is stored. `info` reports it as `CacheUnreadable` (one line
naming the file and `easyread cache clear` as the way out); `clear` removes the damaged file, and
an empty folder in its place, and refuses (CacheUnreadable) only what it cannot remove.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from easyread.errors import EasyReadError
from easyread.model import Section
from easyread.secrets import scrub

CACHE_ENV = "EASYREAD_CACHE_DIR"
CACHE_FILE = "responses.sqlite3"
BUSY_TIMEOUT_SECONDS = 30.0
_SCHEMA = """CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    answer TEXT NOT NULL,
    created REAL NOT NULL
)"""


def cache_folder() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("easyread", appauthor=False))


def cache_path() -> Path:
    return cache_folder() / CACHE_FILE


def digest(parts: list) -> str:
    """A stable key (64 hex digits: sha256 of their JSON) for `parts`, a list of JSON values: the
    one way every cache of easyread (answers, plans, picture choices, drawn pictures) keys an entry."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def cache_key(backend: str, model: str, prompts_fingerprint: str, prompt_version: str, section: Section) -> str:
    """A stable key for one section answered by one model with one set of prompts."""
    return digest([backend, model, prompt_version, prompts_fingerprint, section.heading,
                   [[block.kind, block.text] for block in section.blocks]])


WAY_OUT = "run 'easyread cache clear' to start a new one"


class CacheUnreadable(EasyReadError):
    """The cache file is damaged or cannot be opened (exit 1); the message says how to get out."""


def _is_busy(error: sqlite3.Error) -> bool:
    """True for "another process has the file" (worth waiting for), not for a damaged file."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)  # type: ignore[attr-defined]
    return any(word in str(error).lower() for word in ("locked", "busy"))


def _reason(error: Exception) -> str:
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    return str(error) or type(error).__name__


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    size: int  # bytes on disk, the WAL files included


class ResponseCache:
    """The answers table of one SQLite file; each call opens, does one short transaction, closes.

    `get` and `put` never fail a conversion: a cache that cannot be read or written (locked too
    long, a read-only folder, a full disk) is a miss, and the answer is simply not kept.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else cache_path()
        self._ready = False
        self._broken: str | None = None  # why the file cannot be used, once found; then no more tries
        self._setup_lock = threading.Lock()

    def _setup(self) -> None:
        """WAL and the table, once per process. Switching to WAL needs the file to itself, and SQLite
        does not wait for that with the busy timeout, so it is tried again for a while."""
        with self._setup_lock:
            if self._ready:
                return
            if self._broken is not None:
                raise CacheUnreadable(self.path, f"cannot read the cache ({self._broken}); {WAY_OUT}")
            try:
                self._create()
            except (sqlite3.Error, OSError) as error:
                if isinstance(error, sqlite3.Error) and _is_busy(error):
                    raise
                self._broken = "a folder is in its place" if self.path.is_dir() else _reason(error)
                raise CacheUnreadable(self.path, f"cannot read the cache ({self._broken}); {WAY_OUT}") from None
            self._ready = True

    def _create(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(_SCHEMA)
                connection.commit()
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
            finally:
                connection.close()

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self._setup()
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            with connection:  # one transaction: committed on success, rolled back on error
                yield connection
        finally:
            connection.close()

    def get(self, key: str) -> str | None:
        try:
            with self._connect() as connection:
                row = connection.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
        except (sqlite3.Error, OSError, CacheUnreadable):
            return None
        return row[0] if row else None

    def put(self, key: str, backend: str, model: str, answer: str) -> None:
        try:
            with self._connect() as connection:
                connection.execute("INSERT OR REPLACE INTO answers (key, backend, model, answer, created) "
                                   "VALUES (?, ?, ?, ?, ?)", (key, backend, model, scrub(answer), time.time()))
        except (sqlite3.Error, OSError, CacheUnreadable):
            pass

    def info(self) -> CacheInfo:
        """Where the cache is, its answers and its bytes; CacheUnreadable when the file is damaged."""
        entries = 0
        if self.path.exists():
            try:
                with self._connect() as connection:
                    entries = connection.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
            except (sqlite3.Error, OSError) as error:
                raise CacheUnreadable(self.path, f"cannot read the cache ({_reason(error)}); {WAY_OUT}") from None
        size = sum(candidate.stat().st_size for candidate in self._files() if candidate.is_file())
        return CacheInfo(self.path, entries, size)

    def clear(self) -> int:
        """Remove every answer; return how many there were. A damaged cache file (and its journal
        files) is removed instead, returning -1; CacheUnreadable when even that cannot be done."""
        if not self.path.exists():
            return 0
        try:
            with self._connect() as connection:
                removed = connection.execute("DELETE FROM answers").rowcount
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            try:
                connection.execute("VACUUM")  # give the space back; not inside a transaction
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                connection.close()
        except CacheUnreadable:
            self._remove_damaged()
            return -1
        except (sqlite3.Error, OSError) as error:
            if isinstance(error, sqlite3.Error) and _is_busy(error):
                raise CacheUnreadable(self.path, f"the cache is in use by another easyread ({error}); "
                                                 "try again when it has finished") from None
            self._remove_damaged()
            return -1
        return int(removed)

    def _remove_damaged(self) -> None:
        """Remove the damaged file and its WAL files (or an empty folder in its place)."""
        try:
            if self.path.is_dir():
                self.path.rmdir()  # only when empty: a folder of someone's files is not ours to delete
            for candidate in self._files():
                if candidate.is_file() or candidate.is_symlink():
                    candidate.unlink()
        except OSError as error:
            what = "folder" if self.path.is_dir() else "file"
            raise CacheUnreadable(self.path, f"the cache is damaged and its {what} cannot be removed "
                                             f"({_reason(error)}); move it away by hand") from None
        if os.path.lexists(self.path):  # a pipe, a device, a folder with files: not ours to remove
            raise CacheUnreadable(self.path, "the cache is damaged and is not a file easyread made (a folder with "
                                             "files, a pipe or a device), so it was left alone; move it away by hand")
        self._ready = False
        self._broken = None

    def _files(self) -> list[Path]:
        return [self.path, self.path.with_name(self.path.name + "-wal"), self.path.with_name(self.path.name + "-shm")]
