"""Builders for reader test files: Word documents made with python-docx, PDFs made with reportlab."""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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


# --- raw WordprocessingML for what python-docx has no API for (notes, text boxes, numbering) -------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
NOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml"


def run(text: str, extra: str = "") -> str:
    """A w:r holding `text` (kept exactly, spaces included), with run properties `extra` if given."""
    properties = f"<w:rPr>{extra}</w:rPr>" if extra else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*runs: str, properties: str = "") -> str:
    """A w:p made of the given runs (strings of XML)."""
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{''.join(runs)}</w:p>"


def add_body_xml(document: Any, xml: str) -> None:
    """Append raw WordprocessingML (paragraphs, tables, content controls) to the body, before its w:sectPr."""
    from docx.oxml import parse_xml

    body = document.element.body
    for child in list(parse_xml(f"<w:body {NAMESPACES}>{xml}</w:body>")):
        body.insert(len(body) - 1, child)


def note_reference(kind: str, note_id: int, custom_mark: str = "") -> str:
    """A run with a footnote or endnote reference (optionally with its own mark, such as "*")."""
    if custom_mark:
        return (f'<w:r><w:{kind}Reference w:customMarkFollows="1" w:id="{note_id}"/>'
                f"<w:t>{custom_mark}</w:t></w:r>")
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'


def add_notes_part(document: Any, kind: str, notes: dict[int, str]) -> None:
    """Give the document word/footnotes.xml (kind "footnote") or endnotes.xml with Word's separator and
    continuation-separator notes and the given notes {id: body XML (paragraphs)}."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    separators = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                  f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
                  f"</w:r></w:p></w:{kind}>")
    body = "".join(f'<w:{kind} w:id="{note_id}">{xml}</w:{kind}>' for note_id, xml in notes.items())
    blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {NAMESPACES}>{separators}{body}</w:{kind}s>'
    part = Part(PackURI(f"/word/{kind}s.xml"), NOTES_CONTENT_TYPE.format(kind=kind), blob.encode("utf-8"),
                document.part.package)
    relationship = RELATIONSHIP_TYPE.FOOTNOTES if kind == "footnote" else RELATIONSHIP_TYPE.ENDNOTES
    document.part.relate_to(part, relationship)


def note_body(text: str, kind: str = "footnote") -> str:
    """A note's paragraph as Word writes it: the note's own mark, a space, then the text."""
    return (f'<w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


def text_box(*paragraphs: str, drawing: bool = True, vml: bool = True) -> str:
    """A run holding one text box, as Word writes it: DrawingML (wps) in mc:Choice and the same box
    again as VML in mc:Fallback; or only one of them."""
    content = f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"
    wps = ('<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
           'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
           '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
           '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
           '<wp:extent cx="1828800" cy="457200"/><wp:wrapSquare wrapText="bothSides"/>'
           '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
           'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
           '<wps:spPr/>'
           f'<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    pict = f'<w:pict><v:shape id="box" type="#_x0000_t202" style="width:144pt;height:36pt"><v:textbox>{content}</v:textbox></v:shape></w:pict>'
    if drawing and vml:
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{wps}</mc:Choice>'
                f"<mc:Fallback>{pict}</mc:Fallback></mc:AlternateContent></w:r>")
    return f"<w:r>{wps if drawing else pict}</w:r>"


def add_numbering(document: Any, abstracts: str, nums: str) -> None:
    """Add w:abstractNum definitions and w:num instances (raw XML) to the document's numbering part."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    for abstract in list(parse_xml(f"<w:numbering {NAMESPACES}>{abstracts}</w:numbering>")):
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    for num in list(parse_xml(f"<w:numbering {NAMESPACES}>{nums}</w:numbering>")):
        numbering.append(num)


