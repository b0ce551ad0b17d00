"""The batch manifest: `easyread-manifest.json` in the output folder, saying what each run made.

One record per source document (its path relative to the folder it was found in): the source's
sha256, the settings it was converted with, the outputs written, scores before and after, facts
missing, tokens and cost, status and error. The file is rewritten atomically after each document,
so an interrupted run leaves a manifest that lists exactly what finished, and the next run skips
every document whose source, settings and outputs are unchanged.

With `--batch-api` it also lists the Message Batches submitted and not yet collected
(`message_batches`: each its id and, by custom id, the document, its sha256 and the request's key),
so a run stopped while a batch is processing collects that batch next time instead of paying again.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from easyread.atomic import write_text_atomic
from easyread.errors import OutputError
from easyread.limits import MAX_MANIFEST_BYTES, MEGABYTE
from easyread.secrets import scrub

MANIFEST_NAME = "easyread-manifest.json"
MANIFEST_VERSION = 1
DONE = ("converted", "unchanged")  # statuses whose outputs a later run may keep
STATUSES = ("converted", "unchanged", "skipped", "failed")
_DAMAGED = object()  # stands for a number no record holds (NaN, Infinity, 5,000 digits): fails every check


@dataclass
class DocumentRecord:
    """What happened to one source document."""

    source: str  # relative to the folder it was found in; the outputs mirror it
    status: str  # converted, unchanged, skipped or failed
    source_sha256: str | None = None
    settings_hash: str | None = None
    backend: str | None = None
    model: str | None = None  # null for offline backends
    outputs: list[str] = field(default_factory=list)  # relative to the output folder
    pages: int | None = None
    scores_before: dict[str, float] | None = None  # {"reading_ease": .., "grade": ..}
    scores_after: dict[str, float] | None = None
    facts_missing: list[str] = field(default_factory=list)  # "01632 960 418 (footnote 1)"
    parts_set_aside: dict[str, int] = field(default_factory=dict)  # parts of the source with no item, by reason
    parts_unexplained: list[str] = field(default_factory=list)  # locations of parts that gave no item, no reason
    tokens: int = 0
    cost: float | None = None  # null when a backend has no price (offline backends)
    error: str | None = None
    finished_at: str | None = None  # ISO 8601, UTC

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentRecord:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)

    @classmethod
    def checked(cls, data: object) -> DocumentRecord | None:
        """The record in `data` (a manifest entry as read from JSON), or None when any field is not
        what `asdict` of a record gives: then the document is converted again. Unknown fields are
        dropped; a missing optional field takes its default."""
        if not isinstance(data, dict) or not all(isinstance(name, str) for name in data):
            return None
        source, status = data.get("source"), data.get("status")
        if not (_is_relative_path(source) and status in STATUSES):
            return None
        for name, check in _FIELD_CHECKS.items():
            if name in data and not check(data[name]):
                return None
        return cls.from_dict(data)


def settings_hash(settings: dict[str, Any]) -> str:
    """A short stable hash of everything that changes the output (version, backend, model, ...)."""
    text = json.dumps(settings, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Manifest:
    """The records of one output folder, loaded at the start of a run and saved after each document."""

    def __init__(self, folder: Path, settings: dict[str, Any]) -> None:
        self.folder = Path(folder)
        self.path = self.folder / MANIFEST_NAME
        self.settings = settings
        self.settings_hash = settings_hash(settings)
        self.documents: dict[str, DocumentRecord] = {}
        self.message_batches: list[dict[str, Any]] = []  # submitted, not yet collected (see batch_api.py)
        self.unreadable = False  # the old manifest could not be read: every document is redone
        self.warnings: list[str] = []  # one line each: what could not be read, and what that means
        self._saved_at = 0.0
        self._save_seconds = 0.0

    @classmethod
    def load(cls, folder: Path, settings: dict[str, Any]) -> Manifest:
        """The manifest of `folder`, read defensively: never raises.

        A record that is not what we write (a wrong type, a missing field, a number too large, a
        path out of the folder) is passed over, so its document is converted again. A manifest that
        cannot be read at all (not JSON, nested too deeply, too large, not our layout) counts as
        none: every document is converted again and the file is rewritten. Either way `warnings`
        says so in one line.
        """
        manifest = cls(folder, settings)
        try:
            size = manifest.path.stat().st_size
        except FileNotFoundError:
            return manifest
        except OSError as error:
            return manifest._cannot_read(f"cannot be read ({(error.strerror or str(error)).lower()})")
        if size > MAX_MANIFEST_BYTES:
            return manifest._cannot_read(f"is larger than {MAX_MANIFEST_BYTES // MEGABYTE} MB")
        try:
            data = json.loads(manifest.path.read_bytes().decode("utf-8"), parse_int=_bounded_int,
                              parse_constant=lambda name: _DAMAGED)
        except OSError as error:
            return manifest._cannot_read(f"cannot be read ({(error.strerror or str(error)).lower()})")
        except (ValueError, RecursionError):  # not JSON (or not UTF-8), or nested too deeply
            return manifest._cannot_read("is not a manifest easyread can read (damaged JSON)")
        entries = data.get("documents") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            return manifest._cannot_read("is not a manifest easyread can read (no list of documents)")
        damaged = 0
        for entry in entries:
            record = DocumentRecord.checked(entry)
            if record is None:
                damaged += 1
            else:
                manifest.documents[record.source] = record
        if damaged:
            manifest.warnings.append(f"{manifest.path}: {damaged} damaged record{'s' if damaged != 1 else ''} "
                                     "passed over; their documents are converted again")
        batches = data.get("message_batches", [])
        manifest.message_batches = [entry for entry in batches if _is_batch_record(entry)] \
            if isinstance(batches, list) else []
        if not isinstance(batches, list) or len(manifest.message_batches) < len(batches):
            manifest.warnings.append(f"{manifest.path}: a damaged message batch record passed over; its documents "
                                     "are submitted again")
        return manifest

    def _cannot_read(self, reason: str) -> Manifest:
        self.documents.clear()
        self.unreadable = True
        self.warnings.append(f"{self.path}: {reason}; every document is converted again and the manifest "
                             "written anew")
        return self

    def is_unchanged(self, source: str, sha256: str) -> bool:
        """True when `source` was converted from the same bytes with the same settings and its outputs exist."""
        record = self.documents.get(source)
        return (
            record is not None
            and record.status in DONE
            and record.source_sha256 == sha256
            and record.settings_hash == self.settings_hash
            and bool(record.outputs)
            and all((self.folder / output).is_file() for output in record.outputs)
        )

    def record(self, record: DocumentRecord) -> None:
        self.documents[record.source] = record

    def as_dict(self) -> dict[str, Any]:
        data = {
            "version": MANIFEST_VERSION,
            "settings_hash": self.settings_hash,
            "settings": self.settings,
            "documents": [asdict(self.documents[name]) for name in sorted(self.documents)],
        }
        if self.message_batches:
            data["message_batches"] = self.message_batches
        return data

    def save(self) -> None:
        """Write the manifest atomically; an OSError (disk full, no permission) becomes an OutputError."""
        started = time.monotonic()
        try:
            write_text_atomic(self.path, scrub(json.dumps(self.as_dict(), indent=2, ensure_ascii=False)) + "\n")
        except OSError as error:
            raise OutputError(self.path, f"cannot write the manifest: {error.strerror or error}") from None
        self._saved_at = time.monotonic()
        self._save_seconds = self._saved_at - started

    def save_soon(self) -> None:
        """Save after a document finishes, unless saving would take over a tenth of the run.

        A small manifest is saved after every document; one of thousands of documents (tens of
        milliseconds a save) at most every ten saves' time. The batch always saves at the end and
        on an interrupt, so only a hard kill can lose a few records (those documents are redone).
        """
        if time.monotonic() - self._saved_at >= 10 * self._save_seconds:
            self.save()


# ---- reading records defensively -----------------------------------------------------------------


def _bounded_int(text: str) -> object:
    """A JSON integer, or _DAMAGED past 30 digits (no count or page number is that long, and Python
    refuses to parse more than 4,300 digits at all)."""
    return int(text) if len(text) <= 30 else _DAMAGED


def _is_text(value: object) -> bool:
    return isinstance(value, str) and "\x00" not in value


def _is_relative_path(value: object) -> bool:
    """A non-empty path inside the folder: no root, no drive (on Windows), no '..'."""
    if not _is_text(value) or not value:
        return False
    path = Path(value)  # type: ignore[arg-type]
    return not (path.is_absolute() or path.drive or path.root) and ".." not in path.parts


def _optional(check: Any) -> Any:
    return lambda value: value is None or check(value)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**15


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _list_of(check: Any) -> Any:
    return lambda value: isinstance(value, list) and all(check(item) for item in value)


def _dict_of(check: Any) -> Any:
    return lambda value: isinstance(value, dict) and all(_is_text(k) and check(v) for k, v in value.items())


def _is_batch_record(entry: object) -> bool:
    """A message batch record as `batch_api` writes it: {"id": .., "created_at": .., "requests":
    {custom_id: {"source": .., "sha256": .., "key": ..}}}."""
    if not isinstance(entry, dict) or not _is_text(entry.get("id")) or not entry.get("id"):
        return False
    requests = entry.get("requests")
    return isinstance(requests, dict) and all(
        _is_text(name) and isinstance(request, dict) and _is_relative_path(request.get("source"))
        and _is_text(request.get("sha256")) and _is_text(request.get("key"))
        for name, request in requests.items())


_FIELD_CHECKS: dict[str, Any] = {
    "source_sha256": _optional(_is_text), "settings_hash": _optional(_is_text), "backend": _optional(_is_text),
    "model": _optional(_is_text), "outputs": _list_of(_is_relative_path), "pages": _optional(_is_count),
    "scores_before": _optional(_dict_of(_is_number)), "scores_after": _optional(_dict_of(_is_number)),
    "facts_missing": _list_of(_is_text), "parts_set_aside": _dict_of(_is_count),
    "parts_unexplained": _list_of(_is_text), "tokens": _is_count, "cost": _optional(_is_number),
    "error": _optional(_is_text), "finished_at": _optional(_is_text),
}
