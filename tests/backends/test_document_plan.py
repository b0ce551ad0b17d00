"""Document context (issue 12.3): the planning request, its checks, and the context every section carries."""

from __future__ import annotations

import json

from easyread.backends import get_backend
from easyread.backends.document_plan import (
    PlanAnswer,
    document_text,
    plan_problems,
    to_plan,
)
from easyread.model import Block, Section, SourceDocument
from easyread.pipeline import simplify_document
from easyread.plan import document_from_plan, plan_dict

TITLE = "Allotment Rent Notice 2027/28"


def notice(tmp_path) -> SourceDocument:
    return SourceDocument(tmp_path / "allotments.txt", "txt", TITLE, [
        Section("Your rent", [
            Block("paragraph", "The rent for plot 17 is £43.20 a year.", "line 3"),
            Block("paragraph", "Pay by 15/03/2027.", "line 4"),
        ], heading_location="line 2"),
        Section("Questions", [Block("paragraph", "Phone 01632 960835.", "line 6")], heading_location="line 5"),
    ], title_location="line 1")


def item(sentence: str, blocks: list[int], hard_words=()) -> dict:
    return {"sentence": sentence, "picture": "a garden plot", "hard_words": list(hard_words), "words_avoided": [],
            "source_blocks": blocks}


GLOSSARY_WORD = {"word": "allotment", "explanation": "A piece of land you rent to grow food."}
GOOD_PLAN = {
    "title": "Your allotment rent for 2027 to 2028",
    "opening": [item("This letter is about your allotment rent.", [1], [GLOSSARY_WORD]),
                item("You must pay by Monday 15 March 2027.", [2])],
    "glossary": [GLOSSARY_WORD],
}


def test_the_planner_sees_the_whole_document_numbered_through(tmp_path):
    text = document_text(notice(tmp_path))
    assert text.startswith(f"Title: {TITLE}")
    assert "## Questions\n\n[3] Phone 01632 960835." in text and "[2] Pay by 15/03/2027." in text
    short = document_text(notice(tmp_path), limit=60)
    assert "[3]" not in short and "more blocks are left out here for length" in short


def test_a_good_plan_has_no_problems_and_keeps_its_block_locations(tmp_path):
    source = notice(tmp_path)
    plan = PlanAnswer.model_validate(GOOD_PLAN)
    assert plan_problems(plan, source) == []
    made = to_plan(plan, source)
    assert made.title == "Your allotment rent for 2027 to 2028"
    assert [entry.source for entry in made.opening] == [["line 3"], ["line 4"]]
    assert [hard.word for hard in made.glossary] == ["allotment"]


def test_a_title_that_drops_the_source_title_facts_is_a_problem(tmp_path):
    plan = PlanAnswer.model_validate({**GOOD_PLAN, "title": "Your allotment rent"})
    assert any("2027/28" in problem for problem in plan_problems(plan, notice(tmp_path)))


def test_an_opening_fact_not_in_its_blocks_is_a_problem(tmp_path):
    invented = {**GOOD_PLAN, "opening": [item("You must pay £50 by Monday 15 March 2027.", [2]),
                                         item("Call 01632 960835.", [1])]}
    problems = plan_problems(PlanAnswer.model_validate(invented), notice(tmp_path))
    assert any("£50" in problem for problem in problems)  # in no block at all
    assert any("01632 960835" in problem and "item 2" in problem for problem in problems)  # in block 3, not 1


def test_an_opening_needs_2_to_4_items_naming_real_blocks(tmp_path):
    too_many = {**GOOD_PLAN, "opening": [item("This is about rent.", [1])] * 5}
    assert any("5 items" in problem for problem in plan_problems(PlanAnswer.model_validate(too_many), notice(tmp_path)))
    wrong_block = {**GOOD_PLAN, "opening": [item("This is about rent.", [9])]}
    assert any("1 to 3" in problem for problem in plan_problems(PlanAnswer.model_validate(wrong_block), notice(tmp_path)))


