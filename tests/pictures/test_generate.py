"""`--pictures generate`: pictures drawn from each item's description by Bedrock (Stability) or an
OpenAI-compatible images endpoint, kept in the user cache, failures keeping their placeholders.
Every request goes to the loopback server in tests/pictures/fake_images.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from easyread.model import EasyReadDocument, EasySection, Item
from easyread.pictures.alt_text import alt_text, description_sentence
from easyread.pictures.generate import generate_pictures, house_style, picture_prompt
from easyread.pictures.image_cache import generated_folder, is_generated
from easyread.pictures.image_clients import ImageSettings, image_settings

NOWHERE = "http://127.0.0.1:9"  # the discard port: a request that escapes a test fails at once
TOKEN = "fake-bedrock-token-not-real-0123456789"


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    """No test reaches a real service or the user's own cache."""
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("OPENAI_BASE_URL", NOWHERE)
    monkeypatch.setenv("AWS_REGION", "us-west-2")
    for name in ("OPENAI_API_KEY", "AWS_BEARER_TOKEN_BEDROCK", "AWS_PROFILE", "AWS_ACCESS_KEY_ID",
                 "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def bedrock_token(monkeypatch, fake):
    """Bedrock through an API key (no boto3): the token path, whether or not boto3 is installed."""
    monkeypatch.setitem(sys.modules, "boto3", None)
    monkeypatch.setenv("AWS_BEARER_TOKEN_BEDROCK", TOKEN)
    return ImageSettings("bedrock", "stability.stable-image-core-v1:1", fake.url, timeout=10)


def document(*pairs: tuple[str, str]) -> EasyReadDocument:
    return EasyReadDocument("Bins", "bins.txt", [EasySection("Bins", [Item(s, p) for s, p in pairs])])


def warnings_of(call):  # type: ignore[no-untyped-def]
    lines: list[str] = []
    return lines, lambda line: lines.append(line)


def test_bedrock_with_an_api_key_draws_each_description_once_and_sends_only_description_and_style(fake,
                                                                                                  bedrock_token):
    doc = document(("Put your green bin out on Monday.", "a green bin"),
                   ("Your green bin is for garden waste.", "a green bin"),
                   ("Call us on 01632 960123.", "a telephone"))
    result = generate_pictures(doc, bedrock_token)
    assert (result.drawn, result.cached, result.failed) == (2, 0, [])
    items = doc.items()
    assert items[0].picture_file == items[1].picture_file != items[2].picture_file
    assert all(is_generated(item.picture_file) and Path(item.picture_file).parent == generated_folder()
               for item in items)
    assert Path(items[2].picture_file).read_bytes().startswith(b"\x89PNG")
    assert len(fake.requests) == 2
    request = fake.requests[0]
    assert request["path"] == "/model/stability.stable-image-core-v1%3A1/invoke"
    assert request["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert set(request["body"]) == {"prompt", "negative_prompt", "aspect_ratio", "output_format"}
    assert request["body"]["output_format"] == "png"
    sent = " ".join(str(r["body"]) for r in fake.requests)
    assert "a green bin" in sent and "a telephone" in sent and "No text" in sent
    assert "Monday" not in sent and "01632" not in sent  # the sentences never leave the machine


def test_a_rerun_takes_every_picture_from_the_cache_and_sends_nothing(fake, bedrock_token):
    generate_pictures(document(("Put your bin out.", "a bin"), ("Ring us.", "a telephone")), bedrock_token)
    sent = len(fake.requests)
    again = document(("Put your bin out.", "a bin"), ("Ring us.", "a telephone"))
    result = generate_pictures(again, bedrock_token, draw=lambda prompt, avoid: pytest.fail("a request was made"))
    assert (result.drawn, result.cached) == (0, 2)
    assert len(fake.requests) == sent
    assert all(item.picture_file for item in again.items())


def test_another_model_or_style_draws_again(fake, bedrock_token):
    generate_pictures(document(("Put your bin out.", "a bin")), bedrock_token)
    other = ImageSettings("bedrock", "stability.sd3-5-large-v1:0", fake.url, timeout=10)
    result = generate_pictures(document(("Put your bin out.", "a bin")), other)
    assert result.drawn == 1 and len(fake.requests) == 2


def test_each_failed_picture_keeps_its_placeholder_with_one_warning_and_the_rest_are_drawn(fake, bedrock_token):
    doc = document(("A.", "a refused picture"), ("B.", "a broken picture"), ("C.", "a gif picture"),
                   ("D.", "an enormous picture"), ("E.", "a library"), ("F.", "a bus"))
    lines, warn = warnings_of(None)
    result = generate_pictures(doc, bedrock_token, warn=warn)
    files = [item.picture_file for item in doc.items()]
    assert files[:4] == [None, None, None, None]
    assert all(files[4:])
    assert result.drawn == 2 and len(result.failed) == 4
    assert len(lines) == 4 and all(line.startswith("easyread: warning: the picture of ") for line in lines)
    text = "\n".join(lines)
    assert "Filter reason: prompt" in text and "not a PNG" in text and "too many to draw" in text and "500" in text
    assert not any(path.name.startswith("generated-") for path in generated_folder().iterdir()
                   if path.stat().st_size and b"GIF" in path.read_bytes()[:3])


def test_a_refused_key_stops_the_requests_and_says_so_once(monkeypatch, fake, bedrock_token):
    fake.status = 403
    doc = document(*[(f"Item {n}.", f"picture number {n}") for n in range(12)])
    lines, warn = warnings_of(None)
    result = generate_pictures(doc, bedrock_token, warn=warn)
    assert all(item.picture_file is None for item in doc.items())
    assert len(result.failed) == 12 and len(fake.requests) <= 4
    assert len(lines) == 1 and "12 pictures were not drawn" in lines[0] and "403" in lines[0]
    assert TOKEN not in lines[0]


def test_the_token_is_never_written_to_the_cache(fake, bedrock_token):
    generate_pictures(document(("Put your bin out.", "a bin")), bedrock_token)
    for path in generated_folder().rglob("*"):
        assert TOKEN.encode() not in path.read_bytes()


def test_openai_compatible_endpoint_on_this_machine_needs_no_key(fake):
    settings = image_settings("openai", "tiny-drawer", f"{fake.url}/v1")
    doc = document(("You can get help.", "a helping hand"), ("A.", "a refused picture"))
    lines, warn = warnings_of(None)
    result = generate_pictures(doc, settings, warn=warn)
    assert result.drawn == 1 and doc.items()[0].picture_file and doc.items()[1].picture_file is None
    body = next(r["body"] for r in fake.requests if "helping" in r["body"]["prompt"])  # sent at once: any order
    assert body["model"] == "tiny-drawer" and body["response_format"] == "b64_json" and body["size"] == "1024x1024"
    assert body["prompt"].startswith("A picture of: a helping hand.") and "Do not show:" in body["prompt"]
    assert len(lines) == 1 and "400" in lines[0]


def test_openai_gpt_image_models_are_asked_for_medium_quality_not_a_format(fake):
    generate_pictures(document(("A.", "a cup")), image_settings("openai", "gpt-image-1", f"{fake.url}/v1"))
    body = fake.requests[0]["body"]
    assert body["quality"] == "medium" and "response_format" not in body


def test_openai_on_a_remote_server_without_a_key_is_a_usage_error():
    from easyread.errors import UsageError

    with pytest.raises(UsageError, match="OPENAI_API_KEY"):
        generate_pictures(document(("A.", "a cup")), image_settings("openai", None, "https://images.example.com/v1"))


def test_bedrock_through_boto3_signs_with_aws_credentials(monkeypatch, fake):
    pytest.importorskip("boto3")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDFAKEFORTESTS")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "fake-secret-for-tests-only-000000000000")
    settings = ImageSettings("bedrock", "stability.stable-image-core-v1:1", fake.url, timeout=10)
    doc = document(("Put your bin out.", "a bin"), ("A.", "a refused picture"))
    lines, warn = warnings_of(None)
    result = generate_pictures(doc, settings, warn=warn)
    assert result.drawn == 1 and doc.items()[0].picture_file and doc.items()[1].picture_file is None
    assert all(r["headers"]["Authorization"].startswith("AWS4-HMAC-SHA256 ") for r in fake.requests)
    assert all(r["path"].startswith("/model/stability.stable-image-core-v1") for r in fake.requests)


def test_bedrock_without_a_region_is_a_usage_error(monkeypatch):
    from easyread.errors import UsageError

    monkeypatch.delenv("AWS_REGION")
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    with pytest.raises(UsageError, match="AWS_REGION"):
        generate_pictures(document(("A.", "a cup")), image_settings("bedrock"))


def test_the_prompt_is_the_description_in_the_house_style():
    prompt, avoid = picture_prompt("  a green   bin. ")
    style, _ = house_style()
    assert prompt == f"A picture of: a green bin. {style}"
    assert "plain white background" in prompt and "No text" in prompt and "not a real or famous person" in prompt
    assert "text" in avoid and "photograph" in avoid


def test_alt_text_of_a_generated_picture_is_its_description_as_a_sentence():
    generated = str(Path("/cache/pictures") / ("generated-" + "ab" * 32 + ".png"))
    assert alt_text("a calendar, bin, Tuesday", generated) == "The picture shows a calendar, a bin and Tuesday."
    assert alt_text("a green bin by a gate", generated) == "The picture shows a green bin by a gate."
    assert alt_text("money, envelope", generated) == "The picture shows money and an envelope."
    assert alt_text("people talking", generated) == "The picture shows people talking."
    assert alt_text("green, bin, morning", generated) == "The picture shows a green bin and a morning."  # the rules backend's list
    assert description_sentence("") == ""
    assert not is_generated("/library/generated-bin.png")  # a person's own picture named so is not ours


def test_a_damaged_cached_picture_is_drawn_again(fake, bedrock_token):
    doc = document(("Put your bin out.", "a bin"))
    generate_pictures(doc, bedrock_token)
    Path(doc.items()[0].picture_file).write_bytes(b"not a picture any more")
    again = document(("Put your bin out.", "a bin"))
    result = generate_pictures(again, bedrock_token)
    assert (result.drawn, result.cached) == (1, 0) and len(fake.requests) == 2
    assert Path(again.items()[0].picture_file).read_bytes().startswith(b"\x89PNG")


def test_a_cache_folder_that_cannot_be_written_sends_no_request(monkeypatch, tmp_path, fake, bedrock_token):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.setenv("EASYREAD_CACHE_DIR", str(blocker))
    doc = document(("Put your bin out.", "a bin"), ("Ring us.", "a telephone"))
    lines, warn = warnings_of(None)
    result = generate_pictures(doc, bedrock_token, warn=warn)
    assert fake.requests == [] and len(result.failed) == 2
    assert all(item.picture_file is None for item in doc.items())
    assert len(lines) == 1 and "2 pictures were not drawn" in lines[0] and "cannot be written" in lines[0]


def test_check_png_refuses_what_safe_refuses():
    from easyread.limits import MAX_PICTURE_BYTES
    from easyread.pictures.image_cache import check_png
    from easyread.pictures.image_clients import ImageFailure, decode_image
    from tests.pictures.fake_images import GIF, enormous_png
    from tests.pictures.images import png_bytes

    check_png(png_bytes())
    for data, reason in ((GIF, "not a PNG"), (enormous_png(), "too many to draw"),
                         (png_bytes() + b"\0" * MAX_PICTURE_BYTES, "too large")):
        with pytest.raises(ImageFailure, match=reason):
            check_png(data)
    with pytest.raises(ImageFailure, match="too large"):
        decode_image("A" * (MAX_PICTURE_BYTES * 2))
    with pytest.raises(ImageFailure, match="no picture"):
        decode_image(None)


def test_only_a_colour_or_a_size_joins_the_next_phrase_in_alt_text():
    assert description_sentence("week, sign, restriction") == "The picture shows a week, a sign and a restriction."
    assert description_sentence("large, box") == "The picture shows a large box."
