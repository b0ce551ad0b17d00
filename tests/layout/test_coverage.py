"""A PDF is refused, before anything is written, for writing it cannot show; other formats are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from easyread.errors import EasyReadError
from easyread.layout.coverage import check_pdf_can_show, unshowable_writing
from easyread.model import EasyReadDocument, EasySection, Item


@pytest.mark.parametrize("text", [
    "Plain English, £5, 10% – “quoted”.",
    "Ο δρόμος θα κλείσει.",
    "Мы заменим окна; Шановний мешканцю ґ.",
    "Cysylltwch â ni: ŵ ŷ Ŵ Ŷ.",
    "Tiếng Việt, Łódź, Ærøskøbing.",
    "Done ✔ 😀",  # pictographs and emoji are not letters: the pipeline and fonts deal with them
])
def test_writing_the_pdf_can_show(text: str) -> None:
    assert unshowable_writing(text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("来月から公園のトイレを新しくします。", ["Japanese writing"]),
    ("הכביש ייסגר ביום ראשון.", ["Hebrew writing"]),  # no font, and right to left
    ("कृपया हमें फ़ोन करें।", ["Devanagari writing"]),  # Noto Sans has it, but it must be shaped
    ("English, then 도서관 and مكتبة", ["Korean writing", "Arabic writing"]),
])
def test_writing_the_pdf_cannot_show_is_named(text: str, names: list[str]) -> None:
    assert sorted(unshowable_writing(text)) == sorted(names)


def test_the_refusal_is_one_line_naming_the_writing_and_the_formats_that_can(tmp_path: Path) -> None:
    document = EasyReadDocument(title="Notice", source_name="n.md",
                                sections=[EasySection("Changes", [Item("הכביש ייסגר ביום ראשון.", "a road")])])
    with pytest.raises(EasyReadError) as raised:
        check_pdf_can_show(document, tmp_path / "n.easyread.pdf")
    message = raised.value.message()
    assert "\n" not in message
    assert message.endswith("a PDF cannot show Hebrew writing: easyread has no font for it or cannot lay it out; "
                            "Word, HTML and Markdown can (--format docx,html,md)")
    assert not (tmp_path / "n.easyread.pdf").exists()


def test_bold_cyrillic_keeps_its_spaces(tmp_path: Path) -> None:
    """The bold Noto Sans made for a Cyrillic heading has a space: it was drawn as an empty box."""
    from pdfminer.high_level import extract_text

    from easyread.layout.pdf import render_pdf

    document = EasyReadDocument(title="Замена окон в доме", source_name="n.md",
                                sections=[EasySection("Что будет", [Item("Мы заменим окна.", "a window")])])
    render_pdf(document, tmp_path / "n.pdf")
    text = extract_text(str(tmp_path / "n.pdf"))
    assert "Замена окон в доме" in text and "\x00" not in text
