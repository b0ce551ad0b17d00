"""The HTML renderer: accessible structure, the PDF's pages, embedded pictures, text as data."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from easyread.backends import get_backend
from easyread.contact import CONTACT_HEADING
from easyread.layout import html as html_layout
from easyread.layout.front import front_matter
from easyread.layout.html import render_html
from easyread.layout.paginate import last_pages
from easyread.layout.pdf import plan
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from easyread.pipeline import simplify_document
from easyread.readers import read_document
from tests.conftest import seed_files
from tests.layout.picture_files import SVG, tiny_png, write_pictures

COUNCIL_TAX = HardWord("council tax", "Money you pay to the council for local services.")
APPEAL = HardWord("appeal", "Asking for a decision to be looked at again.")
MARKUP = "Watch out: <script>alert(\"x\")</script> & <b>bold</b> &amp; 'quotes' stay as they are."
MARKUP_PICTURE = 'a "quoted" <img src=x onerror=alert(1)> & sign'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Collector(HTMLParser):
    """The parts of an HTML page the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.captions: list[str] = []
        self.strong: list[str] = []
        self.placeholders: list[tuple[dict[str, str], str]] = []
        self.pages: list[dict] = []  # each .page section: its h2 texts and figure count
        self.style = ""
        self.footer = ""
        self.header = ""
        self._open: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "section" and "page" in attributes.get("class", "").split():
            self.pages.append({"h2": [], "figures": 0, "id": attributes.get("id")})
        if tag == "figure" and self._inside("section"):
            self.pages[-1]["figures"] += 1
        if tag == "div" and "placeholder" in attributes.get("class", "").split():
            self.placeholders.append((attributes, ""))
        for name in ("h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "strong", "style", "footer", "header"):
            if tag == name:
                self._open[name] = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()
        text = re.sub(r"\s+", " ", "".join(self._open.pop(tag, []))).strip()
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((int(tag[1]), text))
            if tag == "h2" and self._inside("section"):
                self.pages[-1]["h2"].append(text)
        elif tag == "figcaption":
            self.captions.append(text)
        elif tag == "strong":
            self.strong.append(text)
        elif tag == "style":
            self.style = text
        elif tag in ("footer", "header"):
            setattr(self, tag, text)

    def handle_data(self, data):
        for parts in self._open.values():
            parts.append(data)
        if self.placeholders and self.stack and self.stack[-1] == "div":
            attributes, text = self.placeholders[-1]
            self.placeholders[-1] = (attributes, text + data)

    def _inside(self, tag: str) -> bool:
        return tag in self.stack

    def images(self) -> list[dict[str, str]]:
        return [attributes for tag, attributes in self.tags if tag == "img"]


def parse(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    assert collector.stack == [], "every element is closed"
    return collector


def in_order(levels: list[int]) -> bool:
    """Headings start at h1 and never skip a level on the way down."""
    return bool(levels) and levels[0] == 1 and all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


def sample_document(pictures: dict[str, Path]) -> EasyReadDocument:
    first = [Item(f"Your bin day is changing, item {i}.", f"a green bin {i}") for i in range(6)]
    first[0] = Item("Put your green bin out on Monday.", "a green bin", picture_file=str(pictures["png"]))
    first[1] = Item("You pay Council Tax for your home.", "a house", hard_words=[COUNCIL_TAX])
    first[2] = Item("Call us if you need help.", "a phone", picture_file=str(pictures["svg"]))
    first[3] = Item("This picture is broken.", "a broken picture", picture_file=str(pictures["broken"]))
    first[4] = Item("This picture is missing.", "a missing picture", picture_file=str(pictures["missing"]))
    second = [Item(f"You can appeal if you think we are wrong, item {i}.", f"a letter {i}", [APPEAL]) for i in range(5)]
    second[2] = Item(MARKUP, MARKUP_PICTURE)
    third = [Item(f"Call us on 01234 567890, item {i}.", f"a phone {i}") for i in range(3)]
    fourth = [Item("Write to us at the <Civic Centre>.", "a letter")]
    return EasyReadDocument(
        title="Your bin day is changing <b>now</b> & soon",
        source_name="bins & <letter>.docx",
        sections=[
            EasySection("What is changing?", first),
            EasySection("What can you do? <i>now</i>", second),
            EasySection("Who can help?", third),
            EasySection("", fourth),
        ],
        glossary=[COUNCIL_TAX, APPEAL, HardWord("unexplained"), HardWord("<dangerous> & word", "It is <b>bold</b>.")],
        language="en-GB",
        credits=["Pictures by <OpenMoji> & friends."],
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    document = sample_document(write_pictures(folder / "pictures"))
    output = folder / "sample.html"
    count = render_html(document, output)
    return document, output, count, parse(output)


def test_language_and_head(rendered):
    document, output, _, page = rendered
    text = output.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>\n")
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert any(tag == "meta" and attrs.get("name") == "viewport" for tag, attrs in page.tags)
    assert "<title>Your bin day is changing &lt;b&gt;now&lt;/b&gt; &amp; soon</title>" in text
    assert [tag for tag, _ in page.tags].count("main") == 1


def test_language_follows_the_document(tmp_path):
    document = EasyReadDocument("Teitl", "llythyr.txt", [EasySection("Pennawd", [Item("Brawddeg.", "llun")])], language="cy")
    render_html(document, tmp_path / "cy.html")
    assert ("html", {"lang": "cy"}) in parse(tmp_path / "cy.html").tags


def test_pages_are_the_planned_pages(rendered):
    document, _, count, page = rendered
    pages, glossary_pages = plan(document)
    assert count == 1 + 1 + len(pages) + len(glossary_pages)  # the title page, then the contents page
    assert len(page.pages) == len(pages) + len(glossary_pages)
    assert [p["figures"] for p in page.pages[: len(pages)]] == [len(p.items) for p in pages]
    assert all(len(p["h2"]) == 1 for p in page.pages), "one heading per page"
    assert [p["id"] for p in page.pages] == [f"page-{n}" for n in range(3, count + 1)]
    assert ("nav", {"class": "page contents", "id": "page-2", "aria-labelledby": "contents-heading"}) in page.tags


def test_one_figure_per_item_in_reading_order(rendered):
    document, _, _, page = rendered
    assert [tag for tag, _ in page.tags].count("figure") == len(document.items())
    assert page.captions == [item.sentence for item in document.items()]


def test_pictures_have_text_alternatives(rendered):
    _, _, _, page = rendered
    images = page.images()
    assert images and all(image.get("alt", "").strip() for image in images)
    # a short sentence saying what each picture file shows ("green bin.png", "phone.svg"), never a keyword list
    assert sorted(image["alt"] for image in images) == ["The picture shows a green bin.", "The picture shows a phone."]
    assert page.placeholders
    for attributes, text in page.placeholders:  # shown to whoever edits the page, hidden from screen readers
        assert attributes.get("aria-hidden") == "true" and "role" not in attributes and "aria-label" not in attributes
        assert text.startswith("Picture: ") and text.strip() != "Picture:"


def test_headings_in_order_without_skipped_levels(rendered):
    _, _, _, page = rendered
    levels = [level for level, _ in page.headings]
    assert levels.count(1) == 1
    assert in_order(levels)
    assert all(text for _, text in page.headings)


def test_text_before_the_first_heading_is_headed_by_the_title(rendered):
    document, _, _, page = rendered
    glossary_pages = len(plan(document)[1])
    assert page.pages[-1 - glossary_pages]["h2"] == [document.title]


def test_hard_words_are_bold(rendered):
    _, _, _, page = rendered
    assert "Council Tax" in page.strong
    assert "appeal" in page.strong
    for word in ("council tax", "appeal", "<dangerous> & word"):
        assert word in page.strong  # the "Hard words" page
    assert "unexplained" not in page.strong  # no explanation, so not on the "Hard words" page
    assert page.pages[-1]["h2"] == ["Hard words"]


def test_pictures_are_embedded(rendered):
    document, _, _, page = rendered
    sources = [image["src"] for image in page.images()]
    assert f"data:image/png;base64,{base64.b64encode(tiny_png()).decode()}" in sources
    assert f"data:image/svg+xml;base64,{base64.b64encode(SVG.encode()).decode()}" in sources
    assert len(sources) == 2  # the broken and the missing picture show their descriptions
    labels = [text for _, text in page.placeholders]
    assert "Picture: a broken picture" in labels and "Picture: a missing picture" in labels


def test_nothing_is_loaded_from_outside(rendered):
    _, output, _, page = rendered
    text = output.read_text(encoding="utf-8").lower()
    for marker in ('src="http', "<link", "<script", "@import", "url(", "<iframe", "<object"):
        assert marker not in text
    for _, attributes in page.tags:
        for name in ("src", "href"):
            if name in attributes:
                assert attributes[name].startswith(("data:", "#")), attributes[name]


def test_markup_in_text_comes_out_literally(rendered):
    document, output, _, page = rendered
    text = output.read_text(encoding="utf-8")
    assert MARKUP in page.captions
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "&amp;amp;" in text
    assert not any(tag in ("b", "i", "script") for tag, _ in page.tags)
    assert f"Picture: {MARKUP_PICTURE}" in [text for _, text in page.placeholders]
    assert (1, document.title) in page.headings
    assert (2, "What can you do? <i>now</i>") in page.headings
    assert "<letter>" not in page.header and ".docx" not in text  # never the file name
    assert "Pictures by <OpenMoji> & friends." in page.footer
    assert "Easy Read made with easyread." not in page.header
    assert '<meta name="generator" content="easyread">' in text  # the tool's credit is in the head


def test_contents_links_to_the_sections(rendered):
    _, _, _, page = rendered
    ids = {attributes["id"] for _, attributes in page.tags if "id" in attributes}
    links = [attributes["href"] for tag, attributes in page.tags if tag == "a"]
    assert (2, "What is in this document") in page.headings
    assert links == ["#page-3", "#page-5", "#page-6", "#page-7"]
    assert all(link[1:] in ids for link in links)


def test_no_contents_for_a_short_document(tmp_path):
    document = EasyReadDocument("Title", "a.txt", [EasySection("One", [Item("A sentence.", "a picture")])])
    assert render_html(document, tmp_path / "short.html") == 2
    page = parse(tmp_path / "short.html")
    assert "nav" not in [tag for tag, _ in page.tags]
    assert [level for level, _ in page.headings] == [1, 2]


def test_title_picture(tmp_path):
    pictures = write_pictures(tmp_path / "pictures")
    document = EasyReadDocument("Title", "a.txt", title_picture_file=str(pictures["png"]))
    assert render_html(document, tmp_path / "title.html") == 1
    page = parse(tmp_path / "title.html")
    assert [image["src"][:22] for image in page.images()] == ["data:image/png;base64,"]
    assert page.pages == []
    without = EasyReadDocument("Title", "a.txt")
    render_html(without, tmp_path / "placeholder.html")
    placeholders = parse(tmp_path / "placeholder.html").placeholders
    assert [text for _, text in placeholders] == ["Picture: a picture that shows what this document is about"]


def test_stylesheet_is_readable_and_prints_the_pages(rendered):
    _, _, _, page = rendered
    css = page.style
    body = re.search(r"body \{(.*?)\}", css).group(1)
    assert "font-size: 1.25rem" in body and "line-height: 1.5" in body
    assert '"Atkinson Hyperlegible", Arial, sans-serif' in body
    assert "text-align: left" in body
    assert "max-width" in body
    printed = css[css.index("@media print") :]
    assert "@page" in printed and "size: A4" in printed and "margin: 2cm" in printed
    assert re.search(r"\.page \{ break-before: page; \}", printed)
    assert re.search(r"figure[^{]*\{ break-inside: avoid; \}", printed)
    assert "4.5cm" in printed
    assert "italic" not in css and "justify" not in css


def test_a_failing_write_leaves_no_partial_file(tmp_path, monkeypatch):
    document = EasyReadDocument("Title", "a.txt", [EasySection("One", [Item("A sentence.", "a picture")])])
    output = tmp_path / "out" / "doc.html"

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("easyread.atomic.os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        render_html(document, output)
    assert list(tmp_path.iterdir()) == []  # not even the folder made for it


def test_a_failure_while_building_keeps_the_old_file(tmp_path, monkeypatch):
    document = EasyReadDocument("Title", "a.txt", [EasySection("One", [Item("A sentence.", "a picture")])])
    output = tmp_path / "doc.html"
    output.write_text("old", encoding="utf-8")

    def fail(*args, **kwargs):
        raise RuntimeError("broken")

    monkeypatch.setattr(html_layout, "figure", fail)
    with pytest.raises(RuntimeError):
        render_html(document, output)
    assert output.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["doc.html"]


@pytest.mark.parametrize("seed", seed_files(), ids=lambda path: path.name)
def test_seed_documents(seed, tmp_path):
    document = simplify_document(read_document(seed), get_backend("rules"))
    output = tmp_path / "seed.html"
    count = render_html(document, output)
    pages, glossary_pages = plan(document)
    page = parse(output)
    contents = 1 if front_matter(document).contents else 0  # a page of its own, after the title page
    assert count == 1 + contents + len(page.pages) == 1 + contents + len(pages) + len(glossary_pages)
    captions = [re.sub(r"\s+", " ", item.sentence).strip() for item in document.items()]
    assert sorted(page.captions) == sorted(captions)  # every item once (the contact details come last)
    before, after = last_pages(document, pages)  # contact details after the Hard words pages
    figures = [p["figures"] for p in page.pages]
    assert figures[: len(before)] + figures[len(figures) - len(after):] == [len(p.items) for p in before + after]
    assert all(p["h2"] == [CONTACT_HEADING] for p in page.pages[len(page.pages) - len(after):])
    levels = [level for level, _ in page.headings]
    assert in_order(levels)
    for item in document.items():
        for hard in item.hard_words:
            if re.search(rf"(?<!\w){re.escape(hard.word)}(?!\w)", item.sentence, re.IGNORECASE):
                assert any(text.casefold() == hard.word.casefold() for text in page.strong)
