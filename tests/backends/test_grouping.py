"""Requests shaped to the document (issue 12.4): grouping, order, bare headings, grouped answers."""

from __future__ import annotations

import json
from pathlib import Path

from easyread.backends import get_backend
from easyread.backends.group_answer import parse_group, section_problems
from easyread.backends.grouping import group_sections, section_size
from easyread.backends.prompts import load_prompts
from easyread.model import Block, Section, SourceDocument
from easyread.pipeline import simplify_document
from tests.backends.fake_anthropic import good_answer


def text_section(name: str, words: int = 5) -> Section:
    return Section(name, [Block("paragraph", " ".join(["word"] * words) + ".", f"{name} paragraph 1")])


def bare(name: str) -> Section:
    return Section(name, [], heading_location=f"{name} heading")


def flat(groups: list[list[int]]) -> list[int]:
    return [index for group in groups for index in group]


def test_a_short_document_is_one_group():
    sections = [text_section(f"Part {n}") for n in range(5)]
    assert group_sections(sections, budget=10_000) == [[0, 1, 2, 3, 4]]


def test_small_neighbours_share_a_request_up_to_the_budget_and_order_is_kept():
    sections = [text_section(f"Part {n}", words=20) for n in range(7)]
    size = section_size(sections[0])
    groups = group_sections(sections, budget=size * 3)
    assert groups == [[0, 1, 2], [3, 4, 5], [6]]
    assert all(sum(section_size(sections[i]) for i in group) <= size * 3 for group in groups)


def test_a_section_over_the_budget_goes_alone():
    sections = [text_section("A"), text_section("Big", words=400), text_section("C")]
    assert group_sections(sections, budget=300) == [[0], [1], [2]]


def test_a_bare_heading_travels_with_the_next_section_even_across_a_budget_break():
    sections = [text_section("A", words=40), bare("Where we are"), text_section("B", words=40)]
    budget = section_size(sections[0]) + 5  # A fills its group: the heading must not stay behind with it
    assert group_sections(sections, budget=budget) == [[0], [1, 2]]


def test_bare_headings_at_the_end_join_the_last_group_and_none_is_lost():
    sections = [bare("Top"), text_section("A"), bare("Tail one"), bare("Tail two")]
    groups = group_sections(sections, budget=0)
    assert groups == [[0, 1, 2, 3]]
    assert flat(group_sections([bare("Only")], budget=0)) == [0]


def test_grouping_always_gives_every_section_once_in_order():
    import random

    generator = random.Random(7)
    for _ in range(200):
        sections = [bare(f"H{n}") if generator.random() < 0.3 else text_section(f"S{n}", generator.randint(1, 60))
                    for n in range(generator.randint(0, 12))]
        for budget in (0, 100, 400, 100_000):
            assert flat(group_sections(sections, budget)) == list(range(len(sections)))


def test_a_group_request_carries_each_section_between_its_own_tags_with_the_bare_heading():
    message = load_prompts().user_message([bare("Our office: 14 Quarry Lane, Tolbury TB4 7QN"),
                                           text_section("Opening times")])
    assert "Section 1 of 2. Heading: Our office: 14 Quarry Lane, Tolbury TB4 7QN\n<source_section>\n</source_section>" \
        in message
    assert "Section 2 of 2. Heading: Opening times\n<source_section>\n[1] word" in message
    assert message.count("<source_section>\n") == 2


def test_a_grouped_answer_is_checked_section_by_section():
    sections = [Section("Fees", [Block("paragraph", "The fee is £31.")]),
                Section("Phone", [Block("paragraph", "Call 01632 960744.")])]
    text = json.dumps({"sections": [good_answer("[1] The fee is £31."), good_answer("[1] Call 01632 960999.")]})
    answers, problem = parse_group(text, 2)
    assert problem is None and answers is not None
    assert section_problems(answers[0], sections[0]) == []
    assert any("01632 960744" in found for found in section_problems(answers[1], sections[1]))


def test_a_grouped_answer_with_the_wrong_number_of_sections_is_a_problem():
    text = json.dumps({"sections": [good_answer("[1] The fee is £31.")]})
    answers, problem = parse_group(text, 2)
    assert answers is None and "1 sections; the request has 2" in problem


def test_a_lone_section_may_answer_in_the_one_section_shape():
    answers, problem = parse_group(json.dumps(good_answer("[1] The fee is £31.")), 1)
    assert problem is None and answers is not None and answers[0].items[0].sentence == "The fee is £31."


def test_a_bare_heading_answer_must_keep_the_heading_facts():
    heading = bare("Write to us at Tolbury TB4 7QN")
    answers, _ = parse_group(json.dumps({"sections": [{"heading": "Write to us", "items": []}]}), 1)
    assert any("TB4 7QN" in found for found in section_problems(answers[0], heading))
    answers, _ = parse_group(json.dumps({"sections": [{"heading": "Write to us at TB4 7QN", "items": []}]}), 1)
    assert section_problems(answers[0], heading) == []


def test_a_short_document_goes_in_one_request_and_keeps_order(fake_anthropic):
    sections = [Section(f"Part {n}", [Block("paragraph", f"This is part {n}.", f"paragraph {n}")],
                        heading_location=f"line {n}") for n in range(4)]
    chosen = get_backend("anthropic", retries=0, timeout=5.0)
    easy = chosen.simplify_all(sections)
    assert len(fake_anthropic.requests) == 1 and len(fake_anthropic.requests[0].sections) == 4
    assert [section.items[0].sentence for section in easy] == [f"This is part {n}." for n in range(4)]
    assert [section.items[0].source for section in easy] == [[f"paragraph {n}"] for n in range(4)]


