"""easyread.secrets: the one place that hides keys from what we print and store."""

from __future__ import annotations

import io
import json

import pytest

from easyread import secrets
from easyread.errors import EasyReadError, UsageError
from easyread.secrets import HIDDEN, ScrubbedStream, remember, scrub, scrub_data

ENV_KEY = "plain-looking-credential-4Fh8Kq2Lm9Nz"


@pytest.fixture(autouse=True)
def no_real_keys(monkeypatch):
    for name in secrets.SECRET_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(secrets, "_remembered", set())


@pytest.mark.parametrize("variable", secrets.SECRET_VARIABLES)
def test_every_credential_variable_is_hidden(variable, monkeypatch):
    monkeypatch.setenv(variable, ENV_KEY)
    assert scrub(f"the server said: bad key {ENV_KEY}.") == f"the server said: bad key {HIDDEN}."


def test_a_long_start_of_a_key_is_hidden_but_a_short_one_is_not(monkeypatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", ENV_KEY)
    assert scrub(f"key {ENV_KEY[:20]}... was refused") == f"key {HIDDEN}... was refused"
    assert scrub(f"key ending {ENV_KEY[-4:]}") == f"key ending {ENV_KEY[-4:]}"  # a usual masked form: harmless


def test_encoded_forms_of_a_key_are_hidden(monkeypatch):
    secret = "aws/Secret+Value=9kPq2Zt7LmW4xR8vN3bJ6"
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret)
    assert secret not in scrub(json.dumps({"echo": secret}, ensure_ascii=False))
    assert "aws%2FSecret%2BValue" not in scrub("https://x.test/?k=aws%2FSecret%2BValue%3D9kPq2Zt7LmW4xR8vN3bJ6")
    assert "aws\\/Secret" not in scrub('{"k": "aws\\/Secret+Value=9kPq2Zt7LmW4xR8vN3bJ6"}')


def test_a_key_given_in_code_is_hidden():
    remember("code-given-key-0123456789")
    assert scrub("echo code-given-key-0123456789") == f"echo {HIDDEN}"


def test_placeholders_too_short_to_be_keys_are_left_alone(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "x")  # a local server's dummy key
    remember("no-key")
    assert scrub("Put the box next to the bin. no-key needed.") == "Put the box next to the bin. no-key needed."


def _shaped(prefix: str, body: str) -> str:
    """A made-up credential of a provider's shape, joined at test time: no text in this file is
    shaped like a key, so secret scanners have nothing to report."""
    return prefix + body


@pytest.mark.parametrize("text", [
    "Authorization: " + _shaped("Bearer ", "abcDEF0123456789xyz"),
    "key " + _shaped("sk-" + "ant-api03-", "AbCdEf0123456789-_xyz"),
    "key " + _shaped("sk-" + "proj-", "AbCdEf0123456789GhIjKl"),
    "id " + _shaped("AK" + "IA", "ZZZZFAKEFAKE0000"),
    "token " + _shaped("AB" + "SK", "ZmFrZS1iZWRyb2NrLWtleS1mb3ItdGVzdHM="),
    "token " + _shaped("bedrock-" + "api-key-", "ZmFrZS1zaG9ydC10ZXJtLWtleQ"),
])
def test_key_shaped_text_is_hidden_whoever_it_belongs_to(text):
    hidden = scrub(text)
    assert HIDDEN in hidden and text.split()[-1] not in hidden


@pytest.mark.parametrize("text", [
    "Ask the task-force about the desk-booking system before 3 June 2026.",
    "The bearer of this letter may collect the parcel.",
    "Call 01632 960123 or email bins@northbrook.gov.uk; reference AB12 3CD, KIA-9.",
    "Your council tax reference is 4000123456 and your account is sk-12.",
])
def test_ordinary_council_text_is_not_touched(text):
    assert scrub(text) == text


def test_scrub_data_reaches_every_string():
    remember("nested-secret-value-0123")
    data = {"a": ["x nested-secret-value-0123", {"b": ("nested-secret-value-0123",)}], "n": 3}
    assert scrub_data(data) == {"a": [f"x {HIDDEN}", {"b": (HIDDEN,)}], "n": 3}


def test_the_stream_wrapper_scrubs_what_is_written_and_is_otherwise_the_stream():
    remember("streamed-secret-0123456")
    target = io.StringIO()
    stream = ScrubbedStream(target)
    stream.write("one streamed-secret-0123456\n")
    stream.writelines(["two streamed-secret-0123456\n"])
    assert target.getvalue() == f"one {HIDDEN}\ntwo {HIDDEN}\n"
    assert stream.isatty() is False and stream.buffer is None  # no way around it to the bytes
    with pytest.raises(TypeError):
        stream.write(b"bytes")  # as the text stream would


def test_error_messages_and_reasons_are_scrubbed(monkeypatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", ENV_KEY)
    error = UsageError(None, f"the server answered 401 (bad key {ENV_KEY})")
    assert ENV_KEY not in error.reason and ENV_KEY not in error.message() and ENV_KEY not in str(error)
    assert HIDDEN in error.message()


def test_an_error_message_is_always_one_line():
    error = EasyReadError("two\nlines.md", "no such file\x1b[31m")
    assert error.message() == "two\\nlines.md: no such file\\x1b[31m"


def test_the_plan_and_the_manifest_are_written_scrubbed(tmp_path, monkeypatch):
    from easyread.manifest import DocumentRecord, Manifest
    from easyread.model import EasyReadDocument, EasySection, Item
    from easyread.plan import write_plan

    monkeypatch.setenv("OPENAI_API_KEY", ENV_KEY)
    document = EasyReadDocument(title=f"Bins {ENV_KEY}", source_name="bins.md", sections=[
        EasySection(heading="Days", items=[Item(sentence=f"Bins go out on Monday {ENV_KEY}.", picture="a bin")])])
    write_plan(document, tmp_path / "plan.json")
    manifest = Manifest(tmp_path, {})
    manifest.record(DocumentRecord(source="a.md", status="failed", error=f"could not convert ({ENV_KEY})"))
    manifest.save()
    for name in ("plan.json", "easyread-manifest.json"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert ENV_KEY not in text and HIDDEN in text
        json.loads(text)
