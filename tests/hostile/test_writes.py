"""Hostile cases for writing: never over the user's files, all or nothing per document, and one
line (exit 2) for an output that cannot be written. Issue 11, items 1, 5, 8 (writing) and 9 (first
bullet), and "output-path errors exit 1, not 2".

Every case runs the real command in a child process. Faults the machine would not show on demand
(a full disk, a file-size limit, Ctrl-C at one exact moment) are made in the child by a
sitecustomize module written here, switched on by environment variables.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_refused, run_easyread, snapshot

LETTER = ("# Your new bin days\n\nFrom 3 March 2025 we will collect your green bin on Tuesdays.\n\n"
          "Call 01632 960123 if your bin is not emptied.\n")

# Loaded by every Python started with this folder on PYTHONPATH. Each fault is off unless its
# variable is set.
SITECUSTOMIZE = r'''
import errno, io, builtins, os, resource, signal, sys

limit = os.environ.get("EASYREAD_TEST_FILE_SIZE_LIMIT")
if limit:  # the kernel refuses writes past this size; with SIGXFSZ ignored the write fails with EFBIG
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))

full = os.environ.get("EASYREAD_TEST_FULL_DISK")
if full:  # opening a file under this folder for writing fails as on a full disk
    real_open = io.open

    def full_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and any(c in mode for c in "wax+"):
            if os.path.abspath(os.fsdecode(file)).startswith(full):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(file))
        return real_open(file, mode, *args, **kwargs)

    io.open = builtins.open = full_open

where = os.environ.get("EASYREAD_TEST_INTERRUPT")
if where:  # Ctrl-C at one moment: "function" when it is called, "function:N" at its Nth os.replace
    function, _, nth = where.partition(":")
    seen = []

    def profile(frame, event, arg):
        if frame.f_code.co_name != function:
            return
        if (not nth and event == "call") or (nth and event == "c_call" and arg is os.replace):
            seen.append(1)
            if not nth or len(seen) == int(nth):
                sys.setprofile(None)
                os.kill(os.getpid(), signal.SIGINT)

    sys.setprofile(profile)
'''


@pytest.fixture
def hooks(tmp_path: Path) -> Path:
    folder = tmp_path / "hooks"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return folder


def faults(hooks: Path, **variables: str) -> dict[str, str]:
    """The child's environment for the faults asked for (see SITECUSTOMIZE)."""
    path = os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH", "")]))
    return {"PYTHONPATH": path, **{f"EASYREAD_TEST_{name.upper()}": value for name, value in variables.items()}}


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "letter.md").write_text(LETTER, encoding="utf-8")
    return folder


def make_docx(path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Your new bin days", level=1)
    document.add_paragraph("From 3 March 2025 we will collect your green bin on Tuesdays.")
    document.core_properties.author = "Waste team"
    document.save(path)


def make_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    page.setCreator("A word processor")
    page.drawString(72, 720, "From 3 March 2025 we will collect your green bin on Tuesdays.")
    page.save()


@pytest.fixture
def read_only():
    """Make a folder read-only for this process, root included (root ignores the mode, not the
    immutable flag); skip where neither works."""
    made: list[Path] = []

    def make(folder: Path) -> Path:
        folder.chmod(0o555)
        made.append(folder)
        if os.geteuid() == 0:
            if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)],
                                                             capture_output=True).returncode != 0:
                pytest.skip("running as root, and the immutable flag cannot be set here")
        return folder

    yield make
    for folder in made:
        if os.geteuid() == 0 and shutil.which("chattr"):
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)


# 1. The source is overwritten -------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt", "make"), [
    ("letter.md", "md", None), ("letter.docx", "docx", make_docx), ("letter.pdf", "pdf", make_pdf)])
def test_convert_onto_its_own_source_is_refused(work, name, fmt, make):
    source = work / name
    if make:
        make(source)
    before = snapshot(work)
    for extra in ([], ["--force"]):  # --force replaces other files, never the document being converted
        run = run_easyread("convert", source, "-o", source, "--format", fmt, *extra)
        assert_refused(run, 2, f"{source}: is the document being converted; give another output name")
        assert len(run.error_lines) == 1 and run.stdout == ""
    assert snapshot(work) == before


def test_convert_onto_a_link_to_its_source_is_refused(work):
    (work / "link.md").symlink_to(work / "letter.md")
    before = snapshot(work)
    run = run_easyread("convert", work / "letter.md", "-o", work / "link.md", "-f", "md", "--force")
    assert_refused(run, 2, "is the document being converted")
    assert snapshot(work) == before


def test_convert_onto_an_unrelated_file_needs_force(work):
    other = work / "other.md"
    other.write_text("My own notes, not made by easyread.\n", encoding="utf-8")
    before = snapshot(work)
    run = run_easyread("convert", work / "letter.md", "-o", other, "--format", "md")
    assert_refused(run, 2, f"{other}: exists and was not made by easyread; use --force to replace it")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before
    forced = run_easyread("convert", work / "letter.md", "-o", other, "--format", "md", "--force")
    assert forced.code == 0, forced.stderr
    assert "From 3 March 2025" not in other.read_text(encoding="utf-8").splitlines()[0]  # replaced by our version
    assert other.read_text(encoding="utf-8").startswith("<!-- made by easyread")


