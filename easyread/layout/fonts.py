"""The fonts the PDF uses, and which of them draws each character.

The body font is Atkinson Hyperlegible (fontpkg-atkinson-hyperlegible), or reportlab's Vera when
that package is missing. It has no Welsh ŵ ŷ, little of Latin Extended and no Greek or Cyrillic,
so every character it lacks is drawn with Noto Sans (fontpkg-noto-sans) instead: text is cut into
runs, each drawn with the first font whose cmap has all its characters. All are TrueType fonts, so
reportlab embeds (a subset of) each one a PDF uses.

Noto Sans comes as one variable font. reportlab draws its default instance, the regular weight;
the bold weight is made with fontTools' instancer (wght 700) from a subset holding just the
characters a document needs from it, which takes a tenth of a second where the whole font takes
over ten. Without fontTools, Noto's bold falls back to its regular weight.

A character no font has (an emoji, a pictograph such as ✔ or →) is dropped rather than drawn as
an empty box: the pipeline removes emoji and flags the item first (`easyread.language.emoji`), so
this is the last defence, and `undrawable` says what it would drop.
"""

from __future__ import annotations

import functools
import hashlib
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

NOTO = "NotoSans"
NOTO_BOLD_WEIGHT = 700  # the OpenType weight of a bold face (OS/2 usWeightClass)


@dataclass(frozen=True)
class FontFamily:
    regular: str  # also the family name, so <b> inside a paragraph picks `bold`
    bold: str

    def face(self, bold: bool) -> str:
        return self.bold if bold else self.regular


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


def noto_file() -> Path | None:
    """The Noto Sans variable font (upright) from fontpkg-noto-sans, or None if it is not installed."""
    try:
        import fontpkg_noto_sans as package
    except ImportError:
        return None
    files = sorted((Path(package.ROOT) / "files").glob("NotoSans[[]*.ttf"))
    return files[0] if files else None