def numbered(text: str, num_id: int, level: int = 0) -> str:
    """A paragraph numbered by Word (w:numPr) with the given list instance and level."""
    return paragraph(run(text), properties=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')


@dataclass(frozen=True)
class Text:
    """One string drawn on a PDF page at (x, y) points from the bottom left."""

    x: float
    y: float
    text: str
    font: str = "Helvetica"
    size: float = 11
    angle: float = 0


def draw_pdf(path: Path, pages: Sequence[Sequence[Text]], title: str | None = None,
             fonts: Sequence[tuple[str, str]] = ()) -> Path:
    """A PDF with each page's strings drawn in the order given (so drawing order can differ from reading order).

    `fonts` are (name, TrueType file) pairs to register with reportlab first.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, file in fonts:
        pdfmetrics.registerFont(TTFont(name, file))
    drawing = canvas.Canvas(str(path), pagesize=A4)
    if title is not None:
        drawing.setTitle(title)
    for page in pages:
        for item in page:
            drawing.saveState()
            drawing.setFont(item.font, item.size)
            drawing.translate(item.x, item.y)
            drawing.rotate(item.angle)
            drawing.drawString(0, 0, item.text)
            drawing.restoreState()
        drawing.showPage()
    drawing.save()
    return path


def lines_down(x: float, top: float, lines: Sequence[str], size: float = 11, leading: float = 14,
               font: str = "Helvetica") -> list[Text]:
    """Lines of text set one under another from `top` down, `leading` points apart."""
    return [Text(x, top - index * leading, line, font, size) for index, line in enumerate(lines)]


def write_raw_pdf(path: Path, objects: Sequence[bytes | tuple[bytes, bytes]]) -> Path:
    """A PDF written by hand: object 1 is the catalog; a (dictionary, data) pair is a stream object."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        if isinstance(body, tuple):
            dictionary, data = body
            body = dictionary.rstrip()[:-2] + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def cid_font_pdf(path: Path, glyphs: Sequence[int], to_unicode: bytes | None, font_file: bytes | None = None) -> Path:
    """One line of glyphs (by glyph id) in an Identity-H CID font, with the ToUnicode map and font file given.

    `to_unicode` None leaves the map out, as some leaflet tools do; b"" writes an empty one.
    """
    content = b"BT /F1 12 Tf 72 700 Td <" + b"".join(b"%04X" % glyph for glyph in glyphs) + b"> Tj ET"
    descriptor = b"<< /Type /FontDescriptor /FontName /Mystery /Flags 4 /FontBBox [0 -200 1000 800] " \
                 b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80"
    objects: list[bytes | tuple[bytes, bytes]] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H /DescendantFonts [6 0 R]"
        + (b" /ToUnicode 8 0 R" if to_unicode is not None else b"") + b" >>",
        (b"<< >>", content),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mystery /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 500 /FontDescriptor 7 0 R >>",
        descriptor + (b" /FontFile2 9 0 R >>" if font_file is not None else b" >>"),
        (b"<< >>", to_unicode or b""),
        (b"<< >>", font_file or b""),
    ]
    return write_raw_pdf(path, objects)


def ascii_to_unicode_map(extra: dict[int, str] | None = None) -> bytes:
    """A ToUnicode CMap reading glyph ids 32-126 as the ASCII characters with those codes, plus `extra`."""
    entries = b"".join(b"<%04X> <%s>\n" % (glyph, text.encode("utf-16-be").hex().upper().encode())
                       for glyph, text in (extra or {}).items())
    return (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            b"1 beginbfrange <0020> <007E> <0020> endbfrange\n"
            + (b"%d beginbfchar\n" % len(extra) + entries + b"endbfchar\n" if extra else b"")
            + b"endcmap CMapName currentdict /CMap defineresource pop end end")


def truetype_tables(tables: dict[bytes, bytes]) -> bytes:
    """A bare TrueType font file holding only the tables given (enough for a PDF reader to look into)."""
    header = struct.pack(">IHHHH", 0x00010000, len(tables), 0, 0, 0)
    offset = 12 + 16 * len(tables)
    records, data = b"", b""
    for tag, table in sorted(tables.items()):
        records += struct.pack(">4sIII", tag, 0, offset + len(data), len(table))
        data += table + b"\0" * (-len(table) % 4)
    return header + records + data


def name_table(family: str, version: str) -> bytes:
    """A TrueType 'name' table with a family name (ID 1) and a version (ID 5), Windows Unicode records."""
    strings = [family.encode("utf-16-be"), version.encode("utf-16-be")]
    records = b"".join(struct.pack(">HHHHHH", 3, 1, 0x409, name_id, len(text), sum(map(len, strings[:index])))
                       for index, (name_id, text) in enumerate(zip((1, 5), strings, strict=True)))
    return struct.pack(">HHH", 0, 2, 6 + 12 * 2) + records + b"".join(strings)


def cmap_table(first_char: str, last_char: str, first_glyph: int) -> bytes:
    """A TrueType 'cmap' table (format 12) mapping a run of characters to a run of glyph ids."""
    group = struct.pack(">III", ord(first_char), ord(last_char), first_glyph)
    subtable = struct.pack(">HHIII", 12, 0, 16 + len(group), 0, 1) + group
    return struct.pack(">HHHHI", 0, 1, 3, 10, 12) + subtable


def draw_ruled_table(path: Path, rows: Sequence[Sequence[str]], left: float = 60, top: float = 700,
                     widths: Sequence[float] = (120, 120, 200), height: float = 30,
                     before: Sequence[str] = (), after: Sequence[str] = ()) -> Path:
    """A page with a ruled table (one cell per string, drawn rules round every cell) between lines of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    drawing = canvas.Canvas(str(path), pagesize=A4)
    drawing.setFont("Helvetica", 11)
    for index, line in enumerate(before):
        drawing.drawString(left, top + 20 + 14 * (len(before) - index), line)
    edges = [left]
    for width in widths:
        edges.append(edges[-1] + width)
    bottom = top - height * len(rows)
    for x in edges:
        drawing.line(x, top, x, bottom)
    for index in range(len(rows) + 1):
        drawing.line(left, top - height * index, edges[-1], top - height * index)
    for row_index, row in enumerate(rows):
        for column, cell in enumerate(row):
            drawing.drawString(edges[column] + 4, top - height * row_index - 18, cell)
    for index, line in enumerate(after):
        drawing.drawString(left, bottom - 30 - 14 * index, line)
    drawing.save()
    return path
