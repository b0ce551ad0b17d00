"""Generated pictures kept in the user cache folder, so drawing the same picture again costs nothing.

A picture is a PNG named `generated-<key>.png` in the `pictures` folder of the cache folder the
response cache uses (`platformdirs`' user cache folder, or EASYREAD_CACHE_DIR). The key is the
sha256 of the image API, the model, the house style and the picture description: change any of
them and the picture is drawn again. Only pictures that passed `check_png` are stored; a cached file
that no longer passes (damaged, replaced) is a miss. Nothing else is kept: no key, no address.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from easyread.limits import MAX_PICTURE_BYTES, MEGABYTE
from easyread.pictures.image_clients import ImageFailure, ImageSettings

FOLDER = "pictures"
PREFIX = "generated-"
_NAME = re.compile(rf"^{PREFIX}[0-9a-f]{{64}}\.png$")


def generated_folder() -> Path:
    """The folder generated pictures are kept in (it may not exist yet)."""
    from easyread.backends.response_cache import cache_folder

    return cache_folder() / FOLDER


def is_generated(picture_file: str | Path | None) -> bool:
    """True when `picture_file` is a picture `--pictures generate` drew (named by its cache key)."""
    return bool(picture_file) and bool(_NAME.match(Path(str(picture_file)).name))


def picture_key(description: str, style: str, settings: ImageSettings) -> str:
    """The cache key (64 hex digits) of the picture of `description` in `style` drawn by `settings`'
    API and model (the address is left out: the same model elsewhere draws the same way)."""
    from easyread.backends.response_cache import digest

    return digest([settings.api, settings.model, style, " ".join(description.split())])


def check_png(data: bytes) -> None:
    """ImageFailure unless `data` is a PNG within the size and pixel limits of
    `easyread.pictures.safe` (MAX_PICTURE_BYTES, MAX_PICTURE_PIXELS)."""
    from easyread.pictures.safe import PNG_SIGNATURE, PictureProblem, check_pixels, pixel_size

    if len(data) > MAX_PICTURE_BYTES:
        raise ImageFailure(f"the picture is {len(data) / MEGABYTE:.0f} MB, too large")
    if not data.startswith(PNG_SIGNATURE):
        raise ImageFailure("the answer is not a PNG picture")
    try:
        check_pixels(pixel_size(io.BytesIO(data)))
    except PictureProblem as problem:
        raise ImageFailure(f"the picture {problem.reason}") from None


def cached_picture(key: str) -> Path | None:
    """The cached picture with `key`, or None when there is none usable (missing, damaged, unreadable)."""
    from easyread.pictures.safe import PictureProblem, inspect_picture

    path = generated_folder() / f"{PREFIX}{key}.png"
    try:
        return path if inspect_picture(path) == "png" else None
    except PictureProblem:
        return None


def folder_writable() -> bool:
    """True when the folder of generated pictures exists or can be made, and can be written to."""
    import os

    folder = generated_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def store_picture(key: str, data: bytes) -> Path | None:
    """Keep `data` (checked with `check_png` already) as the picture with `key`; its path, or None
    when the cache folder cannot be written (the picture is then not used: there is nowhere to
    keep it while the outputs are written)."""
    from easyread.atomic import write_bytes_atomic
    from easyread.errors import EasyReadError

    path = generated_folder() / f"{PREFIX}{key}.png"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except (OSError, EasyReadError):
        return None
    return path
