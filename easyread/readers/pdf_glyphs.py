"""Give letters to glyphs that a PDF font leaves out of its Unicode map.

pdfminer.six reads each glyph's text from the font's ToUnicode map or its encoding, and glyph names
such as "t_i" through the Adobe Glyph List rules. What it cannot read it reports as "(cid:N)";
this module is asked first and tries, in order:

1. the Unicode "cmap" table of the TrueType font embedded in the PDF, the fallback PDF viewers use
   when a ToUnicode map is missing, empty or incomplete (ISO 32000-1:2008, 9.10.2): some leaflet
   tools write an empty ToUnicode stream over a font whose own table is complete;
2. a table of Calibri's ligature glyphs (easyread/data/calibri_ligatures.tsv): Word draws "ti",
   "tt", "ft", ... as single glyphs reached only through the font's GSUB table, and leaves them out
   of ToUnicode (pypdf reads the "ti" one as U+019F, pdfminer as "(cid:415)").

And in a simple font with WinAnsiEncoding, every unused code above 32 is a bullet (ISO 32000-1:2008,
annex D.2, note 6); reportlab, for one, draws "•" as code 127 there.

A glyph none of these can read stays unknown; the caller counts those to judge the text layer.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO
from typing import Any

_NAME_FAMILY, _NAME_VERSION = 1, 5
_UNICODE_PLATFORMS = {0, 3}


@dataclass
class _EmbeddedFont:
    """What one embedded TrueType font can tell: its own Unicode table, family and version."""

    unicode: dict[int, str] = field(default_factory=dict)  # glyph id -> text
    family: str = ""
    version: str = ""
    cid_to_gid: bytes | None = None  # a CIDToGIDMap stream's bytes; None for the identity map

    def glyph(self, cid: int) -> int:
        if self.cid_to_gid is None:
            return cid
        index = 2 * cid
        return int.from_bytes(self.cid_to_gid[index:index + 2], "big") if index + 2 <= len(self.cid_to_gid) else -1


class GlyphResolver:
    """Looks up glyphs pdfminer could not read, one `_EmbeddedFont` reading per font object.

    `cid_maps` holds, by `id(font)`, the CIDToGIDMap stream data of CID fonts that have one
    (recorded when the font is loaded, see `pdf_extract`).
    """

    def __init__(self) -> None:
        self._fonts: dict[int, _EmbeddedFont | None] = {}
        self.cid_maps: dict[int, bytes] = {}
        self.win_ansi: set[int] = set()  # id(font) of simple fonts with WinAnsiEncoding

    def resolve(self, font: Any, cid: int) -> str | None:
        """The text glyph `cid` of `font` draws, or None when nothing says."""
        key = id(font)
        if key in self.win_ansi and 32 < cid < 256:
            return "\u2022"
        if key not in self._fonts:
            self._fonts[key] = _read_embedded(font, self.cid_maps.get(key))
        embedded = self._fonts[key]
        if embedded is None:
            return None
        gid = embedded.glyph(cid)
        text = embedded.unicode.get(gid)
        if text and text != "\uffff":
            return text
        return known_ligatures().get((embedded.family, embedded.version, gid))


def _read_embedded(font: Any, cid_to_gid: bytes | None) -> _EmbeddedFont | None:
    """Read the font program embedded as FontFile2, or None for fonts without one (or damaged ones)."""
    from pdfminer.pdffont import TrueTypeFont

    stream = getattr(font, "fontfile", None)
    if stream is None:
        return None
    try:
        data = stream.get_data()
        truetype = TrueTypeFont("embedded", BytesIO(data))
        embedded = _EmbeddedFont(cid_to_gid=cid_to_gid)
        try:
            embedded.unicode = dict(truetype.create_unicode_map().cid2unichr)
        except TrueTypeFont.CMapNotFound:
            pass
        if b"name" in truetype.tables:
            offset, length = truetype.tables[b"name"]
            names = _names(data[offset:offset + length])
            embedded.family = names.get(_NAME_FAMILY, "")
            embedded.version = names.get(_NAME_VERSION, "")
        return embedded
    except Exception:  # a damaged font program: its glyphs stay unknown
        return None


def _names(table: bytes) -> dict[int, str]:
    """Name IDs -> strings from a TrueType 'name' table (Unicode records first, then Mac Roman)."""
    _format, count, strings = struct.unpack(">HHH", table[:6])
    names: dict[int, str] = {}
    for index in range(count):
        platform, _encoding, _language, name_id, length, offset = struct.unpack(
            ">HHHHHH", table[6 + 12 * index:18 + 12 * index])
        raw = table[strings + offset:strings + offset + length]
        text = raw.decode("utf-16-be", "replace") if platform in _UNICODE_PLATFORMS else raw.decode("latin-1")
        if name_id not in names or platform in _UNICODE_PLATFORMS:
            names[name_id] = text.strip()
    return names


@cache
def known_ligatures() -> dict[tuple[str, str, int], str]:
    """(family, version, glyph id) -> letters, from easyread/data/calibri_ligatures.tsv."""
    from easyread.data import data_rows

    return {(family, version, int(gid)): letters for family, version, gid, letters in data_rows("calibri_ligatures.tsv")}