def test_an_address_under_a_bare_heading_reaches_the_model_and_the_document(fake_anthropic, tmp_path):
    source = SourceDocument(tmp_path / "notice.txt", "txt", "Library notice", [
        Section("Find us at 14 Quarry Lane, Tolbury TB4 7QN", [], heading_location="line 2", level=1),
        Section("Opening times", [Block("paragraph", "We open at 9am.", "line 4")], heading_location="line 3", level=2),
    ], title_location="line 1")
    document = simplify_document(source, get_backend("anthropic", retries=0, timeout=5.0), prepared=True)
    sections_sent = [request for request in fake_anthropic.requests if not request.is_plan]
    assert len(sections_sent) == 1 and "Find us at 14 Quarry Lane, Tolbury TB4 7QN" in sections_sent[0].first_user_text
    said = " ".join([section.heading for section in document.sections] + [i.sentence for i in document.items()])
    assert "TB4 7QN" in said and "14 Quarry Lane" in said


def test_a_group_answer_cut_off_is_asked_again_in_halves(fake_anthropic):
    sections = [Section(f"Part {n}", [Block("paragraph", f"This is part {n}.")]) for n in range(4)]
    fake_anthropic.script = [{"stop_reason": "max_tokens", "text": "{"}]
    easy = get_backend("anthropic", retries=0, timeout=5.0).simplify_all(sections)
    assert [len(request.sections) for request in fake_anthropic.requests] == [4, 2, 2]
    assert [section.items[0].sentence for section in easy] == [f"This is part {n}." for n in range(4)]


def test_one_faulty_section_of_a_group_is_repaired_and_the_good_ones_kept(fake_anthropic):
    sections = [Section("Fees", [Block("paragraph", "The fee is £31.")]),
                Section("Phone", [Block("paragraph", "Call 01632 960744.")])]
    wrong = {"sections": [good_answer("[1] The fee is £31."), good_answer("[1] Call us.")]}
    fixed = {"sections": [good_answer("[1] The fee is £99."), good_answer("[1] Call 01632 960744.")]}
    fake_anthropic.script = [{"answer": wrong}, {"answer": fixed}]
    chosen = get_backend("anthropic", retries=0, timeout=5.0)
    easy = chosen.simplify_all(sections)
    repair = fake_anthropic.requests[1].body["messages"][-1]["content"]
    assert "Section 2:" in repair and "01632 960744" in repair and "Section 1:" not in repair
    assert [section.items[0].sentence for section in easy] == ["The fee is £31.", "Call 01632 960744."]
    assert chosen.fallbacks == []


def test_the_estimate_counts_the_plan_and_one_request_a_group():
    from easyread.backends.document_plan import document_text
    from easyread.backends.usage import CHARS_PER_TOKEN

    chosen = get_backend("anthropic", dry_run=True)
    sections = [text_section(f"Part {n}", words=20) for n in range(6)] + [bare("Tail")]
    whole = chosen.estimate(sections, title="A notice")
    assert whole.requests == 2  # the plan, and the short document whole
    chosen.group_chars = 0
    alone = chosen.estimate(sections, title="A notice")
    assert alone.requests == 1 + 6  # the plan, and each section with text alone (the bare heading travels)
    assert alone.input_tokens > whole.input_tokens  # every request pays the fixed part again
    document = SourceDocument(path=Path(""), format="", title="A notice", sections=sections)
    plan_tokens = (len(chosen.prompts.system) + len(chosen.prompts.plan_message(document_text(document)))) \
        // CHARS_PER_TOKEN
    assert whole.input_tokens > plan_tokens


def test_the_budget_can_be_set_from_the_environment(monkeypatch):
    from easyread.backends.grouping import DEFAULT_BUDGET_CHARS, budget_from_environment

    monkeypatch.setenv("EASYREAD_GROUP_CHARS", "0")
    assert budget_from_environment() == 0
    assert get_backend("anthropic", dry_run=True).group_chars == 0
    monkeypatch.setenv("EASYREAD_GROUP_CHARS", "4_000")
    assert budget_from_environment() == 4000
    for wrong in ("-5", "lots", ""):
        monkeypatch.setenv("EASYREAD_GROUP_CHARS", wrong)
        assert budget_from_environment() == DEFAULT_BUDGET_CHARS


def test_a_reply_that_is_not_json_is_named_once_in_the_repair(fake_anthropic):
    """A group's reply that is no answer at all is one problem, not one line per section."""
    fake_anthropic.script = [{"text": "not json at all"}]
    backend = get_backend("anthropic", cache=False, jobs=1)
    easy = backend.simplify_all([text_section("One"), text_section("Two"), text_section("Three")])
    assert len(easy) == 3 and not backend.fallbacks  # the repair's good answer is used
    repair = fake_anthropic.requests[1].body["messages"][-1]["content"]
    repair = repair if isinstance(repair, str) else "".join(part.get("text", "") for part in repair)
    assert repair.count("not valid JSON") == 1 and "Section 2:" not in repair
