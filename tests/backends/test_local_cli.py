"""`easyread convert -b openai` against a local server: the README's recipe, exit codes, Ctrl-C."""

from __future__ import annotations

import socket

import pytest

from easyread import cli
from easyread.cli import app
from tests.backends.fake_llama import FakeLlama
from tests.backends.test_local_stop import ctrl_c_when

pytest.importorskip("openai")

LETTER = ("# Garden waste\n\nWe empty brown bins every other Friday.\nPhone us on 01632 960 733.\n\n"
          "# Paying\n\nThe service costs £47 a year.\n")


@pytest.fixture
def llama(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    fake = FakeLlama(model_name="qwen2.5-1.5b-instruct-q4_k_m.gguf").start()
    yield fake
    fake.stop()


@pytest.fixture
def letter(tmp_path):
    source = tmp_path / "letter.md"
    source.write_text(LETTER, encoding="utf-8")
    return source


def test_readme_local_server_recipe(runner, llama, letter):
    """The README's recipe: llama-server (or llama-cpp-python's server) on port 8080, then
    `easyread convert letter.md -b openai --base-url http://127.0.0.1:8080/v1 --model qwen2.5-1.5b-instruct`.
    The fake answers as llama-cpp-python does (json_schema refused with a 500, its own model name)."""
    result = runner.invoke(app, ["convert", str(letter), "-b", "openai", "--base-url", llama.url,
                                 "--model", "qwen2.5-1.5b-instruct"])
    assert result.exit_code == 0, result.output
    assert (letter.parent / "letter.easyread.pdf").is_file()
    output = result.output
    assert "1 request at a time, a 600 s timeout and 2048 tokens an answer" in output
    assert "answers are asked for as a JSON object with the schema (response_format json_object)" in output
    assert "the server answered with model 'qwen2.5-1.5b-instruct-q4_k_m.gguf', not 'qwen2.5-1.5b-instruct'" \
        not in output  # the same model, by its file name
    assert "rules backend instead" not in output
    assert max(request.body["max_tokens"] for request in llama.requests) == 2048


def test_every_section_falling_back_exits_1_with_the_outputs_written(runner, llama, letter):
    llama.refuse = ()
    llama.default = lambda request: {"text": "I cannot help with that."}
    result = runner.invoke(app, ["convert", str(letter), "-b", "openai", "--base-url", llama.url, "--model", "m"])
    assert result.exit_code == 1, result.output
    assert (letter.parent / "letter.easyread.pdf").is_file()  # nothing lost: the rules backend's version
    assert "openai m converted none of the sections: the rules backend converted every one" in result.output
    quiet = runner.invoke(app, ["convert", str(letter), "-b", "openai", "--base-url", llama.url, "--model", "m",
                                "--quiet", "--no-cache"])
    assert quiet.exit_code == 1 and "converted none of the sections" in quiet.output


def test_some_sections_from_the_model_exit_0(runner, llama, letter, monkeypatch):
    monkeypatch.setenv("EASYREAD_GROUP_CHARS", "0")  # each section its own request, so one can fail alone
    llama.refuse = ()
    llama.default = lambda request: {"text": "no"} if "£47" in request.first_user_text else {}
    result = runner.invoke(app, ["convert", str(letter), "-b", "openai", "--base-url", llama.url, "--model", "m"])
    assert result.exit_code == 0, result.output
    assert "1 of 2 sections were converted by the rules backend" in result.output


def test_a_server_that_is_not_there_is_one_line_and_no_file(runner, letter):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = runner.invoke(app, ["convert", str(letter), "-b", "openai", "--base-url", f"http://127.0.0.1:{port}/v1",
                                 "--model", "m", "--retries", "0"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "every section would fail the same way: is the server running?" in lines[0]
    assert not (letter.parent / "letter.easyread.pdf").exists()


def test_ctrl_c_exits_130_with_no_file_and_no_traceback(runner, llama, letter):
    llama.refuse = ()
    llama.default = lambda request: {"delay": 5.0}
    ctrl_c_when(lambda: len(llama.requests) == 1)
    result = runner.invoke(app, ["convert", str(letter), "-b", "openai", "--base-url", llama.url, "--model", "m"])
    assert result.exit_code == 130
    assert "interrupted; nothing was written" in result.output and "Traceback" not in result.output
    assert sorted(path.name for path in letter.parent.iterdir()) == ["cache", "letter.md"]


def test_max_tokens_is_for_the_openai_backend(runner, letter):
    result = runner.invoke(app, ["convert", str(letter), "-b", "anthropic", "--max-tokens", "500"])
    assert result.exit_code == 2 and "--max-tokens is for the openai backend" in result.output


def test_a_batch_sends_one_request_at_a_time_to_a_local_server(runner, tmp_path, monkeypatch):
    seen = {}

    def fake_batch(*args, **kwargs):  # noqa: ANN002, ANN003
        seen["max_requests"] = args[12] if len(args) > 12 else kwargs.get("max_requests")

    monkeypatch.setattr(cli, "_convert_batch", fake_batch)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(LETTER, encoding="utf-8")
    runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out"), "-b", "openai", "--model", "m",
                        "--base-url", "http://127.0.0.1:8080/v1"])
    assert seen["max_requests"] == 1
    runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "out"), "-b", "openai", "--model", "m",
                        "--base-url", "http://127.0.0.1:8080/v1", "--max-requests", "3"])
    assert seen["max_requests"] == 3
