"""Tokens an LLM backend used for one document, and what they cost at the prices in `data/prices.toml`."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cache

from easyread.data import data_toml

PER = 1_000_000  # prices are per million tokens


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cache_write: float
    cache_read: float


@cache
def prices() -> dict[str, Price]:
    """Every model's price, from the data file (read once)."""
    return {model: Price(**values) for model, values in data_toml("prices.toml").get("models", {}).items()}


@cache
def batch_discount() -> float:
    """The share the Message Batches API takes off every price (0.5: half price), from the data file."""
    return float(data_toml("prices.toml").get("batch", {}).get("discount", 0.0))


_BEDROCK_ID = re.compile(r"^(?:[a-z]{2,6}\.)?anthropic\.(?P<name>.+?)(?:-v\d+(?::\d+)?)?$")
_DATED = re.compile(r"^(?P<name>.+)-\d{8}$")


def price_of(model: str) -> Price | None:
    """The price of `model`. A dated id ("claude-haiku-4-5-20251001") or a Bedrock id
    ("eu.anthropic.claude-haiku-4-5-20251001-v1:0") costs what its alias does."""
    table = prices()
    bedrock = _BEDROCK_ID.match(model)
    name = bedrock.group("name") if bedrock else model
    dated = _DATED.match(name)
    return table.get(name) or (table.get(dated.group("name")) if dated else None)


@dataclass
class TokenUsage:
    """Tokens summed over every request for a document. Safe to add to from several threads."""

    input: int = 0  # input tokens not read from or written to the prompt cache
    output: int = 0
    cache_read: int = 0
    cache_write: int = 0
    requests: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, input: int = 0, output: int = 0, cache_read: int = 0, cache_write: int = 0, requests: int = 1) -> None:
        with self._lock:
            self.input += input
            self.output += output
            self.cache_read += cache_read
            self.cache_write += cache_write
            self.requests += requests

    @property
    def total(self) -> int:
        return self.input + self.output + self.cache_read + self.cache_write

    def cost(self, model: str) -> float | None:
        """Dollars at `model`'s price, or None when the price is not known."""
        price = price_of(model)
        if price is None:
            return None
        return (self.input * price.input + self.output * price.output + self.cache_read * price.cache_read
                + self.cache_write * price.cache_write) / PER


CHARS_PER_TOKEN = 4  # a rough rule for English text; the estimate says so
OUTPUT_PER_INPUT = 2.0  # an answer (sentences, pictures, hard words as JSON) is about twice its section
ANSWER_OVERHEAD_TOKENS = 60  # the JSON around the items


@dataclass(frozen=True)
class Estimate:
    """What a conversion would send, worked out without a request: tokens from characters / 4."""

    model: str
    requests: int
    input_tokens: int
    output_tokens: int

    @property
    def cost(self) -> float | None:
        """Dollars at the model's price, before any prompt cache discount and without repair rounds."""
        usage = TokenUsage(input=self.input_tokens, output=self.output_tokens)
        return usage.cost(self.model)

    @property
    def batch_cost(self) -> float | None:
        """`cost` through the Message Batches API, at its discount (see `batch_discount`)."""
        cost = self.cost
        return None if cost is None else cost * (1 - batch_discount())


def total_estimate(estimates: list[Estimate]) -> Estimate:
    """Several documents' estimates as one (all for the same model)."""
    model = estimates[0].model if estimates else ""
    return Estimate(model, sum(e.requests for e in estimates), sum(e.input_tokens for e in estimates),
                    sum(e.output_tokens for e in estimates))


def estimate_tokens(model: str, fixed_chars: int, section_chars: list[int]) -> Estimate:
    """An estimate for one request per section: `fixed_chars` of prompt each, plus the section."""
    input_tokens = sum((fixed_chars + chars) // CHARS_PER_TOKEN for chars in section_chars)
    output_tokens = sum(int(chars / CHARS_PER_TOKEN * OUTPUT_PER_INPUT) + ANSWER_OVERHEAD_TOKENS for chars in section_chars)
    return Estimate(model, len(section_chars), input_tokens, output_tokens)
