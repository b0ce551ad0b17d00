"""Write the structure tree of a tagged PDF (PDF/UA-1, ISO 14289-1) into reportlab's output.

reportlab draws the pages with marked content (`easyread.layout.pdf_tags` records which MCID on
which page belongs to which element); this module adds, with pypdf, what makes the file tagged:
- the StructTreeRoot with one Document element and the tree under it (ISO 32000-1 14.7.2), a
  ParentTree from each page's MCIDs back to their elements and /StructParents on each page;
- /MarkInfo << /Marked true >> and /Tabs /S on each page (ISO 14289-1 7.1, 7.18.3);
- an XMP metadata stream with dc:title and the PDF/UA identification `pdfuaid:part 1`
  (ISO 14289-1 5 and 7.1), copied from the document information reportlab wrote;
- the document outline (bookmarks) from the headings, shown when the file opens; /Lang and
  /ViewerPreferences /DisplayDocTitle come from reportlab already (checked, not added).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from easyread.layout.pdf_tags import Node, Tagger

PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/"
HEADINGS = ("H", "H1", "H2", "H3", "H4", "H5", "H6")


def tag_pdf(data: bytes, tagger: Tagger) -> bytes:
    """`data` (an untagged PDF whose pages carry the marked content `tagger` recorded) with its
    structure tree, metadata and outline added. Returns the new file's bytes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.pdf_header = "%PDF-1.7"
    pages = [page.indirect_reference for page in writer.pages]
    catalog = writer.root_object

    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)  # pypdf has no public call that adds an indirect object
    parents: list[list] = [[None] * tagger.mcids_on(number) for number in range(1, len(pages) + 1)]
    document = _element(writer, tagger.root, root_ref, pages, parents)
    root[NameObject("/K")] = ArrayObject([document])

    nums = ArrayObject()
    for index, page in enumerate(writer.pages):
        page[NameObject("/Tabs")] = NameObject("/S")
        if parents[index]:
            page[NameObject("/StructParents")] = NumberObject(index)
            nums += [NumberObject(index), writer._add_object(ArrayObject(parents[index]))]
    root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(len(pages))

    catalog[NameObject("/StructTreeRoot")] = root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/Metadata")] = writer._add_object(_xmp_stream(writer, catalog))
    _outline(writer, tagger.root)

    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _element(writer, node: Node, parent, pages: list, parents: list[list]):  # type: ignore[no-untyped-def]
    """Add `node` (and everything under it) as StructElem objects; returns its reference and
    records each of its MCIDs in `parents` (page index -> MCID -> element)."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

    element = DictionaryObject({
        NameObject("/Type"): NameObject("/StructElem"),
        NameObject("/S"): NameObject("/" + node.role),
        NameObject("/P"): parent,
    })
    reference = writer._add_object(element)
    if node.alt:
        element[NameObject("/Alt")] = TextStringObject(node.alt)
    if node.lang:
        element[NameObject("/Lang")] = TextStringObject(node.lang)
    kids = ArrayObject()
    home = node.marks[0][0] if node.marks else None
    if home is not None:
        element[NameObject("/Pg")] = pages[home - 1]
    for page, mcid in node.marks:
        parents[page - 1][mcid] = reference
        if page == home:
            kids.append(NumberObject(mcid))
        else:  # a piece on another page: a marked-content reference names its page
            kids.append(DictionaryObject({
                NameObject("/Type"): NameObject("/MCR"),
                NameObject("/Pg"): pages[page - 1],
                NameObject("/MCID"): NumberObject(mcid),
            }))
    for child in node.children:
        kids.append(_element(writer, child, reference, pages, parents))
    # One kid is written on its own, as most writers do (ISO 32000-1 table 323 allows either form).
    element[NameObject("/K")] = kids[0] if len(kids) == 1 else kids
    return reference


def headings(node: Node) -> list[Node]:
    """The heading elements under `node`, in reading order."""
    found = [node] if node.role in HEADINGS else []
    for child in node.children:
        found += headings(child)
    return found


def _outline(writer, root: Node) -> None:  # type: ignore[no-untyped-def]
    """One bookmark per heading, to the page it is on; the outline is shown when the file opens."""
    from pypdf.generic import NameObject

    for heading in headings(root):
        if heading.text.strip() and heading.marks:
            writer.add_outline_item(title=" ".join(heading.text.split()), page_number=heading.marks[0][0] - 1)
    writer.root_object[NameObject("/PageMode")] = NameObject("/UseOutlines")


def xmp(info: dict[str, str], language: str) -> str:
    """An XMP packet (ISO 16684-1) with the document information and `pdfuaid:part` 1.

    `info` maps document information keys ("/Title", "/Author", ...) to their text."""

    def simple(tag: str, key: str) -> str:
        return f"<{tag}>{escape(info[key])}</{tag}>" if info.get(key) else ""

    def date(tag: str, key: str) -> str:
        value = iso_date(info.get(key, ""))
        return f"<{tag}>{value}</{tag}>" if value else ""

    def listed(tag: str, kind: str, value: str, lang: bool = False) -> str:
        attribute = ' xml:lang="x-default"' if lang else ""
        return f"<{tag}><rdf:{kind}><rdf:li{attribute}>{escape(value)}</rdf:li></rdf:{kind}></{tag}>" if value else ""

    fields = "".join([
        listed("dc:title", "Alt", info.get("/Title", ""), lang=True),
        listed("dc:creator", "Seq", info.get("/Author", "")),
        listed("dc:description", "Alt", info.get("/Subject", ""), lang=True),
        listed("dc:language", "Bag", language),
        simple("pdf:Producer", "/Producer"),
        simple("pdf:Keywords", "/Keywords"),
        simple("xmp:CreatorTool", "/Creator"),
        date("xmp:CreateDate", "/CreationDate"),
        date("xmp:ModifyDate", "/ModDate"),
        "<pdfuaid:part>1</pdfuaid:part>",
    ])
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
        f' xmlns:pdfuaid="{PDFUA_NAMESPACE}">{fields}</rdf:Description></rdf:RDF></x:xmpmeta>'
        '<?xpacket end="w"?>'
    )


def iso_date(pdf_date: str) -> str:
    """A PDF date ("D:20261129230634+00'00'", ISO 32000-1 7.9.4) as XMP writes it
    ("2026-11-29T23:06:34+00:00"); "" when it is not one."""
    import re

    found = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})'?(\d{2})'?|Z)?", pdf_date.strip())
    if found is None:
        return ""
    year, month, day, hour, minute, second, sign, zone_hours, zone_minutes = found.groups()
    zone = f"{sign}{zone_hours}:{zone_minutes}" if sign else "Z"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}{zone}"


def _xmp_stream(writer, catalog):  # type: ignore[no-untyped-def]
    """The catalog's /Metadata stream, uncompressed so that any tool can read it."""
    from pypdf.generic import DecodedStreamObject, NameObject

    info = {str(key): str(value) for key, value in (writer.metadata or {}).items()}
    stream = DecodedStreamObject()
    stream.set_data(xmp(info, str(catalog.get("/Lang", ""))).encode("utf-8"))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    return stream
