"""Page headers and footers of a Word file: contact details kept, the rest set aside with a reason.

Every section's default, first-page and even-page header and footer is read (w:headerReference and
w:footerReference in each w:sectPr), each part once, numbered in the order sections first use
them ("header 1", "footer 2"). A header or footer paragraph is kept, as a block at the end of the
document, when it holds contact details (a phone number, email, web address or postcode, as
`easyread.language.facts` finds them); each distinct text once. Other paragraphs, and repeats, are
set aside with the reason. Page numbers drawn by fields are not text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from easyread.readers.docx_elements import Context, Element, hidden_elements, lines_of, set_aside
from easyread.readers.docx_xml import R, W

_REFERENCES = {f"{W}headerReference": "header", f"{W}footerReference": "footer"}
_WITHOUT_CONTACT = {"header": "page header without contact details", "footer": "page footer without contact details"}


def page_furniture_elements(document: Any, context: Context) -> list[Element]:
    """Blocks (role "header"/"footer") and set-aside parts for every header and footer paragraph."""
    elements: list[Element] = []
    seen: dict[str, str] = {}
    for kind, number, root in header_footer_parts(document):
        lines = lines_of(root, context, inline_text_boxes=True)
        for index, line in enumerate(lines.lines, start=1):
            location = f"{kind} {number} paragraph {index}"
            if line.text:
                key = line.text.casefold()
                if key in seen:
                    elements.append(set_aside(location, line.text, f"the same as {seen[key]}"))
                elif has_contact_details(line.text):
                    seen[key] = location
                    elements.append(Element("paragraph", line.text, location, role=kind))
                else:
                    seen[key] = location
                    elements.append(set_aside(location, line.text, _WITHOUT_CONTACT[kind]))
            elements += hidden_elements(location, line.hidden, line.page_numbers)
    return elements


def header_footer_parts(document: Any) -> Iterator[tuple[str, int, Any]]:
    """("header" or "footer", its number, its root element) for each part the sections use, once each."""
    counts = {"header": 0, "footer": 0}
    seen: set[str] = set()
    related = document.part.related_parts
    for sect_pr in document.element.body.iter(f"{W}sectPr"):
        if sect_pr.getparent() is not None and sect_pr.getparent().tag == f"{W}sectPrChange":
            continue  # the section's properties before a tracked change
        for reference in sect_pr.iterchildren(*_REFERENCES):
            part = related.get(reference.get(f"{R}id") or "")
            root = getattr(part, "element", None)
            if part is None or root is None or str(part.partname) in seen:
                continue
            seen.add(str(part.partname))
            kind = _REFERENCES[reference.tag]
            counts[kind] += 1
            yield kind, counts[kind], root


def has_contact_details(text: str) -> bool:
    """Whether a line holds a phone number, email, web address or postcode."""
    from easyread.language.facts import CONTACT_KINDS, has_fact

    return has_fact(text, CONTACT_KINDS)
