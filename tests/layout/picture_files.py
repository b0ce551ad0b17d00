"""Small picture files made by the tests: a 1x1 PNG built with zlib and struct, an SVG, a broken file."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="green"/></svg>'


def tiny_png() -> bytes:
    """A valid 1x1 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte, then one red pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def write_pictures(folder: Path) -> dict[str, Path]:
    """A PNG, an SVG, a file that is no picture, and a path with nothing there, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "green bin.png"
    png.write_bytes(tiny_png())
    svg = folder / "phone.svg"
    svg.write_text(SVG, encoding="utf-8")
    broken = folder / "broken.png"
    broken.write_text("this is not a picture", encoding="utf-8")
    return {"png": png, "svg": svg, "broken": broken, "missing": folder / "missing.png"}
