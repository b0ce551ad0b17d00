"""Prompt caching that takes effect (issue 12.5): what is marked, that it is long enough, and that
the cache reads a server reports reach the usage line."""

from __future__ import annotations

import json
import re

from easyread.backends import get_backend
from easyread.backends.anthropic import DEFAULT_MODEL
from easyread.backends.cache_minimum import PRACTICAL_FLOOR, cache_minimum
from easyread.backends.document_plan import DocumentPlan
from easyread.backends.usage import CHARS_PER_TOKEN
from easyread.cli import app
from easyread.model import Block, HardWord, Item, Section

SECTIONS = [Section("Hall hire", [Block("paragraph", "The hall costs £26 an hour.")]),
            Section("Booking", [Block("paragraph", "Book by phoning 01632 960862.")])]
CONTEXT = DocumentPlan(title="Hiring the village hall", opening=[Item("This is about hiring the hall.", "a hall")],
                       glossary=[HardWord("deposit", "Money you pay first and get back later.")])


def test_the_cache_minimum_comes_from_the_documented_table():
    assert cache_minimum("claude-sonnet-4-5-20250929") == 1024
    assert cache_minimum("claude-haiku-4-5") == 4096
    assert cache_minimum("eu.anthropic.claude-opus-4-5-20251101-v1:0") == 4096
    assert cache_minimum("claude-opus-4-1") == 1024 and cache_minimum("claude-opus-4") == 1024
    assert cache_minimum("some-local-model") == 4096  # unknown: the largest documented minimum


def test_the_system_prompt_alone_is_over_the_default_models_cache_minimum():
    chosen = get_backend("anthropic", dry_run=True)
    tokens = len(chosen.prompts.system) // CHARS_PER_TOKEN
    assert tokens > max(cache_minimum(DEFAULT_MODEL), PRACTICAL_FLOOR)


def test_the_system_prompt_and_document_context_are_marked_and_the_sections_are_not():
    chosen = get_backend("anthropic", dry_run=True)
    from easyread.backends.llm import Message

    message = Message("user", chosen.prompts.user_message(SECTIONS), context=chosen.context_text(CONTEXT))
    request = chosen.request([message])
    assert request["system"] == [{"type": "text", "text": chosen.prompts.system, "cache_control": {"type": "ephemeral"}}]
    context, sections = request["messages"][0]["content"]
    assert context["cache_control"] == {"type": "ephemeral"} and "<document_context>" in context["text"]
    assert "deposit: Money you pay first" in context["text"]
    assert "cache_control" not in sections and "[1] The hall costs £26 an hour." in sections["text"]
    marked = sum(1 for part in [*request["system"], *request["messages"][0]["content"]] if "cache_control" in part)
    assert marked <= 4  # the API allows four breakpoints


def test_the_stable_part_is_the_same_for_every_request_of_a_document(fake_anthropic):
    chosen = get_backend("anthropic", retries=0, timeout=5.0)
    chosen.group_chars = 0
    chosen.simplify_all(SECTIONS, CONTEXT)
    first, second = (request.body for request in fake_anthropic.requests)
    assert first["system"] == second["system"]
    assert first["messages"][0]["content"][0] == second["messages"][0]["content"][0]
    assert first["messages"][0]["content"][1] != second["messages"][0]["content"][1]


def test_cache_reads_reported_by_the_server_reach_the_usage(fake_anthropic):
    chosen = get_backend("anthropic", retries=0, timeout=5.0)
    chosen.group_chars = 0
    chosen.simplify_all(SECTIONS, CONTEXT)
    system = len(chosen.prompts.system)
    context = len(chosen.context_text(CONTEXT))
    # the first request writes the system prompt and the context; the second reads both
    assert chosen.usage.cache_write == (system + context) // 4
    assert chosen.usage.cache_read == (system + context) // 4


def test_the_usage_line_shows_the_cache_reads(runner, tmp_path, fake_anthropic):
    source = tmp_path / "hall.md"
    source.write_text("# Hiring the hall\n\n## Cost\n\nThe hall costs £26 an hour.\n\n## Booking\n\n"
                      "Book by phoning 01632 960862.\n", encoding="utf-8")
    result = runner.invoke(app, ["convert", str(source), "-b", "anthropic", "--no-cache"])
    assert result.exit_code == 0, result.output
    plan, sections = fake_anthropic.requests
    system = len(plan.body["system"][0]["text"])
    read = int(re.search(r"([\d,]+) read from the prompt cache", result.output).group(1).replace(",", ""))
    assert read == system // 4 > 0  # the section request read what the planning request wrote
    assert json.dumps(sections.body["messages"][0]["content"][0]["cache_control"]) == '{"type": "ephemeral"}'
