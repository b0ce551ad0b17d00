"""Builders for reader test files: Word documents made with python-docx, PDFs made with reportlab."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from easyread.model import SourceDocument


def outline(document: SourceDocument) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The document as plain data: [(heading, [(kind, text, location), ...]), ...]."""
    return [(section.heading, [(block.kind, block.text, block.location) for block in section.blocks])
            for section in document.sections]


def make_docx(path: Path, build: Callable[[Any], None]) -> Path:
    import docx

    document = docx.Document()
    build(document)
    document.save(str(path))
    return path


def make_text_pdf(path: Path, pages: Sequence[Sequence[str]], title: str | None = None) -> Path:
    """One line of text per entry; "" leaves a gap. Lines starting "# " are drawn large and bold."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), pagesize=A4)
    if title is not None:
        drawing.setTitle(title)
    for page in pages:
        y = 800.0
        for line in page:
            if line.startswith("# "):
                drawing.setFont("Helvetica-Bold", 18)
                drawing.drawString(72, y, line[2:])
                y -= 30
            else:
                drawing.setFont("Helvetica", 11)
                drawing.drawString(72, y, line)
                y -= 15
        drawing.showPage()
    drawing.save()
    return path


def make_image_only_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path))
    drawing.rect(100, 100, 200, 200, fill=1)
    drawing.save()
    return path


def make_encrypted_pdf(path: Path, user_password: str = "secret", text: str = "") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    if text:
        source = make_text_pdf(path.with_name("plain-" + path.name), [[text]])
        writer.append(PdfReader(source))
    else:
        writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password=user_password, owner_password="owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[..., Path]:
    """Write `text` to a file in tmp_path with the given encoding (bytes are written as they are)."""

    def write(name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write
