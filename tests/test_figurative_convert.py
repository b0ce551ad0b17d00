"""End to end: idioms and double-meaning words reach the plan (with suggestions) and the conversion report."""

from __future__ import annotations

import json

from easyread.cli import app


def test_flags_and_suggestions_reach_the_plan_and_the_report(runner, tmp_path):
    source = tmp_path / "appeal.txt"
    source.write_text("Lifeboat appeal\n\nThe crew needs a new boat, so please dig deep into your pockets.\n\n"
                      "If you park on the slipway you will have to pay a fine.\n\n"
                      "The plans are up in the air.\n\nResidents will have their say.\n",
                      encoding="utf-8")
    outcome = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path) + "/", "--format", "json"])
    assert outcome.exit_code == 0, outcome.stderr
    plan = json.loads((tmp_path / "appeal.easyread.json").read_text(encoding="utf-8"))
    items = [item for section in plan["sections"] for item in section["items"]]
    sentences = " ".join(item["sentence"] for item in items)
    assert "give as much money as you can" in sentences and "dig deep" not in sentences
    assert "not decided yet" in sentences  # "up in the air" has a safe plain meaning
    fine = next(item for item in items if "fine" in item["sentence"])
    assert "ambiguous-word" in fine["flags"] and "punishment" in fine["suggestions"][0]
    say = next(item for item in items if "their say" in item["sentence"])
    assert "idiom" in say["flags"] and say["suggestions"] == ['idiom "have their say": say "tell us what you think"']
    assert "to review: 1 x ambiguous-word" in outcome.stderr and "to review: 1 x idiom" in outcome.stderr
