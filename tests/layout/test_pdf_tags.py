"""The tagged PDF (PDF/UA-1): structure tree, alt text, artifacts, reading order, metadata, outline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from easyread.layout.front import CONTENTS_HEADING, GLOSSARY_HEADING, front_matter
from easyread.layout.pdf import render_pdf
from easyread.model import EasyReadDocument, EasySection, HardWord, Item
from easyread.pictures.alt_text import alt_text
from tests.layout.tagged_pdf import marked_content, structure

FEE = HardWord("fee", "Money you pay for a service.")
PERMIT = HardWord("permit", "A paper that says you are allowed to do something.")


def picture(folder: Path, name: str) -> str:
    from PIL import Image

    path = folder / name
    Image.new("RGB", (30, 30), "green").save(path)
    return str(path)


def parking_letter(folder: Path) -> EasyReadDocument:
    """5 sections (so a contents list), a section that runs on to a second page, real pictures,
    a placeholder, a broken picture file and a glossary."""
    broken = folder / "broken.png"
    broken.write_bytes(b"this is not a picture")
    first = [Item(f"Your parking permit runs out soon, point {i}.", f"a parking sign {i}") for i in range(7)]
    first[0] = Item("You need a new parking permit.", "a parking permit",
                    picture_file=picture(folder, "permit.png"), hard_words=[PERMIT])
    first[2] = Item("The old permit stops working.", "a broken card", picture_file=str(broken))
    return EasyReadDocument(
        title="Your parking permit",
        source_name="permit-letter.docx",
        sections=[
            EasySection("What is happening?", first),
            EasySection("How much it costs", [Item("The fee is £7.50 a month.", "coins", [FEE],
                                                  picture_file=picture(folder, "coins.png"))]),
            EasySection("How to pay", [Item("You can pay on the phone.", "a phone")]),
            EasySection("When to pay", [Item("Pay before 1 March 2027.", "a calendar")]),
            EasySection("Where to park", [Item("Park in the street at AB1 2CD.", "a car")]),
        ],
        glossary=[FEE, PERMIT],
        language="en-GB",
    )


@pytest.fixture(scope="module")
def tagged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tags")
    document = parking_letter(folder)
    output = folder / "permit.pdf"
    pages = render_pdf(document, output)
    return document, output, pages


def roles(path: Path) -> list[str]:
    return [element.role for element in structure(path)]


def test_the_tree_is_one_document_with_the_title_first(tagged):
    _, output, _ = tagged
    elements = structure(output)
    assert [e.role for e in elements if e.depth == 0] == ["Document"]
    assert elements[1].role == "H1" and elements[1].text == "Your parking permit"


def test_headings_in_order_each_section_once(tagged):
    document, output, _ = tagged
    headings = [(e.role, e.text) for e in structure(output) if re.fullmatch(r"H\d", e.role)]
    assert headings == [("H1", document.title), ("H2", CONTENTS_HEADING),
                        *(("H2", section.heading) for section in document.sections), ("H2", GLOSSARY_HEADING)]


def test_a_section_running_on_repeats_its_heading_as_an_artifact(tagged):
    _, output, _ = tagged
    content = marked_content(output)
    assert "What is happening?" in content.artifacts  # drawn again on the page it runs on to
    sections = [e for e in structure(output) if e.role == "Sect"]
    first = next(s for s in sections if s.children[0].text == "What is happening?")
    assert [c.role for c in first.children] == ["H2"] + ["Div"] * 7
    assert len({page for div in first.children[1:] for child in div.children for page, _ in child.marks}) == 2


def test_one_figure_with_alt_per_real_picture(tagged):
    document, output, _ = tagged
    figures = [e for e in structure(output) if e.role == "Figure"]
    real = [item for section in document.sections for item in section.items
            if item.picture_file and not item.picture_file.endswith("broken.png")]
    assert [f.alt for f in figures] == [alt_text(item.picture, item.picture_file) for item in real]
    assert all(f.alt for f in figures) and len(figures) == 2


def test_an_item_is_a_group_of_its_figure_and_its_sentence(tagged):
    _, output, _ = tagged
    divs = [e for e in structure(output) if e.role == "Div"]
    assert [c.role for c in divs[0].children] == ["Figure", "P"]
    assert divs[0].children[1].text == "You need a new parking permit."
    assert [c.role for c in divs[1].children] == ["P"]  # a placeholder gives no Figure


def test_placeholders_and_page_numbers_are_artifacts_never_in_the_tree(tagged):
    _, output, pages = tagged
    content = marked_content(output)
    tree_text = " ".join(e.text for e in structure(output))
    assert "Picture:" not in tree_text and "Page 1 of" not in tree_text
    assert any(text.startswith("Picture: a parking sign 1") for text in content.artifacts)
    assert any(text.startswith("Picture: a broken card") for text in content.artifacts)
    assert [t for t in content.artifacts if t.startswith("Page ")] == [f"Page {n} of {pages}" for n in range(1, pages + 1)]


def test_nothing_is_drawn_outside_a_tag_or_an_artifact(tagged):
    _, output, _ = tagged
    content = marked_content(output)
    assert content.untagged == []
    assert "<image>" not in content.artifacts


def test_tags_in_reading_order(tagged):
    document, output, _ = tagged
    texts = [e.text for e in structure(output) if e.role in ("H1", "H2", "P", "LBody", "Lbl")]
    expected = [document.title]
    expected += [CONTENTS_HEADING, *(f"• {section.heading}" for section in document.sections)]
    for section in document.sections:
        expected += [section.heading, *(item.sentence for item in section.items)]
    expected += [GLOSSARY_HEADING, "fee", FEE.explanation, "permit", PERMIT.explanation]
    assert texts == expected


def test_every_mcid_is_in_the_parent_tree_and_points_back(tagged):
    from pypdf import PdfReader

    _, output, _ = tagged
    reader = PdfReader(output)
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = root["/ParentTree"].get_object()["/Nums"]
    tree = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    content = marked_content(output)
    by_mark = {mark: e for e in structure(output) for mark in e.marks}
    for index, page in enumerate(reader.pages):
        assert page["/Tabs"] == "/S"
        elements = tree[int(page["/StructParents"])]
        mcids = sorted(mcid for page_index, mcid in content.texts if page_index == index)
        assert mcids == list(range(len(elements)))
        for mcid, element in enumerate(elements):
            assert str(element.get_object()["/S"])[1:] == by_mark[(index, mcid)].role
            assert content.tags_of[(index, mcid)] == by_mark[(index, mcid)].role


def test_glossary_is_a_list_of_word_and_explanation(tagged):
    _, output, _ = tagged
    elements = structure(output)
    lists = [e for e in elements if e.role == "L"]
    glossary = lists[-1]
    assert [[(c.role, c.text) for c in li.children] for li in glossary.children] == [
        [("Lbl", "fee"), ("LBody", FEE.explanation)], [("Lbl", "permit"), ("LBody", PERMIT.explanation)]]


def test_catalog_says_tagged_language_title_and_pdf_ua(tagged):
    from pypdf import PdfReader

    _, output, _ = tagged
    reader = PdfReader(output)
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] is True or catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert '<rdf:li xml:lang="x-default">Your parking permit</rdf:li>' in xmp
    assert reader.xmp_metadata.dc_title == {"x-default": "Your parking permit"}


def test_outline_has_the_headings_and_their_pages(tagged):
    from pypdf import PdfReader

    document, output, _ = tagged
    reader = PdfReader(output)
    outline = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert [title for title, _ in outline] == [e.text for e in structure(output) if e.role in ("H1", "H2")]
    assert outline[0] == (document.title, 0) and outline[1] == (CONTENTS_HEADING, 1)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_sentence_longer_than_a_page_is_one_p_over_two_pages(tmp_path):
    long = " ".join(["You can ask us to look at your parking fee again if you think it is wrong"] * 40) + "."
    document = EasyReadDocument(title="A long letter", source_name="long.txt",
                                sections=[EasySection("What to do", [Item(long, "a letter")])])
    render_pdf(document, tmp_path / "long.pdf")
    paragraphs = [e for e in structure(tmp_path / "long.pdf") if e.role == "P" and "parking fee" in e.text]
    assert len(paragraphs) == 1
    assert len({page for page, _ in paragraphs[0].marks}) >= 2
    assert " ".join(paragraphs[0].text.split()) == long


def test_untagged_is_the_same_pages_without_a_tree(tmp_path, tagged):
    from pypdf import PdfReader

    document, output, pages = tagged
    plain = tmp_path / "plain.pdf"
    assert render_pdf(document, plain, tagged=False) == pages
    reader = PdfReader(plain)
    assert "/StructTreeRoot" not in reader.trailer["/Root"]
    assert b"BDC" not in reader.pages[1].get_contents().get_data()
    assert "<path>" in marked_content(plain).untagged  # the check above would see untagged drawing
    tagged_text = [page.extract_text() for page in PdfReader(output).pages]
    assert [page.extract_text() for page in reader.pages] == tagged_text


def test_a_sentence_in_another_language_has_its_lang(tmp_path):
    from pypdf import PdfReader

    from easyread.not_english import NOT_ENGLISH_FLAG

    russian = Item("Пожалуйста, позвоните нам по телефону завтра утром.", "a phone", flags=[NOT_ENGLISH_FLAG])
    document = EasyReadDocument(title="Call us", source_name="call.txt", language="en-GB",
                                sections=[EasySection("Call us", [Item("Please call us.", "a phone"), russian])])
    render_pdf(document, tmp_path / "lang.pdf")
    reader = PdfReader(tmp_path / "lang.pdf")
    langs = {}

    def visit(node) -> None:  # type: ignore[no-untyped-def]
        node = node.get_object()
        kids = node.get("/K", [])
        if node.get("/S") == "/P":
            langs[len(langs)] = node.get("/Lang")
        for kid in kids if isinstance(kids, list) else [kids]:
            if not isinstance(kid, int) and "/S" in kid.get_object():
                visit(kid)

    visit(reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0])
    sentences = list(langs.values())[-2:]  # after the title page's lines
    assert sentences == [None, "ru"]


def test_tagging_changes_no_pixel(tmp_path, tagged):
    import pypdfium2

    document, output, pages = tagged
    plain = tmp_path / "plain.pdf"
    render_pdf(document, plain, tagged=False)

    def pixels(path: Path, index: int) -> bytes:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return pdf[index].render(scale=0.5).to_pil().tobytes()
        finally:
            pdf.close()

    for index in range(pages):
        assert pixels(output, index) == pixels(plain, index), f"page {index + 1}"


def test_contact_page_after_the_hard_words_is_its_own_section(tmp_path):
    from easyread.contact import CONTACT_HEADING

    document = EasyReadDocument(
        title="Your bin day", source_name="bins.txt", glossary=[FEE],
        sections=[EasySection("What is changing?", [Item("There is a fee for a new bin.", "a bin", [FEE])]),
                  EasySection(CONTACT_HEADING, [Item("Call us on 01632 960 178.", "a phone")])])
    render_pdf(document, tmp_path / "contact.pdf")
    def words(element) -> str:  # type: ignore[no-untyped-def]
        return " ".join(filter(None, [element.text, *(words(child) for child in element.children)]))

    sections = [[(child.role, words(child)) for child in s.children]
                for s in structure(tmp_path / "contact.pdf") if s.role == "Sect"]
    assert sections == [[("H2", "What is changing?"), ("Div", "There is a fee for a new bin.")],
                        [("H2", GLOSSARY_HEADING), ("L", f"fee {FEE.explanation}")],
                        [("H2", CONTACT_HEADING), ("Div", "Call us on 01632 960 178.")]]


def test_xmp_dates_match_the_document_information(tagged):
    from pypdf import PdfReader

    from easyread.layout.pdf_structure import iso_date

    _, output, _ = tagged
    reader = PdfReader(output)
    assert reader.xmp_metadata.xmp_create_date.strftime("D:%Y%m%d%H%M%S") == reader.metadata["/CreationDate"][:16]
    assert iso_date("D:20270301093000+01'00'") == "2027-03-01T09:30:00+01:00"
    assert iso_date("not a date") == ""


def test_xmp_escapes_the_title_and_is_well_formed_xml():
    from xml.etree import ElementTree

    from easyread.layout.pdf_structure import xmp

    packet = xmp({"/Title": "Bins & <boxes>", "/Author": "Test Council"}, "en-GB")
    root = ElementTree.fromstring(packet.split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    titles = [element.text for element in root.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li")]
    assert titles[0] == "Bins & <boxes>" and "Test Council" in titles and "en-GB" in titles
    assert root.find(".//{http://www.aiim.org/pdfua/ns/id/}part").text == "1"


def test_the_title_picture_is_a_figure_after_the_title(tmp_path):

    document = EasyReadDocument(title="Your new bin", source_name="bin.txt",
                                sections=[EasySection("What is new?", [Item("You get a new bin.", "a bin")])])
    document.title_picture_file = picture(tmp_path, "title.png")
    render_pdf(document, tmp_path / "title.pdf")
    top = [(e.role, e.alt) for e in structure(tmp_path / "title.pdf") if e.depth == 1]
    front = front_matter(document)
    assert top[:2] == [("H1", None), ("Figure", alt_text(front.picture, front.picture_file))]
    assert top[1][1]
