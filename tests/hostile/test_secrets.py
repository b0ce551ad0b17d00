"""Issue 11, item 7: the API key is never printed or stored, whatever a server does with it.

Every fault path of the anthropic, bedrock and openai backends runs against the loopback fake
(tests/backends/fake_anthropic.py) with a recognisable fake key, in the real command (a child
process): 401, 403, 404, 429 until we give up, 500s, timeouts, a malformed answer, a repair that
fails, and a server that repeats the key (whole, or its start) in its error text and in its
answers. One document and a batch, with --format json (a plan) and md. Then stdout, stderr and
every file the run left (outputs, plan, manifest, the response cache in EASYREAD_CACHE_DIR) are
searched for the key and for a long start of it.

The keys are shaped like no real key, so only knowing the variables (easyread.secrets) can hide
them: a pattern for "sk-..." would not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.backends.fake_anthropic import FakeAnthropic, good_answer
from tests.hostile.conftest import ROOT, Run, run_easyread

KEY = "easyread-fake-credential-7Q2xZ9w4LmN8pR3tV6yB1cD5"
AWS_SECRET = "fakeAwsSecret/9kPq2+Zt7LmW4xR8vN3bJ6yH1cF5dG0s"  # "/" and "+", as AWS secret keys have
AWS_SESSION = "FakeSessionTokenIQoJ8Tz3Qm5Wk7Rp2Vx9Ln4Hc6Bd1Fg"
SECRETS = (KEY, AWS_SECRET, AWS_SESSION)
NEEDLES = tuple(needle for secret in SECRETS for needle in (secret, secret[:16]))
HIDDEN = "[API key hidden]"
BEDROCK_MODEL = "eu.anthropic.claude-haiku-4-5-20251001-v1:0"
OPENAI_MODEL = "llama3.1"

TOO_LONG = ("This sentence has far too many words in it to pass the rule of fifteen words for Easy Read, "
            "says {key}.")
# One section per fault: the fake chooses what to do by the bird named in the section's text.
FAULTS: dict[str, dict[str, object]] = {
    "kestrel": {"status": 500, "say": "internal error while checking key {key}"},
    "heron": {"status": 429, "say": "rate limited: slow down, {key}"},
    "osprey": {"delay": 1.5},  # longer than --timeout
    "plover": {"text": "not json at all, key={key}"},
    "curlew": {"text": json.dumps({"heading": "Curlews {key}", "items": [
        {"sentence": TOO_LONG, "picture": "a bird", "hard_words": [], "words_avoided": [],
         "source_blocks": [1]}]})},
    "avocet": {"say": "(the key was {key})"},  # a good answer that repeats the key
    "dunlin": {"status": 502, "say": "bad gateway for key {key_start}..."},
    "godwit": {"status": 500, "echo_headers": True},
    "lapwing": {"status": 503, "say": f"upstream said: aws {AWS_SECRET} session {AWS_SESSION}"},
}
DOCUMENT = "# Birds of the marsh\n\n" + "".join(
    f"## About the {bird}\n\nThe {bird} lives by the water.\nWe count them on 3 May 2026.\n\n" for bird in FAULTS)


def fault_for(request) -> dict[str, object]:  # type: ignore[no-untyped-def]
    text = request.section.lower()
    return next((dict(action) for bird, action in FAULTS.items() if bird in text), {})


@pytest.fixture
def server():
    fake = FakeAnthropic().start()
    yield fake
    fake.stop()


def backend_args(backend: str, fake: FakeAnthropic, tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    """The options and environment that point `backend` at the fake with our fake key."""
    env = {"PYTHONPATH": str(ROOT),  # this checkout's easyread, whatever folder the command runs in
           "EASYREAD_CACHE_DIR": str(tmp_path / "cache"), "AWS_SECRET_ACCESS_KEY": AWS_SECRET,
           "AWS_SESSION_TOKEN": AWS_SESSION, "ANTHROPIC_API_KEY": "", "OPENAI_API_KEY": "",
           "AWS_BEARER_TOKEN_BEDROCK": "", "ANTHROPIC_AUTH_TOKEN": "", "AWS_PROFILE": "",
           "ANTHROPIC_BASE_URL": "http://127.0.0.1:9", "OPENAI_BASE_URL": "http://127.0.0.1:9",
           "EASYREAD_GROUP_CHARS": "0"}  # each section in a request of its own: one fault each
    args = ["-b", backend, "--retries", "1", "--timeout", "0.5"]
    if backend == "anthropic":
        env |= {"ANTHROPIC_API_KEY": KEY, "ANTHROPIC_BASE_URL": fake.url}
    elif backend == "bedrock":
        env |= {"AWS_BEARER_TOKEN_BEDROCK": KEY, "AWS_REGION": "eu-west-2"}
        args += ["--model", BEDROCK_MODEL, "--base-url", fake.url]
    else:
        env |= {"OPENAI_API_KEY": KEY}
        args += ["--model", OPENAI_MODEL, "--base-url", fake.url + "/v1"]
    return args, env


def leaks(run: Run, folder: Path) -> list[str]:
    """Where a secret (or a long start of one) shows: 'stdout', 'stderr', or a file's path."""
    found = [name for name, text in (("stdout", run.stdout), ("stderr", run.stderr))
             if any(needle in text for needle in NEEDLES)]
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if any(needle.encode("utf-8") in data for needle in NEEDLES):
                found.append(str(path.relative_to(folder)))
    return found


def write_sources(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "birds.md").write_text(DOCUMENT, encoding="utf-8")
    return folder / "birds.md"


def assert_key_was_sent(fake: FakeAnthropic) -> None:
    assert fake.requests, "no request reached the fake server"
    assert all(request.credential == KEY for request in fake.requests)  # the test really used the key


