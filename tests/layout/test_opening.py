"""The "About this document" opening comes first in every laid-out format; the plan keeps it apart."""

from __future__ import annotations

import json
import re
import zipfile

from easyread.layout.opening import OPENING_HEADING, with_opening_shown
from easyread.model import EasyReadDocument, EasySection, Item
from easyread.pipeline import render_outputs
from tests.conftest import pdf_pages_text


def document() -> EasyReadDocument:
    opening = [Item("This letter is about your garden bin.", "a brown bin"),
               Item("Please pay by Friday 5 March 2027.", "a calendar")]
    sections = [EasySection("What is changing?", [Item("We will empty brown bins on Tuesdays.", "a bin lorry"),
                                                  Item("Call 01632 960744 with questions.", "a phone")])]
    return EasyReadDocument(title="Your garden bin", source_name="bins.txt", sections=sections, opening=opening)


def test_the_opening_is_the_first_section_shown_and_the_document_is_not_changed():
    original = document()
    shown = with_opening_shown(original)
    assert [section.heading for section in shown.sections] == [OPENING_HEADING, "What is changing?"]
    assert shown.sections[0].items[0] is original.opening[0]  # the same item: a picture chosen for it is shared
    assert len(original.sections) == 1 and original.opening


def test_no_opening_no_extra_section():
    plain = document()
    plain.opening = []
    assert with_opening_shown(plain) is plain


def test_every_format_starts_with_the_opening_and_the_plan_keeps_it_apart(tmp_path):
    paths = {name: tmp_path / f"bins.easyread.{name}" for name in ("md", "html", "docx", "json", "pdf")}
    render_outputs(document(), paths)
    markdown = paths["md"].read_text(encoding="utf-8")
    assert markdown.index(OPENING_HEADING) < markdown.index("This letter is about your garden bin.") \
        < markdown.index("What is changing?")
    html = re.sub(r"</?span[^>]*>", "", paths["html"].read_text(encoding="utf-8"))  # dates sit in nowrap spans
    assert html.index(OPENING_HEADING) < html.index("Please pay by Friday 5 March 2027.") < html.index("What is changing?")
    with zipfile.ZipFile(paths["docx"]) as word:
        body = word.read("word/document.xml").decode("utf-8")
    assert body.index(OPENING_HEADING) < body.index("This letter is about your garden bin.") < body.index("What is changing?")
    pdf = " ".join(" ".join(pdf_pages_text(paths["pdf"])).split())
    assert pdf.index(OPENING_HEADING) < pdf.index("This letter is about your garden bin.") < pdf.index("What is changing?")
    plan = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert [item["sentence"] for item in plan["opening"]] == ["This letter is about your garden bin.",
                                                              "Please pay by Friday 5 March 2027."]
    assert [section["heading"] for section in plan["sections"]] == ["What is changing?"]
