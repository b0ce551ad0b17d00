"""`convert FOLDER -b anthropic --batch-api`: every section in one Message Batch, against the fake server."""

from __future__ import annotations

import json

import pytest

from easyread.batch import run_batch
from easyread.cli import app
from easyread.manifest import MANIFEST_NAME
from tests.backends.conftest import FAKE_KEY

POLL = 0.01  # seconds between polls: the tests never wait

DOCUMENTS = {
    "library.md": "# Library hours\n\n## Opening times\n\nThe library opens at 9am on Monday 4 May 2026.\n\n"
                  "## Questions\n\nCall 01632 960418 to ask about books.\n",
    "parking.md": "# Parking permits\n\n## Your permit\n\nA permit costs £37 a year.\n\n"
                  "## Renewing\n\nRenew it before 30 June 2026.\nEmail permits@westmarsh.gov.uk for help.\n",
    "nested/pool.md": "# Swimming pool\n\n## Lessons\n\nLessons start on Saturday 9 May 2026 at 10am.\n",
}


@pytest.fixture(autouse=True)
def one_section_a_request(monkeypatch):
    """Each section its own batch request, so the tests can name and script them one by one (the
    grouped shape is tested by test_grouped_sections_go_as_one_batch_request_a_document)."""
    monkeypatch.setenv("EASYREAD_GROUP_CHARS", "0")


def ordinary(fake) -> list:  # type: ignore[no-untyped-def]
    """The requests sent outside the batch, besides the plans (one ordinary request a document)."""
    return [request for request in fake.requests if not request.is_plan]


def plans(fake) -> list:  # type: ignore[no-untyped-def]
    return [request for request in fake.requests if request.is_plan]


def folder(tmp_path):
    source = tmp_path / "in"
    for name, text in DOCUMENTS.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    return source


def convert(tmp_path, reporter=None, **extra):
    return run_batch([tmp_path / "in"], tmp_path / "out", backend="anthropic", recursive=True, formats=("json",),
                     reporter=reporter, message_batch=True, poll_seconds=POLL, **extra)


def manifest(tmp_path) -> dict:
    return json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))


def plan_items(tmp_path, name: str) -> list[dict]:
    plan = json.loads((tmp_path / "out" / name).read_text(encoding="utf-8"))
    return [item for section in plan["sections"] for item in section["items"]]


class StopWhileWaiting:
    """A reporter that presses Ctrl-C at the first poll of the batch."""

    def begin(self, to_convert: int) -> None: ...
    def started(self, source: str) -> None: ...
    def finished(self, outcome) -> None: ...  # type: ignore[no-untyped-def]
    def end(self) -> None: ...

    def waiting(self, text: str) -> None:
        raise KeyboardInterrupt


