"""pipeline.render_outputs: the formats of one document are written all or nothing, never over an
input, and a write failure is one OutputError naming the file."""

from __future__ import annotations

import errno

import pytest

import easyread.pipeline as pipeline
from easyread.errors import OutputError, UsageError
from easyread.outputs import output_paths


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    from easyread.backends import get_backend
    from easyread.readers import read_source

    source = tmp_path_factory.mktemp("source") / "letter.md"
    source.write_text("# Bins\n\nWe collect your bin on Tuesday 4 March 2025.\n", encoding="utf-8")
    return pipeline.simplify_document(read_source(source), get_backend("rules"))


def test_every_format_is_written(tmp_path, document):
    paths = output_paths(tmp_path / "out" / "letter", ("md", "json", "html"))
    written = pipeline.render_outputs(document, paths)
    assert set(written) == {"md", "json", "html"}
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["letter.html", "letter.json", "letter.md"]


@pytest.mark.parametrize("failure", [OSError(errno.ENOSPC, "No space left on device"),
                                     OSError(errno.EFBIG, "File too large"), RuntimeError("a renderer bug")])
def test_a_format_failing_after_another_was_written_leaves_neither(tmp_path, document, monkeypatch, failure):
    real_render = pipeline.render

    def render(doc, name, path):
        if name == "html":
            raise failure
        return real_render(doc, name, path)

    monkeypatch.setattr(pipeline, "render", render)
    paths = output_paths(tmp_path / "out" / "letter", ("md", "json", "html"))
    with pytest.raises((OutputError, RuntimeError)) as caught:
        pipeline.render_outputs(document, paths)
    if isinstance(failure, OSError):
        assert isinstance(caught.value, OutputError) and caught.value.path == paths["html"]
    assert list(tmp_path.iterdir()) == []  # not the Markdown, the plan, a temporary file or the folder


def test_an_input_of_the_run_is_refused_before_anything_is_written(tmp_path, document):
    plan = tmp_path / "letter.json"
    plan.write_text("{}", encoding="utf-8")
    paths = output_paths(tmp_path / "letter", ("md", "json"))
    with pytest.raises(UsageError, match="letter.json: is a plan being rendered"):
        pipeline.render_outputs(document, paths, inputs=[plan], force=True, role="a plan being rendered")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["letter.json"]
