"""Phone numbers, postcodes, money, dates, times and emails never break across lines (issue 15.5).

The PDF is measured (reportlab's own line breaking); Word, HTML and Markdown are checked for the
marks each format honours, and `easyread check` reads every format back as plain text.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from easyread.checks.html_units import read_html_units
from easyread.checks.own_units import docx_units, markdown_units
from easyread.checks.units import TextUnit
from easyread.layout.docx import render_docx
from easyread.layout.html import render_html, sentence_html, stylesheet
from easyread.layout.markdown import render_markdown, sentence_markdown
from easyread.layout.no_break import (
    MAX_RUN_CHARACTERS,
    NO_BREAK_SPACE,
    NON_BREAKING_HYPHEN,
    keep_together,
    kept_runs,
    no_break_spaces,
    nowrap_html,
    plain_spaces,
)
from easyread.model import EasyReadDocument, EasySection, HardWord, Item

NB = NO_BREAK_SPACE
PHONE = "01632 960 178"
SENTENCE = f"You can phone the council tax team on {PHONE} if you want to talk to us."


def test_the_spaces_inside_each_kind_of_run_become_no_break_spaces():
    text = ("Phone 01632 960 178, write to AB1 2DE, pay £1,250.50 by Tuesday 3 June 2025 at 6:30 pm "
            "or email rent-team@example.gov.uk.")
    marked = no_break_spaces(text)
    assert f"01632{NB}960{NB}178," in marked
    assert f"AB1{NB}2DE," in marked
    assert f"Tuesday{NB}3{NB}June{NB}2025 at 6:30{NB}pm" in marked
    assert "rent-team@example.gov.uk" in marked
    assert marked.count(NB) == 2 + 1 + 3 + 1  # every other space still breaks
    assert len(marked) == len(text)
    assert plain_spaces(marked) == text


def test_hyphens_become_non_breaking_only_when_asked_and_never_in_an_address():
    text = "Phone 01632-960178 or email rent-team@example.gov.uk."
    assert no_break_spaces(text) == text
    marked = no_break_spaces(text, hyphens=NON_BREAKING_HYPHEN)
    assert f"01632{NON_BREAKING_HYPHEN}960178" in marked
    assert "rent-team@example.gov.uk" in marked  # the address is exactly as written
    assert plain_spaces(marked) == text


def test_words_that_are_not_facts_keep_their_breaks():
    text = "The well-known park is open to everyone in the town."
    assert kept_runs(text) == []
    assert no_break_spaces(text, hyphens=NON_BREAKING_HYPHEN) == text


def test_a_run_too_long_for_a_line_keeps_its_breaks():
    # Each date of a range is a run of its own; a single run longer than a line is left alone.
    text = "From Wednesday 1 April 2026 to Wednesday 31 March 2027."
    marked = no_break_spaces(text)
    assert f"Wednesday{NB}1{NB}April{NB}2026 to Wednesday{NB}31" in marked
    assert all(end - start <= MAX_RUN_CHARACTERS for start, end, _ in kept_runs(text))


def test_bold_pieces_keep_their_lengths_and_flags():
    runs = [("Pay your ", False), ("council tax", True), (" by 1 April 2026.", False)]
    kept = keep_together(runs)
    assert [bold for _, bold in kept] == [False, True, False]
    assert kept[2][0] == f" by 1{NB}April{NB}2026."
    assert "".join(piece for piece, _ in kept).replace(NB, " ") == "".join(piece for piece, _ in runs)


def test_a_unit_read_back_by_check_has_plain_spaces_and_hyphens():
    unit = TextUnit(f"Phone 01632{NB}960{NON_BREAKING_HYPHEN}178.", "item 1")
    assert unit.text == "Phone 01632 960-178."


# PDF: measure where reportlab breaks the lines.

def _pdf_lines(markup: str) -> list[str]:
    from reportlab.platypus import Paragraph

    from easyread.layout import styles as S
    from easyread.layout.fonts import fonts_for

    fonts = fonts_for(SENTENCE)
    styles = S.paragraph_styles(fonts.body.regular, fonts.body.bold)
    paragraph = Paragraph(markup, styles["body"])
    paragraph.wrap(S.TEXT_WIDTH, S.FRAME_HEIGHT)
    lines = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one font: (width, words)
            lines.append(" ".join(line[1]))
        else:  # several fonts or bold: fragments
            lines.append("".join(fragment.text for fragment in line.words))
    return [" ".join(line.replace(NB, " ").split()) for line in lines]


def _sentences_with_phone_at_a_wrap_point():
    """Sentences whose phone number reportlab breaks when nothing keeps it whole (proof that the
    phone number is at a wrap point), with the plain lines."""
    from xml.sax.saxutils import escape

    found = []
    for words in range(3, 12):
        prefix = " ".join(["Please"] + ["phone"] * words)
        for extra in ("", " a", " ab", " abc", " abcd"):
            sentence = f"{prefix}{extra} {PHONE} today."
            plain_lines = _pdf_lines(escape(sentence))
            if not any(PHONE in line for line in plain_lines) and len(plain_lines) > 1:
                found.append((sentence, plain_lines))
    return found


def test_pdf_a_phone_number_at_a_wrap_point_stays_on_one_line():
    from easyread.layout.fonts import fonts_for
    from easyread.layout.markup import sentence_markup

    cases = _sentences_with_phone_at_a_wrap_point()
    assert cases, "no sentence put the phone number at a wrap point"
    for sentence, plain_lines in cases:
        lines = _pdf_lines(sentence_markup(sentence, fonts=fonts_for(sentence)))
        assert any(PHONE in line for line in lines), (plain_lines, lines)
        assert " ".join(lines) == sentence  # nothing lost, nothing added


def test_pdf_a_bold_hard_word_beside_a_date_keeps_the_date_whole():
    from easyread.layout.fonts import fonts_for
    from easyread.layout.markup import sentence_markup

    date = "Wednesday 30 September 2026"
    for words in range(1, 9):
        sentence = " ".join(["You"] + ["must"] * words) + f" pay your council tax by {date}."
        markup = sentence_markup(sentence, [HardWord("council tax", "Money for services.")],
                                 fonts=fonts_for(sentence))
        assert "<b>" in markup
        lines = _pdf_lines(markup)
        assert any(date in line for line in lines), lines


# Word, HTML and Markdown: the marks each format honours.

def _document() -> EasyReadDocument:
    items = [
        Item(SENTENCE, "a phone"),
        Item("Our office is at AB1 2DE and you can call 01632-960178.", "a building"),
        Item("Pay £7.50 by Tuesday 3 June 2025.", "a coin", hard_words=[HardWord("Pay", "Give money.")]),
        Item("Email rent-team@example.gov.uk for help.", "an email"),
    ]
    return EasyReadDocument(title="Your rent", source_name="rent.docx", sections=[EasySection("Contact us", items)])


def _item_texts(units: list[TextUnit]) -> list[str]:
    return [unit.text for unit in units if unit.kind == "body"]


def test_word_has_no_break_spaces_and_word_non_breaking_hyphens(tmp_path):
    output = tmp_path / "rent.docx"
    render_docx(_document(), output)
    with zipfile.ZipFile(output) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert f"01632{NB}960{NB}178" in xml
    assert f"AB1{NB}2DE" in xml
    assert f"Tuesday{NB}3{NB}June{NB}2025" in xml
    assert re.search(r"01632</w:t>\s*<w:noBreakHyphen/>\s*<w:t[^>]*>960178", xml)
    assert "rent-team@example.gov.uk" in xml
    texts = _item_texts(docx_units(output))
    assert SENTENCE in texts
    assert "Our office is at AB1 2DE and you can call 01632-960178." in texts


def test_html_wraps_each_run_in_a_nowrap_span(tmp_path):
    html = sentence_html(SENTENCE, [])
    assert f'<span class="nobr">{PHONE}</span>' in html
    assert re.search(r"\.nobr\s*\{\s*white-space:\s*nowrap", stylesheet())
    email = sentence_html("Email rent-team@example.gov.uk for help.", [])
    assert '<span class="nobr">rent-team@example.gov.uk</span>' in email
    output = tmp_path / "rent.html"
    render_html(_document(), output)
    assert SENTENCE in _item_texts(read_html_units(output))


def test_html_bold_inside_a_kept_run_nests_properly():
    text = "Pay by 3 June 2025."
    html = nowrap_html(text, [("Pay by 3 ", False), ("June", True), (" 2025.", False)])
    assert html == 'Pay by <span class="nobr">3 <strong>June</strong> 2025</span>.'


def test_markdown_has_no_break_spaces(tmp_path):
    assert sentence_markdown(SENTENCE, []) == SENTENCE.replace(PHONE, PHONE.replace(" ", NB))
    bold = sentence_markdown("Pay £7.50 by Tuesday 3 June 2025.", [HardWord("Pay", "Give money.")])
    assert bold == f"**Pay** £7.50 by Tuesday{NB}3{NB}June{NB}2025."
    output = tmp_path / "rent.md"
    render_markdown(_document(), output)
    text = output.read_text(encoding="utf-8")
    assert f"01632{NB}960{NB}178" in text
    assert SENTENCE in _item_texts(markdown_units(text))


@pytest.mark.parametrize("sentence", [SENTENCE, "Write to AB1 2DE.", "Come at 6:30 pm on 3 June 2025."])
def test_html_text_is_unchanged_inside_the_spans(sentence):
    html = sentence_html(sentence, [])
    assert re.sub(r"</?span[^>]*>", "", html) == sentence


def test_check_reads_our_pdf_with_plain_spaces(tmp_path):
    from easyread.checks.pdf_units import pdf_units
    from easyread.language.facts import missing_facts
    from easyread.layout.pdf import render_pdf

    output = tmp_path / "rent.pdf"
    render_pdf(_document(), output)
    reading = pdf_units(output, own=True)
    texts = _item_texts(reading.units)
    assert SENTENCE in texts
    assert NB not in reading.text and NON_BREAKING_HYPHEN not in reading.text
    source = " ".join(item.sentence for section in _document().sections for item in section.items)
    assert missing_facts(source, reading.text) == []


def test_the_body_font_draws_the_no_break_space_itself():
    from easyread.layout.fonts import fonts_for

    text = f"Phone 01632{NB}960{NB}178."
    fonts = fonts_for(text)
    for bold in (False, True):
        assert fonts.runs(text, bold) == [(text, fonts.body.face(bold))]  # no fallback font, nothing dropped
