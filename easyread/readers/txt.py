"""Read a plain-text (.txt) file: work out its encoding, then structure it with `plain_text`."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from easyread.errors import UnreadableDocument
from easyread.model import SourceDocument
from easyread.readers.plain_text import normalise_newlines, structure_plain_text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 11, 12, 13} | {127})
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05  # more control bytes than this and it is not text
_MAX_WESTERN_SHARE = 0.3  # mostly ASCII with a few high bytes: a Windows-1252 (or Latin-1) file
_SAMPLE = 64 * 1024

BINARY = "looks like a binary file, not text"
UNKNOWN_ENCODING = "cannot tell the text encoding"


def read(path: Path) -> SourceDocument:
    text = decode(path.read_bytes(), path)
    return structure_plain_text(clean_text(text), path, "txt")


def decode(data: bytes, path: Path | None = None) -> str:
    """Decode file bytes to text, or raise UnreadableDocument when they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_or_fail(data, encoding, path)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise UnreadableDocument(path, BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _western(data) or _detected(data)
    if text is None:
        raise UnreadableDocument(path, UNKNOWN_ENCODING)
    return text


def clean_text(text: str) -> str:
    """Unix line endings, and no stray control characters (NUL, escape codes) that fonts cannot draw."""
    return _CONTROL_CHARS.sub("", normalise_newlines(text))


def _decode_or_fail(data: bytes, encoding: str, path: Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(path, UNKNOWN_ENCODING) from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM has a NUL in nearly every other byte; decode it if that is the pattern."""
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    encoding = "utf-16-le" if odd > 0.6 * half and even < 0.1 * half else None
    if even > 0.6 * half and odd < 0.1 * half:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text.encode("utf-8", "replace")) else text


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    too_many_controls = controls > max(2, _MAX_CONTROL_SHARE * len(sample))
    return too_many_controls or sample.count(0) > max(2, len(sample) // 1000)


def _western(data: bytes) -> str | None:
    """Mostly-ASCII text that is not UTF-8 is nearly always Windows-1252 (a superset of Latin-1 text)."""
    high = sum(1 for byte in data[:_SAMPLE] if byte >= 0x80)
    if high / max(1, len(data[:_SAMPLE])) > _MAX_WESTERN_SHARE:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)
