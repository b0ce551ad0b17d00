"""Small picture files made by the tests: a 1x1 PNG built with zlib and struct, an SVG, a broken file."""

from __future__ import annotations

from pathlib import Path

from tests.pictures.images import png_bytes

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="green"/></svg>'


def tiny_png() -> bytes:
    """A valid 1x1 red PNG."""
    return png_bytes(1, 1, (255, 0, 0))


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
