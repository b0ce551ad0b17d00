"""Hostile inputs for the readers (issue 11): text never dropped silently, bounded work on small
costly files, cycles and bad attributes in Word files, damaged PDFs in `check`.

Each test runs the real command in a child process on an input made here, and checks the exit
code, the one-line message, the ledger (nothing lost) and the child's peak memory and time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.builders import (
    declare_size,
    flate_bomb,
    paragraph,
    pdf_with_pages,
    style,
    text_page,
    write_docx,
    write_docx_bomb,
)
from tests.hostile.conftest import Run, assert_refused, run_easyread

UNEXPLAINED = "gave no item, and no reason is known"
MEMORY_CEILING_MB = 400  # well below the 2.1 GB (docx) and 4.2 GB (PDF) these inputs took before


def convert_ledger(source: Path, tmp_path: Path) -> tuple[Run, list[dict[str, object]]]:
    """Convert `source` to a JSON plan and return the run and the plan's ledger."""
    out = tmp_path / "out"
    run = run_easyread("convert", source, "-o", out, "--format", "json")
    assert run.code == 0, run.stderr[-800:]
    plan = json.loads((out / f"{source.stem}.easyread.json").read_text(encoding="utf-8"))
    return run, plan["ledger"]


def ledger_text(ledger: list[dict[str, object]]) -> str:
    return "\n".join(str(entry["text"]) for entry in ledger)


def memory_ceiling_mb(headroom: float = MEMORY_CEILING_MB) -> float:
    """The most a child may use: `headroom` MB, or more when a do-nothing run already shows more.

    On Linux a child's ru_maxrss starts from its parent's size at fork (kept across exec), so after
    many tests in one pytest process even `easyread --help` can report 350 MB: measure that first.
    """
    baseline = run_easyread("--help").max_rss_mb
    return max(headroom, baseline + 50)


def assert_nothing_unexplained(ledger: list[dict[str, object]]) -> None:
    assert not [entry for entry in ledger if UNEXPLAINED in str(entry["reason"])], ledger


def assert_check_unreadable(run: Run, *mentions: str) -> None:
    """`check` gave up on the document cleanly: exit 2, one error line naming each of `mentions`."""
    assert not run.timed_out, run.stderr[-500:]
    assert run.code == 2, (run.code, run.stdout[-800:], run.stderr[-800:])
    assert "Traceback" not in run.stdout + run.stderr, run.stderr[-1500:]
    errors = [line for line in (run.stdout + run.stderr).splitlines() if "error:" in line]
    assert len(errors) == 1, errors
    for mention in mentions:
        assert mention in errors[0], (mention, errors[0])


# --- text never dropped silently ----------------------------------------------------------------


def test_text_after_a_markdown_list_nested_10_deep_is_read(tmp_path: Path) -> None:
    lines = [f"{'  ' * depth}- Point {depth} of the plan" for depth in range(60)]
    source = tmp_path / "plan.md"
    source.write_text("# Park plan\n\n" + "\n".join(lines) + "\n\nThe park opens on 3 May 2025.\n", encoding="utf-8")
    run, ledger = convert_ledger(source, tmp_path)
    text = ledger_text(ledger)
    for depth in (0, 9, 10, 49, 50, 59):  # below, at and past markdown-it's limit and ours
        assert f"Point {depth} of the plan" in text
    assert "The park opens on 3 May 2025." in text
    assert_nothing_unexplained(ledger)


def test_text_inside_deep_blockquotes_is_read(tmp_path: Path) -> None:
    source = tmp_path / "quote.md"
    source.write_text("> " * 80 + "The hall is closed on Friday.\n\nCall 01632 960 001 to book.\n", encoding="utf-8")
    run, ledger = convert_ledger(source, tmp_path)
    text = ledger_text(ledger)
    assert "The hall is closed on Friday." in text
    assert "Call 01632 960 001 to book." in text
    assert_nothing_unexplained(ledger)