def test_the_pipeline_takes_the_title_and_opening_and_every_section_request_carries_them(fake_anthropic, tmp_path):
    fake_anthropic.script = [{"answer": GOOD_PLAN}]
    chosen = get_backend("anthropic", retries=0, timeout=5.0)
    chosen.group_chars = 0  # each section in a request of its own: both must carry the context
    document = simplify_document(notice(tmp_path), chosen, prepared=True)
    assert document.title == "Your allotment rent for 2027 to 2028"
    assert [entry.sentence for entry in document.opening] == ["This letter is about your allotment rent.",
                                                             "You must pay by Monday 15 March 2027."]
    plan_request, *section_requests = fake_anthropic.requests
    assert plan_request.is_plan and "[3] Phone 01632 960835." in plan_request.first_user_text
    assert plan_request.body["output_config"]["format"]["schema"]["title"] == "PlanAnswer"
    assert len(section_requests) == 2
    for request in section_requests:
        context = request.body["messages"][0]["content"][0]["text"]
        assert "Easy Read title: Your allotment rent for 2027 to 2028" in context
        assert "- You must pay by Monday 15 March 2027." in context
        assert "- allotment: A piece of land you rent to grow food." in context
    assert chosen.plan_problem is None


def test_the_plan_glossary_gives_the_one_explanation_of_a_word(fake_anthropic, tmp_path):
    other = {"word": "allotment", "explanation": "Some other words about it."}
    answer = {"heading": "Rent", "items": [
        {**item("The allotment rent for plot 17 is £43.20 a year.", [1], [other])},
        {**item("Pay by Monday 15 March 2027.", [2])}]}
    fake_anthropic.script = [{"answer": GOOD_PLAN}, {"answer": {"sections": [answer, {
        "heading": "Questions", "items": [item("Phone 01632 960835.", [1])]}]}}]
    document = simplify_document(notice(tmp_path), get_backend("anthropic", retries=0, timeout=5.0), prepared=True)
    assert [(hard.word, hard.explanation) for hard in document.glossary] == [
        ("allotment", "A piece of land you rent to grow food.")]


def test_a_plan_that_stays_wrong_leaves_the_document_without_an_opening_but_converted(fake_anthropic, tmp_path):
    bad = {**GOOD_PLAN, "title": "Your allotment rent"}
    fake_anthropic.script = [{"answer": bad}, {"answer": bad}]
    chosen = get_backend("anthropic", retries=0, timeout=5.0)
    document = simplify_document(notice(tmp_path), chosen, prepared=True)
    assert document.opening == [] and "2027/28" in document.title  # the source title, plain
    assert "2027/28" in (chosen.plan_problem or "")
    assert chosen.fallbacks == [] and [len(section.items) for section in document.sections[:2]] == [2, 1]
    repair = fake_anthropic.requests[1].body["messages"][-1]["content"]
    assert "2027/28" in repair


def test_a_plan_comes_from_the_cache_the_second_time(fake_anthropic, tmp_path):
    fake_anthropic.script = [{"answer": GOOD_PLAN}]
    simplify_document(notice(tmp_path), get_backend("anthropic", retries=0, timeout=5.0), prepared=True)
    sent = len(fake_anthropic.requests)
    again = simplify_document(notice(tmp_path), get_backend("anthropic", retries=0, timeout=5.0), prepared=True)
    assert len(fake_anthropic.requests) == sent and again.title == "Your allotment rent for 2027 to 2028"


def test_the_plan_json_keeps_the_opening(fake_anthropic, tmp_path):
    fake_anthropic.script = [{"answer": GOOD_PLAN}]
    document = simplify_document(notice(tmp_path), get_backend("anthropic", retries=0, timeout=5.0), prepared=True)
    data = json.loads(json.dumps(plan_dict(document)))
    assert [entry["source"] for entry in data["opening"]] == [["line 3"], ["line 4"]]
    back = document_from_plan(data, tmp_path / "plan.json")
    assert [entry.sentence for entry in back.opening] == [entry.sentence for entry in document.opening]
