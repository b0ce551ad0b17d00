"""Hostile inputs for the readers, made at test time: Word files from raw XML, zip bombs, flate
bombs and PDFs built by hand. Nothing here is stored in the repository."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>")
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
    'Target="numbering.xml"/></Relationships>')


def paragraph(text: str, style: str = "", numbering: str = "") -> str:
    """A w:p with one run of `text`, an optional paragraph style id and numPr XML."""
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + numbering
    return f'<w:p>{f"<w:pPr>{properties}</w:pPr>" if properties else ""}<w:r><w:t>{text}</w:t></w:r></w:p>'


def document_xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def styles_xml(styles: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{styles}</w:styles>'


def style(style_id: str, based_on: str = "", extra: str = "") -> str:
    """A paragraph style, based on another when `based_on` is given."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>{base}{extra}</w:style>'


def numbering_xml(definitions: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">{definitions}</w:numbering>'


def write_docx(path: Path, body: str, styles: str = "", numbering: str = "") -> Path:
    """A minimal Word file: the body XML, and styles and numbering parts (empty ones by default)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/document.xml", document_xml(body))
        archive.writestr("word/styles.xml", styles_xml(styles))
        archive.writestr("word/numbering.xml", numbering_xml(numbering))
    return path


def write_docx_bomb(path: Path, megabytes: int, zip64: bool = True) -> Path:
    """A Word file whose document.xml is `megabytes` MB of one repeated paragraph (about 1 MB zipped
    for 300 MB), written member by member so the test never holds it in memory. Without `zip64`
    (under 2 GB only) the sizes sit in the plain zip fields, where `declare_size` can change them."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/styles.xml", styles_xml(""))
        archive.writestr("word/numbering.xml", numbering_xml(""))
        repeated = paragraph("Bins are collected every Monday.").encode() * 4096
        with archive.open("word/document.xml", "w", force_zip64=zip64) as member:
            member.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            written = 0
            while written < megabytes * 1024 * 1024:
                member.write(repeated)
                written += len(repeated)
            member.write(b"</w:body></w:document>")
    return path


def declare_size(path: Path, member: str, size: int) -> None:
    """Make the zip directory lie: declare `size` bytes unzipped for `member` (central directory and
    local header), leaving its data as it is."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, size)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    else:
        raise ValueError(f"no {member} in {path}")
    path.write_bytes(bytes(data))


def flate_bomb(megabytes: int, unit: bytes = b" ") -> bytes:
    """A zlib stream (RFC 1950) that inflates to `megabytes` MB of `unit` repeated, built in well
    under a second: one fully flushed 8 MB block, compressed once and repeated (a full flush makes
    each block independent of the ones before it), then the checksum of the whole."""
    block = unit * (8 * 1024 * 1024 // len(unit))
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    header, body = first[:2], first[2:]
    assert again == body, "a fully flushed block should compress the same each time"
    count = max(1, megabytes // 8)
    checksum = 1
    for _ in range(count):
        checksum = zlib.adler32(block, checksum)
    return header + body * count + b"\x03\x00" + checksum.to_bytes(4, "big")


def pdf_with_pages(contents: list[bytes], compressed: bool = True) -> bytes:
    """A PDF by hand with one page per content stream (Helvetica as /F1) and a correct xref table.
    Streams are given already compressed (with /FlateDecode) unless `compressed` is False."""
    count = len(contents)
    font = 3 + 2 * count
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(count))}] /Count {count} >>".encode()]
    for index, data in enumerate(contents):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * index} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode())
        flate = " /Filter /FlateDecode" if compressed else ""
        objects.append(f"<< /Length {len(data)}{flate} >>\nstream\n".encode() + data + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_page(text: str) -> bytes:
    """A compressed content stream drawing one line of `text` in 12 pt Helvetica."""
    return zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
