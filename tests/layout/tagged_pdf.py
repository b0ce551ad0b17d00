"""Read a tagged PDF back for the tests: the structure tree with pypdf, the marked content with pdfminer.

`structure(path)` gives every structure element in tree order with the text of its own marked
content (pdfminer decodes the glyphs through the fonts' ToUnicode maps); `marked_content(path)`
says what was drawn inside which tag: text by (page, MCID), artifact text, and anything drawn
outside any tag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Element:
    role: str
    depth: int
    alt: str | None
    marks: list[tuple[int, int]]  # (page index from 0, MCID)
    text: str = ""
    children: list[Element] = field(default_factory=list)


@dataclass
class MarkedContent:
    texts: dict[tuple[int, int], str] = field(default_factory=dict)  # (page index, MCID) -> text
    artifacts: list[str] = field(default_factory=list)  # the text of each artifact, page by page
    untagged: list[str] = field(default_factory=list)  # what was drawn outside any tag
    tags_of: dict[tuple[int, int], str] = field(default_factory=dict)  # (page, MCID) -> tag in the stream


def marked_content(path: Path) -> MarkedContent:
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    found = MarkedContent()

    class Device(PDFLayoutAnalyzer):
        def __init__(self, manager) -> None:  # type: ignore[no-untyped-def]
            super().__init__(manager, pageno=1, laparams=None)
            self.stack: list[tuple[str, int | None]] = []
            self.page_index = 0
            self.artifact = ""
            self.last_y: dict[int | None, float] = {}  # where the last character of each MCID sits

        def begin_tag(self, tag, props=None) -> None:  # type: ignore[no-untyped-def]
            mcid = props.get("MCID") if isinstance(props, dict) else None
            self.stack.append((tag.name, mcid))
            if mcid is not None:
                found.tags_of[(self.page_index, mcid)] = tag.name
                found.texts.setdefault((self.page_index, mcid), "")

        def end_tag(self) -> None:
            name, _ = self.stack.pop()
            if name == "Artifact" and self.artifact:
                found.artifacts.append(self.artifact.strip())
                self.artifact = ""

        def _record(self, what: str, y: float | None = None) -> None:
            # A character on a new line starts a new word (reportlab draws no space at a line break).
            key = self.stack[-1][1] if self.stack else None
            if y is not None and key in self.last_y and abs(self.last_y[key] - y) > 1:
                what = " " + what
            if y is not None:
                self.last_y[key] = y
            if not self.stack:
                found.untagged.append(what)
            elif any(name == "Artifact" for name, _ in self.stack):
                self.artifact += what if not what.startswith("<") else ""
            else:
                mcid = next(mcid for _, mcid in reversed(self.stack) if mcid is not None)
                if not what.startswith("<"):
                    found.texts[(self.page_index, mcid)] += what

        def render_char(self, *args, **kwargs) -> float:  # type: ignore[no-untyped-def]
            width = super().render_char(*args, **kwargs)
            char = self.cur_item._objs[-1]
            self._record(char.get_text(), char.y0)
            return width

        def paint_path(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().paint_path(*args, **kwargs)
            self._record("<path>")

        def render_image(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().render_image(*args, **kwargs)
            self._record("<image>")

        def receive_layout(self, ltpage) -> None:  # type: ignore[no-untyped-def]
            self.page_index += 1
            self.last_y = {}

    manager = PDFResourceManager()
    device = Device(manager)
    interpreter = PDFPageInterpreter(manager, device)
    with open(path, "rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
    return found


def structure(path: Path) -> list[Element]:
    """Every structure element under the StructTreeRoot, in tree (reading) order, with its text."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    page_index = {page.indirect_reference.idnum: index for index, page in enumerate(reader.pages)}
    content = marked_content(path)
    elements: list[Element] = []

    def visit(node, depth: int) -> Element:  # type: ignore[no-untyped-def]
        node = node.get_object()
        home = node.get("/Pg")
        marks: list[tuple[int, int]] = []
        element = Element(str(node["/S"])[1:], depth, node.get("/Alt"), marks)
        elements.append(element)
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):
                marks.append((page_index[home.idnum], int(kid)))
                continue
            kid_object = kid.get_object()
            if kid_object.get("/Type") == "/MCR":
                marks.append((page_index[kid_object.raw_get("/Pg").idnum], int(kid_object["/MCID"])))
            else:
                element.children.append(visit(kid, depth + 1))
        element.text = " ".join(" ".join(content.texts.get(mark, "").split()) for mark in marks).strip()
        return element

    root = reader.trailer["/Root"]["/StructTreeRoot"]
    kids = root["/K"]
    for kid in kids if isinstance(kids, list) else [kids]:
        visit(kid, 0)
    return elements
