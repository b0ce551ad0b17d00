"""The requests an LLM backend makes for a whole document: the planning request, and the estimate.

`ask_for_plan` sends the planning request (prompts v3 `plan.md`, the whole document numbered
through), checks the answer (document_plan.plan_problems), asks once more with the problems, and
keeps a good plan in the answer cache. `estimate_requests` is what `--dry-run` counts: that
planning request, then one request per group of sections (grouping.py), each carrying the system
prompt, the answer schema and a typical document context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from easyread.backends.document_plan import (
    DocumentPlan,
    document_text,
    parse_plan,
    plan_blocks,
    plan_problems,
    plan_section,
    to_plan,
)
from easyread.backends.group_answer import is_bare
from easyread.backends.grouping import group_sections
from easyread.backends.response_cache import cache_key
from easyread.backends.usage import CHARS_PER_TOKEN, Estimate, estimate_tokens
from easyread.model import Section, SourceDocument

if TYPE_CHECKING:
    from easyread.backends.llm import LLMBackend

PLAN_OUTPUT_TOKENS = 500  # a plan's answer: a title, 2-4 opening items and a glossary (for --dry-run)
CONTEXT_ESTIMATE_CHARS = 900  # the title, opening and glossary a section request carries (for --dry-run)


def ask_for_plan(backend: LLMBackend, source: SourceDocument) -> tuple[DocumentPlan, str | None]:
    """The plan of `source` and None, or an empty plan and why there is none. Raises what
    `backend._send` raises for a failed request (the backend turns that into an empty plan)."""
    from easyread.backends.llm import Message

    if not plan_blocks(source):
        return DocumentPlan(), None
    key = cache_key(backend.cache_scope, backend.model, backend.prompts.fingerprint, backend.prompts.version,
                    plan_section(source))
    cached = backend.cache.get(key) if backend.cache else None
    if cached is not None:
        plan, _ = parse_plan(cached)
        if plan is not None and not plan_problems(plan, source):
            return to_plan(plan, source), None
    conversation = [Message("user", backend.prompts.plan_message(document_text(source)), answer="plan")]
    reply = backend._send(conversation)
    plan, problem = parse_plan(reply.text)
    problems = [problem] if problem else plan_problems(plan, source) if plan else []
    if problems:
        conversation += [Message("assistant", reply.text or "{}"),
                         Message("user", backend.prompts.repair_message(problems))]
        reply = backend._send(conversation)
        plan, problem = parse_plan(reply.text)
        problems = [problem] if problem else plan_problems(plan, source) if plan else []
    if problems or plan is None:
        return DocumentPlan(), backend.scrub("the plan broke the rules after a repair: " + " ".join(problems))
    if backend.cache:
        backend.cache.put(key, backend.name, backend.model, plan.model_dump_json())
    return to_plan(plan, source), None


def estimate_requests(backend: LLMBackend, sections: list[Section], title: str = "") -> Estimate:
    """Tokens (characters / 4) and requests of converting `sections`: the planning request (the
    whole document, up to its limit) and one request per group of sections; none for a document of
    bare headings only."""
    to_send = [section for section in sections if not is_bare(section)]
    if not to_send:
        return Estimate(backend.model, 0, 0, 0)
    groups = [[to_send[i] for i in group] for group in group_sections(to_send, backend.group_chars)]
    fixed = len(backend.prompts.system) + backend.request_overhead_chars()
    by_group = estimate_tokens(backend.model, fixed + CONTEXT_ESTIMATE_CHARS,
                               [len(backend.prompts.user_message(group)) for group in groups])
    document = SourceDocument(path=Path(""), format="", title=title, sections=list(sections))
    plan_chars = fixed + len(backend.prompts.plan_message(document_text(document)))
    return Estimate(backend.model, by_group.requests + 1, by_group.input_tokens + plan_chars // CHARS_PER_TOKEN,
                    by_group.output_tokens + PLAN_OUTPUT_TOKENS)
