"""read_document: checks before reading, dispatch by suffix, and every failure as one clear error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from easyread.errors import (
    EXIT_DOCUMENT_FAILED,
    EXIT_USAGE,
    EasyReadError,
    EmptyDocument,
    UnreadableDocument,
    UnsupportedFormat,
    UsageError,
)
from easyread.readers import SUPPORTED_SUFFIXES, read_document

from .conftest import make_docx, make_text_pdf

READS = "(easyread reads .docx, .md, .pdf, .txt)"


def failure(path: Path, kind: type[EasyReadError], **kwargs: int) -> EasyReadError:
    with pytest.raises(kind) as caught:
        read_document(path, **kwargs)
    assert str(path) in str(caught.value)
    assert caught.value.path == path
    return caught.value


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".docx", ".md", ".markdown", ".pdf", ".txt")


def test_missing_file(tmp_path: Path) -> None:
    error = failure(tmp_path / "nothing-here.docx", UsageError)
    assert error.reason == "no such file"
    assert error.exit_code == EXIT_USAGE


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "letters.txt"
    folder.mkdir()
    error = failure(folder, UsageError)
    assert error.reason == "is a folder, not a file"
    assert error.exit_code == EXIT_USAGE


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xyz"
    path.write_text("a")
    error = failure(path, UnsupportedFormat)
    assert error.reason == f"unsupported file type '.xyz' {READS}"
    assert error.exit_code == EXIT_USAGE


def test_no_suffix(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Hello there.")
    assert failure(path, UnsupportedFormat).reason == f"no file extension {READS}"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(61 * 1024 * 1024)  # sparse: no real disk space used
    error = failure(path, UnreadableDocument)
    assert error.reason == "too large: 61 MB (the limit is 50 MB)"
    assert error.exit_code == EXIT_DOCUMENT_FAILED


def test_a_smaller_limit_can_be_set(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("x" * 3000)
    assert failure(path, UnreadableDocument, max_bytes=2048).reason == "too large: 3 KB (the limit is 2 KB)"


@pytest.mark.parametrize("content", [b"", b"  \n\n \t \r\n"], ids=["zero-bytes", "whitespace"])
def test_empty_text_file(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = failure(path, EmptyDocument)
    assert error.reason == "has no text to convert"
    assert isinstance(error, UnreadableDocument)


def test_empty_markdown_with_only_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("<!-- nothing yet -->\n")
    assert failure(path, EmptyDocument).reason == "has no text to convert"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.")
    path.chmod(0)
    try:
        assert failure(path, UnreadableDocument).reason == "cannot be opened (permission denied)"
    finally:
        path.chmod(0o600)


def test_permission_error_while_reading_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from easyread.readers import txt

    def refuse(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(txt, "read", refuse)
    path = tmp_path / "note.txt"
    path.write_text("Hello.")
    assert failure(path, UnreadableDocument).reason == "cannot be opened (permission denied)"


def test_unexpected_exception_becomes_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from easyread.readers import markdown

    def explode(path: Path) -> None:
        raise RuntimeError("parser fell over\nwith details")

    monkeypatch.setattr(markdown, "read", explode)
    path = tmp_path / "notes.md"
    path.write_text("Hello.")
    error = failure(path, UnreadableDocument)
    assert error.reason == "could not be read (RuntimeError: parser fell over)"
    assert type(error) is UnreadableDocument


@pytest.mark.parametrize("name", ["LETTER.TXT", "Notes.Md", "notes.markdown"])
def test_suffix_is_case_insensitive(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text("Bins go out on Monday.\n")
    document = read_document(path)
    assert document.path == path
    assert document.format == ("txt" if name.lower().endswith(".txt") else "md")
    assert document.sections[0].blocks[0].text == "Bins go out on Monday."


def test_dispatches_docx_and_pdf(tmp_path: Path) -> None:
    docx_path = make_docx(tmp_path / "a.DOCX", lambda d: d.add_paragraph("Pay by Friday."))
    pdf_path = make_text_pdf(tmp_path / "b.pdf", [["Pay by Friday."]])
    assert [(doc.format, doc.text()) for doc in (read_document(docx_path), read_document(pdf_path))] == [
        ("docx", "Pay by Friday."), ("pdf", "Pay by Friday."),
    ]


def test_string_paths_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Hello there.")
    assert read_document(str(path)).path == path  # type: ignore[arg-type]


def test_binary_txt_is_unreadable_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert failure(path, UnreadableDocument).reason == "looks like a binary file, not text"


def test_heavy_libraries_load_only_when_needed() -> None:
    heavy = "('docx', 'pypdf', 'markdown_it', 'charset_normalizer')"
    code = f"import sys, easyread.readers; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
