"""Print the tokens and cost per Easy Read page that `--backend anthropic` would spend on the seeds.

Input: the JSON body of each section's first request (system prompt, section, answer schema), as
our prompts build it, in characters / 4. Output: no model is called, so the answer's size is taken
from the rules backend's items for the same section, written in the answer's JSON shape (sentence,
picture, hard words with explanations): an answer of about the same length. Pages: the pages the
rules backend's version has. Cost at the default model's price, with no repair rounds and no prompt
cache discount: the system prompt (about 935 tokens by characters / 4) is near the smallest prefix
the API caches (1,024 tokens for Sonnet models), so whether it is cached depends on the tokenizer.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARS_PER_TOKEN = 4


def main() -> None:
    from easyread.backends.anthropic import DEFAULT_MODEL, AnthropicBackend
    from easyread.backends.llm import Message
    from easyread.backends.rules import RulesBackend
    from easyread.backends.usage import TokenUsage
    from easyread.pipeline import convert
    from easyread.readers import read_document

    backend = AnthropicBackend(dry_run=True, cache=False)
    rules = RulesBackend()
    system_tokens = len(backend.prompts.system) // CHARS_PER_TOKEN
    print(f"model {DEFAULT_MODEL}; system prompt about {system_tokens} tokens; tokens are characters / 4")
    print(f"{'seed':42} {'requests':>8} {'in':>7} {'out':>6} {'pages':>5} {'tokens/page':>11} {'$/page':>8}")
    totals = [0, 0, 0, 0]
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".docx", ".md", ".txt") and p.name != "README.md")
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            source = read_document(seed)
            sections = [s for s in source.sections if any(block.text.strip() for block in s.blocks)]
            input_chars = sum(len(json.dumps(backend.request([Message("user", backend.prompts.user_message(s))]),
                                             ensure_ascii=False)) for s in sections)
            output_chars = 0
            for section in sections:
                easy = rules.simplify(section)
                answer = {"heading": easy.heading, "items": [
                    {"sentence": item.sentence, "picture": item.picture, "words_avoided": [],
                     "hard_words": [{"word": h.word, "explanation": h.explanation or ""} for h in item.hard_words]}
                    for item in easy.items]}
                output_chars += len(json.dumps(answer, ensure_ascii=False))
            pages = convert(seed, Path(folder) / f"{seed.stem}.pdf").pages
            tokens_in, tokens_out = input_chars // CHARS_PER_TOKEN, output_chars // CHARS_PER_TOKEN
            cost = TokenUsage(input=tokens_in, output=tokens_out).cost(DEFAULT_MODEL) or 0.0
            print(f"{seed.name:42} {len(sections):>8} {tokens_in:>7,} {tokens_out:>6,} {pages:>5} "
                  f"{(tokens_in + tokens_out) / pages:>11,.0f} {cost / pages:>8.4f}")
            for index, value in enumerate((len(sections), tokens_in, tokens_out, pages)):
                totals[index] += value
    requests, tokens_in, tokens_out, pages = totals
    cost = TokenUsage(input=tokens_in, output=tokens_out).cost(DEFAULT_MODEL) or 0.0
    print(f"{'all seeds':42} {requests:>8} {tokens_in:>7,} {tokens_out:>6,} {pages:>5} "
          f"{(tokens_in + tokens_out) / pages:>11,.0f} {cost / pages:>8.4f}")
    print(f"per page: {tokens_in / pages:,.0f} tokens in, {tokens_out / pages:,.0f} out, about ${cost / pages:.4f}")


if __name__ == "__main__":
    sys.exit(main())
