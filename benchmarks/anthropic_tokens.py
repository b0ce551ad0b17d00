"""Print what `--backend anthropic` spends per Easy Read page on the seeds, from real request shapes.

The recorded good answers in `tests/backends/recorded/` (three seeds, written blind from the
prompts) are replayed through the real anthropic SDK against the loopback server of the tests
(`tests/backends/fake_anthropic.py`), so every request is the one easyread really sends: the
planning request, then the sections grouped (a short document whole), with the system prompt and
the document context marked for the prompt cache. The server counts tokens as characters / 4
(an approximation of Claude's tokenizer) and reports a prompt-cache read for every marked prefix
it has seen before, as Anthropic's API does within the cache's lifetime (5 minutes).

Printed per seed and in total: requests, tokens in (uncached), read from and written to the cache,
out, Easy Read pages (of the PDF), and the cost per page at the default model's price
(`easyread/data/prices.toml`): with the prompt cache as reported, and with the Message Batches
discount on the section requests (the plan is an ordinary request; cache reads in a batch are
best-effort, so the batch figure counts no cache read). Run from the repository root:
`python benchmarks/anthropic_tokens.py`.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from easyread.backends import get_backend
    from easyread.backends.anthropic import DEFAULT_MODEL
    from easyread.backends.usage import TokenUsage, batch_discount
    from easyread.pipeline import convert
    from tests.backends.fake_anthropic import FakeAnthropic
    from tests.backends.test_recorded_answers import RECORDED, Replay

    fake = FakeAnthropic().start()
    os.environ.update({"ANTHROPIC_BASE_URL": fake.url, "ANTHROPIC_API_KEY": "benchmark-" + "not-a-key",
                       "EASYREAD_CACHE_DIR": tempfile.mkdtemp()})
    print(f"model {DEFAULT_MODEL}; tokens are characters / 4; recorded answers replayed against the loopback server")
    print(f"{'seed':28} {'requests':>8} {'in':>7} {'cache read':>10} {'written':>8} {'out':>6} {'pages':>5} "
          f"{'in/page':>8} {'out/page':>8} {'$/page':>8} {'batch $/page':>12}")
    total = TokenUsage()
    pages_total, batch_total = 0, 0.0
    try:
        for path in sorted(RECORDED.glob("*.json")):
            recording = json.loads(path.read_text(encoding="utf-8"))
            fake.default = Replay(recording)
            fake.seen_systems.clear()  # each document starts with a cold cache
            backend = get_backend("anthropic", cache=False, jobs=1)
            with tempfile.TemporaryDirectory() as folder:
                result = convert(ROOT / "seeds" / recording["seed"], Path(folder), backend=backend,
                                 formats=("pdf",))
            usage, pages = backend.usage, result.pages
            plan_tokens = _plan_usage(fake, recording)
            cost = usage.cost(DEFAULT_MODEL) or 0.0
            sections = TokenUsage(input=usage.input + usage.cache_read + usage.cache_write - plan_tokens.input,
                                  output=usage.output - plan_tokens.output)
            batch = (plan_tokens.cost(DEFAULT_MODEL) or 0.0) + (sections.cost(DEFAULT_MODEL) or 0.0) * (1 - batch_discount())
            print(f"{recording['seed']:28} {usage.requests:>8} {usage.input:>7,} {usage.cache_read:>10,} "
                  f"{usage.cache_write:>8,} {usage.output:>6,} {pages:>5} {(usage.input + usage.cache_read + usage.cache_write) / pages:>8,.0f} "
                  f"{usage.output / pages:>8,.0f} {cost / pages:>8.4f} {batch / pages:>12.4f}")
            total.add(usage.input, usage.output, usage.cache_read, usage.cache_write, usage.requests)
            pages_total += pages
            batch_total += batch
    finally:
        fake.stop()
    cost = total.cost(DEFAULT_MODEL) or 0.0
    sent = total.input + total.cache_read + total.cache_write
    print(f"{'all three':28} {total.requests:>8} {total.input:>7,} {total.cache_read:>10,} {total.cache_write:>8,} "
          f"{total.output:>6,} {pages_total:>5} {sent / pages_total:>8,.0f} {total.output / pages_total:>8,.0f} "
          f"{cost / pages_total:>8.4f} {batch_total / pages_total:>12.4f}")
    return 0


def _plan_usage(fake, recording):  # type: ignore[no-untyped-def]
    """The tokens of the planning request (characters / 4): what it sent, and the recorded plan."""
    from easyread.backends.usage import TokenUsage

    plans = [request for request in fake.requests if request.is_plan]
    fake.requests.clear()
    return TokenUsage(input=sum(len(json.dumps(request.body)) for request in plans) // 4,
                      output=len(json.dumps(recording["plan"])) // 4 * len(plans))


if __name__ == "__main__":
    sys.exit(main())
