"""Emoji come out of Easy Read text (flagged); text symbols, other scripts and facts stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from easyread.language.emoji import without_emoji


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bins 🗑️ go out 🎉!", "Bins go out!"),
        ("🎉 Party time", "Party time"),
        ("Party time 🎉", "Party time"),
        ("dŵr 💧.", "dŵr."),
        ("(🎉 yes)", "(yes)"),
        ("🎉🎉 Party", "Party"),
        ("a  b 😀  c", "a  b c"),  # only the spacing where the emoji stood is tidied
        ("I❤️NY", "I NY"),  # an emoji used as a word still parts the words
        ("Family 👨‍👩‍👧 day", "Family day"),  # a zero-width-joiner sequence goes whole
        ("Thumbs 👍🏽👍 up", "Thumbs up"),  # with its skin tone
        ("Wales 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f and 🇬🇧 flags", "Wales and flags"),
        ("Phone ☎️ us", "Phone us"),  # a text symbol asked to show as an emoji (U+FE0F)
        ("Done ✅ and ⌚ time", "Done and time"),  # Emoji_Presentation without a selector
        ("Press 1️⃣ or #️⃣ now", "Press 1 or # now"),  # a keycap keeps its digit: it may be a fact
        ("Line one 😀\nLine two", "Line one\nLine two"),
        ("😀", ""),
        ("😀 😀", ""),
    ],
)
def test_emoji_are_removed_and_spacing_tidied(text, expected):
    assert without_emoji(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "Copyright © 2024 Example Council ® ™",  # Extended_Pictographic, but text by default
        "Tick ✔ the box, go → there, ↔ both ways",
        "Phone ☎︎ us",  # U+FE0E asks for text
        "Bydd yr ŵyl yn y parc. Ŵyl Ŷ ŷ",
        "Pay £25.50 by 1 April (ref AB-123) at www.example.gov.uk",
        "Call 01234 567890 #1 *",
        "क्‍ष and می‌خواهم",  # joiners in other scripts are kept
        "",
    ],
)
def test_text_without_emoji_is_unchanged(text):
    assert without_emoji(text) == (text, False)


@given(st.text(alphabet=st.characters(codec="latin-1")))
def test_latin_text_is_never_touched(text):
    assert without_emoji(text) == (text, False)


EMOJI_LIST = ["😀", "🗑️", "👍🏽", "👨‍👩‍👧", "🇬🇧", "❤️", "✅", "1️⃣"]
EMOJI = st.sampled_from(EMOJI_LIST)
WORDS = st.sampled_from(["Bins", "dŵr", "go", "out", "on", "Monday", ",", ".", "!", "(", ")", " ", "  ", "\n"])


@given(st.lists(st.one_of(EMOJI, WORDS), max_size=12))
def test_removal_is_complete_and_final(parts):
    text = "".join(parts)
    cleaned, removed = without_emoji(text)
    assert removed == any(part in EMOJI_LIST for part in parts)
    assert without_emoji(cleaned) == (cleaned, False)  # nothing left to remove
    assert "\ufe0f" not in cleaned and "\u200d" not in cleaned
    assert "  " not in cleaned or "  " in text  # tidying adds no double spaces
    for word in ("Bins", "dŵr", "Monday"):  # every word stays
        assert cleaned.count(word) == text.count(word)
