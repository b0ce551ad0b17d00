"""Whether a PDF can show a document's writing, checked before anything is written.

The PDF draws with the fonts easyread ships (`layout.fonts`: Atkinson Hyperlegible, then Noto
Sans, which has Latin, Greek, Cyrillic and Devanagari) and reportlab, which lays text out left to
right and does no shaping. So a PDF cannot show:

- letters no shipped font has: Japanese, Chinese, Korean, Hebrew, Arabic, Thai, ... (reportlab
  would leave them out, and the reader would get blanks where the words were);
- writing that runs right to left (Hebrew, Arabic): it would come out backwards;
- writing whose letters must be joined or reordered (Arabic, Devanagari, Bengali, Tamil, Thai,
  ...; the "shaped" scripts of easyread/data/scripts.tsv): it would come out misspelt.

Rather than print blanks or garbled words, the PDF is refused with one line naming the writing;
Word, HTML and Markdown are shown by the reader's own software and fonts, which do all of this.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from easyread.errors import EasyReadError
from easyread.model import EasyReadDocument

OTHER_FORMATS = "docx,html,md"


def _document_text(document: EasyReadDocument) -> str:
    """The words a PDF of `document` draws that come from the source: title, headings, items, glossary."""
    parts = [document.title]
    for section in document.sections:
        parts.append(section.heading)
        parts += [item.sentence for item in section.items]
    for hard in document.glossary:
        parts += [hard.word, hard.explanation or ""]
    return "\n".join(parts)


def unshowable_writing(text: str) -> list[str]:
    """The writing in `text` a PDF cannot show, in plain words, most letters first: ["Hebrew
    writing"]; [] when the PDF can show it all. Emoji and pictographs are not letters and are
    not counted (the pipeline removes emoji; `fonts.undrawable` says what else is dropped)."""
    from easyread.language.languages import script_counts, scripts, writing_names
    from easyread.layout.fonts import fonts_for

    letters = "".join(dict.fromkeys(
        character for character in unicodedata.normalize("NFC", text)
        if not character.isascii() and unicodedata.category(character)[0] in "LM"
    ))
    if not letters:
        return []
    table = scripts()
    laid_out_wrong = "".join(
        character for character in letters
        if (script := table.get(next(iter(script_counts(character)), ""))) and (script.right_to_left or script.shaped)
    )
    missing = fonts_for().undrawable(letters)
    names = writing_names(laid_out_wrong + missing)
    latin_missing = [c for c in missing if unicodedata.category(c)[0] == "L" and not writing_names(c)]
    if latin_missing:
        names.append("the letters " + " ".join(latin_missing[:10]))
    return names


def check_pdf_can_show(document: EasyReadDocument, path: Path) -> None:
    """Raise EasyReadError (exit 1) naming the writing when a PDF of `document` at `path` could not
    show all of it (see the module docstring); nothing is written either way."""
    names = unshowable_writing(_document_text(document))
    if names:
        shown = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        raise EasyReadError(path, f"a PDF cannot show {shown}: easyread has no font for it or cannot lay it "
                                  f"out; Word, HTML and Markdown can (--format {OTHER_FORMATS})")
