"""The batch manifest: `easyread-manifest.json` in the output folder, saying what each run made.

One record per source document (its path relative to the folder it was found in): the source's
sha256, the settings it was converted with, the outputs written, scores before and after, facts
missing, tokens and cost, status and error. The file is rewritten atomically after each document,
so an interrupted run leaves a manifest that lists exactly what finished, and the next run skips
every document whose source, settings and outputs are unchanged.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from easyread.atomic import write_text_atomic
from easyread.errors import OutputError
from easyread.secrets import scrub

MANIFEST_NAME = "easyread-manifest.json"
MANIFEST_VERSION = 1
DONE = ("converted", "unchanged")  # statuses whose outputs a later run may keep


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
        self.unreadable = False  # the old manifest could not be read: every document is redone
        self._saved_at = 0.0
        self._save_seconds = 0.0

    @classmethod
    def load(cls, folder: Path, settings: dict[str, Any]) -> Manifest:
        manifest = cls(folder, settings)
        if not manifest.path.exists():
            return manifest
        try:
            data = json.loads(manifest.path.read_text(encoding="utf-8"))
            for entry in data.get("documents", []):
                record = DocumentRecord.from_dict(entry)
                manifest.documents[record.source] = record
        except (OSError, ValueError, TypeError, AttributeError):
            manifest.documents.clear()
            manifest.unreadable = True
        return manifest

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
        return {
            "version": MANIFEST_VERSION,
            "settings_hash": self.settings_hash,
            "settings": self.settings,
            "documents": [asdict(self.documents[name]) for name in sorted(self.documents)],
        }

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
