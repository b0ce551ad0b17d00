"""Unit tests of deep nesting in Markdown (easyread.readers.markdown_parser) and of raw HTML text."""

from __future__ import annotations

from easyread.limits import MAX_NESTING_DEPTH
from easyread.readers.html_text import ALT_TEXT, INSTRUCTION, SCRIPT, html_text
from easyread.readers.markdown import parse_elements


def test_a_list_nested_below_the_limit_keeps_one_item_per_line() -> None:
    text = "\n".join(f"{'  ' * depth}- item {depth}" for depth in range(MAX_NESTING_DEPTH + 10)) + "\n\nAfter.\n"
    elements = list(parse_elements(text))
    assert [element.text for element in elements] == [f"item {depth}" for depth in range(MAX_NESTING_DEPTH + 10)] + ["After."]
    assert {element.kind for element in elements[:-1]} == {"list_item"}
    assert [element.line for element in elements] == list(range(1, MAX_NESTING_DEPTH + 11)) + [MAX_NESTING_DEPTH + 12]


def test_quotes_past_the_limit_are_paragraphs_split_where_the_depth_changes() -> None:
    text = "\n".join(">" * depth + f" level {depth}" for depth in range(1, MAX_NESTING_DEPTH + 6))
    elements = list(parse_elements(text + "\n"))
    assert [element.text for element in elements] == [f"level {depth}" for depth in range(1, MAX_NESTING_DEPTH + 6)]
    assert {element.role for element in elements} == {"quotation"}


def test_ordered_numbers_are_kept_past_the_limit_and_emphasis_is_read() -> None:
    text = "- " * (MAX_NESTING_DEPTH + 3) + "3. Bring *two* forms of ID\n"
    assert [element.text for element in parse_elements(text)] == ["3. Bring two forms of ID"]


def test_html_keeps_words_apart_and_shows_link_addresses() -> None:
    found = html_text('<p>One<br>two <a href="tel:01632960001">Call us</a> <a href="#top">Top</a></p>')
    assert found.visible == "One two Call us (tel:01632960001) Top"


def test_html_parts_not_shown_come_back_with_their_reasons() -> None:
    found = html_text('<style>p {}</style><img alt="A map of the park"><?php x ?><![CDATA[raw]]><!-- note -->Hi')
    assert found.visible == "Hi"
    assert found.comments == ["note"]
    assert found.not_shown == [("p {}", SCRIPT), ("A map of the park", ALT_TEXT), ("php x", INSTRUCTION),
                               ("raw", INSTRUCTION)]


def test_inline_html_breaks_and_picture_descriptions_in_markdown() -> None:
    elements = list(parse_elements("![The new bins](bins.png) Line one<br>line two\n"))
    assert [(e.kind, e.text, e.part) for e in elements] == [
        ("paragraph", "Line one line two", ""), ("set_aside", "The new bins", "picture 1")]