@pytest.mark.slow
def test_convert_again_replaces_its_own_outputs_without_force(work):
    args = ("convert", work / "letter.md", "-o", work / "out" / "easy.pdf", "-f", "pdf,docx,html,md,json", "-q")
    first = run_easyread(*args)
    assert first.code == 0, first.stderr
    names = sorted(path.name for path in (work / "out").iterdir())
    assert names == ["easy.docx", "easy.html", "easy.json", "easy.md", "easy.pdf"]
    (work / "letter.md").write_text(LETTER.replace("Tuesdays", "Wednesdays"), encoding="utf-8")
    again = run_easyread(*args)
    assert again.code == 0, again.stderr
    assert "Wednesday" in (work / "out" / "easy.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in (work / "out").iterdir()) == names  # no temporary file left


def test_convert_by_default_does_not_replace_a_file_of_the_same_name(work):
    mine = work / "letter.easyread.pdf"
    mine.write_bytes(b"%PDF-1.4\n% a PDF a person saved under our output name\n")
    before = snapshot(work)
    run = run_easyread("convert", work / "letter.md")
    assert_refused(run, 2, f"{mine}: exists and was not made by easyread")
    assert snapshot(work) == before


def test_check_report_onto_the_document_is_refused(work):
    document = work / "letter.md"
    before = snapshot(work)
    for extra in ([], ["--force"]):
        run = run_easyread("check", document, "-o", document, *extra)
        assert_refused(run, 2, f"{document}: is a document being checked; give another output name")
        assert len(run.error_lines) == 1
    folder_run = run_easyread("check", work, "-o", document, "--force")  # found inside a folder given to check
    assert_refused(folder_run, 2, "is a document being checked")
    assert snapshot(work) == before


def test_check_report_onto_an_unrelated_file_needs_force(work):
    notes = work / "notes.txt"
    notes.write_text("keep me\n", encoding="utf-8")
    before = snapshot(work)
    run = run_easyread("check", work / "letter.md", "-o", notes)
    assert_refused(run, 2, f"{notes}: exists and was not made by easyread; use --force to replace it")
    assert snapshot(work) == before


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json", "junit", "github"])
def test_check_report_again_replaces_its_own_report_without_force(work, fmt):
    report = work / f"report.{fmt}"
    first = run_easyread("check", work / "letter.md", "-f", fmt, "-o", report)
    assert first.code in (0, 1) and not first.error_lines, first.stderr
    written = report.read_bytes()
    again = run_easyread("check", work / "letter.md", "-f", fmt, "-o", report)
    assert again.code == first.code and not again.error_lines, again.stderr
    assert report.read_bytes() == written


def test_render_onto_its_plan_is_refused(work):
    plan = work / "letter.easyread.json"
    assert run_easyread("convert", work / "letter.md", "-f", "json", "-q").code == 0
    before = snapshot(work)
    run = run_easyread("render", plan, "--format", "pdf,json", "--force")
    assert_refused(run, 2, f"{plan}: is a plan being rendered; give another output name")
    assert snapshot(work) == before  # not even the PDF: a plan's outputs are all or nothing


@pytest.mark.slow
def test_render_onto_an_unrelated_file_needs_force(work):
    assert run_easyread("convert", work / "letter.md", "-f", "json", "-q").code == 0
    out = work / "out"
    out.mkdir()
    (out / "letter.easyread.html").write_text("<p>the council's own page</p>\n", encoding="utf-8")
    before = snapshot(work)
    run = run_easyread("render", work / "letter.easyread.json", "-f", "pdf,html", "-o", out)
    assert_refused(run, 2, "letter.easyread.html: exists and was not made by easyread; use --force")
    assert snapshot(work) == before
    forced = run_easyread("render", work / "letter.easyread.json", "-f", "pdf,html", "-o", out, "--force")
    assert forced.code == 0, forced.stderr
    assert 'content="easyread"' in (out / "letter.easyread.html").read_text(encoding="utf-8")


# 9. Partial results / 5. All or nothing per document --------------------------------------------

def test_a_failed_format_leaves_none_of_the_others(work, hooks):
    """The Markdown is written, then the PDF fails (past a 10 kB file-size limit): neither remains."""
    before = snapshot(work)
    run = run_easyread("convert", work / "letter.md", "-f", "md,pdf", env=faults(hooks, file_size_limit="10000"))
    assert_refused(run, 2, "letter.easyread.pdf: could not write it: the file is larger than this system allows")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before


@pytest.mark.slow
def test_a_name_too_long_for_word_leaves_no_pdf(work):
    """The issue's case: the PDF was written, then Word failed on a long name. Now nothing is
    written, and a name that fits (227 characters, as in the issue) converts."""
    before = snapshot(work)
    long_name = work / ("n" * 251 + ".pdf")  # 255 bytes: fits as .pdf, but not as .docx
    run = run_easyread("convert", work / "letter.md", "-o", long_name, "-f", "pdf,docx")
    assert_refused(run, 2, "the file name is too long (the limit is 255 bytes)")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before
    fits = work / ("n" * 227 + ".pdf")
    ok = run_easyread("convert", work / "letter.md", "-o", fits, "-f", "pdf,docx", "-q")
    assert ok.code == 0, ok.stderr
    assert fits.exists() and fits.with_suffix(".docx").exists()


def test_ctrl_c_during_a_conversion_leaves_nothing(work, hooks):
    before = snapshot(work)
    run = run_easyread("convert", work / "letter.md", "-f", "md,pdf,docx",
                       env=faults(hooks, interrupt="render_pdf"))  # after the Markdown is written
    assert_refused(run, 130, "letter.md: interrupted; nothing was written")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before


@pytest.mark.slow
def test_ctrl_c_between_the_renames_puts_back_the_earlier_outputs(work, hooks):
    args = ("convert", work / "letter.md", "-o", work / "out/", "-f", "md,pdf,docx", "-q")
    assert run_easyread(*args).code == 0
    (work / "letter.md").write_text(LETTER.replace("Tuesdays", "Fridays"), encoding="utf-8")
    before = snapshot(work / "out")
    run = run_easyread(*args, env=faults(hooks, interrupt="_commit:2"))  # after the first rename
    assert_refused(run, 130, "interrupted; nothing was written")
    assert snapshot(work / "out") == before


def test_ctrl_c_during_render_leaves_nothing_of_that_plan(work, hooks):
    assert run_easyread("convert", work / "letter.md", "-f", "json", "-q").code == 0
    before = snapshot(work)
    run = run_easyread("render", work / "letter.easyread.json", "-f", "md,pdf", "-o", work / "out",
                       env=faults(hooks, interrupt="render_pdf"))
    assert_refused(run, 130, "interrupted; its outputs were not written")
    assert snapshot(work) == before  # not the Markdown, not the folder made for them


# 8. Tracebacks instead of one line (writing) / exit codes ---------------------------------------

def test_render_into_a_read_only_folder_is_one_line(work, read_only):
    assert run_easyread("convert", work / "letter.md", "-f", "json", "-q").code == 0
    out = work / "out"
    out.mkdir()
    read_only(out)
    before = snapshot(work)
    run = run_easyread("render", work / "letter.easyread.json", "-f", "pdf,docx", "-o", out)
    assert_refused(run, 2, f"cannot write here: no permission to write in {out}")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before


def test_render_onto_a_full_disk_is_one_line(work, hooks):
    assert run_easyread("convert", work / "letter.md", "-f", "json", "-q").code == 0
    out = work / "out"
    out.mkdir()
    before = snapshot(work)
    run = run_easyread("render", work / "letter.easyread.json", "-f", "md,pdf", "-o", out,
                       env=faults(hooks, full_disk=str(out)))
    assert_refused(run, 2, "letter.easyread.md: could not write it: the disk is full")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before


@pytest.mark.slow
def test_render_past_a_file_size_limit_is_one_line(work, hooks):
    assert run_easyread("convert", work / "letter.md", "-f", "json", "-q").code == 0
    before = snapshot(work)
    run = run_easyread("render", work / "letter.easyread.json", "-f", "md,pdf", "-o", work / "out",
                       env=faults(hooks, file_size_limit="10000"))
    assert_refused(run, 2, "could not write it: the file is larger than this system allows")
    assert snapshot(work) == before


def test_check_report_into_a_read_only_folder_is_one_line(work, read_only):
    out = work / "reports"
    out.mkdir()
    read_only(out)
    before = snapshot(work)
    run = run_easyread("check", work / "letter.md", "-f", "junit", "-o", out / "report.xml")
    assert_refused(run, 2, f"{out / 'report.xml'}: cannot write here: no permission to write in {out}")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before


def test_check_report_onto_a_full_disk_is_one_line(work, hooks):
    before = snapshot(work)
    run = run_easyread("check", work / "letter.md", "-o", work / "report.txt",
                       env=faults(hooks, full_disk=str(work)))
    assert_refused(run, 2, "report.txt: could not write it: the disk is full")
    assert snapshot(work) == before


def test_convert_into_a_read_only_folder_exits_2(work, read_only):
    out = work / "out"
    out.mkdir()
    read_only(out)
    before = snapshot(work)
    run = run_easyread("convert", work / "letter.md", "-o", out / "sub/", "-f", "pdf,docx")
    assert_refused(run, 2, f"cannot write here: no permission to write in {out}")
    assert len(run.error_lines) == 1
    assert snapshot(work) == before
