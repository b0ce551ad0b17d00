"""Register the fonts the PDF uses, once: Atkinson Hyperlegible, or reportlab's Vera if it is missing.

Both are TrueType fonts, so reportlab embeds (a subset of) them in every PDF it writes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FontFamily:
    regular: str  # also the family name, so <b> inside a paragraph picks `bold`
    bold: str


def _atkinson_files() -> tuple[Path, Path] | None:
    try:
        import fontpkg_atkinson_hyperlegible as package
    except ImportError:
        return None
    folder = Path(package.ROOT) / "files"
    regular = folder / "AtkinsonHyperlegible-Regular.ttf"
    bold = folder / "AtkinsonHyperlegible-Bold.ttf"
    return (regular, bold) if regular.is_file() and bold.is_file() else None


def _vera_files() -> tuple[Path, Path]:
    import reportlab

    folder = Path(reportlab.__file__).resolve().parent / "fonts"
    return folder / "Vera.ttf", folder / "VeraBd.ttf"


@functools.lru_cache(maxsize=1)
def register_fonts() -> FontFamily:
    """Register the body font family with reportlab and return its names."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    atkinson = _atkinson_files()
    if atkinson is not None:
        names = FontFamily("AtkinsonHyperlegible", "AtkinsonHyperlegible-Bold")
        files = atkinson
    else:
        names = FontFamily("EasyReadVera", "EasyReadVera-Bold")
        files = _vera_files()
    pdfmetrics.registerFont(TTFont(names.regular, str(files[0])))
    pdfmetrics.registerFont(TTFont(names.bold, str(files[1])))
    # Easy Read uses no italics: an <i> anywhere falls back to the upright faces.
    pdfmetrics.registerFontFamily(
        names.regular, normal=names.regular, bold=names.bold, italic=names.regular, boldItalic=names.bold
    )
    return names
