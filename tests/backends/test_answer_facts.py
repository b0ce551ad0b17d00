"""The answer checks and the shared fact definition: Easy Read forms are the same fact (no false
repair), a fact dropped, changed or invented is a hard problem, and the repair names each fact
exactly as the fact. Invented wording; phones from Ofcom's drama range."""

from __future__ import annotations

import pytest

from easyread.backends.answer import EasyReadAnswer, answer_problems, fact_name, is_usable, problems_with
from easyread.backends.prompts import load_prompts
from easyread.language.fact_types import Fact
from easyread.model import Block, Section

CHARGE = Section("Your charge for 2025/26", [
    Block("paragraph", "Your charge for 2025/26 has a 30% reduction."),
    Block("paragraph", "The new charge starts in March 2026."),
])


def answer(*sentences: str, blocks: list[list[int]] | None = None, heading: str = "Your charge") -> EasyReadAnswer:
    blocks = blocks or [[1]] * len(sentences)
    return EasyReadAnswer.model_validate({"heading": heading, "items": [
        {"sentence": s, "picture": "a letter", "hard_words": [], "words_avoided": [], "source_blocks": b}
        for s, b in zip(sentences, blocks, strict=True)]})


@pytest.mark.parametrize("sentences", [
    ("Your charge is for 2025 to 2026.", "You pay 30 out of every 100 pounds less.", "It starts in March 2026."),
    ("This is about 2025 to 2026.", "You pay 30 out of 100 pounds less.", "It starts on Sunday 1 March 2026."),
    ("This is for April 2025 to March 2026.", "We take off 30 out of every 100 pounds.",
     "The new charge starts in March 2026."),
])
def test_the_forms_the_system_prompt_allows_need_no_repair(sentences):
    good = answer(*sentences, blocks=[[1], [1], [2]], heading="Your charge for 2025 to 2026")
    assert answer_problems(good, CHARGE) == []


@pytest.mark.parametrize(("sentences", "lost"), [
    (("Your charge is for 2025 to 2027.", "You pay 30 out of every 100 pounds less.", "It starts in March 2026."),
     "2025/26"),
    (("Your charge is for 2025 to 2026.", "You pay 20 out of every 100 pounds less.", "It starts in March 2026."),
     "30%"),
    (("Your charge is for 2025 to 2026.", "You pay 30 out of every 100 pounds less.", "It starts in April 2026."),
     "March 2026"),
    (("Your charge is for 2025 to 2026.", "You pay less.", "It starts in March 2026."), "30%"),
])
def test_a_fact_really_dropped_or_changed_is_still_a_hard_problem(sentences, lost):
    problems = answer_problems(answer(*sentences, blocks=[[1], [1], [2]], heading="Your charge for 2025 to 2026"),
                               CHARGE)
    assert any(problem.hard and f'"{lost}"' in problem.text for problem in problems)
    assert not is_usable(problems)


def test_the_repair_wording_agrees_with_the_system_prompt():
    """The system prompt allows Easy Read forms; the repair never asks for a fact 'exactly as in the
    section', and says which forms are allowed and which kinds are copied as written."""
    prompts = load_prompts()
    problems = problems_with(answer("Your charge is lower.", "It starts soon.", blocks=[[1], [2]]), CHARGE)
    message = " ".join(prompts.repair_message(problems).split())  # as read, whatever the line breaks
    assert "exactly as in the section" not in message and "exactly as in the section" not in prompts.system
    assert "forms your rules allow" in message and "2031 to 2032" in prompts.system
    assert "copy phone numbers, emails, web addresses, postcodes and codes exactly as written" in message
    assert "copy phone numbers, emails, web addresses, postcodes, codes and names exactly as written" in prompts.system
    assert "add no fact the section does not give" in message


def test_an_answer_that_adds_a_date_or_an_amount_has_a_hard_problem():
    section = Section("Bins", [Block("paragraph", "We empty green bins on 9 June 2026.")])
    added = answer("We empty green bins on Tuesday 9 June 2026.", "We stop on Monday 21 December 2026.",
                   "It costs £47 a year.")
    problems = answer_problems(added, section)
    invented = [problem for problem in problems if "does not give" in problem.text]
    assert [problem.hard for problem in invented] == [True, True]
    assert '"Monday 21 December 2026"' in invented[0].text and invented[0].text.startswith("Item 2 ")
    assert '"£47"' in invented[1].text and invented[1].text.startswith("Item 3 ")
    assert problems == invented  # nothing else is wrong with it


def test_facts_the_model_was_shown_besides_the_section_are_not_invented():
    section = Section("Bins", [Block("paragraph", "We empty green bins every 2 weeks.")])
    repeated = answer("We empty green bins every 2 weeks.", "Remember: the service ends on Friday 6 November 2026.")
    assert not is_usable(answer_problems(repeated, section))
    assert answer_problems(repeated, section, known=["The green bin service ends on 6 November 2026."]) == []


def test_a_fact_in_the_answer_heading_that_the_section_lacks_is_invented():
    section = Section("Bins", [Block("paragraph", "We empty green bins every 2 weeks.")])
    problems = answer_problems(answer("We empty green bins every 2 weeks.", heading="Bins from 1 May 2026"), section)
    assert [problem.text.split(" has ")[0] for problem in problems] == ["The heading"]


def test_a_fact_named_in_a_repair_has_no_stray_bracket():
    """Recorded: a repair asked for "(01632 960 123"; a fact is named exactly as the fact."""
    section = Section("Help", [Block("paragraph", "Ring us (01632 960 457, option 2) or (01632) 960458.")])
    problems = problems_with(answer("Ring us.", blocks=[[1]]), section)
    missing = next(problem for problem in problems if "missing" in problem)
    assert '"01632 960 457"' in missing and '"(01632) 960458"' in missing and '"(01632 960' not in missing
    assert fact_name(Fact("phone", "(01632 960 457", "phone:+441632960457")) == "01632 960 457"
    assert fact_name(Fact("phone", "01632 960 457),", "phone:+441632960457")) == "01632 960 457"
    assert fact_name(Fact("phone", "+44 (0)1632 960457", "phone:+441632960457")) == "+44 (0)1632 960457"
    assert fact_name(Fact("time", "5 p.m.", "time:17:00")) == "5 p.m."


def test_soft_problems_keep_the_answer_usable_and_name_their_flag():
    section = Section("Bins", [Block("paragraph", "We empty green bins every 2 weeks.")])
    long = "We will come along and empty all of the green garden waste bins on your street every 2 weeks."
    kept = EasyReadAnswer.model_validate({"heading": "Bins", "items": [
        {"sentence": long, "picture": "", "hard_words": [], "words_avoided": [], "source_blocks": [1]},
        {"sentence": "Green bins are for garden waste.", "picture": "a bin", "hard_words": [], "words_avoided": [],
         "source_blocks": [4]},
        {"sentence": " ", "picture": "", "hard_words": [], "words_avoided": [], "source_blocks": [1]}]})
    problems = answer_problems(kept, section)
    assert is_usable(problems)
    assert [(problem.item, problem.flag) for problem in problems] == [
        (1, "long-sentence"), (1, "no-picture"), (2, "no-source-block"), (3, "")]
