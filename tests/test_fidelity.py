"""Nothing lost, nothing changed: small documents of each kind that once lost or changed a fact.

Each test converts a document of our own (invented wording, drama-range phone numbers) with the
default offline backend and looks at what a reader would get: the items, the ledger and the
contact page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from easyread.cli import app
from easyread.contact import CONTACT_HEADING, ends_with_contact_page
from easyread.layout.no_break import plain_spaces
from easyread.ledger import unexplained
from easyread.pipeline import ConversionResult, convert
from tests.readers.conftest import (
    add_body_xml,
    add_notes_part,
    make_docx,
    note_body,
    note_reference,
    paragraph,
    run,
    text_box,
)


def converted(path: Path, tmp_path: Path) -> ConversionResult:
    return convert(path, tmp_path / "out", formats=("md", "json"))


def sentences(result: ConversionResult) -> list[str]:
    page = result.document.sections[-1] if ends_with_contact_page(result.document) else None
    return [item.sentence for section in result.document.sections if section is not page for item in section.items]


def everything(result: ConversionResult) -> str:
    document = result.document
    return "\n".join([document.title] + [s.heading for s in document.sections] + [i.sentence for i in document.items()])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_contact_lines_alone_at_the_end_of_a_letter_are_kept(tmp_path, runner):
    source = write(tmp_path, "reply.txt", "Dear tenant\n\nYour boiler check is booked for Friday 9 October 2026.\n\n"
                                          "repairs@example.gov.uk\n01632 960 771\nwww.example.gov.uk/repairs\n")
    outcome = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "md"])
    assert outcome.exit_code == 0, outcome.output
    text = plain_spaces((tmp_path / "out" / "reply.easyread.md").read_text(encoding="utf-8"))  # U+00A0 in the phone
    for detail in ("repairs@example.gov.uk", "01632 960 771", "www.example.gov.uk/repairs"):
        assert detail.replace(".", r"\.") in text or detail in text, detail
    assert "warning" not in outcome.stderr


def test_an_address_in_bold_lines_keeps_every_line_and_number(tmp_path):
    def build(document: Any) -> None:
        document.add_paragraph("The library moves in the spring.")
        for line in ("Libraries Team", "Station House", "47 Mill Wynd", "Dunmore", "DM4 2QT"):
            document.add_paragraph().add_run(line).bold = True
        document.add_paragraph("Write to us at this address if you have a question.")

    result = converted(make_docx(tmp_path / "notice.docx", build), tmp_path)
    text = everything(result)
    for line in ("Libraries Team", "Station House", "47 Mill Wynd", "Dunmore", "DM4 2QT"):
        assert line in text
    assert "DM4 2QT" not in [section.heading for section in result.document.sections]
    assert result.missing_facts == [] and unexplained(result.document.ledger) == []


@pytest.mark.parametrize("name", ["agenda.txt", "agenda.md"])
def test_agenda_numbers_stay_with_their_items(name, tmp_path):
    source = write(tmp_path, name, "Agenda\n\n3121. Highways update\n3122. Any other business\n\n"
                                   "7. Grants to local groups\n8. Date of next meeting\n")
    result = converted(source, tmp_path)
    said = sentences(result)
    for number, words in (("3121", "Highways update"), ("3122", "Any other business"),
                          ("7", "Grants to local groups"), ("8", "Date of next meeting")):
        [item] = [sentence for sentence in said if words.lower() in sentence.lower()]
        assert item.startswith(number), item
    assert result.missing_facts == []


def test_a_number_that_is_part_of_a_heading_stays(tmp_path):
    source = write(tmp_path, "apply.md", "# Housing help\n\n## 4 ways to apply\n\nYou can apply online.\n\n"
                                         "## 2.3 Who can apply\n\nAnyone over 16 can apply.\n")
    headings = [section.heading for section in converted(source, tmp_path).document.sections]
    assert "4 ways to apply" in headings
    assert "Who can apply" in headings  # "2.3" is section numbering


@pytest.mark.parametrize("line", ["Case ref QXWTPL is on your form.", "CASE REF QXWTPL IS ON YOUR FORM."])
def test_a_reference_code_keeps_its_case(line, tmp_path):
    result = converted(write(tmp_path, "case.txt", f"Your case\n\n{line}\n"), tmp_path)
    assert any("QXWTPL" in sentence for sentence in sentences(result)), sentences(result)


def test_the_name_of_a_law_stays_whole(tmp_path):
    law = "Harbours etc. (Wales) Act 2009"
    result = converted(write(tmp_path, "law.txt", f"Moorings\n\nThese rules come from the {law} and apply to boats.\n"),
                       tmp_path)
    assert any(law in sentence for sentence in sentences(result)), sentences(result)


def test_a_bracketed_note_is_never_deleted_silently(tmp_path):
    result = converted(write(tmp_path, "form.txt", "Forms\n\nReturn the form to the office (see overleaf) by 5 May.\n"),
                       tmp_path)
    assert any("(see overleaf)" in sentence for sentence in sentences(result)), sentences(result)


def test_an_abbreviation_does_not_end_a_sentence(tmp_path):
    result = converted(write(tmp_path, "meeting.txt", "Meeting\n\nCllr. Okafor will chair the meeting.\n\n"
                                                     "Tel. 01632 960 448\n"), tmp_path)
    said = sentences(result)
    assert "Cllr. Okafor will chair the meeting." in said
    assert any(sentence.startswith("Tel. 01632 960 448") for sentence in said), said


def test_a_web_address_keeps_its_scheme_and_nothing_in_it_is_bold(tmp_path):
    address = "https://www.example.gov.uk/planning/tree-policy-2025.pdf"
    result = converted(write(tmp_path, "trees.txt", f"Trees\n\nRead our tree policy at {address} today.\n"), tmp_path)
    assert any(address in sentence for sentence in sentences(result))
    markdown = (tmp_path / "out" / "trees.easyread.md").read_text(encoding="utf-8")
    assert "**policy**" in markdown  # the word in the sentence is still explained and bold
    line = next(line for line in markdown.splitlines() if "tree" in line and "example" in line)
    url = line[line.index("https"):].split()[0]
    assert "**" not in url


def test_a_footnote_in_word_is_kept_and_checked(tmp_path, runner):
    def build(document: Any) -> None:
        add_body_xml(document, paragraph(run("Report a blocked drain to us."), note_reference("footnote", 1)))
        add_notes_part(document, "footnote", {1: note_body("At night, phone 01632 960 227.")})

    source = make_docx(tmp_path / "drains.docx", build)
    result = converted(source, tmp_path)
    assert any("01632 960 227" in sentence for sentence in sentences(result))
    assert result.missing_facts == []
    # check --source finds the footnote's number missing from an Easy Read text that lost it.
    easy = write(tmp_path, "easy.md", "# Drains\n\nTell us about a blocked drain.\n")
    outcome = runner.invoke(app, ["check", str(easy), "--source", str(source)])
    assert "01632 960 227" in outcome.stdout


def test_a_text_box_is_its_own_sentence(tmp_path):
    def build(document: Any) -> None:
        add_body_xml(document, paragraph(run("Bulky items are collected on request."),
                                         text_box(paragraph(run("Remember: book by noon on Tuesday")))))

    result = converted(make_docx(tmp_path / "bulky.docx", build), tmp_path)
    said = sentences(result)
    assert any(sentence.startswith("Remember: book by noon on Tuesday") for sentence in said), said
    assert not any("request.Remember" in sentence or "requestRemember" in sentence for sentence in said)


def test_table_rows_with_postcodes_are_not_contact_details(tmp_path):
    def build(document: Any) -> None:
        document.add_paragraph("You can vote at these places.")
        table = document.add_table(rows=3, cols=2)
        for row, cells in zip(table.rows, [["Polling place", "Address"], ["Riverside Hall", "Dock Road, DM1 4RT"],
                                            ["Oak Chapel", "Church Lane, DM2 9PL"]], strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
        document.add_paragraph("Questions? Call the elections team on 01632 960 310.")

    result = converted(make_docx(tmp_path / "polling.docx", build), tmp_path)
    assert ends_with_contact_page(result.document)
    page = [item.sentence for item in result.document.sections[-1].items]
    assert page == [next(s for s in sentences(result) if "01632 960 310" in s)]
    assert not any("DM1 4RT" in sentence or "DM2 9PL" in sentence for sentence in page)


def test_a_letter_keeps_the_recipients_address_off_the_contact_page(tmp_path):
    from tests.conftest import SEEDS

    result = converted(SEEDS / "council-tax-letter.docx", tmp_path)
    text = everything(result)
    assert "NB3 9LF" not in text and "Rosemary Court" not in text and "Dear Ms" not in text
    reasons = {entry.location: entry.reason for entry in result.document.ledger if entry.use == "set aside"}
    assert reasons["paragraph 14"].startswith("letter furniture")
    assert result.document.sections[-1].heading != CONTACT_HEADING or all(
        "NB3 9LF" not in item.sentence for item in result.document.sections[-1].items)
    assert not any(hard.word.lower() == "court" for item in result.document.items() for hard in item.hard_words)


def test_a_place_name_is_not_explained_as_a_hard_word(tmp_path):
    result = converted(write(tmp_path, "move.txt", "Moving\n\nThe office is now at 3 Willow Court, DM5 1AB.\n"),
                       tmp_path)
    assert not any(hard.word.lower() == "court" for item in result.document.items() for hard in item.hard_words)


def test_converting_our_own_output_is_refused(tmp_path, runner):
    source = write(tmp_path, "bins.txt", "Bins\n\nPut your bin out by 7am.\n")
    assert runner.invoke(app, ["convert", str(source), "-o", str(tmp_path), "-f", "pdf,md,docx"]).exit_code == 0
    for name in ("bins.easyread.pdf", "bins.easyread.md", "bins.easyread.docx"):
        outcome = runner.invoke(app, ["convert", str(tmp_path / name), "-o", str(tmp_path / "again")])
        assert outcome.exit_code == 2, outcome.output
        assert "made by easyread" in outcome.stderr and "Traceback" not in outcome.output
    for renamed, original in (("renamed.pdf", "bins.easyread.pdf"), ("renamed.txt", "bins.easyread.md"),
                              ("renamed.docx", "bins.easyread.docx")):
        (tmp_path / renamed).write_bytes((tmp_path / original).read_bytes())
        outcome = runner.invoke(app, ["convert", str(tmp_path / renamed), "-o", str(tmp_path / "again")])
        assert outcome.exit_code == 2 and "made by easyread" in outcome.stderr, renamed


def test_the_report_counts_parts_that_gave_no_item(tmp_path, runner):
    from tests.conftest import SEEDS

    outcome = runner.invoke(app, ["convert", str(SEEDS / "council-tax-letter.docx"), "-o", str(tmp_path)])
    assert outcome.exit_code == 0
    line = next(line for line in outcome.stderr.splitlines() if line.startswith("source:"))
    assert "gave none" in line and "letter furniture" in line


def test_a_building_named_court_is_not_explained_but_a_law_court_is(tmp_path):
    result = converted(write(tmp_path, "venues.txt", "Venues\n\nVote at Mallard Court Common Room, DM6 2LL.\n\n"
                                                    "Your case will be heard at the Crown Court.\n"), tmp_path)
    hard = {item.sentence[:10]: [word.word.lower() for word in item.hard_words] for item in result.document.items()}
    assert "court" not in hard["Vote at Ma"]
    assert "court" in hard["Your case "]


def test_the_name_of_a_law_in_capitals_keeps_its_words(tmp_path):
    result = converted(write(tmp_path, "closure.txt", "Road closure\n\n"
                                                     "NOTICE MADE UNDER SECTION 14 OF THE ROAD TRAFFIC REGULATION "
                                                     "ACT 1984 FOR THE CLOSURE OF MILL LANE.\n"), tmp_path)
    assert any("Road Traffic Regulation Act 1984" in sentence for sentence in sentences(result)), sentences(result)


def test_a_sentence_marked_as_a_heading_stays_with_the_heading_above_it(tmp_path):
    source = write(tmp_path, "update.md", "# Parking\n\n#### Update 4/12/25\n\nLetters will go out in the week "
                                          "starting 15th December, we are told today.\n---\n\n### Next steps\n\n"
                                          "We will write again.\n")
    result = converted(source, tmp_path)
    [section] = [section for section in result.document.sections if "12/25" in section.heading
                 or any("15" in item.sentence for item in section.items)]
    assert any("15" in item.sentence and "December" in item.sentence for item in section.items)
    assert "4/12/25" in section.heading or "4 December" in section.heading or "12/25" in section.heading


def test_a_quotation_keeps_its_words(tmp_path):
    source = write(tmp_path, "quote.md", "# Update\n\nThe council's officer wrote:\n\n"
                                         "> Plans are nearly complete. We will finalise the additional details.\n")
    said = sentences(converted(source, tmp_path))
    assert "“Plans are nearly complete.”" in said
    assert "“We will finalise the additional details.”" in said


def test_emoji_used_as_bullets_give_one_item_each(tmp_path):
    source = write(tmp_path, "tasks.md", "# Tasks\n\nThe group will:  \n✅ Share the survey link  \n"
                                         "✅ Book the hall for the exhibition\n")
    result = converted(source, tmp_path)
    said = sentences(result)
    assert "Share the survey link." in said and "Book the hall for the exhibition." in said
    assert all("emoji-removed" in item.flags for item in result.document.items() if "Share" in item.sentence)


def test_a_part_of_only_symbols_is_set_aside_as_no_words_not_lost(tmp_path, runner):
    source = write(tmp_path, "hall.txt", "Notice\n\nThe hall is open.\n\n&\n\nCome along.\n")
    outcome = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "out"), "-f", "json"])
    assert outcome.exit_code == 0 and "warning" not in outcome.stderr, outcome.stderr
    assert "1 gave none (1 no words)" in outcome.stderr