BACKENDS = ("anthropic", "bedrock", "openai")


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_key_is_never_printed_or_stored_one_document(backend, server, tmp_path):
    source = write_sources(tmp_path)
    server.default = fault_for
    args, env = backend_args(backend, server, tmp_path)
    run = run_easyread("convert", source, "-o", tmp_path / "out", "-f", "json,md", *args, env=env, cwd=tmp_path)
    assert run.code == 0, run.stderr[-1500:]
    assert_key_was_sent(server)
    assert leaks(run, tmp_path) == []
    # The faults happened, and what the server said is shown with the key hidden.
    assert f"{len(FAULTS) - 1} of {len(FAULTS)} sections were converted by the rules backend" in run.stderr, \
        run.stderr
    assert run.stderr.count(HIDDEN) >= 6, run.stderr
    plan = json.loads((tmp_path / "out" / "birds.easyread.json").read_text(encoding="utf-8"))
    sentences = [item["sentence"] for section in plan["sections"] for item in section["items"]]
    assert any(sentence.endswith(f"(the key was {HIDDEN})") for sentence in sentences)
    assert list((tmp_path / "cache").glob("responses.sqlite3*")), "the good answers were cached"


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_key_is_never_printed_or_stored_batch(backend, server, tmp_path):
    source = write_sources(tmp_path)
    (source.parent / "more-birds.md").write_text(DOCUMENT.replace("marsh", "coast"), encoding="utf-8")
    server.default = fault_for
    args, env = backend_args(backend, server, tmp_path)
    run = run_easyread("convert", source.parent, "-o", tmp_path / "out", "-f", "json,md", "-j", "1", *args,
                       env=env, cwd=tmp_path)
    assert run.code == 0, run.stderr[-1500:]
    assert_key_was_sent(server)
    assert leaks(run, tmp_path) == []
    manifest = json.loads((tmp_path / "out" / "easyread-manifest.json").read_text(encoding="utf-8"))
    assert [record["status"] for record in manifest["documents"]] == ["converted", "converted"]
    plan = (tmp_path / "out" / "birds.easyread.json").read_text(encoding="utf-8")
    assert f"(the key was {HIDDEN})" in plan


REFUSED = "invalid x-api-key: {key} (starts {key_start})"


@pytest.mark.slow
@pytest.mark.parametrize(("backend", "status"), (("anthropic", 401), ("bedrock", 403), ("openai", 404)))
def test_a_refused_key_is_not_shown_in_the_error(backend, status, server, tmp_path):
    """401, 403 and 404 take one path (the server refused the key or the model: stop, exit 2); each
    status is run once, each backend once."""
    source = write_sources(tmp_path)
    server.default = lambda request: {"status": status, "say": REFUSED}
    args, env = backend_args(backend, server, tmp_path)
    run = run_easyread("convert", source, "-o", tmp_path / "out", "-f", "json", *args, env=env, cwd=tmp_path)
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert any(str(status) in line and HIDDEN in line for line in run.error_lines), run.stderr
    assert_key_was_sent(server)
    assert leaks(run, tmp_path) == []


@pytest.mark.slow
def test_a_refused_key_is_not_in_the_manifest(server, tmp_path):
    folder = write_sources(tmp_path).parent
    statuses = {"grebe": 401, "smew": 403, "teal": 404}
    for bird in statuses:
        (folder / f"{bird}.md").write_text(f"# The {bird}\n\nThe {bird} swims on the lake.\n", encoding="utf-8")
    (folder / "birds.md").unlink()

    def refuse(request):  # type: ignore[no-untyped-def]
        return {"status": next(code for bird, code in statuses.items() if bird in request.section), "say": REFUSED}

    server.default = refuse
    args, env = backend_args("anthropic", server, tmp_path)
    run = run_easyread("convert", folder, "-o", tmp_path / "out", "-f", "json", "-j", "1", *args, env=env,
                       cwd=tmp_path)
    assert run.code in (1, 2), run.stderr  # 2 once a batch with a refused key exits 2 (the batch part)
    assert "Traceback" not in run.stderr
    assert_key_was_sent(server)
    assert leaks(run, tmp_path) == []
    records = json.loads((tmp_path / "out" / "easyread-manifest.json").read_text(encoding="utf-8"))["documents"]
    errors = [record["error"] or "" for record in records]
    assert errors and all(HIDDEN in error for error in errors if error), errors
    assert any("401" in error for error in errors), errors


def test_an_answer_from_the_cache_never_holds_a_key(server, tmp_path):
    """The good answer that repeats the key is stored scrubbed, and a second run (from the cache)
    prints and writes nothing with the key either."""
    source = write_sources(tmp_path)
    source.write_text("# Birds\n\n## Avocets\n\nThe avocet lives by the water.\n", encoding="utf-8")
    server.default = fault_for
    args, env = backend_args("anthropic", server, tmp_path)
    first = run_easyread("convert", source, "-o", tmp_path / "out", "-f", "json", *args, env=env, cwd=tmp_path)
    assert first.code == 0, first.stderr
    sent = len(server.requests)
    again = run_easyread("convert", source, "-o", tmp_path / "again", "-f", "json", *args, env=env, cwd=tmp_path)
    assert again.code == 0 and len(server.requests) == sent  # answered from the cache
    assert leaks(first, tmp_path) == [] and leaks(again, tmp_path) == []
    assert HIDDEN in (tmp_path / "again" / "birds.easyread.json").read_text(encoding="utf-8")


def test_the_fake_answers_well_without_faults():
    """The fault table above is chosen by section; a section without a bird gets a good answer."""
    class Request:
        section = "[1] The swan is white."

    assert fault_for(Request()) == {}
    assert good_answer(Request.section)["items"][0]["sentence"] == "The swan is white."
