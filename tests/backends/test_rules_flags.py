"""Review flags on rules items are judged as a reader meets the text: no false long-sentence flags
on table rows of short "Label: value." sentences, list numbers, dates in full or labelled lists of
names; real long sentences still flagged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from easyread.backends.rules import RulesBackend
from easyread.language.sentences import word_count
from easyread.language.style import long_sentences, reading_length
from easyread.model import Block, Section


def items(text: str, kind: str = "paragraph"):
    return RulesBackend().simplify(Section("", [Block(kind, text, "table 1 row 2")])).items  # type: ignore[arg-type]


def test_a_table_row_of_short_label_value_sentences_is_not_a_long_sentence():
    row = ("Name of group: Riverside Garden Club. Meeting place: The Old Barn, Mill Lane. "
           "Contact person: Priya Holt. Day: Every Thursday evening.")
    (item,) = items(row, kind="table_row")
    assert len(item.sentence.split()) > 15  # the item as a whole is long
    assert "long-sentence" not in item.flags


def test_a_table_row_with_one_long_sentence_is_still_flagged():
    row = ("Need: Medium. What we do: Help the person to find a doctor close to their home and to book "
           "visits for their eyes, their teeth and their feet every year.")
    (item,) = items(row, kind="table_row")
    assert "long-sentence" in item.flags
    assert long_sentences(item.sentence) == [item.sentence.split(". ", 1)[1]]


def test_a_list_number_is_not_a_word():
    assert reading_length("iii. Bring your letter and a photo to the desk on the ground floor today.") == 14
    assert reading_length("2. Bring your letter and a photo to the desk on the ground floor today.") == 14
    (item,) = items("3. Bring your letter and a photo of you to the desk on floor one today.")  # 15 words after "3."
    assert "long-sentence" not in item.flags
    (item,) = items("3. Bring your letter and a photo of you to the desk on floor one today please.")
    assert "long-sentence" in item.flags


def test_a_date_in_full_time_and_postcode_count_as_one_word_each():
    sentence = "The hall at NE99 1ZZ opens on Tuesday 3 June 2025 from 9:30 am for the coffee morning."
    assert reading_length(sentence) == 13
    (item,) = items(sentence)
    assert "long-sentence" not in item.flags


def test_a_labelled_list_of_names_counts_as_its_label_and_one_list():
    row = "People who signed the form: Ann B Cole (+) Dev Patel Mary Q Ivers, Tom Rudd and Jo Ng."
    assert reading_length(row) == 6
    (item,) = items(row, kind="table_row")
    assert "long-sentence" not in item.flags


def test_names_inside_a_long_sentence_still_count_word_by_word():
    sentence = ("You can ask Ann Cole, Dev Patel, Mary Ivers or Tom Rudd at Riverside Hall when you want "
                "to change the day we come to your home.")
    assert reading_length(sentence) > 15
    (item,) = items(sentence)
    assert "long-sentence" in item.flags


def test_a_long_single_clause_is_still_flagged():
    (item,) = items("The office at the end of the road near the big park will stay open later on the days "
                    "before each holiday.")
    assert "long-sentence" in item.flags


def test_dot_leaders_of_a_contents_list_end_no_sentence():
    contents = ("Who we are ........ 2, What we do ........ 3, How to reach us ........ 4, "
                "Your rights ........ 5, Saying sorry ........ 6, Words we use ........ 7.")
    (item,) = items(contents, kind="table_row")
    assert "long-sentence" in item.flags  # one run of contents lines, not six short sentences
    assert long_sentences("We will come soon. Please wait for us.") == []


def test_a_cell_of_names_without_its_column_label_is_flagged():
    row = ("Club: Riverside Garden Club. Address: 2 Mill Lane, NE99 1ZZ. Ann B Cole (+) Dev O`Hara Mary Q Ivers. "
           "Helpers: Tom Rudd and Jo Ng.")
    (item,) = items(row, kind="table_row")
    assert "unlabelled-cell" in item.flags
    assert "long-sentence" not in item.flags


def test_labelled_cells_and_a_cell_that_is_a_sentence_are_not_unlabelled():
    (item,) = items("Club: Riverside Garden Club. Helpers: Ann B Cole, Dev Patel and Mary Q Ivers.", kind="table_row")
    assert "unlabelled-cell" not in item.flags
    (item,) = items("Club: Riverside Garden Club. What we do: We grow food. New members are always welcome.",
                    kind="table_row")
    assert "unlabelled-cell" not in item.flags


def test_address_lines_joined_into_one_item_are_not_an_unlabelled_cell():
    section = Section("", [Block("paragraph", line, f"line {n}") for n, line in
                           enumerate(["Priya Holt", "Riverside Garden Club", "Mill Lane", "Northbrook"], 1)])
    (item,) = RulesBackend().simplify(section).items
    assert item.sentence == "Priya Holt, Riverside Garden Club, Mill Lane, Northbrook."
    assert item.flags == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["the", "bin", "you", "will", "get", "a", "new", "card", "soon", "and", "we",
                                 "can", "help", "with", "it", "if", "ask"]), min_size=1, max_size=40))
def test_plain_words_are_counted_one_by_one(words):
    """Nothing but ordinary words: the reader's count is the plain word count, so no real long
    sentence loses its flag."""
    sentence = " ".join(words).capitalize() + "."
    assert reading_length(sentence) == word_count(sentence)
    assert bool(long_sentences(sentence)) == (len(words) > 15)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "P", "S", "Zs"]), max_size=120))
def test_the_reader_count_never_adds_words(text):
    assert reading_length(text) <= word_count(text)