def test_a_folder_converts_through_one_batch_at_half_price(tmp_path, fake_anthropic):
    folder(tmp_path)
    summary = convert(tmp_path)
    assert summary.exit_code == 0 and len(summary.converted) == 3
    creates = [call for call in fake_anthropic.batch_calls if call[0] == "create"]
    assert len(creates) == 1 and ordinary(fake_anthropic) == []  # no ordinary request besides the plans
    assert len(plans(fake_anthropic)) == 3  # a plan a document, first: every section request carries it
    sent = fake_anthropic.batches[creates[0][1]].requests
    assert len(sent) == 5  # every section with text, of every document
    assert {request["custom_id"] for request in sent} >= {"d0000-s0000-library_md", "d0001-s0000-parking_md",
                                                             "d0001-s0001-parking_md", "d0002-s0000-nested_pool_md"}
    assert all(request["params"]["model"] == "claude-sonnet-5-5" for request in sent)
    items = plan_items(tmp_path, "parking.easyread.json")
    sentences = " ".join(item["sentence"] for item in items)
    assert "A permit costs £37 a year." in sentences and "permits@westmarsh.gov.uk" in sentences
    assert not any("rules-fallback" in item["flags"] for item in items)
    recorded = manifest(tmp_path)
    assert "message_batches" not in recorded  # collected: nothing left to resume
    record = next(entry for entry in recorded["documents"] if entry["source"] == "parking.md")
    assert record["status"] == "converted" and record["tokens"] > 0
    assert FAKE_KEY not in (tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8")


def test_the_batch_costs_half_the_ordinary_price(tmp_path, fake_anthropic):
    from easyread.backends.llm import Message
    from easyread.backends.message_batch import BatchReply, PrefetchedAnthropic, conversation_key

    conversation = [Message("user", "anything")]
    usage = {"input": 1000, "output": 2000, "cache_read": 0, "cache_write": 0}
    backend = PrefetchedAnthropic({conversation_key(conversation): BatchReply("{}", "end_turn", usage)}, cache=False)
    backend.send(conversation)
    ordinary = backend.batch_usage.cost(backend.model)
    assert ordinary and backend.cost == ordinary / 2  # the 0.5 of data/prices.toml
    assert backend.tokens == 3000 and backend.usage.requests == 0 and backend.batch_usage.requests == 1


def test_an_interrupted_run_keeps_the_batch_id_and_the_next_run_collects_it(tmp_path, fake_anthropic):
    folder(tmp_path)
    fake_anthropic.polls_before_end = 2
    stopped = convert(tmp_path, reporter=StopWhileWaiting())
    assert stopped.interrupted and stopped.exit_code == 130
    assert any("msgbatch_fake001 keeps running at Anthropic" in warning and "run the same command again" in warning
               for warning in stopped.warnings)
    recorded = manifest(tmp_path)
    assert [entry["id"] for entry in recorded["message_batches"]] == ["msgbatch_fake001"]
    assert len(recorded["message_batches"][0]["requests"]) == 5
    assert not list((tmp_path / "out").rglob("*.json"))[1:]  # only the manifest: no partial outputs

    again = convert(tmp_path)
    assert again.exit_code == 0 and len(again.converted) == 3
    assert [call for call in fake_anthropic.batch_calls if call[0] == "create"] == [("create", "msgbatch_fake001")]
    assert ("results", "msgbatch_fake001") in fake_anthropic.batch_calls
    assert ordinary(fake_anthropic) == [] and len(plans(fake_anthropic)) == 3  # the plans came from the cache
    assert "message_batches" not in manifest(tmp_path)


def test_ctrl_c_while_the_batch_is_submitted_waits_until_its_id_is_saved(tmp_path, fake_anthropic, monkeypatch):
    import signal

    from easyread.backends.message_batch import MessageBatches

    real_create = MessageBatches.create

    def create_then_ctrl_c(self, requests):  # type: ignore[no-untyped-def]
        signal.raise_signal(signal.SIGINT)  # pressed while the request is on its way
        return real_create(self, requests)

    monkeypatch.setattr(MessageBatches, "create", create_then_ctrl_c)
    folder(tmp_path)
    stopped = convert(tmp_path)
    assert stopped.interrupted and not stopped.converted
    assert [entry["id"] for entry in manifest(tmp_path)["message_batches"]] == ["msgbatch_fake001"]
    assert any("msgbatch_fake001" in warning for warning in stopped.warnings)


def test_a_changed_document_is_not_answered_from_the_old_batch(tmp_path, fake_anthropic):
    source = folder(tmp_path)
    fake_anthropic.polls_before_end = 2
    convert(tmp_path, reporter=StopWhileWaiting())
    (source / "nested" / "pool.md").write_text("# Swimming pool\n\n## Lessons\n\nLessons cost £6 each.\n",
                                               encoding="utf-8")
    fake_anthropic.polls_before_end = 0
    again = convert(tmp_path)
    assert again.exit_code == 0
    creates = [call[1] for call in fake_anthropic.batch_calls if call[0] == "create"]
    assert len(creates) == 2  # the old batch for the unchanged documents, a new one for the changed one
    assert [r["custom_id"] for r in fake_anthropic.batches[creates[1]].requests] == ["d0002-s0000-nested_pool_md"]
    assert "Lessons cost £6 each." in " ".join(item["sentence"] for item in plan_items(tmp_path, "nested/pool.easyread.json"))


def test_an_errored_result_falls_back_for_that_section_only(tmp_path, fake_anthropic):
    folder(tmp_path)
    fake_anthropic.batch_script["d0001-s0001-parking_md"] = {"status": 500}
    fake_anthropic.batch_script["d0000-s0001-library_md"] = {"result": "expired"}
    summary = convert(tmp_path)
    assert summary.exit_code == 0
    parking = plan_items(tmp_path, "parking.easyread.json")
    fell_back = [item["sentence"] for item in parking if "rules-fallback" in item["flags"]]
    kept = [item["sentence"] for item in parking if "rules-fallback" not in item["flags"]]
    assert kept == ["A permit costs £37 a year."]
    assert fell_back and "30 June 2026" in " ".join(fell_back)
    library = plan_items(tmp_path, "library.easyread.json")
    assert [item["sentence"] for item in library if "rules-fallback" not in item["flags"]] == \
        ["The library opens at 9am on Monday 4 May 2026."]
    assert all("rules-fallback" not in item["flags"] for item in plan_items(tmp_path, "nested/pool.easyread.json"))
    assert ordinary(fake_anthropic) == []  # a failed batch request is not sent again at full price


def test_an_answer_that_needs_a_repair_gets_it_as_an_ordinary_request(tmp_path, fake_anthropic):
    folder(tmp_path)
    wrong = {"heading": "Lessons", "items": [{"sentence": "Lessons start on a Saturday.", "picture": "a pool",
                                              "hard_words": [], "words_avoided": [], "source_blocks": [1]}]}
    fake_anthropic.batch_script["d0002-s0000-nested_pool_md"] = {"answer": wrong}
    summary = convert(tmp_path)
    assert summary.exit_code == 0
    assert len(ordinary(fake_anthropic)) == 1  # the repair, with the batch's answer and what was wrong
    repair = ordinary(fake_anthropic)[0].body["messages"]
    assert [message["role"] for message in repair] == ["user", "assistant", "user"]
    assert "Lessons start on a Saturday." in repair[1]["content"] and "9 May 2026" in repair[2]["content"]
    pool = plan_items(tmp_path, "nested/pool.easyread.json")
    assert [item["sentence"] for item in pool] == ["Lessons start on Saturday 9 May 2026 at 10am."]


def test_sections_answered_in_the_cache_are_not_sent(tmp_path, fake_anthropic):
    folder(tmp_path)
    assert convert(tmp_path).exit_code == 0
    again = run_batch([tmp_path / "in"], tmp_path / "out2", backend="anthropic", recursive=True, formats=("json",),
                      message_batch=True, poll_seconds=POLL)
    assert again.exit_code == 0 and len(again.converted) == 3
    assert [call[0] for call in fake_anthropic.batch_calls].count("create") == 1


def test_dry_run_prints_the_price_with_and_without_the_batch_discount(runner, tmp_path, fake_anthropic):
    folder(tmp_path)
    result = runner.invoke(app, ["convert", str(tmp_path / "in"), "-r", "-o", str(tmp_path / "out"), "-b",
                                 "anthropic", "--batch-api", "--dry-run"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("price:"))
    ordinary, batched = (float(part.split("$")[1].split()[0]) for part in line.split(", "))
    assert batched == ordinary / 2 or abs(batched - ordinary / 2) < 0.0001
    assert "50% discount" in line
    assert fake_anthropic.batch_calls == [] and not (tmp_path / "out").exists()


def test_batch_api_through_the_command_line(runner, tmp_path, fake_anthropic):
    folder(tmp_path)
    result = runner.invoke(app, ["convert", str(tmp_path / "in"), "-r", "-o", str(tmp_path / "out"), "-b",
                                 "anthropic", "--batch-api", "--batch-poll", str(POLL), "-f", "md", "-v"])
    assert result.exit_code == 0, result.output
    assert "message batch msgbatch_fake001: in progress, 5 of 5 requests processing" in result.output
    assert "message batch msgbatch_fake001: ended (5 succeeded); writing the documents" in result.output
    assert (tmp_path / "out" / "nested" / "pool.easyread.md").is_file()


def test_batch_api_needs_anthropic_and_several_documents(runner, tmp_path, fake_anthropic):
    source = folder(tmp_path)
    rules = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "out"), "--batch-api"])
    assert rules.exit_code == 2 and "needs --backend anthropic" in rules.output
    single = runner.invoke(app, ["convert", str(source / "parking.md"), "-b", "anthropic", "--batch-api"])
    assert single.exit_code == 2 and "several documents" in single.output
    assert fake_anthropic.batch_calls == []


