"""Whose file is it: our outputs and reports are known by their marks, whatever their names; an
input of the run is never written over; someone else's file only with force."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from easyread.errors import EXIT_USAGE, EasyReadError
from easyread.outputs import FORMATS, render
from easyread.ownership import check_targets, made_by_easyread, mark_report

LETTER = "# Bins\n\nWe collect your bin on Tuesday 4 March 2025.\n\nCall 01632 960123 for help.\n"


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    from easyread.backends import get_backend
    from easyread.pipeline import simplify_document
    from easyread.readers import read_source

    source = tmp_path_factory.mktemp("source") / "letter.md"
    source.write_text(LETTER, encoding="utf-8")
    return simplify_document(read_source(source), get_backend("rules"))


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_output_format_carries_our_mark_under_any_name(tmp_path, document, name):
    path = tmp_path / f"renamed{FORMATS[name].extension}"
    render(document, name, path)
    assert made_by_easyread(path)
    moved = path.rename(tmp_path / "no-extension")  # the mark, not the name
    assert made_by_easyread(moved)


def make_user_files(folder: Path) -> list[Path]:
    import docx
    from reportlab.pdfgen import canvas

    files = {
        "notes.md": "# My notes\n\n<!-- made by easyread -->\n",
        "page.html": '<!doctype html><html><head><meta name="generator" content="Hugo"></head></html>\n',
        "data.json": json.dumps({"format": "something-else", "version": 2}),
        "report.txt": "made by easyread check\n",  # the words, but not our first line
        "letter.easyread.md": "a person's file under our output name\n",
    }
    paths = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    word = docx.Document()
    word.add_paragraph("Hello")
    word.save(folder / "letter.docx")
    pdf = canvas.Canvas(str(folder / "letter.easyread.pdf"))
    pdf.drawString(72, 720, "Hello")
    pdf.save()
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really\n")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return [*paths, folder / "letter.docx", folder / "letter.easyread.pdf", folder / "broken.pdf",
            folder / "broken.docx"]


def test_other_peoples_files_are_not_ours(tmp_path):
    for path in make_user_files(tmp_path):
        assert not made_by_easyread(path), path.name


def test_a_fifo_or_a_folder_is_not_ours_and_is_never_opened(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert not made_by_easyread(fifo)  # opening a FIFO would wait for a writer forever
    assert not made_by_easyread(tmp_path)
    assert not made_by_easyread(tmp_path / "missing.md")


@pytest.mark.parametrize("report_format", ["text", "json", "github", "junit"])
def test_a_marked_report_is_ours_and_still_in_its_format(tmp_path, report_format):
    from easyread.checks import report as formats
    from easyread.checks.run import check_document

    source = tmp_path / "letter.md"
    source.write_text(LETTER, encoding="utf-8")
    reports = [check_document(source)]
    if report_format == "junit":
        text = formats.junit_xml(reports) + "\n"
    else:
        import io

        buffer = io.StringIO()
        (formats.render_plain if report_format == "text" else formats.RENDERERS[report_format])(reports, buffer)
        text = buffer.getvalue()
    path = tmp_path / "report.out"
    path.write_text(text, encoding="utf-8")
    assert not made_by_easyread(path)
    marked = mark_report(text, report_format)
    path.write_text(marked, encoding="utf-8")
    assert made_by_easyread(path)
    if report_format == "json":
        payload = json.loads(marked)
        assert payload["made_by"] == "easyread check" and payload["documents"] == json.loads(text)["documents"]
    elif report_format == "junit":
        assert ET.fromstring(marked.encode()).tag == "testsuite"
    else:
        assert marked.endswith(text)


def test_an_input_is_never_a_target_even_with_force(tmp_path):
    source = tmp_path / "letter.md"
    source.write_text(LETTER, encoding="utf-8")
    os.link(source, tmp_path / "hard-link.md")
    for target in (source, tmp_path / "hard-link.md", tmp_path / "." / "letter.md"):
        with pytest.raises(EasyReadError, match="is the document being converted; give another output name") as caught:
            check_targets([target], [source], force=True)
        assert caught.value.exit_code == EXIT_USAGE


def test_an_existing_file_needs_force_unless_it_is_ours(tmp_path, document):
    theirs = tmp_path / "theirs.md"
    theirs.write_text("mine\n", encoding="utf-8")
    with pytest.raises(EasyReadError, match="exists and was not made by easyread; use --force to replace it"):
        check_targets([tmp_path / "new.pdf", theirs], [], force=False)
    check_targets([theirs], [], force=True)
    ours = tmp_path / "ours.md"
    render(document, "md", ours)
    check_targets([ours, tmp_path / "new.pdf"], [], force=False)


def test_a_folder_or_a_name_too_long_is_refused(tmp_path):
    (tmp_path / "easy.pdf").mkdir()
    with pytest.raises(EasyReadError, match="is a folder"):
        check_targets([tmp_path / "easy.pdf"], [], force=True)
    with pytest.raises(EasyReadError, match=r"the file name is too long \(the limit is 255 bytes\)") as caught:
        check_targets([tmp_path / "not-made-yet" / ("x" * 252 + ".docx")], [], force=True)
    assert caught.value.exit_code == EXIT_USAGE
    check_targets([tmp_path / ("x" * 250 + ".docx")], [], force=False)  # 255 bytes fit


def test_a_device_or_pipe_is_never_replaced_even_with_force(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    (tmp_path / "stdout.txt").symlink_to("/dev/null")
    for target in (fifo, tmp_path / "stdout.txt"):
        with pytest.raises(EasyReadError, match="is not a regular file"):
            check_targets([target], [], force=True)
    assert fifo.exists() and os.path.exists("/dev/null")
