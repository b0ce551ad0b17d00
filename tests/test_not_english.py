"""Text that is not English is flagged by the pipeline for every backend, and reported in one line."""

from __future__ import annotations

from pathlib import Path

from easyread.backends.mock import MockBackend
from easyread.model import Block, Section, SourceDocument
from easyread.not_english import languages_found, warning_line
from easyread.pipeline import simplify_document


def source() -> SourceDocument:
    return SourceDocument(Path("mixed.md"), "md", "Notice", [Section("Changes", [
        Block("paragraph", "The library will close on Monday.", "paragraph 1"),
        Block("paragraph", "Η βιβλιοθήκη θα κλείσει τη Δευτέρα. Θα ανοίξει ξανά την Τρίτη.", "paragraph 2"),
        Block("paragraph", "הספרייה תיסגר ביום שני.", "paragraph 3"),
    ], "heading 1", 1)], "title")


def test_items_from_blocks_not_in_english_are_flagged_whatever_the_backend() -> None:
    document = simplify_document(source(), MockBackend())  # a backend that knows nothing of languages
    flags = {item.sentence: item.flags for item in document.items()}
    assert flags["The library will close on Monday."] == []
    assert flags["Η βιβλιοθήκη θα κλείσει τη Δευτέρα."] == ["not-english"]
    assert flags["Θα ανοίξει ξανά την Τρίτη."] == ["not-english"]
    assert flags["הספרייה תיסגר ביום שני."] == ["not-english"]
    assert languages_found(document, source()) == {"Greek": 2, "Hebrew": 1}


def test_the_warning_names_each_language_with_its_items() -> None:
    assert warning_line("letter.md", {}) is None
    assert warning_line("letter.md", {"Russian": 12}) == (
        "warning: letter.md: English only for now; found Russian in 12 items: "
        "they are kept as written, not simplified (flagged not-english)")
    assert warning_line("a.md", {"Greek": 2, "Hebrew": 1}) == (
        "warning: a.md: English only for now; found Greek in 2 items and Hebrew in 1 item: "
        "they are kept as written, not simplified (flagged not-english)")
    assert warning_line("a.md", {"Welsh": 1}, backend="anthropic") == (
        "warning: a.md: English only for now; found Welsh in 1 item: "
        "it was sent to anthropic as written: check it (flagged not-english)")