def test_a_recorded_batch_the_server_no_longer_has_is_sent_again(tmp_path, fake_anthropic):
    folder(tmp_path)
    fake_anthropic.polls_before_end = 2
    convert(tmp_path, reporter=StopWhileWaiting())
    fake_anthropic.batches.clear()  # results are kept 29 days; then the server answers 404
    fake_anthropic.polls_before_end = 0
    again = convert(tmp_path)
    assert again.exit_code == 0 and len(again.converted) == 3
    assert any("msgbatch_fake001 cannot be collected" in warning and "sent again" in warning
               for warning in again.warnings)
    assert [call[1] for call in fake_anthropic.batch_calls if call[0] == "create"] == ["msgbatch_fake001",
                                                                                       "msgbatch_fake001"]


def test_a_damaged_batch_record_is_passed_over_with_a_warning(tmp_path):
    from easyread.manifest import Manifest

    out = tmp_path / "out"
    out.mkdir()
    good = {"id": "msgbatch_x", "created_at": "2026-11-29T10:00:00+00:00",
            "requests": {"d0000-s0000-a_md": {"source": "a.md", "sha256": "ab", "key": "cd"}}}
    damaged = {"id": "msgbatch_y", "requests": {"d0000-s0000-b_md": {"source": "../b.md", "sha256": "ab", "key": "cd"}}}
    (out / MANIFEST_NAME).write_text(json.dumps({"version": 1, "documents": [],
                                                 "message_batches": [good, damaged]}), encoding="utf-8")
    loaded = Manifest.load(out, {})
    assert loaded.message_batches == [good]
    assert any("damaged message batch record" in warning for warning in loaded.warnings)
    loaded.save()
    assert json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["message_batches"] == [good]


