"""Hypothesis tests of the plan reader: any JSON in, either a valid document or one EasyReadError out,
never another exception; and a document read from a plan renders to Markdown and JSON.

Three sources of input: any JSON value, a valid plan with one part replaced, removed or given an
odd string (lone surrogates, NUL, "../" and device paths as pictures, huge numbers), and raw bytes
as the plan file. Example counts are kept moderate so the module runs in about 15 seconds.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from easyread.errors import EasyReadError
from easyread.model import EasyReadDocument, EasySection, HardWord, Item, LedgerEntry
from easyread.plan import document_from_plan, plan_dict, read_plan, write_plan

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with everything a JSON string can hold, lone surrogates included (json.dumps escapes them).
any_text = st.text(st.characters(exclude_categories=()), max_size=30)
with_surrogate = st.builds(lambda before, code, after: before + chr(code) + after, any_text,
                           st.integers(0xD800, 0xDFFF), any_text)
odd_text = with_surrogate | st.sampled_from([
    "", " ", "\x00", "\ud800", "a\udfffb", "\u202e", "../../etc/passwd", "/dev/zero", "/dev/urandom",
    "openmoji:../../x.svg", "openmoji:", "C:\\Windows\\win.ini", "~/.ssh/id_rsa", "x" * 5000, "\n\n", "NaN",
]) | any_text
json_scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=10 ** 30, max_value=10 ** 40)
                | st.floats(allow_nan=True, allow_infinity=True) | odd_text)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(any_text | st.sampled_from(["sentence", "items", "picture_file"]),
                                             inner, max_size=4), max_leaves=12)


def valid_plan() -> dict[str, Any]:
    document = EasyReadDocument(
        title="Your council tax",
        source_name="letter.docx",
        sections=[EasySection("Paying", [
            Item("You must pay £120 by 1 April 2026.", "money", [HardWord("council tax", "Money for the council.")],
                 ["passive"], None, ["paragraph 1"]),
            Item("Call us on 01632 960123.", "a telephone", source=["paragraph 2"]),
        ]), EasySection("Help", [Item("We can help you.", "a helper", source=["paragraph 3"])])],
        glossary=[HardWord("council tax", "Money for the council.")],
        credits=["Pictures: ours."],
        source_facts=[("money", "£120"), ("phone", "01632 960123")],
        ledger=[LedgerEntry("paragraph 1", "You must pay.", "items", 1, "")],
    )
    return plan_dict(document)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path (keys and indexes) into `value`, the empty path (the whole plan) first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


PLAN_PATHS = _paths(valid_plan())[1:]


@st.composite
def mutated_plans(draw: st.DrawFn) -> Any:
    """A valid plan with one to three parts replaced by any JSON, an odd string, or removed."""
    plan = valid_plan()
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PLAN_PATHS))
        holder: Any = plan
        try:
            for step in path[:-1]:
                holder = holder[step]
            if not isinstance(holder, (dict, list)) or (isinstance(holder, list) and path[-1] >= len(holder)):
                continue
            if isinstance(holder, dict) and path[-1] not in holder:
                continue
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this part
        change = draw(st.sampled_from(["remove", "odd text", "any JSON"]))
        if change == "remove" and isinstance(holder, dict):
            del holder[path[-1]]
        else:
            holder[path[-1]] = draw(odd_text if change == "odd text" else json_values)
    return plan


def _read_and_render(folder: Path, text: str | bytes) -> None:
    """Write `text` as a plan, read it, and render what comes out: only EasyReadError may escape."""
    from easyread.layout.markdown import render_markdown

    path = folder / "plan.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    try:
        document = read_plan(path)
    except EasyReadError as error:
        message = error.message()
        assert "\n" not in message and message.startswith(str(path)), message
        return
    assert isinstance(document, EasyReadDocument) and any(section.items for section in document.sections)
    render_markdown(document, folder / "out.md")
    write_plan(document, folder / "out.json")
    assert json.loads((folder / "out.json").read_text(encoding="utf-8"))["format"] == "easyread-plan"


@SETTINGS
@given(json_values)
def test_any_json_value_gives_a_document_or_one_error(value):
    try:
        document = document_from_plan(value, Path("plan.json"))
    except EasyReadError as error:
        assert "\n" not in error.message()
        return
    assert isinstance(document, EasyReadDocument)


@SETTINGS
@given(mutated_plans())
def test_a_mutated_plan_gives_a_document_that_renders_or_one_error(plan):
    with tempfile.TemporaryDirectory() as folder:
        _read_and_render(Path(folder), json.dumps(plan))


@SETTINGS
@given(st.binary(max_size=200) | any_text.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_any_bytes_as_a_plan_file_give_a_document_or_one_error(raw):
    with tempfile.TemporaryDirectory() as folder:
        _read_and_render(Path(folder), raw)


def test_the_unchanged_plan_renders():
    """The mutations start from a plan that is itself valid (else every example would be an error)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        path.write_text(json.dumps(valid_plan()), encoding="utf-8")
        assert len(read_plan(path).items()) == 3