def test_raw_html_blocks_give_up_their_text(tmp_path: Path) -> None:
    source = tmp_path / "page.md"
    source.write_text(
        "# Bin news\n\n"
        '<div class="notice"><p>Green bins are emptied <b>every two weeks</b>.<br>Email '
        '<a href="mailto:bins@example.org">the bins team</a>.</p></div>\n\n'
        "<script>trackVisit('bins');</script>\n\n"
        + "<div>" * 3000 + "Brown bins start in June." + "</div>" * 3000 + "\n\n"
        "The end of the news.\n", encoding="utf-8")
    run, ledger = convert_ledger(source, tmp_path)
    text = ledger_text(ledger)
    assert "Green bins are emptied every two weeks. Email the bins team (mailto:bins@example.org)." in text
    assert "Brown bins start in June." in text
    script = [entry for entry in ledger if "trackVisit" in str(entry["text"])]
    assert script and "script" in str(script[0]["reason"])  # not shown, but in the ledger with why
    assert_nothing_unexplained(ledger)


def _scanned_page_pdf(path: Path) -> Path:
    """Page 1 and 3 have text; page 2 is only a picture (a scanned page)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    drawing.setFont("Helvetica", 12)
    drawing.drawString(72, 750, "Your bins are collected on Monday.")
    drawing.showPage()
    picture = Image.new("RGB", (120, 170), "white")
    for x in range(10, 110):
        picture.putpixel((x, 40), (0, 0, 0))
    drawing.drawImage(ImageReader(picture), 0, 0, 595, 842)
    drawing.showPage()
    drawing.setFont("Helvetica", 12)
    drawing.drawString(72, 750, "Call us if a bin is missed.")
    drawing.showPage()
    drawing.save()
    return path


def test_an_image_only_page_inside_a_text_pdf_is_reported(tmp_path: Path) -> None:
    run, ledger = convert_ledger(_scanned_page_pdf(tmp_path / "bins.pdf"), tmp_path)
    page = [entry for entry in ledger if entry["location"] == "page 2"]
    assert len(page) == 1 and "run OCR" in str(page[0]["reason"]) and page[0]["use"] == "set aside"
    assert "run OCR to include it" in run.stderr  # the convert summary names it too
    assert "Call us if a bin is missed." in ledger_text(ledger)


# --- bounded work: zip members --------------------------------------------------------------------


@pytest.mark.slow
def test_a_1_mb_docx_that_unzips_to_300_mb_is_refused_before_parsing(tmp_path: Path) -> None:
    source = write_docx_bomb(tmp_path / "notice.docx", megabytes=300)
    assert source.stat().st_size < 2 * 1024 * 1024  # it passes --max-size easily
    ceiling = memory_ceiling_mb()
    run = run_easyread("convert", source, "-o", tmp_path / "out", timeout=60)
    assert_refused(run, 1, "notice.docx", "the limit is")
    assert len(run.error_lines) == 1
    assert run.max_rss_mb < ceiling, run.max_rss_mb
    checked = run_easyread("check", source, timeout=60)
    assert_check_unreadable(checked, "the limit is")
    assert checked.max_rss_mb < ceiling, checked.max_rss_mb


def test_a_docx_whose_zip_directory_lies_about_a_size_is_refused(tmp_path: Path) -> None:
    source = write_docx_bomb(tmp_path / "notice.docx", megabytes=100, zip64=False)
    declare_size(source, "word/document.xml", 2000)  # says 2 KB, inflates to 100 MB
    ceiling = memory_ceiling_mb(150)
    run = run_easyread("convert", source, "-o", tmp_path / "out", timeout=60)
    assert_refused(run, 1, "notice.docx", "does not match its zip directory")
    assert run.max_rss_mb < ceiling, run.max_rss_mb  # zipfile's one-call read took 250 MB here


# --- bounded work: cycles in Word files -------------------------------------------------------------


@pytest.mark.parametrize("styles", [
    style("Loop", based_on="Loop"),
    style("Loop", based_on="Other") + style("Other", based_on="Loop"),
], ids=["based-on-itself", "a-b-a"])
def test_check_finishes_on_a_word_style_loop(tmp_path: Path, styles: str) -> None:
    source = write_docx(tmp_path / "letter.docx", paragraph("Your bins are collected on Monday.", style="Loop")
                        + paragraph("Call us if a bin is missed."), styles=styles)
    checked = run_easyread("check", source, timeout=60)
    assert not checked.timed_out and checked.code in (0, 1), (checked.code, checked.stdout[-500:])
    assert "Traceback" not in checked.stderr
    run, ledger = convert_ledger(source, tmp_path)
    assert "Your bins are collected on Monday." in ledger_text(ledger)


def test_numbering_that_links_to_itself_and_deeply_nested_tables_finish(tmp_path: Path) -> None:
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListLoop"/></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    styles = style("ListLoop", based_on="ListLoop", extra='<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>')
    inner = paragraph("The innermost cell.")
    for depth in range(60, 0, -1):
        inner = f"<w:tbl><w:tr><w:tc>{paragraph(f'Cell {depth}')}{inner}</w:tc></w:tr></w:tbl>{paragraph('')}"
    source = write_docx(tmp_path / "rules.docx", paragraph("First rule.", style="ListLoop") + inner
                        + paragraph("Last line."), styles=styles, numbering=numbering)
    checked = run_easyread("check", source, timeout=60)
    assert not checked.timed_out and checked.code in (0, 1), (checked.code, checked.stdout[-500:])
    run, ledger = convert_ledger(source, tmp_path)
    text = ledger_text(ledger)
    assert "The innermost cell." in text and "Last line." in text and "First rule." in text


@pytest.mark.parametrize("value", ["-5", "abc", "99999999999"])
def test_one_bad_table_attribute_keeps_the_word_file(tmp_path: Path, value: str) -> None:
    row = ("<w:tr><w:trPr><w:gridBefore w:val=\"{0}\"/></w:trPr><w:tc>{1}</w:tc>"
           "<w:tc><w:tcPr><w:gridSpan w:val=\"{0}\"/></w:tcPr>{2}</w:tc></w:tr>")
    table = ("<w:tbl>" + row.format(value, paragraph("Day"), paragraph("Bin"))
             + row.format(value, paragraph("Monday"), paragraph("Green bin")) + "</w:tbl>")
    source = write_docx(tmp_path / "bins.docx", paragraph("Bin days.") + table + paragraph("Thank you."))
    run, ledger = convert_ledger(source, tmp_path)
    assert "Day: Monday. Bin: Green bin." in ledger_text(ledger)
    checked = run_easyread("check", source, timeout=60)
    assert checked.code in (0, 1), (checked.code, checked.stdout[-500:])


# --- check on damaged PDFs ------------------------------------------------------------------------


def test_check_on_a_pdf_with_a_bad_content_stream_gives_one_line(tmp_path: Path) -> None:
    import zlib

    source = tmp_path / "notice.pdf"
    source.write_bytes(pdf_with_pages([text_page("The hall is open."),
                                       zlib.compress(b"BT /F1 12 Tf 72 720 Td (Unclosed text Tj ET")]))
    run = run_easyread("check", source, timeout=60)
    assert_check_unreadable(run, "notice.pdf", "page 2")


@pytest.mark.slow
def test_check_on_a_flate_bomb_gives_one_line_in_bounded_memory_and_time(tmp_path: Path) -> None:
    source = tmp_path / "leaflet.pdf"
    source.write_bytes(pdf_with_pages([text_page("The hall is open."), flate_bomb(2048)]))  # 2 MB, inflates to 2 GB
    assert source.stat().st_size < 3 * 1024 * 1024
    ceiling = memory_ceiling_mb()
    run = run_easyread("check", source, timeout=60)
    assert_check_unreadable(run, "leaflet.pdf", "the limit is")
    assert run.max_rss_mb < ceiling and run.seconds < 30, (run.max_rss_mb, run.seconds)
    converted = run_easyread("convert", source, "-o", tmp_path / "out", timeout=60)
    assert_refused(converted, 1, "leaflet.pdf", "the limit is")
    assert converted.max_rss_mb < ceiling and converted.seconds < 30, (converted.max_rss_mb, converted.seconds)