def _register(name: str, source: Path | bytes) -> frozenset[int]:
    """Register a TrueType font under `name` and return the code points its cmap maps."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, io.BytesIO(source) if isinstance(source, bytes) else str(source))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


@functools.lru_cache(maxsize=1)
def register_fonts() -> FontFamily:
    """Register the body font family with reportlab and return its names."""
    from reportlab.pdfbase import pdfmetrics

    atkinson = _atkinson_files()
    if atkinson is not None:
        names = FontFamily("AtkinsonHyperlegible", "AtkinsonHyperlegible-Bold")
        files = atkinson
    else:
        names = FontFamily("EasyReadVera", "EasyReadVera-Bold")
        files = _vera_files()
    _COVERAGE[names.regular] = _register(names.regular, files[0])
    _COVERAGE[names.bold] = _register(names.bold, files[1])
    # Easy Read uses no italics: an <i> anywhere falls back to the upright faces.
    pdfmetrics.registerFontFamily(
        names.regular, normal=names.regular, bold=names.bold, italic=names.regular, boldItalic=names.bold
    )
    return names


_COVERAGE: dict[str, frozenset[int]] = {}  # registered font name -> the code points it draws


@functools.lru_cache(maxsize=1)
def _noto_regular() -> str | None:
    path = noto_file()
    if path is None:
        return None
    _COVERAGE[NOTO] = _register(NOTO, path)
    return NOTO


@functools.lru_cache(maxsize=32)
def _noto_bold(code_points: frozenset[int]) -> str | None:
    """A bold Noto Sans holding `code_points`, registered under a name of its own; None without fontTools.

    Each set of characters gives its own font (name and PostScript name), as reportlab shares one
    font object between registrations with the same PostScript name.
    """
    path = noto_file()
    try:
        from fontTools import subset
        from fontTools.ttLib import TTFont
        from fontTools.varLib import instancer
    except ImportError:
        return None
    if path is None:
        return None
    options = subset.Options()
    options.layout_features = []  # reportlab does no shaping: the layout tables are dead weight
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    digest = hashlib.sha1(",".join(map(str, sorted(code_points))).encode()).hexdigest()[:8]
    name = f"{NOTO}-Bold-{digest}"
    try:
        font = TTFont(str(path), lazy=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(code_points))
        subsetter.subset(font)
        weights = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes}
        weights["wght"] = NOTO_BOLD_WEIGHT
        bold = instancer.instantiateVariableFont(font, weights)
        bold["name"].setName(name, 6, 3, 1, 0x409)  # the PostScript name, shown as the PDF's BaseFont
        data = io.BytesIO()
        bold.save(data)
    except Exception:  # a font file fontTools cannot instance: regular Noto rather than no PDF
        return None
    _COVERAGE[name] = _register(name, data.getvalue())
    return name


# reportlab breaks lines at these and never draws them (reportlab.platypus.paragraph._wsc);
# they become plain spaces so that no font has to have them.
_SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\u1680\u2028\u2029\u202f\u205f\u3000\u200b") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)

_AS_SPACE = {ord(space): " " for space in _SPACES}


def _clusters(text: str):  # type: ignore[no-untyped-def]
    """Each character with the combining marks after it (a mark must be drawn by its letter's font)."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or unicodedata.category(text[index]) not in ("Mn", "Me"):
            yield text[start:index]
            start = index


class Fonts:
    """The fonts of one PDF, in order of preference (the body font first), and what each draws."""

    def __init__(self, families: tuple[FontFamily, ...], coverage: dict[str, frozenset[int]]) -> None:
        self.families = families
        self.coverage = coverage
        self._faces: dict[tuple[str, bool], str | None] = {}
        self._ascii = {  # the ASCII characters the body face draws (or that are spaces), bold or not
            bold: frozenset(chr(c) for c in range(128) if c in coverage[families[0].face(bold)] or chr(c) in _SPACES)
            for bold in (False, True)
        }

    @property
    def body(self) -> FontFamily:
        return self.families[0]

    def face_for(self, cluster: str, bold: bool = False) -> str | None:
        """The name of the first font that draws every character of `cluster` (bold or not), or None.

        A bold cluster no bold face has is drawn with the first regular face that has it: regular
        rather than nothing.
        """
        key = (cluster, bold)
        if key not in self._faces:
            codes = [ord(character) for character in cluster]
            faces = [family.face(bold) for family in self.families]
            if bold:
                faces += [family.regular for family in self.families]
            self._faces[key] = next((f for f in faces if all(c in self.coverage[f] for c in codes)), None)
        return self._faces[key]

    def _pieces(self, text: str, bold: bool):  # type: ignore[no-untyped-def]
        """(cluster, face or None) for each cluster of `text` in order; spaces go with the face before."""
        face = self.body.face(bold)
        for cluster in _clusters(unicodedata.normalize("NFC", text)):
            if cluster in _SPACES:
                yield " ", face
                continue
            chosen = self.face_for(cluster, bold)
            if chosen is None and len(cluster) > 1:  # no font has it all: draw what each can
                for character in cluster:
                    yield character, self.face_for(character, bold)
                continue
            face = chosen or face
            yield cluster, chosen

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """`text` cut into runs [(text, font name)], each drawn with the first font that has all of it.

        The text is NFC-normalised first (reportlab does no shaping, so "w" + U+0302 must become
        "ŵ"), spaces of every width become " ", and characters no font has are left out.
        """
        body = self.body.face(bold)
        if text.isascii() and self._ascii[bold].issuperset(text):  # the common case, at C speed
            return [(text.translate(_AS_SPACE), body)] if text else []
        runs: list[tuple[str, str]] = []
        for piece, face in self._pieces(text, bold):
            if face is None:
                continue
            if runs and runs[-1][1] == face:
                runs[-1] = (runs[-1][0] + piece, face)
            else:
                runs.append((piece, face))
        return runs

    def undrawable(self, text: str) -> str:
        """The characters of `text` that no font has, in order, which `runs` leaves out."""
        return "".join(piece for piece, face in self._pieces(text, False) if face is None)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide `text` is drawn at `size` points, run by run, in points."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return sum(stringWidth(run, face, size) for run, face in self.runs(text, bold))


def fonts_for(text: str = "") -> Fonts:
    """Register the body font and Noto Sans, and return them as the `Fonts` of a document.

    `text` is all the document's text: a bold Noto Sans is made for the characters of it that
    the body's bold face lacks, if there are any (see the module docstring).
    """
    body = register_fonts()
    families = [body]
    noto = _noto_regular()
    if noto is not None:
        needed = {
            ord(c)
            for c in set(unicodedata.normalize("NFC", text))
            if ord(c) not in _COVERAGE[body.bold] and ord(c) in _COVERAGE[noto]
        }
        # the space goes in too: a space between two bold Cyrillic words is drawn with their face
        bold = _noto_bold(frozenset(needed | {ord(" ")})) if needed else None
        families.append(FontFamily(noto, bold or noto))
    return Fonts(tuple(families), dict(_COVERAGE))


def undrawable(text: str) -> str:
    """The characters of `text` no PDF font has (the PDF leaves them out), e.g. "✔" for "✔ Done"."""
    return fonts_for().undrawable(text)
