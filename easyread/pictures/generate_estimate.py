"""`--pictures generate --dry-run`: how many pictures would be drawn, and what they would cost.

The pictures are counted from the picture descriptions the offline rules backend writes for each
document (an LLM backend writes its own, so with one the count is close, not exact), less those
already in the cache. The price of a picture is in `data/prices.toml` (`[images.<model>]`). Nothing
is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from easyread.pictures.image_clients import ImageSettings


@dataclass(frozen=True)
class PictureEstimate:
    """Pictures to draw (`to_draw`), found in the cache (`cached`), and the price of one in US
    dollars (None when the model has no price in data/prices.toml)."""

    to_draw: int
    cached: int
    price: float | None

    @property
    def cost(self) -> float | None:
        return None if self.price is None else self.to_draw * self.price


@cache
def picture_prices() -> dict[str, float]:
    """{model: US dollars a picture} from the `[images]` tables of data/prices.toml."""
    from easyread.data import data_toml

    return {model: float(values["per_picture"]) for model, values in data_toml("prices.toml").get("images", {}).items()}


def picture_price(model: str) -> float | None:
    """The price of one picture from `model` ("stability.stable-image-core-v1:1"; a cross-region
    id "us.stability...." costs the same), or None when unknown."""
    table = picture_prices()
    if model in table:
        return table[model]
    prefix, _, rest = model.partition(".")
    return table.get(rest) if len(prefix) == 2 and rest.startswith("stability.") else None


def estimate_pictures(source_paths: list[Path], settings: ImageSettings, max_bytes: int) -> PictureEstimate:
    """The pictures converting `source_paths` would draw with `settings`. Raises the readers'
    EasyReadError for a document that cannot be read."""
    from easyread.backends import get_backend
    from easyread.pictures.generate import house_style, wanted
    from easyread.pictures.image_cache import cached_picture, picture_key
    from easyread.pipeline import simplify_document
    from easyread.prepare import prepare_source
    from easyread.readers import read_source

    style = " ".join(house_style())
    to_draw = cached = 0
    for path in source_paths:
        document = simplify_document(prepare_source(read_source(Path(path), max_bytes=max_bytes)),
                                     get_backend("rules"), prepared=True)
        for description in wanted(document):
            if cached_picture(picture_key(description, style, settings)) is None:
                to_draw += 1
            else:
                cached += 1
    return PictureEstimate(to_draw, cached, picture_price(settings.model))


def estimate_line(guess: PictureEstimate, settings: ImageSettings) -> str:
    """The --dry-run line about pictures, e.g. "pictures: 12 to draw with bedrock
    stability.stable-image-core-v1:1 (3 in the cache), about $0.48 at $0.04 a picture"."""
    count = f"{guess.to_draw} picture{'s' if guess.to_draw != 1 else ''} to draw"
    where = f"{settings.api} {settings.model}" + (f" at {settings.base_url}" if settings.base_url else "")
    kept = f" ({guess.cached} already in the cache)" if guess.cached else ""
    cost = (f"about ${guess.cost:.2f} at ${guess.price:g} a picture" if guess.price is not None and guess.cost is not None
            else f"cost unknown (no price for {settings.model})")
    return f"pictures: {count} with {where}{kept}, {cost}; counted from the rules backend's picture descriptions."
