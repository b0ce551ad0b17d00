"""Tiny picture files made in the tests: a PNG from the standard library, and an SVG."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png_bytes(width: int = 4, height: int = 4, rgb: tuple[int, int, int] = (0, 120, 200)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="72" height="72" viewBox="0 0 72 72">'
       '<rect x="8" y="8" width="56" height="56" fill="#3c8"/></svg>')


def write_png(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes())
    return path


def write_svg(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SVG, encoding="utf-8")
    return path


def needs_openmoji():  # type: ignore[no-untyped-def]
    """Skip the test when the OpenMoji set (the `pictures` extra) is not installed; else its SVG folder."""
    import pytest

    from easyread.pictures.raster import openmoji_folder

    folder = openmoji_folder()
    if folder is None:
        pytest.skip("the OpenMoji set (the pictures extra) is not installed")
    return folder


def four_picture_library(folder):
    """A council library of four pictures we drew: a green bin, a blue bin, a telephone and a
    calendar, read as a catalogue."""
    from easyread.pictures.catalogue import library_catalogue

    for name in ("green-bin.png", "blue-bin.png", "telephone.png", "calendar.png"):
        write_png(folder / name)
    return library_catalogue(folder)
