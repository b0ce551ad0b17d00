"""`--pictures generate`: draw each item's picture from its picture description with an image API.

Each item without a picture gets one drawn from its description ("a green bin") and the house style
in `data/picture_style.toml` (simple, flat, plain background, no text, no real people's faces). Only
the description and the style are sent, to the image API the user chose
(`easyread.pictures.image_clients`). Items with the same description share one picture. A picture
already in the cache (`easyread.pictures.image_cache`) is used without a request, so a rerun costs
nothing. A picture that fails (an error, a refusal, a timeout, not a PNG, too large) leaves its item
with its placeholder and one warning line; the others are still drawn, unless the failure says no
request can succeed (a refused key), when the rest keep their placeholders too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache

from easyread.model import EasyReadDocument, Item
from easyread.pictures.image_cache import (
    cached_picture,
    check_png,
    folder_writable,
    generated_folder,
    picture_key,
    store_picture,
)
from easyread.pictures.image_clients import Draw, ImageFailure, ImageSettings, make_client

REQUESTS_AT_ONCE = 4  # pictures drawn at once: Bedrock's default quota for Stable Image Core is a few a minute


@dataclass
class Generated:
    """What `generate_pictures` did: pictures `drawn` (requests that gave one), taken from the
    `cached` pictures, and the descriptions that `failed` with their reasons."""

    drawn: int = 0
    cached: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


@cache
def house_style() -> tuple[str, str]:
    """(style, what to avoid) from `data/picture_style.toml`."""
    from easyread.data import data_toml

    data = data_toml("picture_style.toml")
    return str(data["style"]), str(data["avoid"])


def picture_prompt(description: str) -> tuple[str, str]:
    """(prompt, what to avoid) for a picture of `description`: "A picture of: a green bin. Simple flat ..."."""
    style, avoid = house_style()
    return f"A picture of: {' '.join(description.split()).rstrip('.')}. {style}", avoid


def wanted(document: EasyReadDocument) -> dict[str, list[Item]]:
    """The items of `document` that need a picture, by their description (whitespace made single),
    in order: items with a picture already, or with no description, are left alone."""
    needed: dict[str, list[Item]] = {}
    for item in [*document.opening, *document.items()]:
        description = " ".join(item.picture.split())
        if not item.picture_file and description:
            needed.setdefault(description, []).append(item)
    return needed


def _warn(line: str) -> None:
    print(line, file=sys.stderr)


def generate_pictures(document: EasyReadDocument, settings: ImageSettings, draw: Draw | None = None,
                      warn: Callable[[str], None] = _warn) -> Generated:
    """Give the items of `document` without a picture one drawn from their description; returns
    what was done. `draw` is the image client (`make_client(settings)` when a picture must be
    drawn; its UsageError, for a missing key or region, is raised before any request). `warn` gets
    one line for each picture that failed."""
    style = " ".join(house_style())
    result = Generated()
    to_draw: list[tuple[str, str, list[Item]]] = []
    for description, items in wanted(document).items():
        key = picture_key(description, style, settings)
        path = cached_picture(key)
        if path is not None:
            _give(items, str(path))
            result.cached += 1
        else:
            to_draw.append((description, key, items))
    if not to_draw:
        return result
    draw = draw or make_client(settings)
    if not folder_writable():  # nowhere to keep a picture: none is paid for
        result.failed = [(description, "the cache folder cannot be written") for description, _, _ in to_draw]
        warn(f"easyread: warning: {len(to_draw)} picture{'s were' if len(to_draw) != 1 else ' was'} not drawn "
             f"(the cache folder {generated_folder()} cannot be written); their placeholders stay")
        return result
    stopped: list[ImageFailure] = []

    def one(description: str, key: str) -> str:
        if stopped:
            raise stopped[0]
        try:
            data = draw(*picture_prompt(description))
            check_png(data)
        except ImageFailure as failure:
            if failure.fatal:
                stopped.append(failure)
            raise
        except Exception as error:  # an SDK's own surprise: this picture fails, the others go on
            raise ImageFailure(f"the image API failed ({type(error).__name__})") from None
        path = store_picture(key, data)
        if path is None:
            raise ImageFailure("the cache folder cannot be written")
        return str(path)

    pool = ThreadPoolExecutor(max_workers=REQUESTS_AT_ONCE)
    try:
        futures = [(description, items, pool.submit(one, description, key)) for description, key, items in to_draw]
        for description, items, future in futures:
            try:
                _give(items, future.result())
                result.drawn += 1
            except ImageFailure as failure:
                result.failed.append((description, failure.reason))
    finally:  # Ctrl-C: the pictures not started are not asked for
        pool.shutdown(wait=True, cancel_futures=True)
    _report(result.failed, stopped[0].reason if stopped else None, warn)
    return result


def _report(failed: list[tuple[str, str]], fatal: str | None, warn: Callable[[str], None]) -> None:
    """One warning line for each failed picture; those stopped by a failure no request can get past
    (`fatal`, a refused key) share one line."""
    for description, reason in failed:
        if reason != fatal:
            warn(f"easyread: warning: the picture of \"{_short(description)}\" was not drawn ({reason}); "
                 "its placeholder stays")
    stopped = sum(1 for _, reason in failed if reason == fatal)
    if fatal is not None and stopped:
        warn(f"easyread: warning: {stopped} picture{'s were' if stopped != 1 else ' was'} not drawn ({fatal}); "
             "their placeholders stay")


def _give(items: list[Item], path: str) -> None:
    for item in items:
        item.picture_file = path


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
