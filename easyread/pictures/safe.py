"""Reading a picture file without being fooled by it: regular files only, under the size and pixel
limits, checked before anything is decoded.

A plan is a file anyone can edit or share, so the path of a picture in it may name a FIFO (which
would block the read for ever), /dev/zero (which never ends), a 400 KB PNG of 12000 x 12000 pixels
(1.45 GB once decoded), or an SVG that pulls in another file of the reader's disk. Every picture
the renderers embed comes through `load_picture`; `inspect_picture` makes the same checks reading
only the file's header (for a folder of pictures, or a plan, before rendering).

The limits are `easyread.limits.MAX_PICTURE_BYTES` and `MAX_PICTURE_PIXELS`. The pixel size of a
PNG or JPEG is read from its header by Pillow (already needed by reportlab), whose `Image.open`
decodes nothing.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import BinaryIO

from easyread.limits import MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS, MEGABYTE

PIXEL_LIMIT = f"the limit is {MAX_PICTURE_PIXELS / 1_000_000:g} million pixels"
SIZE_LIMIT = f"the limit is {MAX_PICTURE_BYTES // MEGABYTE} MB"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HEADER_BYTES = 4096  # enough to tell PNG, JPEG and SVG apart (raster.kind_of looks at 2 KB)


class PictureProblem(Exception):
    """Why a file cannot be used as a picture: one short reason, such as "is not a regular file"."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class MissingPicture(PictureProblem):
    """No file is there: the renderers show the picture's description, as they always have."""


def _open_regular(path: Path) -> tuple[BinaryIO, int]:
    """The file at `path` open for reading, and its size in bytes. Opened without blocking, so a
    FIFO cannot hang us; the open file itself is then checked to be a regular file under the size
    limit (fstat, so the check and the read are about the same file). PictureProblem otherwise."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise MissingPicture("no such file") from None
    except IsADirectoryError:
        raise PictureProblem("is a folder, not a picture") from None
    except OSError as error:
        raise PictureProblem(f"cannot be read ({error.strerror or error})") from None
    except ValueError:  # a NUL in the name
        raise PictureProblem("is not a file name") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise PictureProblem("is a folder, not a picture")
        if not stat.S_ISREG(info.st_mode):
            raise PictureProblem("is not a regular file (a device, a pipe or a socket)")
        if info.st_size > MAX_PICTURE_BYTES:
            raise PictureProblem(f"is {info.st_size:,} bytes, too large for a picture ({SIZE_LIMIT})")
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb"), info.st_size


def pixel_size(source: BinaryIO) -> tuple[int, int] | None:
    """(width, height) in pixels from a PNG's or JPEG's header, or None if it has none we can read.

    A PNG's size is the first 8 bytes of its IHDR chunk, which the PNG specification puts first
    (ISO/IEC 15948, 11.2.2), read even when the rest of the file is missing. A JPEG's comes from
    Pillow, whose `Image.open` reads the markers up to the frame header and decodes nothing;
    Pillow's own "decompression bomb" refusal counts as too many pixels.
    """
    import struct
    import warnings

    from PIL import Image

    start = source.tell()
    head = source.read(24)
    source.seek(start)
    if head.startswith(PNG_SIGNATURE) and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow warns about big pictures on stderr; we refuse them ourselves
            with Image.open(source, formats=["PNG", "JPEG"]) as image:
                return image.size
    except Image.DecompressionBombError:
        raise PictureProblem(f"has too many pixels ({PIXEL_LIMIT})") from None
    except Exception:  # Pillow raises many kinds of error on a damaged header: not a readable picture
        return None


def check_pixels(size: tuple[int, int] | None) -> None:
    """PictureProblem if a picture of `size` (width, height) has more than MAX_PICTURE_PIXELS pixels."""
    if size is not None and size[0] * size[1] > MAX_PICTURE_PIXELS:
        raise PictureProblem(f"is {size[0]} x {size[1]} pixels, too many to draw ({PIXEL_LIMIT})")


def _check_svg(data: bytes) -> None:
    from easyread.pictures.svg_check import svg_problem

    problem = svg_problem(data)
    if problem:
        raise PictureProblem(problem)


def inspect_picture(path: str | Path) -> str | None:
    """"png", "jpeg" or "svg" for a picture that may be used, None for a file that is no picture
    (shown as its description, as before); PictureProblem for one that must not be read (not a
    regular file, over the size or pixel limit, an SVG naming another file). Reads the header of a
    PNG or JPEG, and the whole of an SVG (at most MAX_PICTURE_BYTES)."""
    from easyread.pictures.raster import kind_of

    handle, _ = _open_regular(Path(path))
    with handle:
        kind = kind_of(handle.read(HEADER_BYTES))
        handle.seek(0)
        if kind in ("png", "jpeg"):
            check_pixels(pixel_size(handle))
        elif kind == "svg":
            _check_svg(handle.read(MAX_PICTURE_BYTES + 1))
    return kind


def load_picture(path: str | Path) -> tuple[bytes, str | None]:
    """(the file's bytes, "png", "jpeg", "svg" or None) for the picture at `path`, after the same
    checks as `inspect_picture` made on the bytes read (so the file cannot change in between).
    PictureProblem when it must not be used."""
    from easyread.pictures.raster import kind_of

    handle, _ = _open_regular(Path(path))
    with handle:
        data = handle.read(MAX_PICTURE_BYTES + 1)
    if len(data) > MAX_PICTURE_BYTES:
        raise PictureProblem(f"is too large for a picture ({SIZE_LIMIT})")
    kind = kind_of(data)
    if kind in ("png", "jpeg"):
        check_pixels(pixel_size(io.BytesIO(data)))
    elif kind == "svg":
        _check_svg(data)
    return data, kind


def safe_picture(path: str | Path | None) -> tuple[bytes, str] | None:
    """(bytes, kind) of a picture a renderer may embed, or None (no file, no picture, or refused):
    the renderers then show the picture's description, as they do for a broken file."""
    if path is None:
        return None
    try:
        data, kind = load_picture(path)
    except PictureProblem:
        return None
    return (data, kind) if kind else None
