"""Plain-text structuring shared by .txt and PDF: paragraphs, headings, lists, tables, the title."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.readers.common import table_row_text
from easyread.readers.plain_text import Piece, parse_pieces, split_title, structure_plain_text

from .conftest import outline


def kinds_and_texts(text: str) -> list[tuple[str, str, int]]:
    return [(piece.kind, piece.text, piece.line) for piece in parse_pieces(text)]


def test_paragraph_lines_are_joined_and_blank_lines_split_paragraphs() -> None:
    text = "Your green bin\nwill be emptied   on Tuesday.\n\nPut it out by 7am.\n"
    assert kinds_and_texts(text) == [
        ("paragraph", "Your green bin will be emptied on Tuesday.", 1),
        ("paragraph", "Put it out by 7am.", 4),
    ]


def test_short_line_followed_by_text_is_a_heading_but_not_at_the_end() -> None:
    text = "What happens next\n\nWe will write to you.\n\nThank you\n"
    assert kinds_and_texts(text) == [
        ("heading", "What happens next", 1),
        ("paragraph", "We will write to you.", 3),
        ("paragraph", "Thank you", 5),
    ]


def test_short_line_ending_with_punctuation_is_not_a_heading() -> None:
    text = "Dear Sam,\n\nWe are writing.\n\nYou need to bring:\n\nA photo.\n"
    assert [piece.kind for piece in parse_pieces(text)] == ["paragraph"] * 4


def test_all_caps_first_line_heading_splits_its_paragraph() -> None:
    text = "IMPORTANT DATES\nBins go out on Monday.\nBring them in on Tuesday.\n"
    assert kinds_and_texts(text) == [
        ("heading", "IMPORTANT DATES", 1),
        ("paragraph", "Bins go out on Monday. Bring them in on Tuesday.", 2),
    ]


def test_all_caps_in_the_middle_of_an_address_is_not_a_heading() -> None:
    text = "Mr J Smith\n12 High Street\nLONDON\n\nDear Mr Smith,\n"
    assert kinds_and_texts(text)[0] == ("paragraph", "Mr J Smith 12 High Street LONDON", 1)


def test_hash_line_and_underlined_line_are_headings() -> None:
    text = "Intro text.\n## Your rights ##\nYou can ask.\n\nContact\n=======\nCall us.\n"
    assert kinds_and_texts(text) == [
        ("paragraph", "Intro text.", 1),
        ("heading", "Your rights", 2),
        ("paragraph", "You can ask.", 3),
        ("heading", "Contact", 5),
        ("paragraph", "Call us.", 7),
    ]


def test_list_markers_are_removed_and_each_item_is_a_block() -> None:
    text = "- dash\n* star\n• bullet\n– en dash\n1. one\n2) two\na) letter\n(b) bracketed\n"
    assert kinds_and_texts(text) == [
        ("list_item", "dash", 1), ("list_item", "star", 2), ("list_item", "bullet", 3),
        ("list_item", "en dash", 4), ("list_item", "1. one", 5), ("list_item", "2) two", 6),
        ("list_item", "a) letter", 7), ("list_item", "(b) bracketed", 8),
    ]


def test_indented_or_lower_case_line_continues_a_list_item_but_a_new_sentence_does_not() -> None:
    text = "- Put the bin\n  out by 7am\n- Bring it\nback in\nThen relax.\n"
    assert kinds_and_texts(text) == [
        ("list_item", "Put the bin out by 7am", 1),
        ("list_item", "Bring it back in", 3),
        ("paragraph", "Then relax.", 5),
    ]


def test_a_bullet_on_its_own_line_takes_the_next_line() -> None:
    assert kinds_and_texts("•\nGreen bin\n") == [("list_item", "Green bin", 1)]


def test_markers_need_a_space_after_them() -> None:
    text = "-5 degrees is cold\n\n1.5 million people live here\n"
    assert [piece.kind for piece in parse_pieces(text)] == ["paragraph", "paragraph"]


def test_tab_and_wide_gap_lines_are_table_rows() -> None:
    text = "Day\tBin\nMonday    Green bin    7am\n"
    assert kinds_and_texts(text) == [
        ("table_row", "Day, Bin", 1),
        ("table_row", "Monday, Green bin, 7am", 2),
    ]


def test_two_spaces_after_full_stops_do_not_make_a_table() -> None:
    text = "Bins go out on Monday.  Bring them in.  Thank you.\n"
    assert kinds_and_texts(text) == [("paragraph", "Bins go out on Monday. Bring them in. Thank you.", 1)]


def test_separator_lines_are_dropped() -> None:
    assert kinds_and_texts("First part.\n\n* * *\n\nSecond part.\n") == [
        ("paragraph", "First part.", 1), ("paragraph", "Second part.", 5),
    ]


def test_special_characters_survive_literally() -> None:
    text = "Children age < 18 & parents > 30 pay *less* than 5 <b> units.\n"
    assert parse_pieces(text) == [Piece("paragraph", text.strip(), 1)]


def test_split_title_takes_a_short_first_line_and_keeps_line_numbers() -> None:
    title, rest = split_title("\nBin collection changes\n\nYour bin day moves.\n")
    assert title == "Bin collection changes"
    assert rest == "\n\n\nYour bin day moves.\n"


def test_split_title_refuses_sentences_long_lines_list_items_and_run_on_lines() -> None:
    assert split_title("Your bin day is changing.\n\nMore text.")[0] is None
    long_line = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert split_title(long_line + "\n\nMore")[0] is None
    assert split_title("- Green bin\n- Blue bin\n")[0] is None
    assert split_title("From 1 April your green bin\nwill be collected on Tuesday.\n")[0] is None
    assert split_title("Only one line\n")[0] is None


def test_structure_plain_text_builds_sections_with_line_locations(tmp_path: Path) -> None:
    text = "Bin changes\n\nIntro text.\n\nWhat to do\n\n- Put it out\n- Bring it in\n"
    document = structure_plain_text(text, tmp_path / "bins.txt")
    assert document.title == "Bin changes"
    assert document.format == "txt"
    assert outline(document) == [
        ("", [("paragraph", "Intro text.", "line 3")]),
        ("What to do", [("list_item", "Put it out", "line 7"), ("list_item", "Bring it in", "line 8")]),
    ]


def test_a_document_of_one_title_like_line_keeps_that_line_as_text(tmp_path: Path) -> None:
    document = structure_plain_text("Your bin day is changing to Tuesday\n", tmp_path / "letter.txt")
    assert document.title == ""  # never the file name
    assert outline(document) == [("", [("paragraph", "Your bin day is changing to Tuesday", "line 1")])]


def test_table_row_text_with_and_without_a_header() -> None:
    assert table_row_text(["Monday", "Green bin"], ["Day", "Bin"]) == "Day: Monday. Bin: Green bin."
    assert table_row_text(["Monday", ""], ["Day", "Bin"]) == "Day: Monday."
    assert table_row_text(["Done!", "x"], ["Status", ""]) == "Status: Done! x."
    assert table_row_text(["Monday", "", "Green bin"], None) == "Monday, Green bin"


# --- no word is ever lost ------------------------------------------------------------------------

_MARKER = re.compile(r"^(?:[-*•–●▪◦·]|\d{1,3}[.)]|[A-Za-z]\)|\((?:\d{1,3}|[A-Za-z])\)|#{1,6})$")
_WORD_CHARS = "abcXYZ019<>&*-#.,;:()•–"
words = st.text(alphabet=_WORD_CHARS, min_size=1, max_size=6)
gaps = st.sampled_from([" ", " ", " ", "  ", "   ", "\t"])
lines = st.lists(st.tuples(words, gaps), max_size=6).map(lambda parts: "".join(w + g for w, g in parts))
indents = st.sampled_from(["", "", " ", "  "])
documents = st.lists(st.tuples(indents, lines), max_size=12).map(
    lambda rows: "\n".join(indent + line for indent, line in rows))


def expected_words(text: str) -> list[str]:
    """Words that must survive: with a letter or digit, and not a list or heading marker starting a line."""
    result: list[str] = []
    for line in text.split("\n"):
        tokens = line.split()
        if tokens and _MARKER.match(tokens[0]):
            tokens = tokens[1:]
        result += [token for token in tokens if re.search(r"[A-Za-z0-9]", token)]
    return result


def is_subsequence(wanted: list[str], output: list[str]) -> bool:
    position = 0
    for word in wanted:
        while position < len(output) and output[position] not in (word, word + ","):
            position += 1
        if position == len(output):
            return False
        position += 1
    return True


@settings(max_examples=300, deadline=None)
@given(documents)
def test_no_word_of_the_input_is_lost(text: str) -> None:
    title, rest = split_title(text)
    output = ([title] if title else []) + [piece.text for piece in parse_pieces(rest)]
    output_words = " ".join(output).split()
    assert is_subsequence(expected_words(text), output_words), (expected_words(text), output_words)
