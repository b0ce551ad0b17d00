"""Marked content for the tagged PDF: what each flowable draws is tagged content or an artifact.

reportlab draws the pages; this module puts PDF marked-content operators around what it draws
(ISO 32000-1 section 14.6: `/P <</MCID n>> BDC ... EMC` for content, `/Artifact BMC ... EMC` for
page numbers, frames and placeholders) and records, for each MCID, which structure element it
belongs to. `easyread.layout.pdf_structure` then writes the structure tree from that record.

A structure element is named by a *path* from the document down: a tuple of `(role, key)` pairs,
e.g. `(("Sect", 2), ("Div", 7), ("P", 7))`. The same path met again (a sentence that runs on to
the next page, a list that runs on) adds to the same element; elements are ordered by when they
are first drawn, which is the story's order, so reading order is tag order.

Nothing is written unless the canvas has a `Tagger` (`attach`): the same flowables draw an
untagged PDF, and measuring a page never tags anything. Imports reportlab: import lazily.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

Path = tuple[tuple[str, Hashable], ...]

# Structure types that hold marked content themselves (the rest only group other elements).
_ATTRIBUTE = "_easyread_tagger"


@dataclass
class Node:
    """One structure element: its standard type (ISO 32000-1 table 333-340), its children in
    reading order, and its marked content as (page number from 1, MCID) pairs."""

    role: str
    alt: str = ""  # a Figure's alternate description
    text: str = ""  # a heading's words, for the document outline
    lang: str = ""  # a BCP 47 tag when the element is not in the document's language
    children: list[Node] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)


class Tagger:
    """Hands out MCIDs page by page and builds the tree of `Node`s under one Document."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self._nodes: dict[Path, Node] = {}
        self._next_mcid: dict[int, int] = {}

    def node(self, path: Path) -> Node:
        """The element at `path`, made (with its parents) the first time it is asked for."""
        parent = self.root
        for depth in range(1, len(path) + 1):
            found = self._nodes.get(path[:depth])
            if found is None:
                found = Node(path[depth - 1][0])
                parent.children.append(found)
                self._nodes[path[:depth]] = found
            parent = found
        return parent

    def mcids_on(self, page: int) -> int:
        """How many MCIDs page `page` (from 1) has."""
        return self._next_mcid.get(page, 0)

    def begin(self, canvas, path: Path, *, alt: str = "", text: str = "", lang: str = "") -> None:  # type: ignore[no-untyped-def]
        node = self.node(path)
        node.alt = node.alt or alt
        node.text = node.text or text
        node.lang = node.lang or lang
        page = canvas.getPageNumber()
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        node.marks.append((page, mcid))
        canvas.addLiteral(f"/{node.role} <</MCID {mcid}>> BDC")


def attach(canvas, tagger: Tagger) -> None:  # type: ignore[no-untyped-def]
    """Make `canvas` tag what it draws from now on."""
    setattr(canvas, _ATTRIBUTE, tagger)


def tagger_of(canvas) -> Tagger | None:  # type: ignore[no-untyped-def]
    return getattr(canvas, _ATTRIBUTE, None)


@contextmanager
def content(canvas, path: Path | None, *, alt: str = "", text: str = "",  # type: ignore[no-untyped-def]
            lang: str = "") -> Iterator[None]:
    """What is drawn inside is the content of the element at `path` (nothing when untagged)."""
    tagger = tagger_of(canvas)
    if tagger is None or path is None:
        yield
        return
    tagger.begin(canvas, path, alt=alt, text=text, lang=lang)
    yield
    canvas.addLiteral("EMC")


@contextmanager
def artifact(canvas, kind: str = "Layout", subtype: str = "") -> Iterator[None]:  # type: ignore[no-untyped-def]
    """What is drawn inside is an artifact (ISO 32000-1 14.8.2.2): `kind` is Pagination, Layout
    or Page; `subtype` e.g. Footer. Not read by a screen reader, not in the structure tree."""
    if tagger_of(canvas) is None:
        yield
        return
    properties = f"/Type /{kind}" + (f" /Subtype /{subtype}" if subtype else "")
    canvas.addLiteral(f"/Artifact <<{properties}>> BDC")
    yield
    canvas.addLiteral("EMC")


class Marked(Flowable):
    """`inner`, drawn as the content of the element at `path` (a heading keeps its `text` for the
    outline; `lang` marks a sentence in another language). Split across pages, every piece adds
    to the same element."""

    def __init__(self, inner: Flowable, path: Path, *, text: str = "", lang: str = "") -> None:
        super().__init__()
        self.inner = inner
        self.path = path
        self.text = text
        self.lang = lang

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        return [Marked(piece, self.path, text=self.text, lang=self.lang)
                for piece in self.inner.split(availWidth, availHeight)]

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.inner.getSpaceAfter()

    def draw(self) -> None:
        with content(self.canv, self.path, text=self.text, lang=self.lang):
            self.inner.drawOn(self.canv, 0, 0)


class Artifact(Marked):
    """`inner`, drawn as an artifact: e.g. a section heading repeated on the page it runs on to."""

    def __init__(self, inner: Flowable, kind: str = "Layout") -> None:
        super().__init__(inner, ())
        self.kind = kind

    def split(self, availWidth, availHeight):  # noqa: N803
        return [Artifact(piece, self.kind) for piece in self.inner.split(availWidth, availHeight)]

    def draw(self) -> None:
        with artifact(self.canv, self.kind):
            self.inner.drawOn(self.canv, 0, 0)


def mark(flowable: Flowable, path: Path | None, *, text: str = "", lang: str = "") -> Flowable:
    """`flowable` tagged as the element at `path`; unchanged when `path` is None (untagged)."""
    return flowable if path is None else Marked(flowable, path, text=text, lang=lang)


def language_of(item) -> str:  # type: ignore[no-untyped-def]
    """The BCP 47 tag of an item flagged not-english (ISO 14289-1 7.2: a change of language is
    marked), "" for English and for a language we cannot name. The HTML's `lang` says the same."""
    from easyread.not_english import item_language

    language = item_language(item)
    return language.tag if language is not None else ""


def table_lines_as_artifacts(table, event: str, *_args) -> None:  # type: ignore[no-untyped-def]
    """A reportlab `Table(renderCB=...)` callback: the table's rules and backgrounds are
    artifacts (they are layout, not content)."""
    canvas = table.canv
    if tagger_of(canvas) is None:
        return
    if event in ("startBG", "startLines"):
        canvas.addLiteral("/Artifact <</Type /Layout>> BDC")
    elif event in ("endBG", "endLines"):
        canvas.addLiteral("EMC")
