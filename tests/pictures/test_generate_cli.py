"""`easyread convert/render --pictures generate` from the command line, against the loopback image
server: pictures in the outputs, a rerun that sends nothing, the cost in --dry-run, usage errors."""

from __future__ import annotations

import re

import pytest

from easyread.cli import app
from tests.pictures.fake_images import FakeImages
from tests.pictures.test_generate import offline  # noqa: F401 - the same fixture: no real service, our own cache

LETTER = ("# Your bins\n\nPut your green bin out on Monday morning.\n\n"
          "Your blue bin is for paper and cans.\n\nCall the waste team if your bin is not emptied.\n")


@pytest.fixture
def letter(tmp_path):
    path = tmp_path / "bins.md"
    path.write_text(LETTER, encoding="utf-8")
    return path


def openai_options(fake: FakeImages) -> list[str]:
    return ["--pictures", "generate", "--image-api", "openai", "--image-model", "tiny-drawer",
            "--image-base-url", f"{fake.url}/v1"]


def test_convert_draws_the_pictures_and_a_rerun_sends_nothing(runner, fake, letter, tmp_path):
    target = tmp_path / "out" / "bins.html"
    result = runner.invoke(app, ["convert", str(letter), "-o", str(target), *openai_options(fake)])
    assert result.exit_code == 0, result.output
    drawn = len(fake.requests)
    assert drawn >= 3
    html = target.read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= 3
    alts = re.findall(r'<img[^>]*alt="([^"]*)"', html)
    assert alts and all(alt.endswith(".") and alt[:1].isupper() for alt in alts if alt)
    again = runner.invoke(app, ["convert", str(letter), "-o", str(target), *openai_options(fake)])
    assert again.exit_code == 0, again.output
    assert len(fake.requests) == drawn  # every picture came from the cache
    assert "Monday" not in str([request["body"] for request in fake.requests])


def test_dry_run_counts_the_pictures_and_their_cost_and_sends_nothing(runner, fake, letter, tmp_path):
    options = ["--pictures", "generate", "--image-base-url", fake.url]
    result = runner.invoke(app, ["convert", str(letter), "--dry-run", *options])
    assert result.exit_code == 0, result.output
    match = re.search(r"pictures: (\d+) pictures to draw with bedrock stability.stable-image-core-v1:1 at "
                      r"\S+, about \$(\d+\.\d\d) at \$0.04 a picture", result.output)
    assert match, result.output
    count, cost = int(match[1]), float(match[2])
    assert count >= 3 and cost == pytest.approx(count * 0.04)
    assert "Nothing was sent." in result.output and fake.requests == []
    assert not (tmp_path / "bins.easyread.pdf").exists()


def test_dry_run_after_a_run_counts_the_cached_pictures(runner, fake, letter, tmp_path):
    runner.invoke(app, ["convert", str(letter), "-o", str(tmp_path / "bins.html"), *openai_options(fake)])
    result = runner.invoke(app, ["convert", str(letter), "--dry-run", *openai_options(fake)])
    assert result.exit_code == 0, result.output
    assert "pictures: 0 pictures to draw" in result.output and "already in the cache" in result.output
    assert "cost unknown (no price for tiny-drawer)" in result.output


def test_a_failing_endpoint_leaves_placeholders_and_the_document_is_still_written(runner, fake, letter, tmp_path):
    fake.status = 500
    target = tmp_path / "bins.html"
    result = runner.invoke(app, ["convert", str(letter), "-o", str(target), *openai_options(fake)])
    assert result.exit_code == 0, result.output
    assert target.exists() and "data:image/png;base64," not in target.read_text(encoding="utf-8")
    assert "was not drawn" in result.output and "placeholder stays" in result.output


def test_render_draws_pictures_for_a_plan_and_the_plan_keeps_them(runner, fake, letter, tmp_path):
    out = tmp_path / "out"
    converted = runner.invoke(app, ["convert", str(letter), "-o", str(out / "bins.json"), *openai_options(fake)])
    assert converted.exit_code == 0, converted.output
    rendered = runner.invoke(app, ["render", str(out / "bins.json"), "-f", "html"])
    assert rendered.exit_code == 0, rendered.output
    assert "data:image/png;base64," in (out / "bins.html").read_text(encoding="utf-8")
    plain = tmp_path / "plain.json"
    runner.invoke(app, ["convert", str(letter), "-o", str(plain)])
    sent = len(fake.requests)
    again = runner.invoke(app, ["render", str(plain), "-f", "html", *openai_options(fake)])
    assert again.exit_code == 0, again.output
    assert len(fake.requests) == sent  # the same descriptions: drawn already
    assert "data:image/png;base64," in (tmp_path / "plain.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("arguments, message", [
    (["--image-api", "openai"], "--image-api is for --pictures generate"),
    (["--pictures", "generate", "--image-api", "dalle"], "unknown --image-api 'dalle'"),
])
def test_usage_errors(runner, letter, arguments, message):
    result = runner.invoke(app, ["convert", str(letter), *arguments])
    assert result.exit_code == 2 and message in result.output


def test_several_documents_are_refused_for_now(runner, letter, tmp_path):
    result = runner.invoke(app, ["convert", str(letter.parent), "-o", str(tmp_path / "out"), "--pictures", "generate"])
    assert result.exit_code == 2 and "one document at a time" in result.output


def test_a_missing_region_is_said_before_the_document_is_converted(runner, monkeypatch, letter, tmp_path):
    monkeypatch.delenv("AWS_REGION")
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    result = runner.invoke(app, ["convert", str(letter), "-o", str(tmp_path / "bins.pdf"), "--pictures", "generate"])
    assert result.exit_code == 2 and "AWS_REGION" in result.output
    assert not (tmp_path / "bins.pdf").exists()
