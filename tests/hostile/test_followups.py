"""Cases found by the independent attack on the hardened main: each a test of the right result."""

from __future__ import annotations

import io
import os
import zipfile

from tests.hostile.conftest import assert_refused, run_easyread, snapshot


def _word_file_with_an_entity(path):
    """A Word file whose document.xml declares an entity and writes one word with it: the text
    after the entity used to vanish without a word (a phone number lost, exit 0)."""
    from docx import Document

    document = Document()
    document.add_paragraph("Please ring the depot on 01632 960555.")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY gap "&#160;">]>', 1)
                data = data.replace(b"Please ring", b"Please&gap;ring")
            out.writestr(info, data)


def test_a_word_file_with_a_doctype_is_refused_not_read_with_text_missing(tmp_path):
    source = tmp_path / "depot.docx"
    _word_file_with_an_entity(source)
    before = snapshot(tmp_path)
    converted = run_easyread("convert", source, "--format", "md", cwd=tmp_path)
    assert_refused(converted, 1, "DOCTYPE")
    checked = run_easyread("check", source, cwd=tmp_path)
    assert checked.code == 2 and "DOCTYPE" in checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    assert snapshot(tmp_path) == before


def test_cache_clear_does_not_claim_to_remove_a_pipe_it_left(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    os.mkfifo(cache / "responses.sqlite3")
    run = run_easyread("cache", "clear", env={"EASYREAD_CACHE_DIR": str(cache)}, cwd=tmp_path, timeout=60)
    assert_refused(run, 1, "move it away by hand")
    assert "removed" not in run.stdout
    assert (cache / "responses.sqlite3").exists()


def test_check_of_one_very_long_word_takes_seconds_not_minutes(tmp_path):
    """A 200,000-letter "word" took check 2 minutes: the symbol rule's `\\w+/\\w+` tried every start
    inside the word (quadratic). Now a match can only start at a word's start."""
    document = tmp_path / "long.md"
    document.write_text("# Notice\n\n" + "a" * 200_000 + ".\n")
    run = run_easyread("check", document, cwd=tmp_path, timeout=90)
    assert not run.timed_out and run.code in (0, 1), run.stderr[-500:]
    assert "Traceback" not in run.stderr
    assert run.seconds < 60, run.seconds
