"""Reading a plan's JSON within limits: size, depth, long numbers, and files that are not files."""

from __future__ import annotations

import json
import os

import pytest

from easyread.errors import UsageError
from easyread.limits import MAX_PLAN_DEPTH
from easyread.plan_file import InvalidPlan, LongNumber, load_plan_json


def test_a_plan_nested_just_to_the_limit_is_read_and_one_deeper_is_refused(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("[" * MAX_PLAN_DEPTH + "]" * MAX_PLAN_DEPTH, encoding="utf-8")
    assert load_plan_json(path) is not None
    path.write_text('{"a": "[[[[ in a string, not nesting"}', encoding="utf-8")
    assert load_plan_json(path) == {"a": "[[[[ in a string, not nesting"}
    path.write_text('{"x": "\\"[", "y":\n ' + "[" * MAX_PLAN_DEPTH + "]" * MAX_PLAN_DEPTH + "}", encoding="utf-8")
    with pytest.raises(InvalidPlan, match=r"y\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\.\.\.: nests deeper than 64 levels"):
        load_plan_json(path)


def test_a_plan_too_deep_for_pythons_json_says_where_it_passed_the_limit(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"x": "[[[[",\n "y": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    with pytest.raises(InvalidPlan, match=f"nests deeper than {MAX_PLAN_DEPTH} levels at line 2, column {6 + MAX_PLAN_DEPTH}"):
        load_plan_json(path)


def test_a_long_whole_number_is_kept_as_its_digit_count(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"version": 2, "items": 123}).replace("123", "-" + "7" * 5001), encoding="utf-8")
    data = load_plan_json(path)
    assert data["version"] == 2 and isinstance(data["items"], LongNumber) and int(data["items"]) == 5001


def test_a_fifo_and_a_folder_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="is not a regular file"):
        load_plan_json(fifo)
    with pytest.raises(UsageError, match="is a folder"):
        load_plan_json(tmp_path)
    with pytest.raises(UsageError, match="no such file"):
        load_plan_json(tmp_path / "missing.json")