def test_a_document_that_cannot_be_read_fails_alone_and_costs_nothing(tmp_path, fake_anthropic):
    source = folder(tmp_path)
    (source / "broken.docx").write_bytes(b"not a word document at all")
    summary = convert(tmp_path)
    assert len(summary.converted) == 3 and [outcome.source for outcome in summary.failed] == ["broken.docx"]
    assert summary.failed[0].reason
    sent = [r["custom_id"] for batch in fake_anthropic.batches.values() for r in batch.requests]
    assert len(sent) == 5 and not any("broken" in name for name in sent)


def test_grouped_sections_go_as_one_batch_request_a_document(tmp_path, fake_anthropic, monkeypatch):
    monkeypatch.delenv("EASYREAD_GROUP_CHARS")  # the default: a short document goes whole
    folder(tmp_path)
    summary = convert(tmp_path)
    assert summary.exit_code == 0 and len(summary.converted) == 3
    sent = [request for batch in fake_anthropic.batches.values() for request in batch.requests]
    assert len(sent) == 3 and ordinary(fake_anthropic) == []
    assert all("<document_context>" in json.dumps(request["params"]) for request in sent)
    items = plan_items(tmp_path, "parking.easyread.json")
    assert not any("rules-fallback" in item["flags"] for item in items)
    assert "permits@westmarsh.gov.uk" in " ".join(item["sentence"] for item in items)
